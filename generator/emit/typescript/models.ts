/**
 * `src/models.ts`: every named type of the model (component schemas and the inline objects hoisted
 * under them). Nested types live in a namespace merged with their owner: `Owner.Address`.
 */
import type { NamedType } from '../../model/index.ts';
import { docComment } from './doc-comment.ts';
import type { PrintedFile } from './printed-file.ts';
import { fitted, typeExpr, type TypeContext } from './type-expr.ts';

interface Entry {
  named: NamedType;
  /** Last segment of the TS name. */
  local: string;
  children: Entry[];
}

/** `file` learns when some layout is beyond the emitter's, so the file must go through prettier. */
export function renderModels(types: NamedType[], names: Map<string, string>, file: PrintedFile): string {
  const ctx: TypeContext = { names, refPrefix: '', mode: 'model', binary: 'string', file };
  const entries = new Map<string, Entry>();
  const roots: Entry[] = [];
  for (const named of [...types].sort((a, b) => names.get(a.name)!.localeCompare(names.get(b.name)!))) {
    const ts = names.get(named.name)!;
    const dot = ts.lastIndexOf('.');
    const entry: Entry = { named, local: ts.slice(dot + 1), children: [] };
    entries.set(ts, entry);
    (dot < 0 ? roots : (entries.get(ts.slice(0, dot))?.children ?? roots)).push(entry);
  }
  return roots.map((e) => renderEntry(e, ctx, '')).join('\n');
}

function renderEntry(entry: Entry, ctx: TypeContext, indent: string): string {
  const { type } = entry.named;
  const doc = docComment([type.description, type.deprecated ? '@deprecated' : undefined], indent);
  const body =
    type.kind === 'object' && type.properties.length > 0 && !type.nullable
      ? `${indent}export interface ${entry.local} ${typeExpr(type, ctx, indent)}\n`
      : `${fitted(`${indent}export type ${entry.local} =`, type, ctx, indent, ';')}\n`;
  if (entry.children.length === 0) return doc + body;
  const nested = entry.children.map((c) => renderEntry(c, ctx, indent + '  ')).join('\n');
  return `${doc}${body}\n${indent}export namespace ${entry.local} {\n${nested}${indent}}\n`;
}
