/**
 * YAML aliases (`*name`) repeat an anchored node (`&name`) wherever they appear. Turned into data they
 * share one object, but every later stage walks the data as a tree, so a 1 KB "billion laughs" file
 * (anchors of anchors, each aliased nine times) becomes 10^9 nodes to walk and to write out. The YAML
 * library's own guard counts per anchor and fails without a position; this one measures what the
 * aliases add to the document as a whole and names the alias that goes past the bound.
 */
import { isAlias, isMap, isPair, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import { InputError } from '../errors.ts';

/** At most this many aliases in one file. */
export const MAX_ALIASES = 10_000;
/** Aliases may add at most this many nodes, or as many as the file itself has when it has more. */
export const MIN_ALIAS_EXPANSION = 100_000;

export interface AliasProblem {
  /** The alias that goes past the bound (or refers to a node that contains it). */
  offset: number;
  message: string;
  fix: string;
}

/** The first alias that makes the document too large to expand, or undefined when none does. */
export function excessiveAlias(doc: Document): AliasProblem | undefined {
  let written = 0;
  let aliases = 0;
  visit(doc, {
    Node: (_key, node) => {
      written++;
      if (isAlias(node)) aliases++;
    },
  });
  if (aliases === 0) return undefined;
  const budget = Math.max(MIN_ALIAS_EXPANSION, written);
  const anchors = new Map<string, Node>();
  /** Expanded size of every finished anchored node. */
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  let seen = 0;
  let added = 0;
  let problem: AliasProblem | undefined;
  const at = (node: Node) => node.range?.[0] ?? 0;

  // Document order, as the YAML library resolves aliases: the latest anchor of that name before it.
  const size = (node: unknown): number => {
    if (problem || node === null || typeof node !== 'object') return 0;
    if (isPair(node)) return size(node.key) + size(node.value);
    if (isAlias(node)) {
      seen++;
      const target = anchors.get(node.source);
      if (!target) return 1; // the parser reports an unresolved alias itself
      if (open.has(target)) {
        problem = {
          offset: at(node),
          message: `alias *${node.source} is inside the node it names, which would make it infinite`,
          fix: `point at the node with a $ref instead of the alias *${node.source}`,
        };
        return 0;
      }
      const expanded = sizes.get(target) ?? 1;
      added += expanded - 1;
      if (seen > MAX_ALIASES || added > budget) {
        problem = {
          offset: at(node),
          message:
            seen > MAX_ALIASES
              ? `more than ${MAX_ALIASES} YAML aliases`
              : `YAML aliases expand the document by more than ${budget} nodes (*${node.source} alone repeats ${expanded})`,
          fix: 'repeat the part fewer times; in a spec, define it once under components and point at it with $ref',
        };
        return 0;
      }
      return expanded;
    }
    const anchored = (node as Node).anchor;
    if (anchored) {
      anchors.set(anchored, node as Node);
      open.add(node as Node);
    }
    let total = 1;
    if (isMap(node) || isSeq(node)) for (const item of node.items) total += size(item);
    if (anchored) {
      open.delete(node as Node);
      sizes.set(node as Node, total);
    }
    return total;
  };
  size(doc.contents);
  return problem;
}

/** Throws the located error for the first alias past the bounds; after it, `toJS` cannot blow up. */
export function checkAliases(doc: Document, lineCounter: LineCounter, shown: string): void {
  const problem = excessiveAlias(doc);
  if (!problem) return;
  const pos = lineCounter.linePos(problem.offset);
  throw new InputError(problem.message, `${shown}:${pos.line}:${pos.col}`, problem.fix);
}
