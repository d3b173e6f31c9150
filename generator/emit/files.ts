/**
 * What every emitter hands to the format and write stages: files in memory, keyed by their path
 * relative to the output directory (forward slashes), with their text.
 */
export type OutputFiles = Map<string, string>;

/** Which generated parts a run writes; `--only` selects a subset. */
export const PARTS = ['manifest', 'typescript', 'skills'] as const;
export type Part = (typeof PARTS)[number];

/** The output folder (or file) each part owns; a run replaces only the parts it generates. */
export const PART_ROOTS: Record<Part, string[]> = {
  manifest: ['manifest.json', 'lint.json'],
  typescript: ['typescript/'],
  skills: ['skills/'],
};
