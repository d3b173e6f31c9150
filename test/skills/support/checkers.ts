/**
 * Syntax checkers for the code blocks of the skills, one process per language over all blocks (the
 * suite must stay within a few minutes on two cores). A checker whose toolchain is missing throws:
 * the test fails and says what to install, it never passes silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './blocks.ts';

export interface Failure {
  block: CodeBlock;
  message: string;
}

export interface CheckResult {
  checker: string;
  checked: number;
  failures: Failure[];
}

/** Debian packages that provide each checker (what .ci/run installs when missing). */
export const TOOLCHAINS: Record<string, { command: string; apt: string }> = {
  python: { command: 'python3', apt: 'python3' },
  ruby: { command: 'ruby', apt: 'ruby' },
  go: { command: 'gofmt', apt: 'golang-go' },
  java: { command: 'javac', apt: 'openjdk-17-jdk-headless' },
  bash: { command: 'bash', apt: 'bash' },
  curl: { command: 'curl', apt: 'curl' },
};

export function requireTool(lang: string): string {
  const { command, apt } = TOOLCHAINS[lang];
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0)
    throw new Error(
      `${command} is not installed, so ${lang} blocks cannot be checked: apt-get install -y ${apt}`,
    );
  return command;
}

/** Writes one file per block into a fresh folder; returns the paths in block order. */
function writeAll(
  blocks: CodeBlock[],
  name: (i: number) => string,
  body: (b: CodeBlock, i: number) => string,
): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'skills-check-'));
  const files = blocks.map((b, i) => {
    const file = join(dir, name(i));
    writeFileSync(file, body(b, i));
    return file;
  });
  return { dir, files };
}

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, input });
  if (result.error) throw result.error;
  return result;
}

/** Failures from `file<TAB>message` lines (the batch scripts below print that form). */
function tabbed(output: string, blocks: CodeBlock[], files: string[]): Failure[] {
  const byFile = new Map(files.map((f, i) => [f, blocks[i]]));
  return output
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => {
      const [file, ...rest] = l.split('\t');
      return { block: byFile.get(file) ?? blocks[0], message: rest.join(' ') };
    });
}

export function checkPython(blocks: CodeBlock[]): CheckResult {
  const python = requireTool('python');
  const { dir, files } = writeAll(
    blocks,
    (i) => `b${i}.py`,
    (b) => b.code,
  );
  const script = `import os, py_compile, sys
for f in sys.argv[1:]:
    try:
        py_compile.compile(f, cfile=os.path.join(${JSON.stringify(dir)}, "out.pyc"), doraise=True)
    except py_compile.PyCompileError as e:
        print(f + "\\t" + " ".join(e.msg.split()))
`;
  const result = run(python, ['-c', script, ...files]);
  if (result.status !== 0) throw new Error(`python3 checker crashed: ${result.stderr}`);
  return {
    checker: 'python3 -m py_compile',
    checked: blocks.length,
    failures: tabbed(result.stdout, blocks, files),
  };
}

export function checkRuby(blocks: CodeBlock[]): CheckResult {
  const ruby = requireTool('ruby');
  const { files } = writeAll(
    blocks,
    (i) => `b${i}.rb`,
    (b) => b.code,
  );
  // What `ruby -c` does (parse and compile, nothing run), for every file in one process.
  const script =
    'ARGV.each { |f| begin; RubyVM::InstructionSequence.compile_file(f); rescue SyntaxError => e; puts "#{f}\\t#{e.message.gsub(/\\s+/, " ")}"; end }';
  const result = run(ruby, ['-W0', '-e', script, ...files]);
  if (result.status !== 0) throw new Error(`ruby checker crashed: ${result.stderr}`);
  return { checker: 'ruby -c', checked: blocks.length, failures: tabbed(result.stdout, blocks, files) };
}

export function checkGo(blocks: CodeBlock[]): CheckResult {
  const gofmt = requireTool('go');
  const { dir, files } = writeAll(
    blocks,
    (i) => `b${i}.go`,
    (b) => b.code,
  );
  const result = run(gofmt, ['-e', '-l', dir]);
  const failures = result.stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const file = line.split(':')[0];
      return { block: blocks[files.indexOf(file)] ?? blocks[0], message: line.slice(file.length + 1) };
    });
  if (result.status !== 0 && failures.length === 0) throw new Error(`gofmt failed: ${result.stderr}`);
  // `-l` lists the files gofmt would rewrite: the examples are also in gofmt's own layout.
  const unformatted = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((file) => ({
      block: blocks[files.indexOf(file)] ?? blocks[0],
      message: 'not in gofmt layout (gofmt would rewrite it)',
    }));
  return { checker: 'gofmt -e -l', checked: blocks.length, failures: [...failures, ...unformatted] };
}

/**
 * Java blocks are statements with imports (the SDK README's style): each is wrapped in a class method,
 * imports hoisted, and parsed by javac, stopping after the parse: unresolved SDK symbols are not
 * errors there (the SDK jar cannot be installed here), syntax errors are.
 */
