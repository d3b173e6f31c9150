/**
 * Compares rule-only names (no names lock) with a previous release's api.md, operation by operation
 * (same method and path). Shared by the naming tests and scripts/naming-score.ts.
 *
 * Three figures, as docs/NAMING.md asks of every naming change: the whole reference; the hard subset,
 * operations whose official method is not a plain CRUD name (new operations are mostly such); and per
 * product (specs/products.yml), since a rule is adopted only when it gains in several products.
 */
import { draftOperations, namingInputs, DIGIT_PREFIX } from '../../generator/model/index.ts';
import { productOf, readProductConfig } from '../../generator/model/products.ts';
import { assignNames, lockKey, readNamesLock } from '../../generator/naming/index.ts';
import { parseSpecText } from '../../generator/load/parse.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../../generator/util/hash.ts';

const PRODUCTS_FILE = fileURLToPath(new URL('../../specs/products.yml', import.meta.url));

/** Method names the rules give by HTTP shape alone: an official name among them is no hard case. */
export const PLAIN_CRUD = new Set(['list', 'retrieve', 'create', 'update', 'delete']);

export interface Tally {
  compared: number;
  matched: number;
}

export interface RulesScore extends Tally {
  share: number;
  /** Operations whose official method is not a plain CRUD name. */
  hard: Tally;
  /** Product slug -> its tally, slugs sorted. */
  products: Record<string, Tally>;
  misses: { key: string; product: string; want: string; got: string }[];
}

export function scoreRules(specFile: string, apiMd: string, productsFile = PRODUCTS_FILE): RulesScore {
  const text = readFileSync(specFile, 'utf8');
  const parsed = parseSpecText(text, specFile);
  const doc = { file: specFile, sha256: sha256(text), data: parsed.data, lint: [], locate: parsed.locate };
  const { resolve, drafts } = draftOperations(doc);
  const inputs = namingInputs(drafts, resolve).filter((op) => !op.hidden);
  const { names } = assignNames(inputs, {
    lock: undefined,
    overrides: {},
    digitPrefix: DIGIT_PREFIX,
    locate: doc.locate,
    configFile: 'none',
  });
  const lock = readNamesLock(apiMd);
  const config = readProductConfig(productsFile);
  // A tag the config lacks scores under a provisional product, as the generator would place it.
  const lenient = { strict: false, provisional: () => {} };
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const score: RulesScore = { compared: 0, matched: 0, share: 0, hard: tally(), products: {}, misses: [] };
  for (const op of inputs) {
    const want = lock.get(lockKey(op.method, op.path));
    if (!want) continue;
    const product = productOf(byKey.get(op.key)!, config, doc.locate, lenient);
    const wanted = ['client', ...want.resource, want.method].join('.');
    const got = names.get(op.key)!.ts;
    const hit = wanted === got;
    const tallies = [score, (score.products[product] ??= tally())];
    if (!PLAIN_CRUD.has(want.method)) tallies.push(score.hard);
    for (const t of tallies) {
      t.compared++;
      if (hit) t.matched++;
    }
    if (!hit) score.misses.push({ key: op.key, product, want: wanted, got });
  }
  score.share = score.compared ? score.matched / score.compared : 0;
  score.products = Object.fromEntries(Object.entries(score.products).sort(([a], [b]) => (a < b ? -1 : 1)));
  return score;
}

const tally = (): Tally => ({ compared: 0, matched: 0 });

/** `737 of 862 (85.5%)` */
export const formatTally = (t: Tally) =>
  `${t.matched} of ${t.compared} (${t.compared ? ((100 * t.matched) / t.compared).toFixed(1) : '0.0'}%)`;
