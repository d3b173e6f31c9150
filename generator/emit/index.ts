/**
 * Stage 4, emit: every requested part rendered from the model, its names (generator/naming/names.ts)
 * and its surface, each file handed to `files` as soon as it is rendered (the run's output writer
 * stages it and drops the text). Emitters only print what the model, naming and surface decided;
 * the TypeScript emitter also reports which files it laid out in prettier's style.
 */
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { PROJECT_ROOT } from '../util/paths.ts';
import type { LintFinding } from '../errors.ts';
import type { Api, TypeNode } from '../model/index.ts';
import type { Names } from '../naming/names.ts';
import type { Surface } from '../surface/index.ts';
import type { FileSink, Part } from './files.ts';
import { renderManifest } from './manifest.ts';
import { renderSkills } from './skills/index.ts';
import { renderTypeScript } from './typescript/index.ts';
import type { UnitCache } from './unit-cache.ts';

/** Units rendered by earlier runs (skills, resource modules), and the key every unit's key starts from. */
export interface EmitUnits {
  cache: UnitCache;
  /** Hash of the generator's code, its templates and the config values the emitters read. */
  key: string;
}

export function emitParts(
  api: Api,
  names: Names,
  surface: Surface,
  resolve: (n: TypeNode) => TypeNode,
  parts: Part[],
  config: Config,
  lint: LintFinding[],
  files: FileSink,
  strict = false,
  units?: EmitUnits,
): { preformatted: Set<string> } {
  const preformatted = new Set<string>();
  const templates = join(PROJECT_ROOT, 'templates');
  if (parts.includes('manifest')) files.set('manifest.json', renderManifest(api, surface));
  if (parts.includes('typescript')) {
    const ts = renderTypeScript(
      api,
      surface,
      {
        templatesDir: templates,
        resolve,
        packageName: config.package.name,
        packageVersion: config.package.version,
        includeHidden: config.includeHidden,
        names,
        units: units?.cache,
        unitsKey: units?.key,
      },
      files,
    );
    for (const file of ts.preformatted) preformatted.add(file);
  }
  if (parts.includes('skills')) {
    renderSkills(
      api,
      surface,
      {
        templatesDir: templates,
        resolve,
        packageName: config.package.name,
        webhooksFile: config.webhooksFile,
        names,
        strict,
        // Findings of the skills (unplaced webhook events) join the spec's, printed and in lint.json.
        warn: (finding) => lint.push(finding),
        units: units?.cache,
        unitsKey: units?.key,
      },
      files,
    );
  }
  if (parts.includes('manifest'))
    files.set('lint.json', JSON.stringify({ count: lint.length, findings: lint }, null, 2) + '\n');
  return { preformatted };
}
