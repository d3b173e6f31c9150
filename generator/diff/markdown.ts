/**
 * The report as a CHANGELOG section: `## <title>`, then `### Breaking changes`, `### Added`,
 * `### Deprecated`, `### Changed` (the empty ones left out), the changes of one accessor grouped
 * under it, and last the semver bump the changes imply.
 */
import type { Change, DiffReport, Section } from './types.ts';

const HEADINGS: [Section, string][] = [
  ['breaking', 'Breaking changes'],
  ['added', 'Added'],
  ['deprecated', 'Deprecated'],
  ['changed', 'Changed'],
];

/** Extra sections placed before the bump line (the declarations check, when run). */
export function renderMarkdown(report: DiffReport, extra: string[] = []): string {
  const lines = [
    `## ${report.title}`,
    '',
    `Changes to the SDK from \`${report.from}\` to \`${report.to}\` ` +
      `(${report.operations.from} -> ${report.operations.to} public operations).`,
  ];
  for (const [section, heading] of HEADINGS) {
    const changes = report.changes.filter((c) => c.section === section);
    if (changes.length === 0) continue;
    lines.push('', `### ${heading}`, '', ...bullets(changes));
  }
  if (report.changes.length === 0) lines.push('', 'No changes to the SDK surface.');
  for (const block of extra) lines.push('', block.trimEnd());
  lines.push('', `**Semver: ${report.bump}** (${summary(report)}).`, '');
  return lines.join('\n');
}

/** One bullet per accessor; several changes of one accessor nest under it. Model types in one line. */
function bullets(changes: Change[]): string[] {
  const lines: string[] = [];
  const types = changes.filter((c) => c.kind === 'type-added' || c.kind === 'type-removed');
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    if (types.includes(c)) continue;
    const key = `${c.accessor}\0${c.subject ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    const head = `- \`${first.accessor}\`${first.subject ? ` (\`${first.subject}\`)` : ''}`;
    if (group.length === 1) lines.push(`${head}: ${item(first)}`);
    else lines.push(`${head}:`, ...group.map((c) => `  - ${item(c)}`));
  }
  for (const kind of ['type-removed', 'type-added'] as const) {
    const names = types.filter((c) => c.kind === kind).map((c) => `\`${c.accessor}\``);
    if (names.length)
      lines.push(
        `- Model types ${kind === 'type-added' ? 'added' : 'removed'} (${names.length}): ${names.join(', ')}`,
      );
  }
  return lines;
}

const item = (c: Change) => (c.path ? `\`${c.path}\`: ${c.detail}` : c.detail);

function summary(report: DiffReport): string {
  const count = (section: Section) => report.changes.filter((c) => c.section === section).length;
  const parts = [
    `${count('breaking')} breaking`,
    `${count('added')} added`,
    `${count('deprecated')} deprecated`,
    `${count('changed')} other changes`,
  ];
  return parts.join(', ');
}
