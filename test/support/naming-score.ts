/**
 * Compares rule-only names (no names lock) with a previous release's api.md, operation by operation
 * (same method and path). Shared by the naming test and scripts/naming-score.ts.
 */
import { loadSpec, resolveSpecSource } from '../../generator/load/index.ts';
import { draftOperations, namingInputs, DIGIT_PREFIX } from '../../generator/model/index.ts';
import { assignNames, lockKey, readNamesLock } from '../../generator/naming/index.ts';
import { parseSpecText } from '../../generator/load/parse.ts';
import { readFileSync } from 'node:fs';
import { sha256 } from '../../generator/util/hash.ts';

export function scoreRules(specFile: string, apiMd: string) {
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
  const misses: { key: string; want: string; got: string }[] = [];
  let compared = 0;
  for (const op of inputs) {
    const want = lock.get(lockKey(op.method, op.path));
    if (!want) continue;
    compared++;
    const wanted = ['client', ...want.resource, want.method].join('.');
    const got = names.get(op.key)!.ts;
    if (wanted !== got) misses.push({ key: op.key, want: wanted, got });
  }
  return {
    compared,
    matched: compared - misses.length,
    share: compared ? (compared - misses.length) / compared : 0,
    misses,
  };
}
