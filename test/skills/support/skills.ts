/**
 * Shared by the skills suites: render skills from a spec through the real pipeline's model, collect
 * their code blocks, and run every checker plus the checks that are not a compiler's job (curl URLs
 * and flags, Go imports, JavaScript blocks standing alone).
 */
import { join } from 'node:path';
import { loadConfig } from '../../../generator/config.ts';
import { renderSkills } from '../../../generator/emit/skills/index.ts';
import { jsPositional } from '../../../generator/emit/skills/render/javascript.ts';
import { DIGIT_PREFIX, makeResolver, type Api, type TypeNode } from '../../../generator/model/index.ts';
import { nameApi, type Names } from '../../../generator/naming/names.ts';
import { runPipeline, type RunOptions } from '../../../generator/pipeline.ts';
import { ROOT, tempFiles } from '../../support/cli.ts';
import { buildSurface, operationSurface, type Surface } from '../../../generator/surface/index.ts';
import type { Example } from '../../../generator/examples/examples.ts';
import { codeBlocks, type CodeBlock } from './blocks.ts';
import { leaves, valuesOf } from './literals.ts';
import { operationSections, referenceFiles, type OperationSection } from './sections.ts';
import {
  checkBash,
  checkGo,
  checkJava,
  checkJavaScript,
  checkPython,
  checkRuby,
  type CheckResult,
  type Failure,
} from './checkers.ts';

export interface Rendered {
  api: Api;
  resolve: (n: TypeNode) => TypeNode;
  names: Names;
  surface: Surface;
  files: Map<string, string>;
}

/** Skills of the spec and config in `options` (the config's webhooks table included). */
export async function renderFrom(
  options: Omit<RunOptions, 'out' | 'only'>,
  packageName = 'telnyx',
): Promise<Rendered> {
  const { api } = await runPipeline({ ...options, out: join(tempFiles({}), 'out'), only: ['manifest'] });
  const resolve = makeResolver(new Map(api.types.map((t) => [t.name, t])));
  const names = nameApi(api, DIGIT_PREFIX);
  const ctx = {
    templatesDir: join(ROOT, 'templates'),
    resolve,
    names,
    packageName,
    webhooksFile: loadConfig(options.config).webhooksFile,
  };
  const types = new Map(api.types.map((t) => [t.name, t]));
  const config = loadConfig(options.config);
  const { surface } = buildSurface(api, resolve, types, {
    includeHidden: false,
    compat: config.compat,
    configFile: config.file,
  });
  return { api, resolve, names, surface, files: renderSkills(api, surface, ctx) };
}

/** Every fenced block of every markdown file. */
export function allBlocks(files: Map<string, string>): CodeBlock[] {
  return [...files].filter(([f]) => f.endsWith('.md')).flatMap(([f, text]) => codeBlocks(f, text));
}

/** The language of a block, from its skill folder (`telnyx-oauth-python` -> python). */
export const skillLanguage = (block: CodeBlock) =>
  /telnyx-.+-(javascript|python|ruby|go|java|curl)\//.exec(block.file)?.[1];

const CHECKERS: [string, (b: CodeBlock[]) => CheckResult][] = [
  ['javascript', checkJavaScript],
  ['python', checkPython],
  ['ruby', checkRuby],
  ['go', checkGo],
  ['java', checkJava],
  ['bash', checkBash],
];

/** Runs each checker on the blocks of its fence language; unknown fence languages are failures too. */
export function checkAll(blocks: CodeBlock[]): { results: CheckResult[]; failures: Failure[] } {
  const known = new Set(CHECKERS.map(([lang]) => lang));
  const results = CHECKERS.map(([lang, check]) => ({
    ...check(blocks.filter((b) => b.lang === lang)),
    lang,
  }));
  const unknown = blocks
    .filter((b) => !known.has(b.lang))
    .map((block) => ({ block, message: `no checker for fence language "${block.lang}"` }));
  const extra = [
    ...curlFailures(blocks.filter((b) => b.lang === 'bash')),
    ...goImportFailures(blocks.filter((b) => b.lang === 'go')),
    ...jsStandaloneFailures(blocks),
  ];
  return { results, failures: [...results.flatMap((r) => r.failures), ...unknown, ...extra] };
}

/** curl: no unfilled `{param}` or raw brackets in a URL, never `-F` together with `-d`. */
export function curlFailures(blocks: CodeBlock[]): Failure[] {
  return blocks.flatMap((block) => {
    const failures: string[] = [];
    for (const url of block.code.matchAll(/'(https?|wss?):\/\/[^']*'/g)) {
      if (/[{}]/.test(url[0])) failures.push(`unfilled path parameter in ${url[0]}`);
      if (/[[\]]/.test(url[0])) failures.push(`raw brackets (a curl glob) in ${url[0]}`);
    }
    const multipart = /(^|\s)(-F|--form|--form-string)\s/m.test(block.code);
    const data = /(^|\s)(-d|--data|--data-urlencode|--data-binary|--data-raw)\s/m.test(block.code);
    if (multipart && data) failures.push('mixes -F with -d');
    return failures.map((message) => ({ block, message }));
  });
}

const GO_PACKAGES = [
  'context',
  'errors',
  'fmt',
  'io',
  'os',
  'strconv',
  'time',
  'math',
  'http',
  'base64',
  'ed25519',
  'telnyx',
  'option',
];

