import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { loadApp } from '../../src/testing/index.js';
import { diagnosticsOf } from '../support/compile.js';

/**
 * Every ```ts block in the README and docs/ is a whole module that must compile against the
 * library as published (imports of 'dialogflow-fulfiller' point at src/), and every app module
 * among them (a default export) must load and register its routes.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'test/docs/.blocks');

interface Block {
  source: string;
  line: number;
  file: string;
}

function blocks(): Block[] {
  const docs = [
    'README.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  return docs.flatMap((doc) => {
    const lines = readFileSync(path.join(root, doc), 'utf8').split('\n');
    const found: Block[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() !== '```ts') continue;
      const start = i + 1;
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '```') i++;
      const name = `${doc.replace(/[/.]/g, '_')}_${start + 1}.ts`;
      found.push({ source: lines.slice(start, i + 1).join('\n'), line: start + 1, file: path.join(out, name) });
      i++;
    }
    return found;
  });
}

function toRepoImports(source: string): string {
  return source
    .replace(/from 'dialogflow-fulfiller\/testing'/g, `from '${path.join(root, 'src/testing/index.js')}'`)
    .replace(/from 'dialogflow-fulfiller\/compat\/dialogflow-fulfillment'/g, `from '${path.join(root, 'src/compat/dialogflow-fulfillment/index.js')}'`)
    .replace(/from 'dialogflow-fulfiller'/g, `from '${path.join(root, 'src/index.js')}'`);
}

const all = blocks();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const block of all) writeFileSync(block.file, toRepoImports(block.source));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('code examples in the docs', () => {
  it('has examples to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('all compile against the library', () => {
    const diagnostics = diagnosticsOf(
      all.map((b) => b.file),
      { noUnusedLocals: false },
    );
    const problems = all.flatMap((block) =>
      diagnostics.get(block.file)!.map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${path.relative(root, block.file)} (doc line ${block.line + line}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(all.filter((b) => /^export default /m.test(b.source)).map((b) => [path.basename(b.file), b] as const))(
    '%s loads as an app module',
    async (_name, block) => {
      const app = await loadApp(block.file, { mode: 'test', env: {} });
      expect(typeof app.handle).toBe('function');
    },
  );
});
