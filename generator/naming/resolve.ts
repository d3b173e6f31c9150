/**
 * Name clashes, resolved one way everywhere (hey-api's style): a resolver is a small pure function
 * that says which name to try at each attempt, and `freeName` asks it again until a name is free.
 * Attempt 0 is always the wanted name itself, so a name that is free is never changed. What differs
 * between kinds of names is only the resolver; the loop is this one.
 */

export interface Candidate {
  /** The wanted name. */
  base: string;
  /** 0 for the wanted name, then 1, 2, ... for each further try. */
  attempt: number;
}

export type Resolver = (candidate: Candidate) => string;

/**
 * The first name `resolver` gives that `isFree` accepts. Every resolver here makes a new name at
 * each attempt, so this ends once the taken names run out.
 */
export function freeName(base: string, resolver: Resolver, isFree: (name: string) => boolean): string {
  for (let attempt = 0; ; attempt++) {
    const name = resolver({ base, attempt });
    if (isFree(name)) return name;
  }
}

/** `name`, `name2`, `name3`, ...: the last resort, which says nothing but "another one". */
export const numbered: Resolver = ({ base, attempt }) => (attempt === 0 ? base : `${base}${attempt + 1}`);

/**
 * `Source`, `SourceObject`, `SourceObjectObject`: a nested TS declaration that would shadow a name
 * its namespace needs keeps its word and says what it is, as the official SDK's nested types do.
 */
export const objectSuffixed: Resolver = ({ base, attempt }) => base + 'Object'.repeat(attempt);

/**
 * The given words in turn (`listForRoom`, `listByReferenceID`), then numbers from 2: a colliding
 * method prefers a word its path has (docs/NAMING.md, "a numeric suffix only as a last resort").
 */
export function wordsThenNumbered(words: readonly string[]): Resolver {
  return ({ base, attempt }) =>
    attempt === 0
      ? base
      : attempt <= words.length
        ? base + words[attempt - 1]
        : `${base}${attempt - words.length + 1}`;
}

/** Makes names distinct in order: the first of equal names keeps it, later ones take the next free one. */
export function distinctNames(names: readonly string[], resolver: Resolver = numbered): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const free = freeName(name, resolver, (n) => !taken.has(n));
    taken.add(free);
    return free;
  });
}
