/**
 * What printing one file records as it goes, passed wherever code of that file is printed: the
 * runtime symbols its code names (its imports, imports.ts) and whether its layout is still exactly
 * prettier's (else the format stage runs prettier over it).
 */
import { FileSymbols } from './imports.ts';

export class PrintedFile extends FileSymbols {
  #exact = true;

  /** The layout printed so far is prettier's own. */
  get exact(): boolean {
    return this.#exact;
  }

  /** Some layout is beyond what the emitter reproduces: the file goes through prettier. */
  inexact(): void {
    this.#exact = false;
  }
}
