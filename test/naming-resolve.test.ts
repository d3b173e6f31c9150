/**
 * Name clash resolution (generator/naming/resolve.ts): each resolver's candidates, and the one loop
 * that asks until a name is free, as tables of given taken names and wanted results.
 */
import { describe, expect, it } from 'vitest';
import {
  distinctNames,
  freeName,
  numbered,
  objectSuffixed,
  wordsThenNumbered,
  type Resolver,
} from '../generator/naming/resolve.ts';

/** The first `count` candidates a resolver offers for `base`. */
const candidates = (resolver: Resolver, base: string, count: number) =>
  Array.from({ length: count }, (_, attempt) => resolver({ base, attempt }));

describe('resolvers', () => {
  it.each<[string, { given: { resolver: Resolver; base: string }; want: string[] }]>([
    [
      'numbered: the name, then from 2',
      { given: { resolver: numbered, base: 'list' }, want: ['list', 'list2', 'list3'] },
    ],
    [
      'objectSuffixed: Object once more each time',
      { given: { resolver: objectSuffixed, base: 'Meta' }, want: ['Meta', 'MetaObject', 'MetaObjectObject'] },
    ],
    [
      'wordsThenNumbered: the words in order, then numbers from 2',
      {
        given: { resolver: wordsThenNumbered(['ForRoom', 'ByRoomID']), base: 'list' },
        want: ['list', 'listForRoom', 'listByRoomID', 'list2', 'list3'],
      },
    ],
    [
      'wordsThenNumbered without words: numbered',
      { given: { resolver: wordsThenNumbered([]), base: 'list' }, want: ['list', 'list2', 'list3'] },
    ],
  ])('%s', (_, { given, want }) => {
    expect(candidates(given.resolver, given.base, want.length)).toEqual(want);
  });
});

describe('freeName', () => {
  it.each<[string, { given: { base: string; taken: string[]; resolver: Resolver }; want: string }]>([
    [
      'a free name is kept',
      { given: { base: 'list', taken: ['retrieve'], resolver: numbered }, want: 'list' },
    ],
    [
      'a taken name takes the next',
      { given: { base: 'list', taken: ['list'], resolver: numbered }, want: 'list2' },
    ],
    [
      'every taken candidate is skipped',
      { given: { base: 'list', taken: ['list', 'list2', 'list3'], resolver: numbered }, want: 'list4' },
    ],
    [
      'a taken word falls through to the next word',
      {
        given: {
          base: 'list',
          taken: ['list', 'listForRoom'],
          resolver: wordsThenNumbered(['ForRoom', 'ByID']),
        },
        want: 'listByID',
      },
    ],
    [
      'all words taken: numbers',
      {
        given: { base: 'list', taken: ['list', 'listForRoom'], resolver: wordsThenNumbered(['ForRoom']) },
        want: 'list2',
      },
    ],
    [
      'Object until free',
      {
        given: { base: 'Source', taken: ['Source', 'SourceObject'], resolver: objectSuffixed },
        want: 'SourceObjectObject',
      },
    ],
  ])('%s', (_, { given, want }) => {
    const taken = new Set(given.taken);
    expect(freeName(given.base, given.resolver, (n) => !taken.has(n))).toBe(want);
  });
});

describe('distinctNames', () => {
  it.each<[string, { given: string[]; want: string[] }]>([
    ['distinct names are kept', { given: ['a', 'b'], want: ['a', 'b'] }],
    [
      'the first keeps a repeated name',
      { given: ['page_number', 'page_number'], want: ['page_number', 'page_number2'] },
    ],
    [
      'a numbered name already there is skipped',
      { given: ['page', 'page2', 'page'], want: ['page', 'page2', 'page3'] },
    ],
  ])('%s', (_, { given, want }) => expect(distinctNames(given)).toEqual(want));
});
