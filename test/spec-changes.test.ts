/**
 * Regenerating when the spec changes: a spec the generator has never seen does not stop the SDK
 * (an unmapped tag gets a provisional product and a located warning; `--strict` makes it an error),
 * and names survive regenerating the Telnyx specs in ../shared/specs/telnyx/ one after another.
 * That every one of those specs generates completely with the repo's config is checked where each is
 * generated once anyway: test/diff/telnyx.test.ts (earlier specs), global-setup.ts (the current one).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, hasStackTrace, runCli, tempFiles, generateSpec } from './support/cli.ts';

const spec = `openapi: 3.1.0
info: { title: T, version: "1" }
servers: [{ url: https://api.example.com/v2 }]
paths:
  /pets:
    get:
      tags: [Pets]
      responses: { '200': { description: ok } }
  /toys:
    get:
      tags: [Toy Boxes]
      responses: { '200': { description: ok } }
`;

describe('a tag the products config does not know', () => {
  it('goes to a provisional product, with a warning that names the tag and the place', () => {
    const { dir, run } = generateSpec(spec);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /warning: .*spec\.yml:11:\d+: tag "Toy Boxes" .* provisional product "toy-boxes"/,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'out/manifest.json'), 'utf8'));
    expect(manifest.operations.map((o: any) => `${o.path} ${o.product}`)).toEqual([
      '/pets pets',
      '/toys toy-boxes',
    ]);
    expect(existsSync(join(dir, 'out/skills/telnyx-toy-boxes-python/SKILL.md'))).toBe(true);
  });

  it('is an error with --strict, and nothing is written', () => {
    const { dir, run } = generateSpec(spec, ['--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tag "Toy Boxes" \(used by GET \/toys\) is in no product/);
    expect(run.stderr).toMatch(/spec\.yml:11:\d+/);
    expect(run.stderr).toMatch(/fix: add "Toy Boxes"/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('names survive regeneration across spec versions', () => {
  it('2025-12-03 -> 2026-06-08 -> current, each locked by the previous run: common and moved operations keep their accessors', () => {
    const dir = tempFiles({});
    const shared = join(ROOT, '../shared');
    const steps = [
      {
        spec: join(shared, 'specs/telnyx/history/2025-12-03.yml'),
        lock: join(shared, 'reference/telnyx-node/api.md'),
      },
      { spec: join(shared, 'specs/telnyx/history/2026-06-08.yml') },
      { spec: join(shared, 'specs/telnyx/openapi.yml') },
    ];
    const runs: Map<string, { accessor: string; operationId: string | null }>[] = [];
    steps.forEach((step, i) => {
      const lock = step.lock ?? join(dir, `run${i - 1}/typescript/api.md`);
      const out = join(dir, `run${i}`);
      const run = runCli([
        '--spec',
        step.spec,
        '--names-from',
        lock,
        '--out',
        out,
        '--only',
        'manifest,typescript',
      ]);
      expect(run.code, run.stderr.slice(-1500)).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      runs.push(
        new Map(
          manifest.operations.map((o: any) => [
            `${o.method} ${o.path.replace(/\{[^}]+\}/g, '{}')}`,
            { accessor: o.accessors.ts, operationId: o.operationId },
          ]),
        ),
      );
    });
    for (let i = 1; i < runs.length; i++) {
      const [before, after] = [runs[i - 1]!, runs[i]!];
      const renamed = [...after].filter(
        ([key, now]) => before.has(key) && before.get(key)!.accessor !== now.accessor,
      );
      expect(renamed.map(([key, now]) => `${key}: ${before.get(key)!.accessor} -> ${now.accessor}`)).toEqual(
        [],
      );
      // Moved: a path gone from one version, the same method and operationId at a new path in the next.
      const gone = new Map(
        [...before]
          .filter(([key, was]) => !after.has(key) && was.operationId)
          .map(([key, was]) => [`${key.split(' ')[0]} ${was.operationId}`, was.accessor]),
      );
      const moved = [...after].filter(
        ([key, now]) => !before.has(key) && gone.has(`${key.split(' ')[0]} ${now.operationId}`),
      );
      const lost = moved.filter(
        ([key, now]) => gone.get(`${key.split(' ')[0]} ${now.operationId}`) !== now.accessor,
      );
      console.log(
        `step ${i}: ${moved.length} operations moved path, ${moved.length - lost.length} kept their accessor`,
      );
      expect(lost.map(([key, now]) => `${key}: ${now.accessor}`)).toEqual([]);
      if (i === 1) expect(moved.length).toBeGreaterThan(30);
    }
  }, 240_000);
});
