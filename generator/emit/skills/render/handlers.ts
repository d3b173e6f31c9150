/**
 * The branch-on-event-type part of each language's webhook handler (templates/skills/<language>/
 * webhook.hbs frames it): a switch over the event type with, per event, the payload fields the
 * config names, read in that language's idiom (typed in JS and Go, dict/hash/JsonNode/jq lookups
 * elsewhere). The template places it at its indentation.
 */
import { goField } from '../../../naming/fields.ts';
import { itemName, type Field, type HandlerView, type Read } from '../handler.ts';
import { goString, javaString, jsString, pyString, rbString } from '../literals.ts';
import { shellQuote } from '../escape.ts';

type Lines = string[];
const indent = (lines: Lines, by: string) => lines.map((l) => (l ? by + l : l));

/** One language: a value at a path from a root, a loop over an array, a print, the switch around them. */
interface Dialect {
  value: (root: string, field: Field) => string;
  loop: (array: string, item: string, fields: Field[]) => Lines;
  print: (values: string[]) => string;
  /** The switch over `subject`, with each case's reads and the default's print of the type. */
  dispatch: (subject: string, cases: [string, Lines][]) => Lines;
  /** The event type, read from `event`. */
  subject: (path: string[]) => string;
}

const jsKey = (k: string, optional: boolean) =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `${optional ? '?.' : '.'}${k}` : `${optional ? '?.' : ''}[${jsString(k)}]`;
const jsPath = (root: string, path: string[]) => root + path.map((k, i) => jsKey(k, i > 0)).join('');
const JS: Dialect = {
  value: (root, f) => jsPath(root, f.path),
  loop: (array, item, fields) => [
    `for (const ${item} of ${array} ?? []) {`,
    `  ${JS.print(fields.map((f) => JS.value(item, f)))}`,
    '}',
  ],
  print: (values) => `console.log(${values.join(', ')});`,
  subject: (path) => (path.length === 2 ? `${path[0]}?.${path[1]}` : `event.${path[0]}`),
  dispatch: (subject, cases) => [
    `switch (${subject}) {`,
    ...cases.flatMap(([type, body]) => [`  case ${jsString(type)}:`, ...indent([...body, 'break;'], '    ')]),
    '  default:',
    `    console.log('Other event:', ${subject});`,
    '}',
  ],
};

const pyPath = (root: string, path: string[]) =>
  root + path.map((k, i) => (i < path.length - 1 ? `[${pyString(k)}]` : `.get(${pyString(k)})`)).join('');
const PY: Dialect = {
  value: (root, f) => (f.path.length ? pyPath(root, f.path) : root),
  loop: (array, item, fields) => [
    `for ${item} in ${array} or []:`,
    `    ${PY.print(fields.map((f) => PY.value(item, f)))}`,
  ],
  print: (values) => `print(${values.join(', ')})`,
  subject: (path) =>
    `event${path.map((k, i) => `.get(${pyString(k)}${i < path.length - 1 ? ', {}' : ''})`).join('')}`,
  dispatch: (subject, cases) => [
    `event_type = ${subject}`,
    ...cases.flatMap(([type, body], i) => [
      `${i ? 'elif' : 'if'} event_type == ${pyString(type)}:`,
      ...indent(body, '    '),
    ]),
    'else:',
    '    print("Other event:", event_type)',
  ],
};

const rbDig = (root: string, path: string[]) => `${root}.dig(${path.map(rbString).join(', ')})`;
const RB: Dialect = {
  value: (root, f) => (f.path.length ? rbDig(root, f.path) : root),
  loop: (array, item, fields) => [
    `(${array} || []).each do |${item}|`,
    `  ${RB.print(fields.map((f) => RB.value(item, f)))}`,
    'end',
  ],
  print: (values) => (values.length === 1 ? `puts(${values[0]})` : `puts([${values.join(', ')}].join(" "))`),
  subject: (path) => rbDig('event', path),
  dispatch: (subject, cases) => [
    `case ${subject}`,
    ...cases.flatMap(([type, body]) => [`when ${rbString(type)}`, ...indent(body, '  ')]),
    'else',
    `  puts("Other event: #{${subject}}")`,
    'end',
  ],
};

