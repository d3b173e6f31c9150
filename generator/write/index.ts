/**
 * Stage 5, write: the emitters' files -> `output/`, all or nothing. Each file is staged as it is
 * rendered (output.ts, OutputWriter); at the end an existing output folder has only its changed
 * files replaced, under a journal (in-place.ts), and a new one is assembled beside it (parts this
 * run does not generate carried over, unchanged files hard-linked so their mtime stays) and renamed
 * into place (folders.ts). A failure before the files move leaves the previous output untouched,
 * and one while they move puts them back; a run killed while moving leaves `<out>.staging-<pid>`
 * with its journal, which the next run rolls back once that process is gone, and a crash between
 * the two renames of a whole swap leaves `<out>.old`, which the next run puts back.
 */
import type { OutputFiles } from '../emit/files.ts';
import { OutputWriter, type WriteResult } from './output.ts';

export {
  checkOutDir,
  listFiles,
  matchesRecord,
  ownedBy,
  recoverInterruptedSwap,
  removeDeadStaging,
} from './folders.ts';
export { OutputWriter, type OutputWriterOptions, type WriteResult } from './output.ts';

/**
 * Writes `files` so that afterwards `outDir` holds exactly them plus the old files outside `owned`
 * (the folders and files this run regenerates): the writer fed from a map, for callers that have
 * every file at once.
 */
export function writeOutput(
  outDir: string,
  files: OutputFiles,
  owned: string[],
  beforeSwap?: () => void,
): WriteResult {
  const writer = new OutputWriter(outDir, owned, { beforeSwap });
  try {
    for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      writer.set(file, text);
    return writer.commit();
  } catch (error) {
    writer.discard();
    throw error;
  }
}
