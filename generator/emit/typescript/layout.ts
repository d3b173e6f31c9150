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
