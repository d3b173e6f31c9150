/**
 * valueHash (generator/util/hash.ts), the per-unit cache keys: equal content gives equal keys however
 * the objects are shared, and every change inside (Maps and Sets included) gives another key.
 */
import { describe, expect, it } from 'vitest';
import { valueHash } from '../generator/util/hash.ts';

const operation = { id: 'SendMessage', params: [{ name: 'to', required: true }], notes: 'x'.repeat(5000) };

describe('valueHash', () => {
  it('depends on content, not on which objects are shared (a built model vs its JSON copy)', () => {
    const shared = { ops: [operation, operation], byId: new Map([['SendMessage', operation]]) };
    const copied = {
      ops: [structuredClone(operation), structuredClone(operation)],
      byId: new Map([['SendMessage', structuredClone(operation)]]),
    };
    expect(valueHash(shared)).toBe(valueHash(copied));
    expect(valueHash([{ a: 1 }, { a: 1 }])).toBe(valueHash(JSON.parse('[{"a":1},{"a":1}]')));
  });

  it('changes with any change inside, in objects, arrays, Maps and Sets, large or small', () => {
    const base = valueHash({ ops: [operation], tags: new Set(['a']), byId: new Map([['k', 1]]) });
    const variants = [
      {
        ops: [{ ...operation, notes: `${operation.notes}y` }],
        tags: new Set(['a']),
        byId: new Map([['k', 1]]),
      },
      {
        ops: [{ ...operation, params: [{ name: 'to', required: false }] }],
        tags: new Set(['a']),
        byId: new Map([['k', 1]]),
      },
      { ops: [operation], tags: new Set(['b']), byId: new Map([['k', 1]]) },
      { ops: [operation], tags: new Set(['a']), byId: new Map([['k', 2]]) },
      { ops: [operation, operation], tags: new Set(['a']), byId: new Map([['k', 1]]) },
    ];
    for (const v of variants) expect(valueHash(v)).not.toBe(base);
  });

  it('reads like JSON: undefined fields are absent, key order counts as JSON keeps it', () => {
    expect(valueHash({ a: 1, b: undefined })).toBe(valueHash({ a: 1 }));
    expect(valueHash({ a: 1, b: 2 })).not.toBe(valueHash({ b: 2, a: 1 }));
  });

  it('refuses a function unless told to skip it (a closure can hold data the key would miss)', () => {
    expect(() => valueHash({ render: () => 1 })).toThrow(/function/);
    expect(valueHash({ a: 1, render: () => 1 }, { skipFunctions: true })).toBe(valueHash({ a: 1 }));
  });
});