export function checkJava(blocks: CodeBlock[]): CheckResult {
  const javac = requireTool('java');
  const wrap = (b: CodeBlock, i: number) => {
    const lines = b.code.split('\n');
    const imports = lines.filter((l) => /^import\s/.test(l));
    const body = lines.filter((l) => !/^import\s/.test(l));
    return `${imports.join('\n')}\nclass Snippet${i} {\n  void run() throws Exception {\n${body.join('\n')}\n  }\n}\n`;
  };
  const { dir, files } = writeAll(blocks, (i) => `Snippet${i}.java`, wrap);
  const args = [
    '-proc:none',
    '-Xmaxerrs',
    '100000',
    '-XDshould-stop.ifError=PARSE',
    '-XDshould-stop.ifNoError=PARSE',
    '-d',
    join(dir, 'out'),
    ...files,
  ];
  const result = run(javac, args);
  const failures = result.stderr
    .split('\n')
    .filter((l) => /^\S+\.java:\d+: error:/.test(l))
    .map((line) => {
      const file = line.split(':')[0];
      return { block: blocks[files.indexOf(file)] ?? blocks[0], message: line.slice(file.length + 1) };
    });
  if (result.status !== 0 && failures.length === 0) throw new Error(`javac failed: ${result.stderr}`);
  return { checker: 'javac (parse)', checked: blocks.length, failures };
}

export function checkBash(blocks: CodeBlock[]): CheckResult {
  const bash = requireTool('bash');
  const { files } = writeAll(
    blocks,
    (i) => `b${i}.sh`,
    (b) => b.code,
  );
  const script =
    'for f in "$@"; do out=$(bash -n "$f" 2>&1) || printf "%s\\t%s\\n" "$f" "$(echo $out)"; done';
  const result = run(bash, ['-c', script, 'check', ...files]);
  return { checker: 'bash -n', checked: blocks.length, failures: tabbed(result.stdout, blocks, files) };
}

/**
 * The `ws` package's own types (a dev dependency, @types/ws), for the WebSocket examples that import
 * it (and the official src, which does too): the blocks are written outside the repo, where module
 * resolution would not reach its node_modules.
 */
export const wsTypes = (root: string) => ({ ws: [join(root, 'node_modules/@types/ws/index.d.ts')] });

/**
 * JavaScript blocks type-checked with `tsc` against the generated package, as a user's project would
 * see it: each block is a module importing `telnyx`, mapped to the package's sources (no build
 * needed, so this cannot race the suite that builds it), strict, Node types for `process.env`.
 */
export function checkTypeScript(
  blocks: CodeBlock[],
  packageDir: string,
  root: string,
  options: {
    compilerOptions?: Record<string, unknown>;
    checker?: string;
  } = {},
): CheckResult {
  const { dir, files } = writeAll(
    blocks,
    (i) => `b${i}.ts`,
    (b) => `${b.code}\nexport {};\n`,
  );
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    paths: {
      telnyx: [join(packageDir, 'src/index.ts')],
      // The package.json export the webhook handlers import (the official SDK's path).
      'telnyx/lib/webhooks': [join(packageDir, 'src/core/webhooks.ts')],
      // Every other subpath as package.json's `./*` export maps it (`telnyx/resources/webhooks`).
      'telnyx/*': [join(packageDir, 'src/*.ts')],
      ...wsTypes(root),
    },
    ...options.compilerOptions,
  };
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['b*.ts'] }));
  const result = run(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(dir, 'tsconfig.json'),
    '--pretty',
    'false',
  ]);
  const lines = result.stdout.split('\n').filter((l) => /^\S.*\(\d+,\d+\): error TS/.test(l));
  const failures = lines.map((line) => {
    // tsc prints paths relative to its working directory, which is ours.
    const file = resolve(line.slice(0, line.indexOf('(')));
    // Errors inside the package itself (none expected: its own suite type-checks it) still fail.
    const block = blocks[files.indexOf(file)] ?? {
      file,
      line: 0,
      lang: 'typescript',
      code: '',
      section: '(package)',
    };
    return { block, message: line.slice(line.indexOf(':') + 2) };
  });
  if (result.status !== 0 && failures.length === 0)
    throw new Error(`tsc failed: ${result.stdout}${result.stderr}`);
  return {
    checker: options.checker ?? 'tsc (strict, against the generated package)',
    checked: blocks.length,
    failures,
  };
}

/** JavaScript blocks parsed as TypeScript modules (syntax only; checkTypeScript does the types). */
export function checkJavaScript(blocks: CodeBlock[]): CheckResult {
  const failures = blocks.flatMap((block, i) => {
    const file = ts.createSourceFile(
      `block${i}.ts`,
      block.code,
      ts.ScriptTarget.ES2022,
      false,
      ts.ScriptKind.TS,
    );
    // The parser's own diagnostics: what `tsc` reports as syntax errors (TS1xxx) for this file.
    const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    return diagnostics.map((d) => ({ block, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') }));
  });
  return { checker: 'typescript parser', checked: blocks.length, failures };
}
