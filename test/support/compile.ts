import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
    const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const program = ts.createProgram(
      files.map(([, file]) => file),
      { ...config!.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false },
    );
    const diagnostics = ts.getPreEmitDiagnostics(program);
    return Object.fromEntries(
      files.map(([name, file]) => [
        name,
        diagnostics.filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
