/**
 * How each executed language runs its examples: the official SDK (Python, Ruby) or the generated
 * package (JavaScript), the toolchain it needs (and the Debian packages that provide it: a missing
 * one fails with the install line, never a silent pass), and one batch runner per language.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, tempFiles } from '../../../support/cli.ts';
import { runBatch, type BatchResult } from './batch.ts';
import type { Example, Language } from './examples.ts';

export const REFERENCE = resolve(ROOT, '../shared/reference');
export const PYTHON_SDK = join(REFERENCE, 'telnyx-python-2026-07-16');
export const RUBY_SDK = join(REFERENCE, 'telnyx-ruby-2026-07-16');
const HERE = join(ROOT, 'test/skills/support/exec');

/** Debian's Python: the packages below install for it (reference/README.md). */
const PYTHON = '/usr/bin/python3';

/** The Debian packages each language's runs need, as `.ci/run` installs them. */
export const INSTALL: Record<Language, string> = {
  python:
    'apt-get install -y python3 python3-httpx python3-pydantic python3-anyio python3-distro python3-sniffio',
  ruby: 'apt-get install -y ruby ruby-connection-pool',
  javascript: 'npm ci',
};

/** Fails (with what to install) unless the language's SDK loads here. */
export function requireToolchain(language: Language): void {
  const probe: Record<Language, [string, string[]]> = {
    python: [PYTHON, ['-c', 'import httpx, pydantic, anyio, distro, sniffio']],
    ruby: ['ruby', ['-e', 'require "connection_pool"; require "json"']],
    javascript: [process.execPath, ['-e', "import('tsx')"]],
  };
  const sdk: Record<Language, string> = {
    python: join(PYTHON_SDK, 'src/telnyx/__init__.py'),
    ruby: join(RUBY_SDK, 'lib/telnyx.rb'),
    javascript: join(ROOT, 'node_modules/tsx/package.json'),
  };
  if (!existsSync(sdk[language]))
    throw new Error(
      `${sdk[language]} is missing: the ${language} examples need it (see ../shared/reference/README.md)`,
    );
  const [command, args] = probe[language];
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: ROOT });
  if (result.error || result.status !== 0)
    throw new Error(
      `${command} cannot load what the ${language} examples need (${(result.error?.message ?? result.stderr).trim().split('\n').pop()}): ${INSTALL[language]}`,
    );
}

/** A fake upload the examples open (`path/to/file`), beside the files they download. */
function workDir(): string {
  return tempFiles({ 'path/to/file': '%PDF-1.4\n%harness upload\n' });
}

export interface LanguageRun extends BatchResult {
  /** The folder the examples ran in (downloads land there). */
  dir: string;
}

export async function runExamples(
  language: Language,
  examples: Example[],
  proxyURL: string,
  timeoutSeconds: number,
  generatedDir: string,
): Promise<LanguageRun> {
  requireToolchain(language);
  const dir = workDir();
  // The examples read TELNYX_API_KEY; the runner sets TELNYX_BASE_URL per example.
  const env: NodeJS.ProcessEnv = { ...process.env, TELNYX_API_KEY: 'test' };
  delete env.TELNYX_BASE_URL;
  const list = join(dir, 'examples.json');
  const common = (start: number) => [list, String(start), proxyURL, String(timeoutSeconds)];
  let result: BatchResult;
  if (language === 'python') {
    const emptyDir = join(dir, 'no-ca-certificates');
    mkdirSync(emptyDir);
    writeFileSync(list, JSON.stringify(examples.map((e) => ({ id: e.id, parts: e.parts }))));
    result = await runBatch({
      command: PYTHON,
      args: (start) => ['-X', 'utf8', join(HERE, 'runner.py'), ...common(start)],
      count: examples.length,
      cwd: dir,
      env: {
        ...env,
        PYTHONPATH: [join(REFERENCE, 'python-vendor'), join(PYTHON_SDK, 'src')].join(':'),
        PYTHONDONTWRITEBYTECODE: '1',
        // Every example builds its own client, and httpx loads the whole CA bundle into a fresh TLS
        // context for each (~60 ms, a third of the run). Prism is plain HTTP, so no certificate is
        // ever checked: an empty CA directory (httpx honours SSL_CERT_DIR when SSL_CERT_FILE is unset)
        // makes that load free.
        SSL_CERT_FILE: undefined,
        SSL_CERT_DIR: emptyDir,
      },
      timeoutSeconds,
    });
  } else if (language === 'ruby') {
    writeFileSync(list, JSON.stringify(examples.map((e) => ({ id: e.id, parts: e.parts }))));
    result = await runBatch({
      command: 'ruby',
      args: (start) => [
        '-W0',
        '-I',
        join(RUBY_SDK, 'lib'),
        '-I',
        join(REFERENCE, 'ruby-vendor'),
        join(HERE, 'runner.rb'),
        ...common(start),
      ],
      count: examples.length,
      cwd: dir,
      env,
      timeoutSeconds,
    });
  } else {
    // Each example is its own module file; `telnyx` resolves to the generated sources through tsx's
    // tsconfig `paths` (no build, so this cannot race the suite that builds the package).
    const modules = join(dir, 'modules');
    mkdirSync(modules);
    writeFileSync(join(modules, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: { paths: { telnyx: [join(generatedDir, 'typescript/src/index.ts')] } },
      }),
    );
    const entries = examples.map((e, i) => {
      const module = join(modules, `ex${i}.ts`);
      writeFileSync(module, e.parts.map((p) => p.code).join('\n'));
      return { id: e.id, module };
    });
    writeFileSync(list, JSON.stringify(entries));
    result = await runBatch({
      command: process.execPath,
      args: (start) => ['--import', 'tsx', join(HERE, 'runner.ts'), ...common(start)],
      count: examples.length,
      cwd: dir,
      env: { ...env, TSX_TSCONFIG_PATH: tsconfig },
      timeoutSeconds,
    });
  }
  return { ...result, dir };
}
