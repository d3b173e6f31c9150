/**
 * The examples in the official SDKs' shapes (issue 10): every entry of the config's `compat` section
 * shows in the JavaScript, Python and Ruby examples of its operation (the body in its wrapper member,
 * an aliased field under its alias, a release's own way with the body in that language only, its
 * extra-body option where its method cannot send the body), curl keeps the wire; and a list the locked
 * release returns as one model is printed, not iterated. Read from the generated output.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type CompatConfig } from '../../generator/config.ts';
import { PYTHON, RUBY } from '../../generator/naming/fields.ts';
import { readNamesLock } from '../../generator/naming/lock.ts';
import { operationSections, referenceFiles, type OperationSection } from './support/sections.ts';

const out = inject('generatedDir');
const LANGUAGES = ['javascript', 'python', 'ruby', 'curl'] as const;
type Language = (typeof LANGUAGES)[number];

let compat: CompatConfig;
/** "METHOD /path" -> language -> the operation's example block. */
let examples: Map<string, Map<Language, string>>;

beforeAll(() => {
  compat = loadConfig().compat;
  const dir = join(out, 'skills');
  examples = new Map();
  for (const name of readdirSync(dir).filter((n) => n.startsWith('telnyx-'))) {
    const language = LANGUAGES.find((l) => name.endsWith(`-${l}`));
    if (!language) continue;
    const skill = readFileSync(join(dir, name, 'SKILL.md'), 'utf8');
    const sections: OperationSection[] = [
      ...operationSections(name, skill),
      ...referenceFiles(skill).flatMap((ref) =>
        operationSections(`${name}/${ref}`, readFileSync(join(dir, name, ref), 'utf8')),
      ),
    ];
    for (const s of sections) {
      const key = `${s.method} ${s.path}`;
      if (!examples.has(key)) examples.set(key, new Map());
      examples.get(key)!.set(language, s.block.code);
    }
  }
});

const example = (key: string, language: Language) => {
  const code = examples.get(key)?.get(language);
  if (code === undefined) throw new Error(`no ${language} example of ${key}`);
  return code;
};
const releaseBody = (key: string, language: 'python' | 'ruby') => compat.releaseBodies[language]?.[key];

describe('examples in the official SDKs shapes', () => {
  it('put a wrapped body in its member (or the release own way) in JavaScript, Python and Ruby', () => {
    const entries = Object.entries(compat.bodyWrappers);
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, wrapper] of entries) {
      expect(example(key, 'javascript'), key).toMatch(new RegExp(`\\b${wrapper}: \\{`));
      if (!releaseBody(key, 'python'))
        expect(example(key, 'python'), key).toContain(`${PYTHON.args([wrapper])[0]}={`);
      if (!releaseBody(key, 'ruby'))
        expect(example(key, 'ruby'), key).toMatch(new RegExp(`\\b${RUBY.args([wrapper])[0]}: \\{`));
      // curl sends the body as the API takes it: no wrapper key.
      expect(example(key, 'curl'), key).not.toContain(`"${wrapper}"`);
    }
  });

  it('pass an aliased body field under its alias, curl under its wire name', () => {
    for (const [key, aliases] of Object.entries(compat.fieldAliases))
      for (const [alias, wire] of Object.entries(aliases)) {
        for (const language of ['javascript', 'python', 'ruby'] as const)
          expect(example(key, language), `${key} (${language})`).toContain(alias);
        expect(example(key, 'curl'), key).toContain(`"${wire}"`);
      }
  });

  it("show a release's own way with the body in its language only: a member, or the extra-body option", () => {
    const options: Record<'python' | 'ruby', string> = {
      python: 'extra_body={',
      ruby: 'request_options: { extra_body: {',
    };
    let checked = 0;
    for (const language of ['python', 'ruby'] as const)
      for (const [key, how] of Object.entries(compat.releaseBodies[language] ?? {})) {
        const code = example(key, language).replace(/\s+/g, ' ');
        if (how === 'extra_body') expect(code, key).toContain(options[language].replace(/\s+/g, ' '));
        else expect(code, key).toMatch(new RegExp(`\\b${how}${language === 'python' ? '=' : ':'} ?\\{`));
        checked++;
      }
    expect(checked).toBeGreaterThan(0);
  });

  it('print a list the locked release returns as one model, never iterate it', () => {
    const lock = readNamesLock(loadConfig().names.from);
    const unpaged = [...examples.keys()].filter((key) => {
      const [method, path] = key.split(' ');
      return lock.get(`${method.toLowerCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`)?.paged === false;
    });
    expect(unpaged).toContain('GET /storage/cloudfs');
    const loops = /for await \(|^for \w+ in |auto_paging_each/m;
    for (const key of unpaged)
      for (const language of ['javascript', 'python', 'ruby'] as const)
        expect(example(key, language), `${key} (${language})`).not.toMatch(loops);
  });
});
