/**
 * Reads a hand-written YAML file (the config, the products and webhook tables) keeping positions, so
 * a bad value is reported at its line and column instead of as a JSON path the user has to find.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, type Node } from 'yaml';
import { InputError } from '../errors.ts';
import { displayPath } from './paths.ts';
import { checkAliases } from './yaml-aliases.ts';

export interface YamlFile {
  data: unknown;
  /** `file:line:col` of the value at `path`, or the file alone when the path is absent. */
  locate: (path: (string | number)[]) => string;
}

/** Reads a YAML file with positions; syntax errors become InputErrors naming line and column. */
export function readYamlFile(file: string): YamlFile {
  if (!existsSync(file)) {
    throw new InputError(`file not found`, displayPath(file), 'create the file or pass the right path');
  }
  if (!statSync(file).isFile())
    throw new InputError('not a file', displayPath(file), 'pass the path of the YAML file itself');
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new InputError(
      `YAML syntax error: ${e.message.split('\n')[0]}`,
      `${displayPath(file)}:${pos.line}:${pos.col}`,
      'fix the YAML syntax at that line',
    );
  }
  checkAliases(doc, lineCounter, displayPath(file));
  const locate = (path: (string | number)[]): string => {
    const node = doc.getIn(path, true) as Node | undefined;
    const offset = node?.range?.[0];
    if (offset === undefined) return displayPath(file);
    const pos = lineCounter.linePos(offset);
    return `${displayPath(file)}:${pos.line}:${pos.col}`;
  };
  return { data: doc.toJS({ maxAliasCount: -1 }), locate };
}
