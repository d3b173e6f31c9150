/**
 * The change report on the real Telnyx specs (../shared/specs/telnyx: 2025-12-03 -> 2026-06-08 ->
 * the current one), each spec generated once (the manifest, plus the TypeScript package for the
 * declarations check): the operations it reports added and removed are exactly the method+path set
 * difference of the public operations, computed here from the YAML text by a scanner that shares
 * nothing with the generator; and every break the declarations check finds in the generated
 * packages is one the model diff classed breaking.
 *
 * Also where every earlier spec (history/*.yml) is checked to generate completely with the repo
 * config (SDK, skills, manifest): that whole run fills the model, unit and format caches its diff
 * side then reads, so each earlier spec is loaded and modelled once per `npm test`, not once here and
 * once more in another file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSide, type BuiltSide } from '../../generator/diff/build.ts';
import { diffModels, WEBHOOKS_ACCESSOR, type DiffReport } from '../../generator/diff/index.ts';
import { diffPackages, type SurfaceDiff } from '../../generator/diff/surface-diff.ts';
import { typeUsage } from '../../generator/diff/usage.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { ROOT } from '../support/cli.ts';

const SPECS = join(ROOT, '../shared/specs/telnyx');
const FILES = ['history/2025-12-03.yml', 'history/2026-06-08.yml', 'openapi.yml'];
/** Every earlier spec, generated whole (the current one is, once per run, in test/support/global-setup.ts). */
const HISTORY = readdirSync(join(SPECS, 'history'))
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => `history/${f}`);

/**
 * `METHOD /path` -> x-hidden, from the text: the specs are block YAML with paths at two spaces,
 * methods at four and an operation's own keys at six.
 */
function scanOperations(text: string): Map<string, boolean> {
  const operations = new Map<string, boolean>();
  let inPaths = false;
  let path = '';
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      inPaths = line.startsWith('paths:');
      continue;
    }
    if (!inPaths) continue;
    const pathKey = /^ {2}['"]?(\/[^'"]*)['"]?:\s*$/.exec(line);
    const method = /^ {4}(get|put|post|delete|patch|head|options|trace):\s*$/.exec(line);
    if (pathKey) [path, current] = [pathKey[1], undefined];
    else if (/^ {4}\S/.test(line)) current = method ? `${method[1].toUpperCase()} ${path}` : undefined;
    if (current && method) operations.set(current, false);
    if (current && /^ {6}x-hidden:\s*true\s*$/.test(line)) operations.set(current, true);
  }
  return operations;
}

const publicOf = (ops: Map<string, boolean>) =>
  new Set([...ops].filter(([, hidden]) => !hidden).map(([k]) => k));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((k) => !b.has(k)).sort();
const subjects = (report: DiffReport, kind: string) =>
  report.changes
    .filter((c) => c.kind === kind)
    .map((c) => c.subject!)
    .sort();

const scanned = FILES.map((f) => scanOperations(readFileSync(join(SPECS, f), 'utf8')));
const sides: BuiltSide[] = [];
const reports: DiffReport[] = [];
const surfaces: SurfaceDiff[] = [];
const timings: string[] = [];
const wholeDir = mkdtempSync(join(tmpdir(), 'telnyx-history-'));
/** Where each earlier spec's whole output went, by file. */
const whole = new Map<string, string>();

beforeAll(async () => {
  const time = async <T>(what: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push(`${what} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  // The whole run first, with the project's caches (the same config, names lock and spec path as the
  // side's run, so the side reads the model back and renders its units from the unit cache).
  for (const file of HISTORY) {
    const out = join(wholeDir, file.replace(/\W/g, '-'));
    await time(`generate ${file}`, () => runPipeline({ spec: join(SPECS, file), out }));
    whole.set(file, out);
  }
  for (const file of FILES)
    sides.push(await time(`build ${file}`, () => buildSide(join(SPECS, file), { typescript: true })));
  for (let i = 0; i + 1 < sides.length; i++) {
    const [before, after] = [sides[i], sides[i + 1]];
    const report = await time(`diff ${i}`, () => diffModels(before, after, 'test'));
    reports.push(report);
    surfaces.push(
      await time(`declarations ${i}`, () =>
        diffPackages(before.packageDir!, after.packageDir!, {
          changes: report.changes,
          usage: typeUsage(before, WEBHOOKS_ACCESSOR),
        }),
      ),
    );
  }
}, 240_000);

afterAll(() => {
  for (const side of sides) side.dispose();
  rmSync(wholeDir, { recursive: true, force: true });
  console.log(`change report on the Telnyx specs: ${timings.join(', ')}`);
});

describe.each(HISTORY)('%s generates completely with the repo config', (file) => {
  it('SDK, skills and manifest', () => {
    const out = whole.get(file)!;
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.count).toBeGreaterThan(800);
    expect(existsSync(join(out, 'typescript/src/client.ts'))).toBe(true);
    expect(readdirSync(join(out, 'skills')).filter((d) => d.startsWith('telnyx-')).length).toBeGreaterThan(
      200,
    );
  });
});

describe('the scanner', () => {
  it('sees the operations the specs README counts (862, 1082, 1156; 53 hidden in the current one)', () => {
    expect(scanned.map((ops) => ops.size)).toEqual([862, 1082, 1156]);
    expect(scanned[2].size - publicOf(scanned[2]).size).toBe(53);
  });
});

describe.each([
  ['2025-12-03 -> 2026-06-08', 0],
  ['2026-06-08 -> current', 1],
])('%s', (_name, i) => {
  it('reports as added and removed exactly the set difference of public operations', () => {
    const [before, after] = [publicOf(scanned[i]), publicOf(scanned[i + 1])];
    expect(reports[i].operations).toEqual({ from: before.size, to: after.size });
    expect(subjects(reports[i], 'operation-added')).toEqual(minus(after, before));
    expect(subjects(reports[i], 'operation-removed')).toEqual(minus(before, after));
    expect(reports[i].counts['operation-added']).toBe(minus(after, before).length);
    expect(reports[i].counts['operation-removed'] ?? 0).toBe(minus(before, after).length);
  });

  it('every break in the generated declarations is one the model diff classed breaking', () => {
    const unexplained = surfaces[i].breaks.filter((b) => !b.explained);
    expect(unexplained.map((b) => `${b.kind} ${b.key}: ${b.detail} (${b.accessors.join(', ')})`)).toEqual([]);
    expect(surfaces[i].breaks.length).toBeGreaterThan(0);
  });
});

it('2025-12-03 -> 2026-06-08 removes operations, so it is a major release', () => {
  expect(reports[0].bump).toBe('major');
  expect(reports[0].counts['operation-removed']).toBe(45);
  expect(reports[0].counts['operation-added']).toBe(261);
});
