/**
 * How many accessors of a previous release's api.md do the naming rules alone reproduce?
 *   node --import tsx scripts/naming-score.ts [spec] [api.md] [--misses] [--json] [--against before.json]
 * Defaults: the 2025-12-03 history spec and the official SDK's api.md of the same release.
 * Prints the three figures of docs/NAMING.md: the whole reference, the operations whose official name
 * is not a plain CRUD name, and per product. `--json` prints the score for a later `--against`, which
 * adds each figure's change and the products that gained or lost (a rule is adopted only when it
 * gains in at least two products besides the one that motivated it).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatTally, scoreRules, type RulesScore, type Tally } from '../test/support/naming-score.ts';

const argv = process.argv.slice(2);
const valueOf = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const against = valueOf('--against');
const args = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--against');
const spec = resolve(args[0] ?? '../shared/specs/telnyx/history/2025-12-03.yml');
const apiMd = resolve(args[1] ?? '../shared/reference/telnyx-node/api.md');
const score = scoreRules(spec, apiMd);

if (argv.includes('--json')) {
  const { misses, ...figures } = score;
  console.log(JSON.stringify(figures, null, 2));
} else {
  const before: Omit<RulesScore, 'misses'> | undefined = against
    ? JSON.parse(readFileSync(against, 'utf8'))
    : undefined;
  const delta = (now: Tally, then: Tally | undefined) => {
    const d = now.matched - (then?.matched ?? 0);
    return then ? `  ${d > 0 ? '+' : d === 0 ? '±' : ''}${d}` : '';
  };
  console.log(`rules reproduce ${formatTally(score)} accessors${delta(score, before)}`);
  console.log(`  official name not plain CRUD: ${formatTally(score.hard)}${delta(score.hard, before?.hard)}`);
  console.log('  per product:');
  for (const [slug, t] of Object.entries(score.products))
    console.log(`    ${slug.padEnd(28)} ${formatTally(t)}${delta(t, before?.products[slug])}`);
  if (before) {
    const moved = (sign: number) =>
      Object.entries(score.products)
        .filter(([slug, t]) => Math.sign(t.matched - (before.products[slug]?.matched ?? 0)) === sign)
        .map(([slug]) => slug);
    console.log(`  products that gain: ${moved(1).join(', ') || 'none'}`);
    console.log(`  products that lose: ${moved(-1).join(', ') || 'none'}`);
  }
  if (argv.includes('--misses'))
    for (const m of score.misses) console.log(`${m.key} [${m.product}]\n  want ${m.want}\n  got  ${m.got}`);
}
