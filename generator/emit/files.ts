/**
 * Files in memory, keyed by their path relative to the output directory (forward slashes), with
 * their text: what a caller that wants every file at once (a test) gets from an emitter.
 */
export type OutputFiles = Map<string, string>;

/**
 * Where an emitter hands each file as soon as it is rendered: the run's output writer
 * (generator/write/output.ts), which stages it and drops its text, or a plain Map. A path set twice
 * keeps the later text.
 */
export interface FileSink {
  set(path: string, text: string): unknown;
}

/** Which generated parts a run writes; `--only` selects a subset. */
export const PARTS = ['manifest', 'typescript', 'skills'] as const;
export type Part = (typeof PARTS)[number];

/** The output folder (or file) each part owns; a run replaces only the parts it generates. */
export const PART_ROOTS: Record<Part, string[]> = {
  manifest: ['manifest.json', 'lint.json'],
  typescript: ['typescript/'],
  skills: ['skills/'],
};
