import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * What tsc reports for each of `files`, compiled with the repository's settings (strict) and
 * `overrides`. Only these files are checked (the library itself is checked by the build): the
 * rest of the program is read for its types, which is most of the time saved.
 */
export function diagnosticsOf(files: readonly string[], overrides: ts.CompilerOptions = {}): Map<string, readonly ts.Diagnostic[]> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(files, { ...config!.options, noEmit: true, ...overrides });
  return new Map(
    files.map((file) => {
      const source = program.getSourceFile(file);
      const found = source === undefined ? [] : ts.getPreEmitDiagnostics(program, source).filter((d) => d.file === source);
      return [file, found] as const;
    }),
  );
}

/**
 * Compiles TypeScript snippets against the library's sources with the repository's settings
 * (strict) and returns, per snippet, what tsc reports: for tests of the public types. Imports of
 * 'dialogflow-fulfiller' and 'dialogflow-fulfiller/testing' point at src/.
 */
export function compileSnippets(snippets: Readonly<Record<string, string>>): Record<string, string[]> {
  const dir = path.join(root, 'test', '.snippets', String(process.pid));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = Object.entries(snippets).map(([name, source]) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.ts`);
    const code = source
      .replace(/from 'dialogflow-fulfiller\/testing'/g, `from '${path.join(root, 'src/testing/index.js')}'`)
      .replace(/from 'dialogflow-fulfiller'/g, `from '${path.join(root, 'src/index.js')}'`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return [name, file] as const;
  });
  try {
    const diagnostics = diagnosticsOf(
      files.map(([, file]) => file),
      { noUnusedLocals: false, noUnusedParameters: false },
    );
    return Object.fromEntries(files.map(([name, file]) => [name, diagnostics.get(file)!.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
