/**
 * The runnable examples of the generated skills, read back from the markdown the way a reader finds
 * them: every fenced block of a language, in every SKILL.md and references/*.md of that language's
 * skills. A block under an operation section (its `METHOD /path` line) is that operation's example; a
 * block that uses `client` without constructing it runs after the skill's setup block (the first
 * block that constructs the client), in the same namespace, as the docs say ("the examples below use
 * this client"). Nothing else is added to or changed in an example's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeBlocks, type CodeBlock } from '../blocks.ts';
import { operationSections } from '../sections.ts';

export const EXECUTED = ['python', 'ruby', 'javascript'] as const;
export type Language = (typeof EXECUTED)[number];

export interface Example {
  /** Unique in one run: the proxy prefix and the runner's key (`python-17`). */
  id: string;
  language: Language;
  skill: string;
  /**
   * `operation`: an operation section's example; `setup`: the client construction; `other`: any other
   * block that calls the API (error handling); `webhook`: a webhook handler (it waits for requests
   * that never come, so it is not run: checkers.test.ts parses it); `socket`: a WebSocket operation's
   * example, which opens a socket an HTTP mock cannot answer (not run either).
   */
  kind: 'operation' | 'setup' | 'other' | 'webhook' | 'socket';
  /** `METHOD /path` for operation examples. */
  operation?: string;
  block: CodeBlock;
  /** What runs, in order, in one namespace: the skill's setup block when needed, then the block. */
  parts: CodeBlock[];
}

const CONSTRUCTS: Record<Language, RegExp> = {
  python: /\bTelnyx\(/,
  ruby: /\bTelnyx::Client\.new\b/,
  javascript: /\bnew Telnyx\(/,
};
const USES_CLIENT = /(?<![\w.])client\./;
/** The WebSocket clients the skills show for WebSocket operations (generator/emit/skills/render/websocket.ts). */
const OPENS_SOCKET =
  /^import WebSocket from 'ws';$|\bwebsockets\.connect\(|WebSocket::Client::Simple\.connect\(/m;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    )
    .sort((a, b) => (a.endsWith('/SKILL.md') ? -1 : b.endsWith('/SKILL.md') ? 1 : a.localeCompare(b)));
}

/** Every example of `language` in the skills under `skillsDir` (`<generated>/skills`). */
export function readExamples(skillsDir: string, language: Language): Example[] {
  const examples: Example[] = [];
  const skills = readdirSync(skillsDir)
    .filter((name) => name.startsWith('telnyx-') && name.endsWith(`-${language}`))
    .sort();
  for (const skill of skills) {
    const files = markdownFiles(join(skillsDir, skill)).map((path) => ({
      name: path.slice(skillsDir.length + 1),
      text: readFileSync(path, 'utf8'),
    }));
    const operations = new Map<string, string>();
    const blocks: CodeBlock[] = [];
    for (const { name, text } of files) {
      for (const s of operationSections(name, text))
        operations.set(`${name}:${s.block.line}`, `${s.method} ${s.path}`);
      blocks.push(...codeBlocks(name, text).filter((b) => b.lang === language));
    }
    const setup = blocks.find((b) => CONSTRUCTS[language].test(b.code));
    for (const block of blocks) {
      const operation = operations.get(`${block.file}:${block.line}`);
      const needsSetup = !CONSTRUCTS[language].test(block.code) && USES_CLIENT.test(block.code);
      examples.push({
        id: `${language}-${examples.length}`,
        language,
        skill,
        kind: operation
          ? OPENS_SOCKET.test(block.code)
            ? 'socket'
            : 'operation'
          : block === setup
            ? 'setup'
            : /webhook/i.test(block.section)
              ? 'webhook'
              : 'other',
        ...(operation ? { operation } : {}),
        block,
        parts: needsSetup && setup ? [setup, block] : [block],
      });
    }
  }
  return examples;
}