const goPath = (root: string, path: string[]) => [root, ...path.map((k) => goField(k))].join('.');
const GO: Dialect = {
  value: (root, f) => goPath(root, f.path),
  loop: (array, item, fields) => [
    `for _, ${item} := range ${array} {`,
    `\t${GO.print(fields.map((f) => GO.value(item, f)))}`,
    '}',
  ],
  print: (values) => `fmt.Println(${values.join(', ')})`,
  subject: (path) => goPath('event', path),
  dispatch: (subject, cases) => [
    `switch ${subject} {`,
    ...cases.flatMap(([type, body]) => [`case ${goString(type)}:`, ...indent(body, '\t')]),
    'default:',
    `\tfmt.Println("other event:", ${subject})`,
    '}',
  ],
};

const pointer = (path: string[]) =>
  javaString('/' + path.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'));
const JAVA: Dialect = {
  // Scalars as text; objects and arrays as their JSON.
  value: (root, f) =>
    `${f.path.length ? `${root}.at(${pointer(f.path)})` : root}.${f.type === 'any' ? 'toString' : 'asText'}()`,
  loop: (array, item, fields) => [
    `for (JsonNode ${item} : ${array.replace(/\.(asText|toString)\(\)$/, '')}) {`,
    `    ${JAVA.print(fields.map((f) => JAVA.value(item, f)))}`,
    '}',
  ],
  print: (values) => `System.out.println(${values.join(' + " " + ')});`,
  subject: (path) => JAVA.value('event', { path, type: 'string' }),
  dispatch: (subject, cases) => [
    `switch (${subject}) {`,
    ...cases.flatMap(([type, body]) => [
      `    case ${javaString(type)} -> {`,
      ...indent(body, '        '),
      '    }',
    ]),
    `    default -> System.out.println("Other event: " + ${subject});`,
    '}',
  ],
};

// curl: the verified payload is in body.json and jq reads it.
const jqPath = (path: string[]) =>
  path.map((k) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `.[${JSON.stringify(k)}]`)).join('') || '.';
const CURL: Dialect = {
  value: (_root, f) => jqPath(f.path),
  loop: (array, _item, fields) => [
    `jq -r ${shellQuote(`${array}[] | [${fields.map((f) => jqPath(f.path)).join(', ')}] | map(tostring) | join(" ")`)} body.json`,
  ],
  print: (values) => values.map((v) => `jq -r ${shellQuote(v)} body.json`).join('\n'),
  subject: (path) => `$(jq -r ${shellQuote(jqPath(path))} body.json)`,
  dispatch: (subject, cases) => [
    `case "${subject}" in`,
    ...cases.flatMap(([type, body]) => [`  ${shellQuote(type)})`, ...indent([...body, ';;'], '    ')]),
    '  *)',
    `    echo "Other event: ${subject}"`,
    '    ;;',
    'esac',
  ],
};

const DIALECTS = { javascript: JS, python: PY, ruby: RB, go: GO, java: JAVA, curl: CURL } as const;
export type HandlerLanguage = keyof typeof DIALECTS;

/**
 * The dispatch of a handler in one language, each line after the first indented by `at`. In JS the
 * switch narrows the union through `data?.event_type`, so reads under `data` go through `data`.
 */
export function dispatchLines(language: HandlerLanguage, view: HandlerView, at: string): string {
  const dialect = DIALECTS[language];
  const narrowed = language === 'javascript' && view.switchAt?.length === 2 ? view.switchAt[0] : undefined;
  const root = (path: string[]): [string, string[]] =>
    narrowed && path[0] === narrowed ? [narrowed, path.slice(1)] : ['event', path];
  const reads = (list: Read[]): Lines =>
    list.flatMap((read) => {
      if (read.kind === 'value') {
        const [from, path] = root(read.path);
        return dialect.print([dialect.value(from, { ...read, path })]).split('\n');
      }
      const [from, path] = root(read.array);
      return dialect.loop(dialect.value(from, { path, type: 'any' }), itemName(read.array), read.fields);
    });
  let lines: Lines;
  if (view.switchAt) {
    const subject = dialect.subject(view.switchAt);
    lines = [
      ...(narrowed ? [`const ${narrowed} = event${jsKey(narrowed, false)};`] : []),
      // Without configured events there is nothing to branch on: the handler names what arrived.
      ...(view.cases.length
        ? dialect.dispatch(
            subject,
            view.cases.map((c) => [c.eventType, reads(c.reads)]),
          )
        : dialect.print([language === 'curl' ? jqPath(view.switchAt) : subject]).split('\n')),
    ];
  } else {
    lines = reads(view.fallback);
    if (!lines.length) lines = dialect.print([language === 'curl' ? '.' : 'event']).split('\n');
  }
  return indent(lines, at).join('\n').slice(at.length);
}
