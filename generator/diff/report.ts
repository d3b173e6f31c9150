/**
 * The change report as a library call: two specs through the same config, compared, and printed as
 * markdown (a CHANGELOG section) or JSON. `npm run diff` and `npm run spec:update` both print this.
 */
import { buildSide, titleOf, type BuiltSide, type SideOptions } from './build.ts';
import { diffModels, WEBHOOKS_ACCESSOR } from './index.ts';
import { renderMarkdown } from './markdown.ts';
import type { SurfaceDiff } from './surface-diff.ts';
import type { DiffReport } from './types.ts';

export type ReportFormat = 'md' | 'json';

export interface ReportOptions extends Omit<SideOptions, 'typescript'> {
  /** The `## ` heading; default the date in the new spec's file name, else its info.version. */
  title?: string;
  /** Also generate both TypeScript packages and check their declarations (`--surface`). */
  surface?: boolean;
}

export interface ChangeReport {
  report: DiffReport;
  surface?: SurfaceDiff;
}

export async function changeReport(
  oldSpec: string,
  newSpec: string,
  options: ReportOptions = {},
): Promise<ChangeReport> {
  const sides: BuiltSide[] = [];
  try {
    const sideOptions = { ...options, typescript: options.surface === true };
    // One after the other: each side holds a whole model (~300 MB at peak for the Telnyx spec).
    sides.push(await buildSide(oldSpec, sideOptions));
    sides.push(await buildSide(newSpec, sideOptions));
    const [before, after] = sides;
    const report = diffModels(before, after, options.title ?? titleOf(newSpec, after.api.version));
    if (!options.surface) return { report };
    const [{ diffPackages }, { typeUsage }] = await Promise.all([
      import('./surface-diff.ts'),
      import('./usage.ts'),
    ]);
    const surface = diffPackages(before.packageDir!, after.packageDir!, {
      changes: report.changes,
      usage: typeUsage(before, WEBHOOKS_ACCESSOR),
    });
    return { report, surface };
  } finally {
    for (const side of sides) side.dispose();
  }
}

/** The report as printed: markdown ends with its newline; JSON is the report plus the surface check. */
export async function formatReport({ report, surface }: ChangeReport, format: ReportFormat): Promise<string> {
  if (format === 'json')
    return `${JSON.stringify({ ...report, ...(surface ? { surface } : {}) }, null, 2)}\n`;
  const extra = surface ? [(await import('./surface-report.ts')).renderSurface(surface)] : [];
  return `${renderMarkdown(report, extra)}\n`;
}
