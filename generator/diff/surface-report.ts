/**
 * The declarations check (surface-diff.ts) as a markdown block placed before the report's bump line:
 * what the two packages export, and the breaks found in their declarations, the ones the model diff
 * did not class breaking first.
 */
import type { SurfaceBreak, SurfaceDiff } from './surface-diff.ts';

/** Breaks listed in full; the rest are counted by kind. */
const LISTED = 50;

export function renderSurface(diff: SurfaceDiff): string {
  const { exports, methods, breaks, unexplained } = diff;
  const lines = [
    '### Public surface check (TypeScript declarations)',
    '',
    `${exports.before} -> ${exports.after} exported declarations (${exports.added} added, ${exports.removed} removed), ` +
      `${methods.before} -> ${methods.after} methods; read and compared in ${(diff.ms / 1000).toFixed(1)} s.`,
    '',
    unexplained === 0
      ? `${breaks.length} breaks in the declarations, each explained by a breaking change above.`
      : `${breaks.length} breaks in the declarations; **${unexplained} not explained** by a breaking change above:`,
  ];
  const ordered = [...breaks.filter((b) => !b.explained), ...breaks.filter((b) => b.explained)];
  const shown = unexplained > 0 ? ordered.filter((b) => !b.explained) : ordered.slice(0, 0);
  if (shown.length) lines.push('', ...shown.slice(0, LISTED).map(line));
  if (shown.length > LISTED) lines.push(`- ... and ${shown.length - LISTED} more (all in --format json)`);
  const tally = new Map<string, number>();
  for (const b of breaks) tally.set(b.kind, (tally.get(b.kind) ?? 0) + 1);
  if (tally.size)
    lines.push(
      '',
      `By kind: ${[...tally]
        .sort()
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}.`,
    );
  return lines.join('\n');
}

function line(b: SurfaceBreak): string {
  const users = b.accessors.length
    ? ` (used by ${b.accessors
        .slice(0, 3)
        .map((a) => `\`${a}\``)
        .join(', ')}` + `${b.accessors.length > 3 ? ` and ${b.accessors.length - 3} more` : ''})`
    : ' (used by no method)';
  return `- \`${b.key}\`: ${b.detail}${users}`;
}
