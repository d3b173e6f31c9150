import type { Example } from '../../../examples/examples.ts';
import type { CallInput, InputField } from '../../../surface/index.ts';
import type { Spell } from '../../../naming/fields.ts';

/**
 * Line layout shared by the value renderers: a bracketed list stays on one line when it is short and
 * flat, else one item per line, indented one step deeper than the line it opens on.
 */
export interface ListStyle {
  /** Space inside the brackets on one line: `{ a: 1 }` (JS, Ruby hash) vs `[1]`. */
  pad?: boolean;
  /** A separator after the last item when broken over lines (Go requires it; Python and JS like it). */
  trailing?: boolean;
  /** Indentation unit: two or four spaces, or a tab for Go. */
  step: string;
}

const WIDTH = 80;

/** `lead`: how much of the line comes before `open` (`const response = await client.a.b(`). */
export function list(
  open: string,
  items: string[],
  close: string,
  indent: string,
  style: ListStyle,
  lead = 0,
): string {
  if (items.length === 0) return open + close;
  const pad = style.pad ? ' ' : '';
  const inline = `${open}${pad}${items.join(', ')}${pad}${close}`;
  if (!items.some((i) => i.includes('\n')) && indent.length + lead + inline.length <= WIDTH) return inline;
  const inner = indent + style.step;
  return `${open}\n${items.map((i) => inner + i).join(',\n')}${style.trailing ? ',' : ''}\n${indent}${close}`;
}

/** Indents every line after the first (a rendered value placed at the end of a line). */
export function hang(text: string, indent: string): string {
  return text.replace(/\n/g, '\n' + indent);
}

/** CallInput.official.releases: the release's method cannot send the body; its SDK option can. */
const EXTRA_BODY = 'extra_body';

/**
 * The params of the call as the official SDKs take them (CallInput.official): each field under its
 * key (an aliased body field under its alias), or the body fields together in their wrapper member.
 */
export function officialParams(
  input: CallInput,
  wrapper = input.official?.bodyWrapper,
): { name: string; value: Example }[] {
  const { bodyKeys } = input.official ?? {};
  const bodyWrapper = wrapper;
  const key = (f: InputField) => (f.in === 'body' && bodyKeys?.[f.wire]) || f.wire;
  if (!bodyWrapper) return input.fields.map((f) => ({ name: key(f), value: f.value }));
  const body = input.fields.filter((f) => f.in === 'body');
  return [
    ...input.fields.filter((f) => f.in !== 'body').map((f) => ({ name: key(f), value: f.value })),
    ...(body.length
      ? [
          {
            name: bodyWrapper,
            value: { kind: 'object', fields: body.map((f) => ({ name: key(f), value: f.value })) } as Example,
          },
        ]
      : []),
  ];
}

/**
 * The arguments of a keyword-argument call (Python `name=value`, Ruby `name: value`): the positional
 * path parameter, then each field under the name naming gives it, the whole body as `body`.
 */
export function keywordArgs(
  input: CallInput,
  language: 'python' | 'ruby',
  spell: Spell,
  separator: string,
  render: (value: Example) => string,
): string[] {
  const args = input.positional ? [render(input.positional.value)] : [];
  const release = input.official?.releases?.[language];
  // A body the release cannot send from its arguments goes in its extra-body option, keyed by wire
  // name: Python `extra_body={...}`, Ruby `request_options: {extra_body: {...}}`.
  const params = officialParams(input, release ?? input.official?.bodyWrapper).map((p) =>
    release === EXTRA_BODY && p.name === EXTRA_BODY && language === 'ruby'
      ? { name: 'request_options', value: { kind: 'object', fields: [p] } as Example }
      : p,
  );
  const fields = [
    ...params.map((f) => ({ wire: f.name, value: f.value })),
    ...(input.wholeBody ? [{ wire: 'body', value: input.wholeBody }] : []),
  ];
  const names = spell(fields.map((f) => f.wire));
  fields.forEach((f, i) => args.push(`${names[i]}${separator}${render(f.value)}`));
  return args;
}

/** A file name for a download, from its media type. */
export function downloadName(mediaType: string | undefined): string {
  const ext: [RegExp, string][] = [
    [/pdf/, 'pdf'],
    [/mpeg|mp3/, 'mp3'],
    [/wav/, 'wav'],
    [/png/, 'png'],
    [/jpe?g/, 'jpg'],
    [/svg/, 'svg'],
    [/zip/, 'zip'],
    [/csv/, 'csv'],
    [/json/, 'json'],
    [/^text\//, 'txt'],
  ];
  const found = ext.find(([re]) => re.test(mediaType ?? ''));
  return `download.${found ? found[1] : 'bin'}`;
}
