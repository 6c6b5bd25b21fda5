import type { JsonObject } from '../generated/types.js';
import type { AgentEntityType, AgentFlow, AgentIntent, AgentModel, AgentRouteGroup } from './agent-model.js';
import type { AgentFiles } from './agent-files.js';
import { cxCallSites } from './cx-call-sites.js';
import { cxParameters } from './cx-parameters.js';
import { ExportDoc } from './export-doc.js';
import { filesIn, resourceFolders } from './export-folders.js';
import { decodeName } from './export-path.js';
import { otherFiles } from './other-files.js';
import { CxScopeReader, displayPath, idOf } from './read-cx-scope.js';
import { readCxTool } from './read-cx-tool.js';
import { readCxWebhook } from './read-cx-webhook.js';
import { checkUniqueNames } from './unique-names.js';

// Folders of a CX export the model describes; the others are counted (otherFiles).
const MODELLED = ['agent.json', 'flows', 'intents', 'entityTypes', 'webhooks', 'transitionRouteGroups', 'tools'];

/**
 * A Dialogflow CX "JSON package" export: agent.json, flows with their pages and route groups,
 * the agent's route groups, intents with training phrases, entity types with their entities,
 * and webhooks. References in it are display names; ids come from each file's `name`.
 */
export function readCxAgent(files: AgentFiles): AgentModel {
  const agent = ExportDoc.read(files, 'agent.json');
  const defaultLanguage = agent.string(agent.root, 'defaultLanguageCode', '') ?? 'en';
  const webhooks = filesIn(files, 'webhooks').map((path) => readCxWebhook(ExportDoc.read(files, path)));
  checkUniqueNames('webhooks', webhooks);
  const tools = resourceFolders(files, 'tools').map((folder) => readCxTool(ExportDoc.read(files, folder.main)));
  checkUniqueNames('tools', tools);
  const intents = resourceFolders(files, 'intents').map((folder) => readIntent(files, folder.main, folder.below));
  checkUniqueNames('intents', intents);
  const entityTypes = resourceFolders(files, 'entityTypes').map((folder) => readEntityType(files, folder.main, folder.below));
  checkUniqueNames('entity types', entityTypes);
  const routeGroups = filesIn(files, 'transitionRouteGroups').map((path) => readRouteGroup(ExportDoc.read(files, path), undefined));
  checkUniqueNames('route groups of the agent', routeGroups);
  const flows = resourceFolders(files, 'flows').map((folder) => readFlow(files, folder.main, folder.below));
  checkUniqueNames('flows', flows);
  const clientCertificate = agent.object(agent.root, 'clientCertificateSettings', '');
  const model = {
    dialect: 'cx' as const,
    source: files.source,
    displayName: agent.string(agent.root, 'displayName', ''),
    defaultLanguage,
    languages: [...new Set([defaultLanguage, ...agent.strings(agent.root, 'supportedLanguageCodes', '')])],
    flows,
    routeGroups,
    intents,
    entityTypes,
    webhooks,
    tools,
    clientCertificate: clientCertificate && agent.string(clientCertificate, 'sslCertificate', 'clientCertificateSettings'),
    otherFiles: otherFiles(files.paths, MODELLED),
  };
  files.checkAll();
  return { ...model, callSites: cxCallSites(model), ...cxParameters(model, files) };
}

function readFlow(files: AgentFiles, main: string, below: readonly string[]): AgentFlow {
  const doc = ExportDoc.read(files, main);
  const displayName = doc.name(doc.root, 'displayName', '');
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const start = new CxScopeReader(doc).page(doc.root, 'START_PAGE', 'Start Page', displayPath(displayName, 'Start Page'));
  const pages = below
    .filter((file) => file.startsWith('pages/') && file.split('/').length === 2)
    .map((file) => {
      const page = ExportDoc.read(files, folder + file);
      const name = page.name(page.root, 'displayName', '');
      return new CxScopeReader(page).page(page.root, idOf(page, name), name, displayPath(displayName, name));
    });
  checkUniqueNames(`pages in the flow "${displayName}"`, pages);
  const routeGroups = below
    .filter((file) => file.startsWith('transitionRouteGroups/') && file.split('/').length === 2)
    .map((file) => readRouteGroup(ExportDoc.read(files, folder + file), displayName));
  checkUniqueNames(`route groups in the flow "${displayName}"`, routeGroups);
  return { id: idOf(doc, displayName), displayName, start, pages, routeGroups, location: { file: main, path: displayName } };
}

function readRouteGroup(doc: ExportDoc, flow: string | undefined): AgentRouteGroup {
  const displayName = doc.name(doc.root, 'displayName', '');
  const base = flow === undefined ? `route group ${displayName}` : displayPath(flow, `route group ${displayName}`);
  const routes = new CxScopeReader(doc).routes(doc.list(doc.root, 'transitionRoutes', ''), base, 'transitionRoutes');
  return { id: idOf(doc, displayName), displayName, routes, location: { file: doc.file, path: base } };
}

function readIntent(files: AgentFiles, main: string, below: readonly string[]): AgentIntent {
  const doc = ExportDoc.read(files, main);
  const displayName = doc.name(doc.root, 'displayName', '');
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const trainingPhrases: Record<string, number> = {};
  for (const file of below.filter((f) => f.startsWith('trainingPhrases/') && f.split('/').length === 2)) {
    const phrases = ExportDoc.read(files, folder + file);
    trainingPhrases[decodeName(file.slice('trainingPhrases/'.length, -'.json'.length))] = phrases.list(phrases.root, 'trainingPhrases', '').length;
  }
  return {
    id: idOf(doc, displayName),
    displayName,
    parameters: doc.list(doc.root, 'parameters', '').map((parameter, i) => ({
      name: doc.name(parameter, 'id', `parameters[${i}]`),
      entityType: doc.string(parameter, 'entityType', `parameters[${i}]`),
      isList: doc.bool(parameter, 'isList', `parameters[${i}]`),
      required: false,
    })),
    trainingPhrases,
    action: undefined,
    events: [],
    webhookUsed: false,
    webhookForSlotFilling: false,
    isFallback: doc.bool(doc.root, 'isFallback', ''),
    location: { file: main, path: `intent ${displayName}` },
  };
}

function readEntityType(files: AgentFiles, main: string, below: readonly string[]): AgentEntityType {
  const doc = ExportDoc.read(files, main);
  const displayName = doc.name(doc.root, 'displayName', '');
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const values = new Set<string>();
  for (const file of below.filter((f) => f.startsWith('entities/') && f.split('/').length === 2)) {
    const entities = ExportDoc.read(files, folder + file);
    entities.list(entities.root, 'entities', '').forEach((entity: JsonObject, i) => {
      values.add(entities.name(entity, 'value', `entities[${i}]`));
    });
  }
  const kind = doc.string(doc.root, 'kind', '');
  return {
    id: idOf(doc, displayName),
    displayName,
    kind: kind === 'KIND_LIST' ? 'list' : kind === 'KIND_REGEXP' ? 'regexp' : 'map',
    values: [...values],
    open: doc.string(doc.root, 'autoExpansionMode', '') === 'AUTO_EXPANSION_MODE_DEFAULT',
    location: { file: main, path: `entity type ${displayName}` },
  };
}
