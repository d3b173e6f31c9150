/**
 * Drop-in check: every operation of the official SDK's api.md (2025-12-03) that is still public keeps
 * its accessor and an argument shape existing calls compile against.
 */
import { expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockKey, readNamesLock } from '../../generator/naming/index.ts';
import { ROOT } from '../support/cli.ts';

const out = inject('generatedDir');

it('keeps accessor and argument shape of all 817 still-public official operations', () => {
  const reference = readNamesLock(join(ROOT, '../shared/reference/telnyx-node/api.md'));
  const ours = readNamesLock(join(out, 'typescript/api.md'));
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const optionalParamsOnly = new Map<string, boolean>(
    manifest.operations.map((o: any) => [
      lockKey(o.method, o.path),
      !o.params.some((p: any) => p.required && p.in !== 'path'),
    ]),
  );
  const positional = (args: string) => args.replace(/^\(\w+(?=[,)])/, '(id');
  let compared = 0;
  let identical = 0;
  const broken: string[] = [];
  for (const [key, want] of reference) {
    const got = ours.get(key);
    if (!got) continue;
    compared++;
    const sameAccessor = got.resource.join('.') === want.resource.join('.') && got.method === want.method;
    const [w, g] = [positional(want.args), positional(got.args)];
    // A params object the new spec added is still drop-in when every field in it is optional.
    const extended =
      g === w.replace(/\)$/, w === '()' ? '{ ...params })' : ', { ...params })') &&
      optionalParamsOnly.get(key) === true;
    if (sameAccessor && g === w) identical++;
    else if (!(sameAccessor && extended))
      broken.push(
        `${key}: want ${want.resource.join('.')}.${want.method}${want.args}, got ${got.resource.join('.')}.${got.method}${got.args}`,
      );
  }
  console.log(
    `drop-in: ${compared - broken.length} of ${compared} compatible (${identical} identical shape, ${compared - broken.length - identical} gained an optional params object)`,
  );
  expect(compared).toBe(817);
  expect(broken).toEqual([]);
});
