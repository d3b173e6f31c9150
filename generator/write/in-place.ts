/**
 * The write stage's path for an output folder that exists: only the files that changed are replaced,
 * so a run after a one-operation change touches a dozen files, not the whole tree (building a full
 * staging tree and removing the old one cost one link and one unlink per file, ~1 s on 1369 files on
 * a busy host). Still all or nothing: the new texts are in `<out>.staging-<pid>/new/` first (the
 * run stages each as it is rendered, output.ts; a failure there leaves the output untouched), then a
 * journal is written, then each old file is
 * moved aside into `old/` and its replacement moved in. A failure while moving puts every moved file
 * back; a run killed while moving leaves its staging folder and journal, and the next run puts the
 * files back from them before it starts (removeDeadStaging).
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

export interface ChangePlan {
  /** Files staged in `<staging>/new/`, with whether the output has them already. */
  changed: { file: string; existed: boolean }[];
  /** Files of the parts this run owns that it no longer generates. */
  removed: string[];
}

interface Journal {
  changed: [file: string, existed: boolean][];
  removed: string[];
}

const JOURNAL = 'journal.json';

/** Applies `plan` to `outDir` from the texts staged in `staging`; `beforeSwap` runs before any move. */
export function applyInPlace(
  outDir: string,
  staging: string,
  plan: ChangePlan,
  beforeSwap?: () => void,
): void {
  const folders = madeFolders();
  try {
    mkdirSync(staging, { recursive: true });
    beforeSwap?.();
    const journal: Journal = { changed: plan.changed.map((c) => [c.file, c.existed]), removed: plan.removed };
    writeFileSync(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
    renameSync(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  try {
    for (const { file, existed } of plan.changed) {
      if (existed) moveAside(outDir, staging, file, folders);
      folders.make(join(outDir, file));
      renameSync(join(staging, 'new', file), join(outDir, file));
    }
    for (const file of plan.removed) {
      moveAside(outDir, staging, file, folders);
      removeEmptyFolders(outDir, file);
    }
  } catch (error) {
    rollBack(outDir, staging);
    throw error;
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Puts back what an interrupted `applyInPlace` moved (its journal says what it was changing), then
 * removes its staging folder. Without a journal nothing was moved yet.
 */
export function rollBack(outDir: string, staging: string): void {
  const journalFile = join(staging, JOURNAL);
  if (existsSync(journalFile)) {
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    const folders = madeFolders();
    const putBack = (file: string) => {
      if (!existsSync(join(staging, 'old', file))) return false; // never moved aside
      folders.make(join(outDir, file));
      renameSync(join(staging, 'old', file), join(outDir, file));
      return true;
    };
    for (const [file, existed] of journal.changed) {
      if (existed) putBack(file);
      // A new file: in the output once it left new/.
      else if (!existsSync(join(staging, 'new', file)) && existsSync(join(outDir, file))) {
        unlinkSync(join(outDir, file));
        removeEmptyFolders(outDir, file);
      }
    }
    journal.removed.forEach(putBack);
  }
  rmSync(staging, { recursive: true, force: true });
}

function moveAside(outDir: string, staging: string, file: string, folders: ReturnType<typeof madeFolders>) {
  folders.make(join(staging, 'old', file));
  renameSync(join(outDir, file), join(staging, 'old', file));
}

/** The folders of `file` inside `outDir` that its removal left empty, deepest first. */
function removeEmptyFolders(outDir: string, file: string) {
  for (let at = dirname(file); at !== '.' && at !== '/'; at = dirname(at)) {
    const folder = join(outDir, at);
    if (!existsSync(folder) || readdirSync(folder).length > 0) return;
    rmdirSync(folder);
  }
}

/** mkdir of a file's folder, once per folder (a recursive mkdir per file costs a system call each). */
function madeFolders() {
  const made = new Set<string>();
  return {
    make(file: string) {
      const dir = dirname(file);
      if (!made.has(dir)) (mkdirSync(dir, { recursive: true }), made.add(dir));
    },
  };
}
