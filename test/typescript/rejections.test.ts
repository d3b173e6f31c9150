/**
 * Every public method of the generated client returns a promise for every argument, and reports
 * every error as its rejection (issue 12: `..` as a path parameter threw synchronously from the
 * method). Each operation of the manifest is called through its accessor with `..` as the first
 * argument on a client whose fetch never answers: where the operation has a path parameter, the
 * call must reject with a path-parameter error before any request (`..` refused where it is the only
 * one; with several, the earlier ones, which come from params, are missing); elsewhere with some
 * TelnyxError (the fake network). A synchronous throw fails the test.
 */
import { expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface ManifestOperation {
  method: string;
  path: string;
  accessors: { ts: string };
}

it('every method rejects, never throws, and `..` as its path parameter is the rejection', async () => {
  const pkg = join(inject('generatedDir'), 'typescript');
  const { operations } = JSON.parse(readFileSync(join(pkg, '../manifest.json'), 'utf8')) as {
    operations: ManifestOperation[];
  };
  const sdk = await import(pathToFileURL(join(pkg, 'src/index.ts')).href);
  let requests = 0;
  const client = new sdk.default({
    apiKey: 'KEY_rejections_test',
    maxRetries: 0,
    logLevel: 'off',
    fetch: async () => {
      requests++;
      throw new Error('no network in this test');
    },
  });

  const problems: string[] = [];
  let pathErrors = 0;
  for (const op of operations) {
    const chain = op.accessors.ts.split('.').slice(1);
    const name = chain.pop()!;
    const owner = chain.reduce<any>((node, key) => node?.[key], client);
    const where = `${op.accessors.ts} (${op.method} ${op.path})`;
    if (typeof owner?.[name] !== 'function') {
      problems.push(`${where}: no such method`);
      continue;
    }
    let result: unknown;
    try {
      result = owner[name]('..');
    } catch (error) {
      problems.push(`${where}: threw synchronously: ${String(error)}`);
      continue;
    }
    if (typeof (result as PromiseLike<unknown> | undefined)?.then !== 'function') {
      problems.push(`${where}: returned no promise`);
      continue;
    }
    const before = requests;
    const error = await (result as Promise<unknown>).then(
      () => new Error('resolved'),
      (e: unknown) => e,
    );
    if (!(error instanceof sdk.TelnyxError)) problems.push(`${where}: rejected with ${String(error)}`);
    else if (op.path.includes('{')) {
      // With several path parameters the earlier ones come from params, so they are missing here.
      const single = op.path.split('{').length === 2;
      const want = single ? /would change which resource/ : /would change which resource|is required but was/;
      if (!want.test((error as Error).message) || requests !== before)
        problems.push(
          `${where}: not the path-parameter error before any request: ${(error as Error).message}`,
        );
      else pathErrors++;
    }
  }
  expect(problems).toEqual([]);
  // The path check ran where it should: every operation with a path parameter.
  expect(pathErrors).toBe(operations.filter((op) => op.path.includes('{')).length);
  expect(pathErrors).toBeGreaterThan(500);
});
