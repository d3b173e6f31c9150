/**
 * Stage 3, emit: every requested part rendered from the model into files in memory. Emitters read
 * only the model; the TypeScript emitter also reports which files it laid out in prettier's style.
 */
import { join } from 'node:path';
import { PROJECT_ROOT, type Config } from '../config.ts';
import type { LintFinding } from '../errors.ts';
import { makeResolver, DIGIT_PREFIX, type Api } from '../model/index.ts';
import type { OutputFiles, Part } from './files.ts';
import { renderManifest } from './manifest.ts';
import { renderSkills } from './skills/index.ts';
import { renderTypeScript } from './typescript/index.ts';

export function emitParts(
  api: Api,
  parts: Part[],
  config: Config,
  lint: LintFinding[],
): { files: OutputFiles; preformatted: Set<string> } {
  const files: OutputFiles = new Map();
  const preformatted = new Set<string>();
  const templates = join(PROJECT_ROOT, 'templates');
  // One resolver for every part: it only reads the model's named types.
  const resolve = makeResolver(new Map(api.types.map((t) => [t.name, t])));
  if (parts.includes('manifest')) {
    files.set('manifest.json', renderManifest(api, resolve, config.includeHidden));
    files.set('lint.json', JSON.stringify({ count: lint.length, findings: lint }, null, 2) + '\n');
  }
  if (parts.includes('typescript')) {
    const ts = renderTypeScript(api, {
      templatesDir: templates,
      resolve,
      packageName: config.package.name,
      packageVersion: config.package.version,
      includeHidden: config.includeHidden,
      digitPrefix: DIGIT_PREFIX,
    });
    for (const [file, text] of ts.files) files.set(file, text);
    for (const file of ts.preformatted) preformatted.add(file);
  }
  if (parts.includes('skills')) {
    const skills = renderSkills(api, {
      templatesDir: templates,
      resolve,
      packageName: config.package.name,
    });
    for (const [file, text] of skills) files.set(file, text);
  }
  return { files, preformatted };
}
