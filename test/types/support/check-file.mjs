/**
 * `tsc -p <tsconfig>`, but reporting the semantic diagnostics of the listed root files only: the
 * program still loads every module they import and resolves every type they reach, yet the checker
 * does not walk the bodies of both SDKs' ~900 source files, which is most of a full `tsc`'s time.
 * Prints the diagnostics the way `tsc --pretty false` does (`file(line,col): error TSn: message`,
 * the elaboration indented below), and the options' and global diagnostics too.
 *
 * usage: node check-file.mjs <tsconfig.json>
 */
import ts from 'typescript';
import { dirname } from 'node:path';

const configPath = process.argv[2];
const read = ts.readConfigFile(configPath, ts.sys.readFile);
if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath));
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const diagnostics = [
  ...parsed.errors,
  ...program.getOptionsDiagnostics(),
  ...program.getGlobalDiagnostics(),
  ...parsed.fileNames.flatMap((f) => {
    const source = program.getSourceFile(f);
    if (!source) throw new Error(`${f} is not in the program`);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  }),
];
process.stdout.write(
  ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => dirname(configPath),
    getNewLine: () => '\n',
  }),
);
process.exitCode = diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error) ? 1 : 0;
