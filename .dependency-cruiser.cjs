/**
 * The layering of src/, checked on every `npm test` (`npm run lint`; test/architecture.test.ts
 * keeps the table of docs/architecture.md equal to LAYERS):
 * arrows point down. A folder may import its own layer's and lower layers' folders, never a
 * higher one; no import cycles, type-only imports included. docs/architecture.md explains the
 * layers and where a new piece of code goes.
 */
const LAYERS = [
  ['errors\\.ts', 'base', 'generated', 'runtime', 'privacy'],
  ['logging', 'schema'],
  ['http', 'telemetry', 'store', 'agent'],
  ['auth', 'jobs', 'cache', 'types'],
  ['turn', 'responses'],
  ['dialects'],
  ['core'],
  ['recording', 'adapters'],
  ['app', 'lint'],
  ['testing'],
  ['cli'],
  ['index\\.ts'],
  // The playground is a client of the library: its own bundle, reaching the library through the
  // public entry points only (scripts/bundle.mjs checks that too). So is the dialogflow-fulfillment
  // compat module: the old library's API over the public one, an entry point of its own.
  ['playground', 'compat'],
];

const path = (names) => `^src/(${names.join('|')})(/|$)`;

const layerRules = LAYERS.slice(0, -1).map((names, i) => ({
  name: `layer-${i}-imports-upward`,
  comment: `src/{${names.join(', ')}} may import only its own layer and those below (${LAYERS.slice(0, i).flat().join(', ') || 'none'})`,
  severity: 'error',
  from: { path: path(names) },
  to: { path: path(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle ties the files into one unit: move the shared piece down a layer',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'below-core-imports-core-cli-or-testing',
      comment: 'nothing below the core imports core/, cli/ or testing/',
      severity: 'error',
      from: { path: path(LAYERS.slice(0, 6).flat()) },
      to: { path: path(['core', 'cli', 'testing']) },
    },
    {
      name: 'core-imports-an-adapter',
      comment: 'the core is transport-free: adapters depend on it, never the other way',
      severity: 'error',
      from: { path: path(['core']) },
      to: { path: path(['adapters']) },
    },
    {
      name: 'dialects-import-each-other',
      comment: 'all CX knowledge lives in dialects/cx, all ES knowledge in dialects/es',
      severity: 'error',
      from: { path: '^src/dialects/(cx|es)/' },
      to: { path: '^src/dialects/(cx|es)/', pathNot: '^src/dialects/$1/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/.*\\.cjs$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
