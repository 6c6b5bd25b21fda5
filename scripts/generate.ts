/**
 * protos → JSON Schemas → precompiled validators + wire types.
 *
 *   npx tsx scripts/generate.ts      (npm run generate) writes the files below
 *
 * `generate()` computes them in memory; test/scripts/generate.test.ts compares them with the
 * committed copies, so drift from the protos or a hand edit fails the tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileDialectValidators, validatorFile, validatorsIndex, type DialectSchemas } from './generate/compile-validators.js';
import { formatJson } from './generate/format-json.js';
import { loadProtos, packageVersion, type ProtoSource } from './generate/load-protos.js';
import { modelHints, modelToHints } from './generate/model-to-hints.js';
import { modelToSchema } from './generate/model-to-schema.js';
import { modelToTypes, type TypeSource } from './generate/model-to-types.js';
import { buildModel } from './generate/proto-model.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Api {
  dialect: 'cx' | 'es';
  version: string;
  /** The generally available version: the default, and the one the library's own types and hints describe. */
  ga: boolean;
  typePrefix: string;
  title: string;
  source: ProtoSource;
  request: string;
  response: string;
}

const CX_PACKAGE = '@google-cloud/dialogflow-cx';
const ES_PACKAGE = '@google-cloud/dialogflow';

/** The GA versions first: the files they produce predate the beta versions and keep their names. */
const APIS: readonly Api[] = [cx('v3', true, 'Cx'), es('v2', true, 'Es'), cx('v3beta1', false, 'CxV3beta1'), es('v2beta1', false, 'EsV2beta1')];

function cx(version: string, ga: boolean, typePrefix: string): Api {
  const pkg = `google.cloud.dialogflow.cx.${version}`;
  return {
    dialect: 'cx',
    version,
    ga,
    typePrefix,
    title: `Dialogflow CX ${version}`,
    source: { packageName: CX_PACKAGE, entryFile: `google/cloud/dialogflow/cx/${version}/webhook.proto` },
    request: `${pkg}.WebhookRequest`,
    response: `${pkg}.WebhookResponse`,
  };
}

function es(version: string, ga: boolean, typePrefix: string): Api {
  const pkg = `google.cloud.dialogflow.${version}`;
  return {
    dialect: 'es',
    version,
    ga,
    typePrefix,
    title: `Dialogflow ES ${version}`,
    source: { packageName: ES_PACKAGE, entryFile: `google/cloud/dialogflow/${version}/webhook.proto` },
    request: `${pkg}.WebhookRequest`,
    response: `${pkg}.WebhookResponse`,
  };
}

/** Every generated file, by repository-relative path, without touching the disk. */
export async function generate(): Promise<Map<string, string>> {
  const nodeModules = path.join(repoRoot, 'node_modules');
  const versions = [CX_PACKAGE, ES_PACKAGE].map((name) => packageVersion(nodeModules, name));
  const header = `// ${marker(versions)}\n`;

  const outputs = new Map<string, string>();
  const typeSources: TypeSource[] = [];
  const betaTypeSources: TypeSource[] = [];
  for (const api of APIS) {
    const root = loadProtos(nodeModules, api.source);
    const schemas: Partial<DialectSchemas> = {};
    for (const [kind, rootName] of [
      ['request', api.request],
      ['response', api.response],
    ] as const) {
      const schema = modelToSchema(buildModel(root, [rootName], { pruneOutputOnly: kind === 'response' }), {
        rootName,
        title: `${api.title} ${rootName.split('.').pop()}`,
        comment: marker([packageVersion(nodeModules, api.source.packageName)]),
        allowUnknownFields: kind === 'request',
        refuseOutputOnly: kind === 'response',
      });
      outputs.set(`schemas/${api.dialect}/${api.version}/webhook-${kind}.schema.json`, `${formatJson(schema)}\n`);
      schemas[kind] = schema;
    }
    const model = buildModel(root, [api.request, api.response]);
    // The beta versions' hints travel with their validators, so that only a beta app loads them.
    const hints = api.ga ? undefined : { roots: { request: api.request, response: api.response }, ...modelHints([model]) };
    outputs.set(`src/generated/${validatorFile(api)}`, compileDialectValidators(schemas as DialectSchemas, header, hints));
    (api.ga ? typeSources : betaTypeSources).push({ prefix: api.typePrefix, model });
  }
  const ga = APIS.filter((api) => api.ga);
  const roots = Object.fromEntries(ga.map((api) => [api.dialect, { request: api.request, response: api.response }]));
  outputs.set('src/generated/validators.ts', validatorsIndex(APIS, header));
  outputs.set('src/generated/types.ts', modelToTypes(typeSources, header));
  outputs.set('src/generated/beta-types.ts', modelToTypes(betaTypeSources, header, './types.js'));
  outputs.set(
    'src/generated/schema-hints.ts',
    modelToHints(
      typeSources.map((s) => s.model),
      roots,
      header,
    ),
  );
  return outputs;
}

/** The DO NOT EDIT line every generated file carries, with the package versions it came from. */
function marker(packages: readonly string[]): string {
  return `DO NOT EDIT: generated by scripts/generate.ts from the protos of ${packages.join(' and ')}. Run \`npm run generate\` to update.`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [file, content] of await generate()) {
    const target = path.join(repoRoot, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    console.log(`wrote ${file} (${content.length} bytes)`);
  }
}
