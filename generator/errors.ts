/**
 * Errors the user can act on. Every stage throws `InputError` for bad input or config: it carries the
 * place (file:line:col or file#/json/pointer) and the fix, and the CLI prints it without a stack trace
 * and exits with code 2. Anything else that escapes is a bug in the generator.
 */
export class InputError extends Error {
  constructor(
    /** What is wrong, in one sentence. */
    message: string,
    /** Where: `file:line:col`, `file#/json/pointer`, or a file path. */
    readonly where: string | undefined,
    /** What the user should change. */
    readonly fix: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** The text the CLI prints: place, problem, fix. */
  format(): string {
    const place = this.where ? `${this.where}: ` : '';
    return `error: ${place}${this.message}\n  fix: ${this.fix}`;
  }
}

/** A finding about the spec that does not stop the run (written to output/lint.json). */
export interface LintFinding {
  /** Stable rule id, e.g. `duplicate-operation-id`. */
  rule: string;
  message: string;
  /** JSON pointer into the spec. */
  pointer: string;
  /** `file:line:col` when the source position is known. */
  where: string;
}

/** JSON pointer helpers (RFC 6901). */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.length === 0
    ? ''
    : '/' + segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function segmentsOf(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!p.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Runs a command's main and exits with its code: 2 with the located message for bad input, 3 for
 * anything else (a bug), the stack only with DEBUG set. Every CLI entry point ends with this.
 */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof InputError) {
        console.error(error.format());
        process.exit(2);
      }
      // Not the user's input: a bug. Say so plainly; the stack only when asked for.
      console.error(`internal error: ${(error as Error)?.message ?? String(error)}`);
      if (process.env.DEBUG) console.error((error as Error)?.stack);
      console.error('  please report this with the command you ran (set DEBUG=1 for details)');
      process.exit(3);
    },
  );
}
