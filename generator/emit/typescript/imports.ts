/**
 * Where each runtime symbol a generated resource file may use lives, and its import lines built from
 * the symbols the file's code actually referenced (collected while printing it, never by searching
 * the printed text). One table answers "how do I import X" for every emitter.
 */

interface RuntimeSymbol {
  /** Module under the package's `core/`. */
  module: string;
  /** Used only in types: imported with `type`. */
  typeOnly: boolean;
}

/** In import order: modules as listed, symbols within a module as listed (page classes sorted). */
const RUNTIME_SYMBOLS: Record<string, RuntimeSymbol> = {
  APIResource: { module: 'operation.js', typeOnly: false },
  OperationSpec: { module: 'operation.js', typeOnly: true },
  Uploadable: { module: 'operation.js', typeOnly: true },
  defineChildren: { module: 'define.js', typeOnly: false },
  defineOperations: { module: 'define.js', typeOnly: false },
  RequestOptions: { module: 'request.js', typeOnly: true },
  APIPromise: { module: 'api-promise.js', typeOnly: true },
  PagePromise: { module: 'pagination.js', typeOnly: true },
  Stream: { module: 'streaming.js', typeOnly: true },
};

/** Every runtime symbol a resource file may import by name (page classes aside). */
export const RUNTIME_SYMBOL_NAMES: readonly string[] = Object.keys(RUNTIME_SYMBOLS);

/** Page classes come from page-styles.js, named by the pagination table (model/pagination.ts). */
const PAGE_MODULE = 'page-styles.js';
const MODULE_ORDER = [
  'operation.js',
  'define.js',
  'request.js',
  'api-promise.js',
  PAGE_MODULE,
  'pagination.js',
  'streaming.js',
];

/** The runtime symbols one file references; printers add to it as they write code that names them. */
export class FileSymbols {
  readonly #used = new Set<string>();
  readonly #pages = new Set<string>();
  use(symbol: keyof typeof RUNTIME_SYMBOLS): void {
    this.#used.add(symbol);
  }
  usePage(pageClass: string): void {
    this.#pages.add(pageClass);
  }
  has(symbol: string): boolean {
    return this.#used.has(symbol) || this.#pages.has(symbol);
  }

  /** `import` lines for `core` (the relative path of the package's core/ folder), one per module. */
  importLines(core: string): string {
    const byModule = new Map<string, string[]>();
    const typeOnly = new Map<string, boolean>();
    for (const [name, symbol] of Object.entries(RUNTIME_SYMBOLS)) {
      if (!this.#used.has(name)) continue;
      byModule.set(symbol.module, [
        ...(byModule.get(symbol.module) ?? []),
        symbol.typeOnly ? `type ${name}` : name,
      ]);
      typeOnly.set(symbol.module, (typeOnly.get(symbol.module) ?? true) && symbol.typeOnly);
    }
    if (this.#pages.size) {
      byModule.set(PAGE_MODULE, [...this.#pages].sort());
      typeOnly.set(PAGE_MODULE, false);
    }
    return MODULE_ORDER.filter((m) => byModule.has(m))
      .map((m) => {
        const names = byModule.get(m)!;
        // All types: `import type { A, B }`, not `import { type A, type B }`.
        const list = typeOnly.get(m) ? names.map((n) => n.replace(/^type /, '')) : names;
        return `import ${typeOnly.get(m) ? 'type ' : ''}{ ${list.join(', ')} } from '${core}/${m}';\n`;
      })
      .join('');
  }
}
