/**
 * The six skill languages: one row each, with the renderer that turns an operation's inputs into the
 * view its `call` partial (templates/skills/<id>/call.hbs) lays out.
 */
import type { CallInput } from '../../surface/index.ts';
import type { OperationSpelling } from '../../naming/names.ts';
import type { ResultPath } from './results.ts';
import { curlCall } from './render/curl.ts';
import { goCall } from './render/go.ts';
import { javaCall } from './render/java.ts';
import { jsCall } from './render/javascript.ts';
import { pyCall } from './render/python.ts';
import { rbCall } from './render/ruby.ts';

export type LanguageId = 'javascript' | 'python' | 'ruby' | 'go' | 'java' | 'curl';

export interface Language {
  id: LanguageId;
  /** As written in titles: real capitalisation, curl in lower case as its authors write it. */
  title: string;
  /** Info string of the code fences. */
  fence: string;
  /** How the frontmatter description names what the examples use. */
  uses: (packageName: string) => string;
  /**
   * What the SDK retries by itself, as one sentence for the error-handling section; '' where nothing
   * does (curl). Our JavaScript client replays only what HTTP calls idempotent after a 5xx
   * (templates/typescript/runtime/retries.ts); the official SDKs retry every method.
   */
  builtInRetries: string;
  /**
   * `names`: how this operation's inputs are spelled in each SDK (generator/naming/names.ts);
   * `result`: where the result lives, which the example prints.
   */
  call: (
    input: CallInput,
    server: string,
    names: OperationSpelling,
    result: ResultPath,
  ) => { result: string };
}

/** The official (Stainless-made) SDKs' default: two retries of these, whatever the method. */
const OFFICIAL_RETRIES =
  'The SDK already retries connection errors, 408, 409, 429 and 5xx responses twice with backoff.';

export const LANGUAGES: readonly Language[] = [
  {
    id: 'javascript',
    title: 'JavaScript',
    fence: 'javascript',
    uses: (pkg) => `the ${pkg} JavaScript/TypeScript SDK`,
    builtInRetries:
      'The client already retries 429, 503 and refused connections twice with backoff, and for GET, PUT ' +
      'and DELETE also 408, 409, other 5xx statuses, timeouts and dropped connections; a POST or PATCH ' +
      'is replayed after those only with an idempotency key, since its first attempt may have taken effect.',
    call: jsCall,
  },
  {
    id: 'python',
    title: 'Python',
    fence: 'python',
    uses: () => 'the Telnyx Python SDK',
    builtInRetries: OFFICIAL_RETRIES,
    call: pyCall,
  },
  {
    id: 'ruby',
    title: 'Ruby',
    fence: 'ruby',
    uses: () => 'the Telnyx Ruby SDK',
    builtInRetries: OFFICIAL_RETRIES,
    call: rbCall,
  },
  {
    id: 'go',
    title: 'Go',
    fence: 'go',
    uses: () => 'the Telnyx Go SDK',
    builtInRetries: OFFICIAL_RETRIES,
    call: goCall,
  },
  {
    id: 'java',
    title: 'Java',
    fence: 'java',
    uses: () => 'the Telnyx Java SDK',
    builtInRetries: OFFICIAL_RETRIES,
    call: javaCall,
  },
  {
    id: 'curl',
    title: 'curl',
    fence: 'bash',
    uses: () => 'curl against the REST API',
    builtInRetries: '',
    call: curlCall,
  },
];
