/**
 * Where things live in the generated package, apart from the code that writes them: a resource's
 * file, its class name. Every emitter asks here instead of building paths itself.
 */
import { snake, tsPascal } from '../../naming/index.ts';
import { fitName } from '../../util/file-names.ts';

/**
 * kebab-case file stem of a resource segment: `oauthClients` -> oauth-clients, `messaging10dlc` ->
 * messaging-10dlc; one too long for a file system is cut and hashed (util/file-names.ts).
 */
export function fileStem(segment: string): string {
  return fitName(snake(segment).replace(/_/g, '-'));
}

export function className(segment: string): string {
  return tsPascal(segment);
}

/** `src/resources/a/b.ts`, or `src/resources/a/b/b.ts` when the resource has children. */
export function resourceFile(chain: string[], hasChildren: boolean): string {
  const stems = chain.map(fileStem);
  const dir = hasChildren ? stems : stems.slice(0, -1);
  return ['src/resources', ...dir, `${stems[stems.length - 1]}.ts`].join('/');
}

/**
 * The entry point of a resource with children, one folder up from its file: `src/resources/a/b.ts`
 * re-exporting `src/resources/a/b/b.ts`, so `telnyx/resources/a/b` imports it as the official
 * package's paths do (a resource without children is its own entry). With the base client, the way
 * an app that uses a few resources bundles only those.
 */
export function resourceEntry(resource: {
  chain: string[];
  children: unknown[];
}): { file: string; text: string } | undefined {
  if (!resource.children.length) return undefined;
  const stems = resource.chain.map(fileStem);
  const last = stems[stems.length - 1]!;
  return {
    file: ['src/resources', ...stems.slice(0, -1), `${last}.ts`].join('/'),
    text: `// File generated from the Telnyx OpenAPI spec by telnyx-codegen. Do not edit.\n\nexport * from './${last}/${last}.js';\n`,
  };
}
