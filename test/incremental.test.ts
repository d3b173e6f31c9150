/**
 * Incremental regeneration (README "Caches"): after a small change to the spec, units whose input is
 * unchanged (skills, resource modules, models.ts, formatted files) come from the per-unit caches, and
 * the output is byte for byte what an uncached run writes. A key that missed an input its renderer
 * reads would leave that unit stale: these tests change the spec, the config, the templates and the
 * generator's code and compare.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type StageTiming } from '../generator/pipeline.ts';
import { unitsCacheKey } from '../generator/cache.ts';
import { listFiles } from '../generator/write/index.ts';
import { FIXTURE_CONFIG, FIXTURES, ROOT, tempFiles } from './support/cli.ts';

const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** The emit stage's note: `1369 files, 566 units from cache, 7 rendered`. */
async function generate(options: Parameters<typeof runPipeline>[0]) {
  const timings: StageTiming[] = [];
  await runPipeline(options, (t) => timings.push(t));
  const note = timings.find((t) => t.stage === 'emit')?.note ?? '';
  const [, hits, misses] = note.match(/(\d+) units from cache, (\d+) rendered/) ?? [];
  return { hits: Number(hits ?? 0), misses: Number(misses ?? 0) };
}

/** Replaces the first `from` after `anchor`; both must be there, so a spec update fails loudly here. */
function edit(text: string, anchor: string, from: string, to: string): string {
  const at = text.indexOf(anchor);
  const found = at < 0 ? -1 : text.indexOf(from, at + anchor.length);
  if (found < 0) throw new Error(`the test's edit no longer applies: ${JSON.stringify(anchor)}`);
  return text.slice(0, found) + to + text.slice(found + from.length);
}

describe('a change to the Telnyx spec, regenerated with warm caches', () => {
  it('renders only the units the change reaches, and writes what an uncached run writes', async () => {
    const dir = tempFiles({});
    const spec = join(dir, 'openapi.yml');
    const cacheDir = join(dir, 'cache');
    const original = readFileSync(join(ROOT, '../shared/specs/telnyx/openapi.yml'), 'utf8');
    writeFileSync(spec, original);
    const first = await generate({ spec, out: join(dir, 'cached'), cacheDir });
    expect(first.hits).toBe(0);
    // The same spec into another folder: the model now comes from the model cache (a JSON copy, where
    // the cold run's model shared objects), and every unit key must still match the cold run's.
    const again = await generate({ spec, out: join(dir, 'again'), cacheDir });
    expect(again).toEqual({ hits: first.misses, misses: 0 });
    // Edits in four products, each reaching its units by another path: an operation's own text, a
    // parameter (a new enum value), a shared component schema its operations reference (a
    // description, and a new field), a type reached through a body property (below).
    let changed = edit(
      original,
      '\n  /messages:\n    post:\n',
      "description: 'Send a",
      "description: 'Send one",
    );
    changed = edit(
      changed,
      'operationId: ListPhoneNumbers\n',
      '          - usage_payment_method\n',
      '          - usage_payment_method\n          - status\n',
    );
    changed = edit(changed, '\n    Conference:\n', 'description: ', 'description: Changed. ');
    // A field added to that schema: it reaches the skills through the resolved response fields.
    changed = edit(
      changed,
      '\n    Conference:\n',
      '      properties:\n',
      '      properties:\n        added_by_test:\n          description: A field the test adds.\n          type: string\n',
    );
    // A read-only field on a schema a request body refers to: params then spell that type out in
    // place (RUNTIME.md), so the resource module changes through a type it only reaches by reference.
    changed = edit(
      changed,
      '\n    PrivacySettings:\n',
      '      properties:\n',
      '      properties:\n        server_side_by_test:\n          readOnly: true\n          type: string\n',
    );
    writeFileSync(spec, changed);
    const second = await generate({ spec, out: join(dir, 'cached'), cacheDir });
    // Most units came from the cache, and the edited ones were rendered again.
    expect(second.hits).toBeGreaterThan(first.misses * 0.8);
    expect(second.misses).toBeGreaterThan(0);
    await runPipeline({ spec, out: join(dir, 'uncached'), cache: false });
    const cached = snapshot(join(dir, 'cached'));
    const uncached = snapshot(join(dir, 'uncached'));
    // Each edit shows in the output (so a stale unit would differ), the new field in the skills too.
    const texts = [...uncached.values()];
    for (const mark of ['Send one message', 'added_by_test', 'Changed. ', 'server_side_by_test'])
      expect(texts.some((text) => text.includes(mark))).toBe(true);
    expect(
      [...uncached].some(([file, text]) => file.startsWith('skills/') && text.includes('added_by_test')),
    ).toBe(true);
    expect([...cached.keys()]).toEqual([...uncached.keys()]);
    const differ = [...uncached].filter(([file, text]) => cached.get(file) !== text).map(([file]) => file);
    expect(differ).toEqual([]);
  }, 240_000);
});

