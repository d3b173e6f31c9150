/**
 * Words each target language reserves: a name that is one of them gets a suffix where it is used
 * (docs/NAMING.md, "Reserved words"). One list per language, shared by naming and the doc renderers.
 */
const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** Python keywords (the capitalised constants as written, plus their lower case as snake_case makes them). */
export const PYTHON_KEYWORDS = words(`
  False None True false none true and as assert async await break class continue def del elif else except
  finally for from global if import in is lambda nonlocal not or pass raise return try while with yield`);

/** Java keywords and literals. */
export const JAVA_KEYWORDS = words(`
  abstract assert boolean break byte case catch char class const continue default do double else enum
  extends final finally float for goto if implements import instanceof int interface long native new package
  private protected public return short static strictfp super switch synchronized this throw throws transient
  try void volatile while true false null`);

/** Ruby: methods that clash with `Object` methods, and keywords; such methods get a trailing `_`. */
export const RUBY_CLASHES = words(`
  send clone end test retry extend display freeze hash method class dup then tap inspect format puts print exit
  raise loop select sleep trap system open next redo begin case def do if in module not or and self super undef
  unless until when while yield alias break defined else elsif ensure false for nil rescue return true`);
