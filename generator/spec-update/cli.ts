/**
 * `npm run spec:update [-- --ref COMMIT] [--format md|json] [--changelog FILE] ...`: moves the spec
 * pin in the config to a commit and prints the change report against the old pin on stdout (progress
 * on stderr). Exit codes: 0 done (moved, or already at that commit); 2 bad input (a ref that does not
 * exist, a failed download, a spec or config the generator refuses), printed as `error: <where>:
 * <what>` and `fix:`, with nothing changed; 3 a bug.
 */
import { parseArgs } from 'node:util';
import { InputError, runCommand } from '../errors.ts';
import { updatePin } from './index.ts';

const USAGE = `usage: npm run spec:update -- [--ref COMMIT] [--config FILE] [--names-from FILE|none]
                             [--format md|json] [--title TEXT] [--changelog FILE] [--no-report] [--no-cache]`;

function parseCli(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ref: { type: 'string' },
        config: { type: 'string' },
        'names-from': { type: 'string' },
        format: { type: 'string', default: 'md' },
        title: { type: 'string' },
        changelog: { type: 'string' },
        'no-report': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (error) {
    throw new InputError((error as Error).message, 'command line', USAGE);
  }
  const { values } = parsed;
  if (values.format !== 'md' && values.format !== 'json')
    throw new InputError(
      `unknown --format "${values.format}"`,
      '--format',
      'use --format md or --format json',
    );
  if (values.ref !== undefined && values.ref.trim() === '')
    throw new InputError('--ref is empty', '--ref', 'pass a commit id (40 hex digits), or leave --ref out');
  if (values.changelog !== undefined && values['no-report'])
    throw new InputError(
      '--changelog needs the report that --no-report leaves out',
      '--changelog',
      'drop one of --changelog and --no-report',
    );
  return { ...values, format: values.format as 'md' | 'json' };
}

async function main(): Promise<number> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const result = await updatePin({
    config: args.config,
    ref: args.ref,
    namesFrom: args['names-from'],
    format: args.format,
    title: args.title,
    changelog: args.changelog,
    report: !args['no-report'],
    cache: !args['no-cache'],
    log: (line) => console.error(line),
  });
  if (result.report) process.stdout.write(result.report);
  return 0;
}

runCommand(main);
