/**
 * The key of one skill in the per-unit cache (generator/emit/unit-cache.ts): everything renderSkill
 * reads. It reads only its SkillInput (the views, tasks and webhook views were resolved against the
 * model before, so a change to a type an operation uses shows in them) plus two of the run's names:
 * each call's spelling and the TS names of the handler's payload types. Whatever else renderSkill
 * comes to read must join this key; the incremental test (test/incremental.test.ts) compares cached
 * runs with uncached ones to catch a key that misses an input.
 */
import { sha256, valueHash } from '../../util/hash.ts';
import type { SkillInput } from './skill.ts';

/** The key of a product's input, shared by its six languages. */
export function productKey(base: string, input: Omit<SkillInput, 'language'>): string {
  const { names, ...rest } = input;
  const calls = [...input.views, ...input.tasks, input.errorCall].map((c) => c.input.op.key);
  const spellings = calls.map((key) => names.operations.get(key));
  const payloadTypes = (input.handler?.payloads ?? []).flatMap((p) =>
    p.kind === 'ref' ? [[p.name, names.types.get(p.name)]] : [],
  );
  return sha256(
    [base, valueHash(rest), valueHash(spellings, { skipFunctions: true }), valueHash(payloadTypes)].join(
      '\0',
    ),
  );
}

export const skillKey = (productKey: string, language: string) => sha256(`${productKey}\0${language}`);
