/**
 * The independent type oracle (issue 9; docs/ARCHITECTURE.md: "openapi-typescript ... is the
 * independent type oracle in the tests"): openapi-typescript turns the same spec into
 * `components['schemas'][Key]`, and for every component schema ours (`Models.<Name>` in models.ts,
 * the name the generator's naming gave that schema: `nameApi` over the model, as the pipeline does)
 * and theirs must be assignable both ways, or the difference is listed and classified.
 *
 * openapi-typescript runs with the options that keep OpenAPI's meaning:
 * - `--default-non-nullable false`: a property with a `default` stays optional (the server fills it
 *   in; a client may omit it), where the tool's default would make it required;
 * - `--empty-objects-unknown`: an object schema with no properties allows any object, not
 *   `Record<string, never>` (no property at all);
 * - readOnly/writeOnly properties are kept on both sides (no `--read-write-markers`): ours' models
 *   keep both scopes in one type too, so the comparison is like for like;
 * - no `--additional-properties`: only an explicit `additionalProperties` gives an index signature,
 *   as in ours.
 * One check file, one checker run over it (check-file.mjs), each failed check mapped back by line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { DIGIT_PREFIX } from '../../../generator/model/index.ts';
import type { Api } from '../../../generator/model/types.ts';
import { nameApi } from '../../../generator/naming/names.ts';
import { ROOT } from '../../support/cli.ts';
import { runProcess } from '../../dropin/support/run.ts';
import { failureKind } from './operation-types.ts';

export const SPEC = resolve(ROOT, '../shared/specs/telnyx/openapi.yml');
export const OPENAPI_TYPESCRIPT_ARGS = ['--default-non-nullable', 'false', '--empty-objects-unknown'];

export type OracleDirection = 'theirs->ours' | 'ours->theirs';

export interface OracleFailure {
  key: string;
  name: string;
  direction: OracleDirection;
  kind: string;
  first: string;
  last: string;
}

export interface OracleResult {
  /** Component schemas in the spec (as openapi-typescript lists them). */
  schemas: number;
  compared: number;
  passed: Record<OracleDirection, number>;
  failures: OracleFailure[];
  /** Schemas with no exported type in models.ts, and why. */
  skipped: Array<{ key: string; reason: string }>;
  harness: string[];
  seconds: { openapiTypescript: number; check: number };
}

/** openapi-typescript over the spec into `dir/oracle.ts` (the CLI, in a child process). */
export async function runOpenapiTypescript(dir: string): Promise<{ file: string; seconds: number }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'oracle.ts');
  const started = Date.now();
  const run = await runProcess(
    process.execPath,
    [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), SPEC, '-o', file, ...OPENAPI_TYPESCRIPT_ARGS],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeoutMs: 300_000 },
  );
  if (run.status !== 0)
    throw new Error(`openapi-typescript failed (${run.status}):\n${run.stderr.slice(-3000)}`);
  return { file, seconds: (Date.now() - started) / 1000 };
}

/** The keys of `components.schemas` in an openapi-typescript output, read with the TS parser. */
export function schemaKeys(oracleFile: string): string[] {
  const source = ts.createSourceFile(oracleFile, readFileSync(oracleFile, 'utf8'), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== 'components') continue;
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || member.name.getText(source) !== 'schemas') continue;
      if (!member.type || !ts.isTypeLiteralNode(member.type)) break;
      return member.type.members.map((m) => {
        const name = m.name!;
        return ts.isStringLiteral(name) ? name.text : name.getText(source);
      });
    }
  }
  throw new Error(`${oracleFile}: no components.schemas`);
}

