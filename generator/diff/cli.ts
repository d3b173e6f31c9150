/**
 * `npm run diff -- OLD NEW [--format md|json] [--names-from FILE|none] [--config FILE] [--surface]`
 * The change report between two specs (README "Change report"), on stdout. Exit codes: 0 done
 * (whatever the report says); 2 bad input, printed as `error: <where>: <what>` and `fix:`; 3 a bug.
 */
import { parseArgs } from 'node:util';
import { InputError, runCommand } from '../errors.ts';
import { buildSide, titleOf, type BuiltSide } from './build.ts';
import { diffModels, WEBHOOKS_ACCESSOR } from './index.ts';
import { renderMarkdown } from './markdown.ts';

const USAGE = `usage: npm run diff -- OLD NEW [--format md|json] [--names-from FILE|none] [--config FILE]
                      [--title TEXT] [--surface] [--no-cache]`;

function parseCli(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'md' },
        'names-from': { type: 'string' },
        config: { type: 'string' },
        title: { type: 'string' },
        surface: { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (error) {
    throw new InputError((error as Error).message, 'command line', USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length !== 2)
    throw new InputError(
      `expected two spec files (OLD NEW), got ${positionals.length}`,
      'command line',
      USAGE,
    );
  if (values.format !== 'md' && values.format !== 'json')
    throw new InputError(
      `unknown --format "${values.format}"`,
      '--format',
      'use --format md or --format json',
    );
  return { ...values, format: values.format as 'md' | 'json', old: positionals[0], new: positionals[1] };
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const sides: BuiltSide[] = [];
  try {
    const options = {
      config: args.config,
      namesFrom: args['names-from'],
      typescript: args.surface === true,
      cache: !args['no-cache'],
    };
    // One after the other: each side holds a whole model (~300 MB at peak for the Telnyx spec).
    sides.push(await buildSide(args.old, options));
    sides.push(await buildSide(args.new, options));
    const [before, after] = sides;
    const report = diffModels(before, after, args.title ?? titleOf(args.new, after.api.version));
    let surface;
    if (args.surface) {
      const [{ diffPackages }, { typeUsage }] = await Promise.all([
        import('./surface-diff.ts'),
        import('./usage.ts'),
      ]);
      surface = diffPackages(before.packageDir!, after.packageDir!, {
        changes: report.changes,
        usage: typeUsage(before, WEBHOOKS_ACCESSOR),
      });
    }
    if (args.format === 'json')
      console.log(JSON.stringify({ ...report, ...(surface ? { surface } : {}) }, null, 2));
    else {
      const extra = surface ? [(await import('./surface-report.ts')).renderSurface(surface)] : [];
      console.log(renderMarkdown(report, extra));
    }
    return 0;
  } finally {
    for (const side of sides) side.dispose();
  }
}

runCommand(main);
