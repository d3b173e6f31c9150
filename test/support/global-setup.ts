/**
 * Once per run, before any suite: runs the real pipeline on the pinned Telnyx spec into a temp folder
 * (the suites that check the generated SDK, api.md, manifest and skills all read this one output,
 * `inject('generatedDir')`), and starts Prism mocking the same spec, shared by every suite that calls
 * the API (`inject('prismURL')`, through `mockURL()` in prism.ts) and stopped at teardown. Prism loads
 * the spec (~3 s) while the pipeline runs. If it fails to start, the other suites still run and the
 * ones that need it fail with its log (`inject('prismError')`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../generator/config.ts';
import { resolveSpecSource } from '../../generator/load/index.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { spawnPrism } from './prism.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    generatedDir: string;
    /** The shared Prism's URL, '' when it failed to start (then `prismError` says why). */
    prismURL: string;
    prismError: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-generated-'));
  const out = join(dir, 'out');
  const source = await resolveSpecSource(undefined, loadConfig().spec);
  const mock = await spawnPrism(source.file);
  try {
    await runPipeline({ out });
  } catch (error) {
    await mock.stop();
    throw error;
  }
  project.provide('generatedDir', out);
  try {
    await mock.ready;
    project.provide('prismURL', mock.url);
    project.provide('prismError', '');
  } catch (error) {
    project.provide('prismURL', '');
    project.provide('prismError', error instanceof Error ? error.message : String(error));
  }
  return async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