/** The official Go SDK of this spec; with Go modules, an import without `/v4` names another module. */
export const OFFICIAL_GO_MODULE = 'github.com/team-telnyx/telnyx-go/v4';

/** A Go import's package name: the last path element, before a major-version suffix (`/v4`). */
const goPackageName = (path: string) => {
  const name = path
    .replace(/\/v\d+$/, '')
    .split('/')
    .pop()!;
  return name === 'telnyx-go' ? 'telnyx' : name;
};

/**
 * Go refuses unused imports and missing ones alike: each import used, each package used imported;
 * and the SDK's packages come from the official module of this spec (its major version included).
 */
export function goImportFailures(blocks: CodeBlock[]): Failure[] {
  return blocks.flatMap((block) => {
    const imports = [...(/^import \(([\s\S]*?)^\)/m.exec(block.code)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map(
      (m) => m[1],
    );
    const names = imports.map(goPackageName);
    const otherModule = imports
      .filter((path) => /^github\.com\/team-telnyx\/telnyx-go(\/|$)/.test(path))
      .filter((path) => path !== OFFICIAL_GO_MODULE && !path.startsWith(`${OFFICIAL_GO_MODULE}/`))
      .map((path) => `imports ${path}, outside the official module ${OFFICIAL_GO_MODULE}`);
    const body = block.code.replace(/^import \([\s\S]*?^\)/m, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const used = (name: string) => new RegExp(`(?<![\\w.])${name}\\.`).test(body);
    const unused = names.filter((n) => !used(n)).map((n) => `imports ${n} without using it`);
    const missing = GO_PACKAGES.filter((n) => used(n) && !names.includes(n)).map(
      (n) => `uses ${n} without importing it`,
    );
    return [...otherModule, ...unused, ...missing].map((message) => ({ block, message }));
  });
}

/** JavaScript operation examples stand alone (import, client, call) so that tsc can check each. */
export function jsStandaloneFailures(blocks: CodeBlock[]): Failure[] {
  return blocks
    .filter((b) => b.lang === 'javascript' && /\bclient\./.test(b.code))
    .filter(
      (b) => !/^import Telnyx(, \{[^}]*\})? from '[^']+';$/m.test(b.code) || !/new Telnyx\(/.test(b.code),
    )
    .map((block) => ({ block, message: 'uses client without importing and constructing it' }));
}

export const describeFailures = (failures: Failure[]) =>
  failures
    .slice(0, 20)
    .map((f) => `${f.block.file}:${f.block.line} (${f.block.lang}, ${f.block.section}): ${f.message}`)
    .join('\n');

/** Operation sections of every skill (SKILL.md, then its references/ files in index order), by skill name. */
export function skillSections(files: Map<string, string>): Map<string, OperationSection[]> {
  const sections = new Map<string, OperationSection[]>();
  for (const [file, text] of files) {
    if (!file.endsWith('/SKILL.md')) continue;
    const dir = file.slice(0, -'SKILL.md'.length);
    const list = [
      ...operationSections(file, text),
      ...referenceFiles(text).flatMap((ref) => operationSections(dir + ref, files.get(dir + ref) ?? '')),
    ];
    sections.set(file.split('/')[1], list);
  }
  return sections;
}

/**
 * Every string and number of each operation's example inputs, looked up among the values read back
 * from each language's code block; a value missing or altered in one language is a mismatch.
 */
export function exampleMismatches(
  rendered: Rendered,
  sections: Map<string, OperationSection[]>,
): { compared: number; mismatches: string[] } {
  const env = { resolve: rendered.resolve, types: new Map(rendered.api.types.map((t) => [t.name, t])) };
  const byKey = new Map(rendered.api.operations.map((op) => [op.key, op]));
  const mismatches: string[] = [];
  let compared = 0;
  for (const [name, list] of sections) {
    const language = /-(javascript|python|ruby|go|java|curl)$/.exec(name)![1];
    for (const s of list) {
      const input = operationSurface(byKey.get(`${s.method} ${s.path}`)!, env).example;
      const values = valuesOf(language, s.block.code, s.path);
      const parts: Example[] = [
        // JavaScript writes a numeric path argument as a number (render/javascript.ts).
        ...(input.positional
          ? [language === 'javascript' ? jsPositional(input.positional) : input.positional.value]
          : []),
        ...input.fields.map((f) => f.value),
        ...(input.wholeBody ? [input.wholeBody] : []),
      ];
      const want = leaves({ kind: 'array', items: parts });
      const where = `${s.block.file}:${s.block.line}`;
      for (const text of want.strings)
        if (!values.strings.has(text)) mismatches.push(`${where}: string ${JSON.stringify(text)}`);
      for (const n of want.numbers) if (!values.numbers.has(n)) mismatches.push(`${where}: number ${n}`);
      for (const text of want.enums) {
        // Java passes enum values as constants of the params' enum class (CLIENT_CREDENTIALS).
        const constant = text
          .replace(/[^A-Za-z0-9]+/g, '_')
          .replace(/^_+|_+$/g, '')
          .toUpperCase();
        const shown =
          values.strings.has(text) ||
          (language === 'java' && constant !== '' && new RegExp(`\\.${constant}\\b`).test(s.block.code));
        if (!shown) mismatches.push(`${where}: enum ${JSON.stringify(text)}`);
      }
      compared++;
    }
  }
  return { compared, mismatches };
}
