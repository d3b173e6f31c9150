/**
 * Runs the real pipeline on the pinned Telnyx spec once, into a temp folder, before any suite: the
 * suites that check the generated SDK, api.md, manifest and skills all read this one output
 * (`inject('generatedDir')`), instead of each paying for a generation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runPipeline } from '../../generator/pipeline.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    generatedDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-generated-'));
  const out = join(dir, 'out');
  await runPipeline({ out });
  project.provide('generatedDir', out);
  return () => rmSync(dir, { recursive: true, force: true });
}
