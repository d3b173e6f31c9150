/**
 * The output as the emitters produce it: each file is handed over once rendered (`set`), compared
 * with the output folder there and then, and either marked unchanged or staged to disk, so the run
 * keeps a path and a hash per file instead of the whole output's text (issue 13: peak memory grew
 * with the spec because every file was held until the write stage). Nothing touches the output
 * folder before `commit`, which moves the staged files in all or nothing (in-place.ts, or a whole
 * swap); `discard` (a failed run, or `--check`) removes the staging folder and leaves the output as
 * it was. A killed run leaves `<out>.staging-<pid>`, which the next run removes (removeDeadStaging).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileSink } from '../emit/files.ts';
import { sha256 } from '../util/hash.ts';
import { applyInPlace } from './in-place.ts';
import { listFiles, ownedBy, recoverInterruptedSwap, removeDeadStaging, swapWhole } from './folders.ts';

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: number;
}

interface Entry {
  sha256: string;
  /** Its text is in the staging folder's `new/` (it differs from the output's file, or that is missing). */
  staged: boolean;
  /** The output has a file at this path (a file, not a folder). */
  existed: boolean;
}

export interface OutputWriterOptions {
  /** `--check`: nothing is ever moved; differing files are staged in a temporary folder. */
  check?: boolean;
  /** Test hook: called once the new files are staged, before any of them moves. */
  beforeSwap?: () => void;
}

export class OutputWriter implements FileSink {
  private readonly entries = new Map<string, Entry>();
  private readonly existing: string[];
  private readonly existingSet: Set<string>;
  private readonly isOwned: (file: string) => boolean;
  private readonly staging: string;
  private readonly folders = new Set<string>();
  /** A new output, or a path turning from a file into a folder or back: staged whole and swapped in. */
  private whole: boolean;
  /**
   * A new output: files are staged straight into the tree that is renamed into place, not into
   * `new/` and moved again (a rename per file cost ~1 s on a busy host, for 1455 files).
   */
  private readonly direct: boolean;

  constructor(
    private readonly outDir: string,
    owned: string[],
    private readonly options: OutputWriterOptions = {},
  ) {
    if (!options.check) {
      recoverInterruptedSwap(outDir);
      removeDeadStaging(outDir);
    }
    this.isOwned = ownedBy(owned);
    this.existing = listFiles(outDir);
    this.existingSet = new Set(this.existing);
    this.whole = this.direct = !existsSync(outDir);
    this.staging = options.check
      ? mkdtempSync(join(tmpdir(), 'codegen-check-'))
      : `${outDir}.staging-${process.pid}`;
    if (!options.check) rmSync(this.staging, { recursive: true, force: true });
  }

  /** Takes one file of the output; a path set again replaces its earlier text (as a Map would). */
  set(file: string, text: string): this {
    const target = join(this.outDir, file);
    let belowFile = false;
    for (let at = dirname(file); at !== '.'; at = dirname(at)) if (this.existingSet.has(at)) belowFile = true;
    // A file where a folder of this path is (or the reverse): only a whole swap can replace it.
    const stat = belowFile ? undefined : statSync(target, { throwIfNoEntry: false });
    if (belowFile || (stat && !stat.isFile())) this.whole = true;
    const existed = stat?.isFile() === true;
    // Read only when the sizes agree: a file of another size has changed.
    const same = existed && stat!.size === Buffer.byteLength(text) && readFileSync(target, 'utf8') === text;
    const staged = this.stagedPath(file);
    if (!same) {
      const folder = dirname(staged);
      if (!this.folders.has(folder)) (mkdirSync(folder, { recursive: true }), this.folders.add(folder));
      writeFileSync(staged, text);
    } else if (this.entries.get(file)?.staged) unlinkSync(staged);
    this.entries.set(file, { sha256: sha256(text), staged: !same, existed });
    return this;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The text this run produced for `file` (read back from the staging folder or the output). */
  textOf(file: string): string {
    const entry = this.entries.get(file);
    if (!entry) throw new Error(`no file ${file} in this run's output`);
    return readFileSync(entry.staged ? this.stagedPath(file) : join(this.outDir, file), 'utf8');
  }

  /** The paths set so far, in no particular order. */
  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Each file's path and sha256, by path: what the output record keeps. */
  record(): [path: string, sha256: string][] {
    return [...this.entries.keys()].sort().map((file) => [file, this.entries.get(file)!.sha256]);
  }

  /** `--check`: the owned files that differ from the output, are missing from it, or are extra there. */
  drift(): string[] {
    const drift = new Set(this.existing.filter((f) => this.isOwned(f) && !this.entries.has(f)));
    for (const [file, entry] of this.entries) if (entry.staged) drift.add(file);
    return [...drift].sort();
  }

  /** Moves the staged files in (all or nothing) and removes the owned files this run did not set. */
  commit(): WriteResult {
    if (this.options.check) throw new Error('a --check run never writes the output');
    const files = [...this.entries.keys()].sort();
    const changed = files.filter((f) => this.entries.get(f)!.staged);
    const removed = this.existing.filter((f) => this.isOwned(f) && !this.entries.has(f));
    const result = {
      written: changed.length,
      unchanged: files.length - changed.length,
      removed: removed.length,
    };
    if (this.whole) {
      swapWhole(
        this.outDir,
        this.staging,
        this.existing,
        files,
        (f) => !this.entries.get(f)!.staged,
        this.isOwned,
        this.direct,
        this.options.beforeSwap,
      );
      return result;
    }
    // Nothing to move when every file is already there, byte for byte, and nothing is to be removed.
    if (changed.length > 0 || removed.length > 0 || this.options.beforeSwap)
      applyInPlace(
        this.outDir,
        this.staging,
        { changed: changed.map((file) => ({ file, existed: this.entries.get(file)!.existed })), removed },
        this.options.beforeSwap,
      );
    else rmSync(this.staging, { recursive: true, force: true });
    return result;
  }

  /** Drops what was staged; the output folder was never touched. */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }

  private stagedPath(file: string): string {
    return join(this.staging, this.direct ? 'tree' : 'new', file);
  }
}
