/**
 * Drop-in check at the method index: every method line of the official release made from the current
 * spec (its api.md, the production names lock) is in ours with the same accessor and argument
 * shape, aliases and content-type variants included (`preview0` beside `preview`, `upload` beside
 * `uploadJson`). What the arguments may contain is checked by the official suite (test/dropin/).
 */
import { expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli.ts';

const out = inject('generatedDir');
const LINE = /<code title="(\w+) ([^"]+)"[^>]*>client\.([\w.]+)\.<a [^>]*>(\w+)<\/a>(\([^)]*\))/;

/** `verb path` -> the `chain.method(args)` lines of an api.md, parameter names erased. */
function methodLines(file: string): Set<string> {
  const lines = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, verb, path, chain, method, args] = m;
    const shape = args.replace(/^\(\w+(?=[,)])/, '(id');
    lines.add(`${verb} ${path.replace(/\{[^}]+\}/g, '{}')} ${chain}.${method}${shape}`);
  }
  return lines;
}

it('has every method of the official release, with its accessor and argument shape', () => {
  const official = methodLines(join(ROOT, '../shared/reference/telnyx-node-2026-07-16/api.md'));
  const ours = methodLines(join(out, 'typescript/api.md'));
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  // `()` in the official index and `({ ...params })` in ours is still drop-in when every param is
  // optional: the spec gives the operation inputs that release did not offer.
  const optionalOnly = new Set<string>(
    manifest.operations
      .filter((o: any) => !o.params.some((p: any) => p.required && p.in !== 'path'))
      .map((o: any) => `${o.method.toLowerCase()} ${o.path.replace(/\{[^}]+\}/g, '{}')}`),
  );
  const extended = (line: string) => {
    const wider = line.replace(/\(\)$/, '({ ...params })').replace(/\(id\)$/, '(id, { ...params })');
    return wider !== line && ours.has(wider) && optionalOnly.has(line.split(' ').slice(0, 2).join(' '));
  };
  const missing = [...official].filter((line) => !ours.has(line) && !extended(line));
  console.log(`drop-in: ${official.size - missing.length} of ${official.size} official method lines in ours`);
  expect(official.size).toBeGreaterThan(1100);
  expect(missing).toEqual([]);
});
