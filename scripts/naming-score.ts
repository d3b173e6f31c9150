/**
 * How many accessors of a previous release's api.md do the naming rules alone reproduce?
 *   node --import tsx scripts/naming-score.ts [spec] [api.md] [--misses]
 * Defaults: the 2025-12-03 history spec and the official SDK's api.md of the same release.
 */
import { resolve } from 'node:path';
import { scoreRules } from '../test/support/naming-score.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const spec = resolve(args[0] ?? '../shared/specs/telnyx/history/2025-12-03.yml');
const apiMd = resolve(args[1] ?? '../shared/reference/telnyx-node/api.md');
const score = scoreRules(spec, apiMd);
console.log(
  `rules reproduce ${score.matched} of ${score.compared} accessors (${(100 * score.share).toFixed(1)}%)`,
);
if (process.argv.includes('--misses'))
  for (const m of score.misses) console.log(`${m.key}\n  want ${m.want}\n  got  ${m.got}`);
