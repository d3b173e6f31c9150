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
  /** The SDK retries 429/5xx/connection errors itself (curl does not). */
  retriesBuiltIn: boolean;
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

export const LANGUAGES: readonly Language[] = [
  {
    id: 'javascript',
    title: 'JavaScript',
    fence: 'javascript',
    uses: (pkg) => `the ${pkg} JavaScript/TypeScript SDK`,
    retriesBuiltIn: true,
    call: jsCall,
  },
  {
    id: 'python',
    title: 'Python',
    fence: 'python',
    uses: () => 'the Telnyx Python SDK',
    retriesBuiltIn: true,
    call: pyCall,
  },
  {
    id: 'ruby',
    title: 'Ruby',
    fence: 'ruby',
    uses: () => 'the Telnyx Ruby SDK',
    retriesBuiltIn: true,
    call: rbCall,
  },
  { id: 'go', title: 'Go', fence: 'go', uses: () => 'the Telnyx Go SDK', retriesBuiltIn: true, call: goCall },
  {
    id: 'java',
    title: 'Java',
    fence: 'java',
    uses: () => 'the Telnyx Java SDK',
    retriesBuiltIn: true,
    call: javaCall,
  },
  {
    id: 'curl',
    title: 'curl',
    fence: 'bash',
    uses: () => 'curl against the REST API',
    retriesBuiltIn: false,
    call: curlCall,
  },
];
