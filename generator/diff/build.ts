/**
 * One side of a diff: the spec run through the real pipeline with the given config (so the model,
 * its names and the surface are exactly what `npm run generate` would give, caches included), into
 * a temp folder: the manifest only, plus the TypeScript package when its declarations are compared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '../config.ts';
import { DIGIT_PREFIX, makeResolver } from '../model/index.ts';
import { nameApi } from '../naming/names.ts';
import { runPipeline } from '../pipeline.ts';
import { buildSurface } from '../surface/index.ts';
import { displayPath } from '../util/paths.ts';
import type { ModelSide } from './types.ts';

export interface SideOptions {
  config?: string;
  /** A names lock file, `none`, or undefined for the config's own lock. */
  namesFrom?: string;
  /** Also generate the TypeScript package (for the declarations diff). */
  typescript?: boolean;
  cache?: boolean;
}

export interface BuiltSide extends ModelSide {
  /** The generated package (`<out>/typescript`) when asked for. */
  packageDir?: string;
  /** Removes the temp folder. */
  dispose(): void;
}

export async function buildSide(spec: string, options: SideOptions): Promise<BuiltSide> {
  const out = mkdtempSync(join(tmpdir(), 'telnyx-diff-'));
  const dispose = () => rmSync(out, { recursive: true, force: true });
  try {
    const config = loadConfig(options.config);
    const { api } = await runPipeline({
      spec,
      out,
      config: options.config,
      namesFrom: options.namesFrom,
      only: options.typescript ? ['manifest', 'typescript'] : ['manifest'],
      cache: options.cache,
    });
    const types = new Map(api.types.map((t) => [t.name, t]));
    const resolve = makeResolver(types);
    const { surface } = buildSurface(api, resolve, types, {
      includeHidden: config.includeHidden,
      compat: config.compat,
      configFile: config.file,
    });
    return {
      file: displayPath(spec),
      api,
      surface,
      resolve,
      typeNames: nameApi(api, DIGIT_PREFIX).types,
      ...(options.typescript ? { packageDir: join(out, 'typescript') } : {}),
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** `## <title>`: the date in the new spec's file name (`2026-06-08.yml`), else its info.version. */
export function titleOf(spec: string, version: string): string {
  const date = /\d{4}-\d{2}-\d{2}/.exec(basename(spec));
  return date ? date[0] : version || basename(spec);
}
