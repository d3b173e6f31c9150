/**
 * Task-first skills (issue 10), read from the generated output: every SKILL.md opens with its product's
 * core tasks and stays under 500 lines, the error handling wraps the first task, caveats come before
 * the tasks, webhook handlers verify without an API key and name every event the product receives,
 * Required lists never repeat a name, and the WebSocket operations use a WebSocket client.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeBlocks, type CodeBlock } from './support/blocks.ts';
import { operationSections, referenceFiles, taskSections } from './support/sections.ts';

const out = inject('generatedDir');
const LANGUAGES = ['javascript', 'python', 'ruby', 'go', 'java', 'curl'];

let skills: Map<string, string>;
let products: { slug: string }[];

beforeAll(() => {
  const dir = join(out, 'skills');
  skills = new Map(
    readdirSync(dir)
      .filter((name) => name.startsWith('telnyx-'))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name, 'SKILL.md'), 'utf8')]),
  );
  products = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    .operations.map((op: { product: string }) => op.product)
    .filter((slug: string, i: number, all: string[]) => all.indexOf(slug) === i)
    .map((slug: string) => ({ slug }));
});

const headings = (text: string) => [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
const blocksOf = (name: string, section: string): CodeBlock[] =>
  codeBlocks(name, skills.get(name)!).filter((b) => b.section === section);

describe('core tasks', () => {
  it('open every SKILL.md: right after the setup (and caveats), 2 to 5 complete calls', () => {
    expect(products).toHaveLength(38);
    for (const { slug } of products)
      for (const language of LANGUAGES) {
        const name = `telnyx-${slug}-${language}`;
        const text = skills.get(name)!;
        const order = headings(text).filter((h) => h !== 'Caveats');
        expect(order.slice(0, 3), name).toEqual(['Installation and setup', 'Core tasks', 'Error handling']);
        const tasks = taskSections(name, text);
        expect(tasks.length, name).toBeGreaterThanOrEqual(2);
        expect(tasks.length, name).toBeLessThanOrEqual(5);
        if (/^## Caveats$/m.test(text))
          expect(text.indexOf('## Caveats'), name).toBeLessThan(text.indexOf('## Core tasks'));
      }
  });

  it('are all in the spec: no task, input or event of specs/products.yml was left out as stale', () => {
    const lint = JSON.parse(readFileSync(join(out, 'lint.json'), 'utf8'));
    expect(lint.findings.filter((f: { rule: string }) => f.rule === 'stale-skill-guide')).toEqual([]);
  });

  it('keep every SKILL.md under 500 lines', () => {
    const counts = [...skills.values()].map((text) => text.split('\n').length - 1);
    const over = [...skills].filter(([, text]) => text.split('\n').length - 1 >= 500).map(([n]) => n);
    expect(over).toEqual([]);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    console.log(
      `SKILL.md lines: mean ${mean.toFixed(1)}, max ${Math.max(...counts)}, ${counts.length} skills`,
    );
  });

  it("send a message with from, to and text in all six languages (each SDK's spelling)", () => {
    const spelled: Record<string, [RegExp, RegExp, RegExp]> = {
      javascript: [/\bfrom: '/, /\bto: '/, /\btext: '/],
      python: [/\bfrom_="/, /\bto="/, /\btext="/],
      ruby: [/\bfrom: "/, /\bto: "/, /\btext: "/],
      go: [/\bFrom: +telnyx\.String\("/, /\bTo: +"/, /\bText: +telnyx\.String\("/],
      java: [/\.from\("/, /\.to\("/, /\.text\("/],
      curl: [/"from": "/, /"to": "/, /"text": "/],
    };
    for (const language of LANGUAGES) {
      const name = `telnyx-messaging-${language}`;
      const [send] = taskSections(name, skills.get(name)!);
      expect(`${send.method} ${send.path}`).toBe('POST /messages');
      for (const field of spelled[language]) expect(send.block.code, `${name}: ${field}`).toMatch(field);
    }
  });

  it('print where the result lives (response.data.id and its spelling in each SDK)', () => {
    const shown: Record<string, string> = {
      javascript: 'console.log(response.data?.id);',
      python: 'print(response.data.id)',
      ruby: 'puts(response.data.id)',
      go: 'fmt.Printf("%+v\\n", response.Data.ID)',
      java: 'System.out.println(response.data().flatMap(value -> value.id()).orElse(null));',
    };
    for (const [language, line] of Object.entries(shown)) {
      const name = `telnyx-messaging-${language}`;
      expect(taskSections(name, skills.get(name)!)[0].block.code, name).toContain(line);
    }
  });

  it('are what the error-handling example wraps: the first core task, not the first operation by path', () => {
    for (const [name, text] of skills) {
      const [first] = taskSections(name, text);
      const [errors] = blocksOf(name, 'Error handling');
      // The call's accessor chain (Go's error loop calls `List`, not its `ListAutoPaging` twin), or curl's URL.
      const call = name.endsWith('-curl')
        ? /'https:\/\/[^']*'/.exec(first.block.code)![0]
        : /\bclient(?:\(\))?(?:\.\w+(?:\(\))?)+/.exec(first.block.code)![0].replace(/AutoPaging$/, '');
      expect(errors.code, `${name}: ${call}`).toContain(call);
    }
    expect(skills.get('telnyx-messaging-python')).toContain(
      "It wraps this product's main call (Send an SMS).",
    );
  });
});

describe('webhooks', () => {
  it('list every event type a product receives, message.finalized with its delivery status for messaging', () => {
    const text = skills.get('telnyx-messaging-python')!;
    for (const type of ['message.sent', 'message.finalized', 'message.received'])
      expect(text).toMatch(new RegExp(`^\\| \`${type.replace('.', '\\.')}\` \\|`, 'm'));
    expect(text).toMatch(
      /^\| `message\.finalized` \|.*`data\.payload\.to\[\]\.status` \(enum: queued, .*delivered/m,
    );
  });

  it('verify the signature without an API key and branch on the event type, in every language', () => {
    const branch: Record<string, RegExp> = {
      javascript: /case 'message\.finalized':/,
      python: /if event_type == "message\.finalized":/,
      ruby: /when "message\.finalized"/,
      go: /case "message\.finalized":/,
      java: /case "message\.finalized" ->/,
      curl: /'message\.finalized'\)/,
    };
    for (const [name] of skills) {
      const [handler] = blocksOf(name, 'Webhooks');
      if (!handler) continue;
      expect(handler.code, name).not.toMatch(/TELNYX_API_KEY|new Telnyx\(|Telnyx::Client|NewClient|fromEnv/);
      expect(handler.code, name).toContain('TELNYX_PUBLIC_KEY');
    }
    for (const language of LANGUAGES) {
      const name = `telnyx-messaging-${language}`;
      expect(blocksOf(name, 'Webhooks')[0].code, name).toMatch(branch[language]);
    }
  });
});

describe('reference sections', () => {
  const sectionsOf = (name: string) => {
    const text = skills.get(name)!;
    const dir = join(out, 'skills', name);
    return [
      ...operationSections(name, text),
      ...referenceFiles(text).flatMap((f) => operationSections(f, readFileSync(join(dir, f), 'utf8'))),
    ];
  };

  it('never repeat a name in a Required list (a path parameter and a body field of one name)', () => {
    let checked = 0;
    for (const [name] of skills)
      for (const s of sectionsOf(name)) {
        expect(new Set(s.required).size, `${name}: ${s.method} ${s.path}`).toBe(s.required.length);
        checked++;
      }
    expect(checked).toBe(1103 * LANGUAGES.length);
    const bridge = sectionsOf('telnyx-voice-go').find(
      (s) => s.path === '/calls/{call_control_id}/actions/bridge',
    );
    expect(bridge!.required).toEqual(['call_control_id']);
  });

  it('show the WebSocket operations with a WebSocket client, never curl', () => {
    const client: Record<string, RegExp> = {
      javascript: /^import WebSocket from 'ws';$/m,
      python: /websockets\.connect\(/,
      ruby: /WebSocket::Client::Simple\.connect\(/,
      go: /websocket\.DefaultDialer\.Dial\(/,
      java: /newWebSocketBuilder\(\)/,
      curl: /^websocat -H "Authorization: Bearer \$TELNYX_API_KEY" 'wss:\/\/api\.telnyx\.com\/v2\/speech-to-text\/transcription\?/m,
    };
    for (const language of LANGUAGES) {
      const name = `telnyx-ai-inference-${language}`;
      const socket = sectionsOf(name).find((s) => s.path === '/speech-to-text/transcription')!;
      expect(socket.block.code, name).toMatch(client[language]);
      expect(socket.block.code, name).not.toMatch(/curl .*wss:/);
    }
  });
});
