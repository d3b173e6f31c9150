/**
 * The pipeline on small fixture specs: what lands in output/, lint findings, determinism, and
 * that a failing run leaves the previous output as it was.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pruneCache, readJson } from '../generator/util/json-cache.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { listFiles } from '../generator/write/index.ts';
import { FIXTURE_CONFIG, FIXTURES, tempFiles } from './support/cli.ts';

const petstore = join(FIXTURES, 'petstore.yml');
const run = (out: string, extra: object = {}) =>
  runPipeline({ spec: petstore, config: FIXTURE_CONFIG, out, cache: false, ...extra });
const snapshot = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('pipeline on the petstore fixture', () => {
  it('writes one manifest entry per public operation, hidden ones left out', async () => {
    const out = join(tempFiles({}), 'out');
    await run(out);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.operations.map((o: any) => `${o.method} ${o.path}`)).toEqual([
      'GET /pets',
      'POST /pets',
      'DELETE /pets/{pet_id}',
      'GET /pets/{pet_id}',
      'POST /pets/{pet_id}/actions/feed',
    ]);
    const create = manifest.operations[1];
    expect(create.accessors).toEqual({
      ts: 'client.pets.create',
      python: 'client.pets.create',
      ruby: 'client.pets.create',
      go: 'client.Pets.New',
      java: 'client.pets().create',
    });
    // `id` is readOnly: it is not an input.
    expect(create.params).toEqual([{ name: 'name', in: 'body', required: true }]);
    expect(manifest.operations[0].pagination).toBe('page-number');
  });

  it('keeps cyclic schemas as references (Pet -> Owner -> Pet)', async () => {
    const { api } = await run(join(tempFiles({}), 'out'));
    const owner = api.types.find((t) => t.name === 'Owner')!.type;
    expect(owner.kind).toBe('object');
    const pets = owner.kind === 'object' ? owner.properties.find((p) => p.name === 'pets')!.type : undefined;
    expect(pets).toEqual({ kind: 'array', items: { kind: 'ref', name: 'Pet' } });
    // Inline objects become named types under their owner.
    expect(api.types.map((t) => t.name)).toContain('Owner.address');
  });

  it('generating twice gives byte-identical output', async () => {
    const a = join(tempFiles({}), 'out');
    const b = join(tempFiles({}), 'out');
    await run(a);
    await run(b);
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('a run that fails before the swap leaves the previous output untouched', async () => {
    const out = join(tempFiles({}), 'out');
    await run(out);
    const before = snapshot(out);
    await expect(
      run(out, {
        beforeSwap: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(snapshot(out)).toEqual(before);
    expect(listFiles(join(out, '..')).some((f) => f.includes('staging'))).toBe(false);
  });

  it('removes the staging folder a killed run left, and keeps one whose run is alive', async () => {
    const out = join(tempFiles({}), 'out');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!; // exited: its pid names no process
    const alive = spawn('sleep', ['30']);
    try {
      for (const pid of [dead, alive.pid!]) {
        mkdirSync(join(`${out}.staging-${pid}`, 'typescript'), { recursive: true });
        writeFileSync(join(`${out}.staging-${pid}`, 'typescript/half-written.ts'), '');
      }
      await run(out);
      expect(existsSync(`${out}.staging-${dead}`)).toBe(false);
      expect(existsSync(`${out}.staging-${alive.pid}`)).toBe(true);
    } finally {
      alive.kill();
    }
  });

  it('a run with bad input leaves the previous output untouched', async () => {
    const dir = tempFiles({ 'bad.yml': 'openapi: 3.1.0\npaths:\n  /x:\n    get: {}\n' });
    const out = join(dir, 'out');
    await run(out);
    const before = snapshot(out);
    await expect(
      runPipeline({ spec: join(dir, 'bad.yml'), config: FIXTURE_CONFIG, out, cache: false }),
    ).rejects.toThrow(/responses/);
    expect(snapshot(out)).toEqual(before);
  });

  it('--check reports drift without writing', async () => {
    const out = join(tempFiles({}), 'out');
    await run(out);
    expect((await run(out, { check: true })).drift).toEqual([]);
    writeFileSync(join(out, 'manifest.json'), '{}');
    expect((await run(out, { check: true })).drift).toEqual(['manifest.json']);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('{}');
  });

  it('--only replaces its own part and keeps the others', async () => {
    const out = join(tempFiles({}), 'out');
    await run(out);
    const before = snapshot(out);
    await run(out, { only: ['typescript'] });
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});

describe('lint findings', () => {
  const spec = `openapi: 3.1.0
info: { title: T, version: "1" }
servers: [{ url: https://api.example.com/v2 }]
paths:
  /pets:
    get:
      operationId: listPets
      tags: [Pets]
      responses: { '200': { description: ok } }
  /v2/pets:
    get:
      operationId: listPets
      tags: [Pets]
      responses: { '200': { description: ok } }
  /pets/{pet_id}/toys:
    get:
      tags: [Pets]
      parameters:
        - { name: kind, in: query, schema: { type: string, format: colour, enum: [ball], example: stick } }
      responses: { '200': { description: ok } }
`;
  it('reports duplicate operationIds, doubled /v2, undeclared path params, unknown formats, invalid examples and name collisions', async () => {
    const dir = tempFiles({ 'spec.yml': spec });
    const out = join(dir, 'out');
    const result = await runPipeline({
      spec: join(dir, 'spec.yml'),
      config: FIXTURE_CONFIG,
      out,
      cache: false,
    });
    const rules = result.lint.map((f) => f.rule).sort();
    expect(rules).toEqual([
      'doubled-version-prefix',
      'duplicate-operation-id',
      'invalid-example',
      'name-collision',
      'undeclared-path-parameter',
      'unknown-format',
    ]);
    const duplicate = result.lint.find((f) => f.rule === 'duplicate-operation-id')!;
    expect(duplicate.where).toMatch(/spec\.yml:12:\d+$/);
    expect(result.lint.find((f) => f.rule === 'name-collision')!.message).toMatch(
      /GET \/v2\/pets would be pets\.retrieve like GET \/pets; named pets\.retrieve\w+/,
    );
    const written = JSON.parse(readFileSync(join(out, 'lint.json'), 'utf8'));
    expect(written.count).toBe(6);
  });
});

describe('bounds no example can meet', () => {
  it('are linted where they are, and the examples stay small', async () => {
    const dir = tempFiles({
      'spec.yml': `openapi: 3.1.0
info: { title: T, version: "1" }
servers: [{ url: https://api.example.com/v2 }]
paths:
  /pets:
    post:
      tags: [Pets]
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, tags]
              properties:
                name: { type: string, minLength: 500000000 }
                tags: { type: array, minItems: 100000000, items: { type: string } }
      responses: { '200': { description: ok } }
`,
    });
    const out = join(dir, 'out');
    const result = await runPipeline({
      spec: join(dir, 'spec.yml'),
      config: FIXTURE_CONFIG,
      out,
      cache: false,
    });
    expect(
      result.lint.filter((f) => f.rule === 'absurd-bound').map((f) => f.where.replace(/.*spec/, 'spec')),
    ).toEqual(['spec.yml:16:50', 'spec.yml:17:48']);
    const skill = readFileSync(join(out, 'skills/telnyx-pets-curl/SKILL.md'), 'utf8');
    expect(skill.length).toBeLessThan(20_000);
  });
});

describe('path parameters the path does not use', () => {
  it('are left out of the operation (the runtime fills the path from the template) and linted', async () => {
    const dir = tempFiles({
      'spec.yml': `openapi: 3.1.0
info: { title: Ghost, version: 1.0.0 }
servers: [{ url: https://api.example.com }]
paths:
  /pets/{pet_id}:
    post:
      tags: [Pets]
      parameters:
        - { name: pet_id, in: path, required: true, schema: { type: string } }
        - { name: owner_id, in: path, required: true, schema: { type: string } }
      requestBody:
        content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } }
      responses: { '204': { description: done } }
`,
    });
    const { api, lint } = await runPipeline({
      spec: join(dir, 'spec.yml'),
      config: FIXTURE_CONFIG,
      out: join(dir, 'out'),
      cache: false,
      only: ['manifest'],
    });
    expect(api.operations[0]!.params.map((p) => p.name)).toEqual(['pet_id']);
    expect(lint.map((f) => f.rule)).toContain('unused-path-parameter');
  });
});

describe('cache pruning', () => {
  it('keeps the entry just written and the most recently used others of its kind', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => `model-${k}.json`);
    const dir = tempFiles(Object.fromEntries([...names, 'output-x.json'].map((n) => [n, '{}'])));
    names.forEach((name, i) => utimesSync(join(dir, name), 1_000 + i, 1_000 + i)); // f is newest
    pruneCache(join(dir, 'model-a.json')); // just written, though its time says otherwise
    expect(readdirSync(dir).sort()).toEqual([
      'model-a.json',
      'model-d.json',
      'model-e.json',
      'model-f.json',
      'output-x.json',
    ]);
  });

  it('counts a cache hit as a use', () => {
    const dir = tempFiles({ 'model-old.json': '{"hit":true}' });
    utimesSync(join(dir, 'model-old.json'), 1_000, 1_000);
    expect(readJson(join(dir, 'model-old.json'))).toEqual({ hit: true });
    expect(statSync(join(dir, 'model-old.json')).mtimeMs).toBeGreaterThan(1_000_000);
  });
});

describe('the output cache', () => {
  it('is rebuilt when the webhooks table the config names changes (the skills read it, not the model)', async () => {
    const dir = tempFiles({
      'webhooks.yml': 'eventTypes:\n  pet: pets\n',
      'config.yml': 'products: test/fixtures/products.yml\nwebhooks: WEBHOOKS\npackage: { name: x }\n',
    });
    const config = join(dir, 'config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('WEBHOOKS', join(dir, 'webhooks.yml')));
    const outputCacheNote = async () => {
      const notes: string[] = [];
      await runPipeline(
        { spec: petstore, config, out: join(dir, 'out'), cacheDir: join(dir, 'cache'), only: ['manifest'] },
        (t) => notes.push(`${t.stage}: ${t.note}`),
      );
      return notes.filter((n) => n.startsWith('cache:')).at(-1);
    };
    expect(await outputCacheNote()).toBe('cache: miss');
    expect(await outputCacheNote()).toBe(
      'cache: unchanged: output matches the record of the run that wrote it',
    );
    writeFileSync(join(dir, 'webhooks.yml'), 'eventTypes:\n  pet: store\n');
    expect(await outputCacheNote()).toBe('cache: miss');
  });
});