describe('what every unit key starts from', () => {
  it('changes with any template, any file of the generator, and the config values emitters read', () => {
    const dir = tempFiles({});
    cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
    cpSync(join(ROOT, 'generator'), join(dir, 'generator'), { recursive: true });
    const key = (values: unknown[] = ['telnyx']) =>
      unitsCacheKey(join(dir, 'templates'), values, join(dir, 'generator'));
    const before = key();
    expect(key()).toBe(before); // the same inputs, the same key
    expect(key(['other-package'])).not.toBe(before);
    const template = join(dir, 'templates/skills/python/setup.hbs');
    writeFileSync(template, readFileSync(template, 'utf8') + '\n');
    const afterTemplate = key();
    expect(afterTemplate).not.toBe(before);
    const code = join(dir, 'generator/emit/skills/skill.ts');
    writeFileSync(code, readFileSync(code, 'utf8') + '\n// changed\n');
    expect(key()).not.toBe(afterTemplate);
  });
});

describe('a config change, regenerated with warm caches', () => {
  it('writes what an uncached run writes (the package name lands in every skill and the package)', async () => {
    const dir = tempFiles({});
    const spec = join(FIXTURES, 'petstore.yml');
    const config = join(dir, 'config.yml');
    const original = readFileSync(FIXTURE_CONFIG, 'utf8');
    writeFileSync(config, original);
    const cacheDir = join(dir, 'cache');
    await generate({ spec, config, out: join(dir, 'cached'), cacheDir });
    writeFileSync(config, edit(original, 'package:', 'fixture-sdk', 'renamed-sdk'));
    await generate({ spec, config, out: join(dir, 'cached'), cacheDir });
    await runPipeline({ spec, config, out: join(dir, 'uncached'), cache: false });
    const uncached = snapshot(join(dir, 'uncached'));
    expect([...uncached.values()].some((text) => text.includes('renamed-sdk'))).toBe(true);
    expect(snapshot(join(dir, 'cached'))).toEqual(uncached);
  });
});

describe('the record of what a run wrote', () => {
  it('skips an unchanged run only while the output folder still matches it', async () => {
    const dir = tempFiles({});
    const options = {
      spec: join(FIXTURES, 'petstore.yml'),
      config: FIXTURE_CONFIG,
      cacheDir: join(dir, 'cache'),
    };
    const out = join(dir, 'out');
    const notes = async (extra: object = {}) => {
      const seen: string[] = [];
      const result = await runPipeline({ ...options, out, ...extra }, (t) =>
        seen.push(`${t.stage}: ${t.note}`),
      );
      return { seen, result };
    };
    await notes();
    const written = snapshot(out);
    expect((await notes()).seen).toContain(
      'cache: unchanged: output matches the record of the run that wrote it',
    );
    // Edited by hand: --check sees the drift, and the next run puts the file back.
    const file = join(out, 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8') + ' ');
    const check = await notes({ check: true });
    expect(check.result.drift).toEqual(['manifest.json']);
    const rerun = await notes();
    expect(rerun.seen).toContain('cache: miss');
    expect(snapshot(out)).toEqual(written);
  });
});

describe('findings of a run that stops at the record', () => {
  it("are the ones the run that wrote the output reported, the surface stage's included", async () => {
    // A body wrapper for an operation the spec lacks: the surface stage reports it, not the model.
    const dir = tempFiles({
      'config.yml':
        readFileSync(FIXTURE_CONFIG, 'utf8') + 'compat:\n  bodyWrappers:\n    POST /no-such-path: body\n',
    });
    const options = {
      spec: join(FIXTURES, 'petstore.yml'),
      config: join(dir, 'config.yml'),
      out: join(dir, 'out'),
      cacheDir: join(dir, 'cache'),
    };
    const run = async () => {
      const notes: string[] = [];
      const result = await runPipeline(options, (t) => notes.push(`${t.stage}: ${t.note}`));
      return { notes, lint: result.lint };
    };
    const first = await run();
    expect(first.lint.map((f) => f.rule)).toContain('stale-compat-entry');
    const second = await run();
    expect(second.notes).toContain('cache: unchanged: output matches the record of the run that wrote it');
    expect(second.lint).toEqual(first.lint);
  });
});
