/**
 * How large an example value may get, whatever the schema's bounds say: `minLength: 500000000` or
 * `minItems: 100000000` on a required field ran out of memory building (and would have printed) the
 * example. The lint stage reports bounds past these (absurd-bound), since examples cannot meet them.
 */
export const MAX_EXAMPLE_LENGTH = 1000;
export const MAX_EXAMPLE_ITEMS = 10;
/** Arrays nested in arrays share one budget: at most this many copies of the innermost value. */
export const MAX_EXAMPLE_COPIES = 100;
