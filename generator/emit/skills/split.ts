/**
 * A long skill's by-path reference, cut into `references/` files an assistant loads on demand
 * (docs/SKILLS.md: SKILL.md stays under 500 lines). Operations are grouped by resource (the first
 * static path segments that tell the product's operations apart), small groups packed together and
 * big ones cut, so that each file stays near `budget` lines; every file is one level below SKILL.md.
 */
export interface ReferenceFile<T> {
  /** `references/sim-cards.md`. */
  path: string;
  /** The path prefixes it covers, for its title and the index (`/sim_cards`, `/sim_card_groups`). */
  prefixes: string[];
  items: T[];
}

/** The path up to its `depth`-th static segment (`/sim_cards/{id}/actions` at depth 2), as readers know it. */
function prefixOf(path: string, depth: number): string {
  const segments = path.split('/');
  let seen = path.startsWith('/v2/') ? -1 : 0;
  const end = segments.findIndex((s, i) => i > 0 && s && !s.startsWith('{') && ++seen === depth);
  return end < 0 ? path : segments.slice(0, end + 1).join('/');
}

const staticSegments = (path: string) =>
  path
    .replace(/^\/v2(?=\/)/, '')
    .split('/')
    .filter((s) => s && !s.startsWith('{'));

/** Reserved for the webhook payloads of the skill. */
export const PAYLOADS_FILE = 'references/webhook-payloads.md';

export function splitReference<T>(
  items: { item: T; path: string; lines: number }[],
  budget: number,
): ReferenceFile<T>[] {
  type Entry = (typeof items)[number];
  const total = (entries: Entry[]) => entries.reduce((n, e) => n + e.lines, 0);
  const keyAt = (depth: number) => (path: string) => staticSegments(path).slice(0, depth).join('/');
  // Runs of consecutive operations with one resource key, so the files keep the reference's order by
  // path (`/foo-bar` sorts between `/foo` and `/foo/x`: `foo` is then two runs); a run over the budget
  // is cut by the next path segment when that tells its operations apart (`/ai` -> `/ai/assistants`).
  type Run = { key: string; prefix: string; entries: Entry[] };
  const runs = (entries: Entry[], depth: number): Run[] => {
    const out: Run[] = [];
    for (const entry of entries) {
      const key = keyAt(depth)(entry.path);
      const last = out[out.length - 1];
      if (last?.key === key) last.entries.push(entry);
      else out.push({ key, prefix: prefixOf(entry.path, depth), entries: [entry] });
    }
    return out.flatMap((run) => {
      const deeper = new Set(run.entries.map((e) => keyAt(depth + 1)(e.path)));
      return total(run.entries) > budget && depth < 4 && deeper.size > 1
        ? runs(run.entries, depth + 1)
        : [run];
    });
  };
  const chunks: { keys: string[]; prefixes: string[]; entries: Entry[]; part?: number }[] = [];
  let open: (typeof chunks)[number] | undefined;
  for (const { key, prefix, entries } of runs(items, 1)) {
    if (total(entries) > budget) {
      // One resource too long for a file: cut into parts.
      open = undefined;
      let part: (typeof chunks)[number] | undefined;
      for (const entry of entries) {
        if (!part || total(part.entries) + entry.lines > budget) {
          const number = chunks.filter((c) => c.part && c.keys[0] === key).length + 1;
          chunks.push((part = { keys: [key], prefixes: [prefix], entries: [], part: number }));
        }
        part.entries.push(entry);
      }
      continue;
    }
    if (open && total(open.entries) + total(entries) <= budget) {
      if (!open.keys.includes(key)) open.keys.push(key);
      if (!open.prefixes.includes(prefix)) open.prefixes.push(prefix);
      open.entries.push(...entries);
    } else chunks.push((open = { keys: [key], prefixes: [prefix], entries: [...entries] }));
  }
  const slug = (key: string) =>
    key
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'root';
  const taken = new Set([PAYLOADS_FILE]);
  return chunks.map((chunk) => {
    const [first, last] = [chunk.keys[0], chunk.keys[chunk.keys.length - 1]];
    const base =
      slug(first) !== slug(last)
        ? `${slug(first)}--${slug(last)}`
        : slug(first) + (chunk.part ? `-${chunk.part}` : '');
    let path = `references/${base}.md`;
    for (let n = 2; taken.has(path); n++) path = `references/${base}-${n}.md`;
    taken.add(path);
    return { path, prefixes: chunk.prefixes, items: chunk.entries.map((e) => e.item) };
  });
}