/** Top-level exported names of models.ts (a parse, no type-check). */
function modelExports(modelsFile: string): Set<string> {
  const source = ts.createSourceFile(modelsFile, readFileSync(modelsFile, 'utf8'), ts.ScriptTarget.Latest);
  const names = new Set<string>();
  for (const s of source.statements)
    if (
      (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) &&
      (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    )
      names.add(s.name.text);
  return names;
}

/** Schema key -> our TS type name: the component types of the model, named as the pipeline names them. */
export function componentTypeNames(api: Api): Map<string, string> {
  const names = nameApi(api, DIGIT_PREFIX).types;
  const result = new Map<string, string>();
  for (const t of api.types) if (t.origin === 'component') result.set(t.name, names.get(t.name)!);
  return result;
}

const PRELUDE = `// Generated by test/types/support/oracle.ts: one assignment per check and line.
type Sane<T> = 0 extends 1 & T ? 'is any' : [T] extends [never] ? 'is never' : true;
`;

export async function checkOracle(options: {
  oracleFile: string;
  modelsFile: string;
  names: Map<string, string>;
  dir: string;
  openapiTypescriptSeconds: number;
}): Promise<OracleResult> {
  const keys = schemaKeys(options.oracleFile);
  const discriminated = discriminators(readFileSync(SPEC, 'utf8'), keys);
  const exported = modelExports(options.modelsFile);
  const skipped: OracleResult['skipped'] = [];
  const lines: string[] = [
    `import type { components } from ${JSON.stringify(options.oracleFile.replace(/\.ts$/, ''))};`,
    `import type * as Models from ${JSON.stringify(options.modelsFile.replace(/\.ts$/, ''))};`,
    `type S = components['schemas'];`,
  ];
  const checks = new Map<number, { key: string; name: string; direction: OracleDirection | 'guard' }>();
  let compared = 0;
  keys.forEach((key, n) => {
    const name = options.names.get(key);
    if (!name) return skipped.push({ key, reason: 'not a component type of the model' });
    if (!exported.has(name)) return skipped.push({ key, reason: `models.ts exports no ${name}` });
    compared++;
    const k = JSON.stringify(key);
    const push = (text: string, direction: OracleDirection | 'guard') => {
      lines.push(text);
      checks.set(lines.length, { key, name, direction });
    };
    lines.push(`// ${key} -> ${name}`, `type T${n} = S[${k}]; type M${n} = Models.${name};`);
    push(`export const g${n}: [Sane<T${n}>, Sane<M${n}>] = [true, true];`, 'guard');
    push(`declare const t${n}: T${n}; export const m${n}: M${n} = t${n};`, 'theirs->ours');
    push(`declare const u${n}: M${n}; export const v${n}: T${n} = u${n};`, 'ours->theirs');
  });
  mkdirSync(options.dir, { recursive: true });
  const checkFile = join(options.dir, 'oracle-check.ts');
  writeFileSync(checkFile, `${PRELUDE}${lines.join('\n')}\n`);
  const offset = PRELUDE.split('\n').length - 1;
  const config = join(options.dir, 'tsconfig.oracle.json');
  const official = JSON.parse(
    readFileSync(resolve(ROOT, '../shared/reference/telnyx-node-2026-07-16/tsconfig.json'), 'utf8'),
  ).compilerOptions;
  writeFileSync(
    config,
    `${JSON.stringify(
      {
        compilerOptions: {
          // The strict options a user of the official SDK has (exactOptionalPropertyTypes included).
          ...official,
          paths: {},
          lib: ['es2022'],
          noEmit: true,
          incremental: false,
          skipLibCheck: true,
          types: [],
        },
        files: [checkFile],
      },
      null,
      2,
    )}\n`,
  );
  const started = Date.now();
  const run = await runProcess(process.execPath, [join(ROOT, 'test/types/support/check-file.mjs'), config], {
    cwd: options.dir,
    timeoutMs: 600_000,
  });
  const seconds = (Date.now() - started) / 1000;
  const failures: OracleFailure[] = [];
  const harness: string[] = [];
  const seen = new Set<string>();
  const out = run.stdout.split('\n');
  for (let i = 0; i < out.length; i++) {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/.exec(out[i]!);
    if (!m) {
      if (/error TS\d+/.test(out[i]!)) harness.push(out[i]!);
      continue;
    }
    const chain = [m[4]!];
    while (i + 1 < out.length && /^\s+\S/.test(out[i + 1]!)) chain.push(out[++i]!.trim());
    const check = resolve(options.dir, m[1]!) === checkFile ? checks.get(Number(m[2]) - offset) : undefined;
    if (!check) {
      harness.push(`${m[1]}:${m[2]} ${m[3]} ${m[4]}`);
      continue;
    }
    const tidy = chain.map((l) =>
      l
        .replace(/import\("[^"]+"\)\./g, '')
        .replace(
          / with 'exactOptionalPropertyTypes: true'\. Consider adding 'undefined' to the types of the target's properties\./,
          '.',
        ),
    );
    if (check.direction === 'guard') {
      harness.push(`${check.key} -> ${check.name}: ${tidy[0]} (one side is any or never)`);
      continue;
    }
    const id = `${check.direction} ${check.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const first = tidy[0]!;
    const last = tidy.length > 1 ? tidy[tidy.length - 1]! : '';
    failures.push({
      key: check.key,
      name: check.name,
      direction: check.direction,
      kind: oracleKind(first, last, discriminated),
      first,
      last,
    });
  }
  if (run.status !== 0 && failures.length === 0 && harness.length === 0)
    throw new Error(`the checker failed without a diagnostic:\n${run.stderr.slice(-3000)}`);
  const count = (d: OracleDirection) => compared - failures.filter((f) => f.direction === d).length;
  return {
    schemas: keys.length,
    compared,
    passed: { 'theirs->ours': count('theirs->ours'), 'ours->theirs': count('ours->theirs') },
    failures,
    skipped,
    harness,
    seconds: { openapiTypescript: options.openapiTypescriptSeconds, check: seconds },
  };
}

/**
 * The spec's discriminators, by a scan of its text (no YAML parse): the property names, and the
 * values a discriminated property takes (mapping keys; without a mapping, the schema names).
 * openapi-typescript narrows a discriminated variant's property to its one value and makes it
 * required, which the schema alone does not say.
 */
export function discriminators(
  specText: string,
  schemaKeys: string[],
): { properties: Set<string>; values: Set<string> } {
  const properties = new Set<string>();
  const values = new Set<string>(schemaKeys);
  for (const m of specText.matchAll(/^\s+propertyName:\s*['"]?([^'"\s]+)/gm)) properties.add(m[1]!);
  for (const m of specText.matchAll(/^(\s+)mapping:\n((?:\1\s+.*\n)+)/gm))
    for (const entry of m[2]!.matchAll(/^\s+['"]?([^'":]+?)['"]?:\s/gm)) values.add(entry[1]!);
  return { properties, values };
}

/** Why ours and theirs differ, from what the deepest line of the error names (OpenAPI terms first). */
function oracleKind(
  first: string,
  last: string,
  d: { properties: Set<string>; values: Set<string> },
): string {
  const line = last || first;
  const property = /^Property '([^']+)'/.exec(line)?.[1];
  const literals = [
    /^Type '"([^"]+)"' is not/.exec(line)?.[1],
    /is not assignable to type '"([^"]+)"'\.?$/.exec(line)?.[1],
  ];
  if ((property && d.properties.has(property)) || literals.some((l) => l !== undefined && d.values.has(l)))
    return "discriminator (theirs narrow a variant's property to its mapping value and require it)";
  if (/^Type 'null' is not assignable/.test(line)) return 'nullable (ours allow null where theirs do not)';
  if (/Index signature for type '\w+' is missing/.test(line)) return 'additionalProperties (index signature)';
  if (/^Type 'string' is not assignable to type '"/.test(line))
    return 'enum widening (string where an enum is expected)';
  if (/Uploadable|Blob|\bFile\b/.test(line)) return 'format binary';
  if (/^Type 'unknown' is not assignable/.test(line))
    return 'untyped in theirs (unknown) where ours infer a type';
  if (/is not assignable to type 'unknown'/.test(line)) return 'untyped in ours (unknown)';
  if (/Record<string, never>|'never'/.test(line)) return 'empty object / never';
  return failureKind(first, last);
}

/** openapi-typescript's types print inline: a message is cut at 240 characters. */
const clip = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

export function renderOracleReport(r: OracleResult, floors: Record<OracleDirection, number>): string {
  const lines = [
    '# Type oracle: openapi-typescript vs ours, per component schema',
    '',
    `openapi-typescript ${OPENAPI_TYPESCRIPT_ARGS.join(' ')} over the spec (${r.seconds.openapiTypescript.toFixed(1)} s); check ${r.seconds.check.toFixed(1)} s.`,
    `Component schemas: ${r.schemas}; compared (ours exports the type): ${r.compared}; skipped: ${r.skipped.length}.`,
    `theirs -> ours (theirs assignable to ours): ${r.passed['theirs->ours']}/${r.compared} (floor ${floors['theirs->ours']})`,
    `ours -> theirs (ours assignable to theirs): ${r.passed['ours->theirs']}/${r.compared} (floor ${floors['ours->theirs']})`,
    '',
    '## Differences by kind',
    '',
  ];
  const kinds = new Map<string, number>();
  for (const f of r.failures)
    kinds.set(`${f.direction}: ${f.kind}`, (kinds.get(`${f.direction}: ${f.kind}`) ?? 0) + 1);
  for (const [kind, count] of [...kinds].sort((a, b) => b[1] - a[1])) lines.push(`- ${count} ${kind}`);
  lines.push('');
  for (const direction of ['theirs->ours', 'ours->theirs'] as const) {
    const list = r.failures.filter((f) => f.direction === direction);
    lines.push(`## ${direction} differences (${list.length})`, '');
    for (const f of list)
      lines.push(
        `- \`${f.key}\` (Models.${f.name}) [${f.kind}]: ${clip(f.first)}${f.last ? ` … ${clip(f.last)}` : ''}`,
      );
    lines.push('');
  }
  if (r.skipped.length)
    lines.push(
      `## Skipped (${r.skipped.length})`,
      '',
      ...r.skipped.map((s) => `- \`${s.key}\`: ${s.reason}`),
      '',
    );
  if (r.harness.length) lines.push('## Harness errors', '', ...r.harness.map((h) => `- ${h}`), '');
  return lines.join('\n');
}
