/**
 * `npm run diff -- OLD NEW [--format md|json] [--names-from FILE|none] [--config FILE] [--surface]`
 * The change report between two specs (README "Change report"), on stdout. Exit codes: 0 done
 * (whatever the report says); 2 bad input, printed as `error: <where>: <what>` and `fix:`; 3 a bug.
 */
import { parseArgs } from 'node:util';
import { InputError, runCommand } from '../errors.ts';
import { changeReport, formatReport } from './report.ts';

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
  const result = await changeReport(args.old, args.new, {
    config: args.config,
    namesFrom: args['names-from'],
    title: args.title,
    surface: args.surface === true,
    cache: !args['no-cache'],
  });
  process.stdout.write(await formatReport(result, args.format));
  return 0;
}

runCommand(main);
