import { AgentFormatError } from '../errors.js';
import type { JsonObject } from '../generated/types.js';
import type { AgentEntityType, AgentIntent, AgentModel, AgentWebhook, CallSite } from './agent-model.js';
import type { AgentFiles } from './agent-files.js';
import { ExportDoc } from './export-doc.js';
import { filesIn } from './export-folders.js';
import { otherFiles } from './other-files.js';
import { checkUniqueNames } from './unique-names.js';
import { isGoogleApi, shownUrl } from './webhook-url.js';

/** ES answers within 5 seconds, always: the timeout cannot be changed. */
export const ES_TIMEOUT_MS = 5000;
/** The name an ES agent's only webhook goes by (`--webhook webhook`). */
export const ES_WEBHOOK = 'webhook';

const TRAINING = /_usersays_([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/;
const ENTRIES = /_entries_([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/;
const COMPOSITE = /@[\w.-]+:[\w-]+/;

/**
 * A Dialogflow ES export: agent.json (languages, the webhook), `intents/<name>.json` with
 * `<name>_usersays_<lang>.json`, and `entities/<name>.json` with `<name>_entries_<lang>.json`.
 */
export function readEsAgent(files: AgentFiles): AgentModel {
  const agent = ExportDoc.read(files, 'agent.json');
  const defaultLanguage = agent.string(agent.root, 'language', '') ?? 'en';
  const intentFiles = filesIn(files, 'intents');
  const intents = intentFiles.filter((path) => !TRAINING.test(path)).map((path) => readIntent(files, path, intentFiles));
  checkUniqueNames('intents', intents);
  const entityFiles = filesIn(files, 'entities');
  const entityTypes = entityFiles.filter((path) => !ENTRIES.test(path)).map((path) => readEntity(files, path, entityFiles));
  checkUniqueNames('entity types', entityTypes);
  const webhook = readWebhook(agent);
  files.checkAll();
  const parameters = new Set(intents.flatMap((intent) => intent.parameters.map((p) => p.name)));
  return {
    dialect: 'es',
    source: files.source,
    displayName: agent.string(agent.root, 'displayName', ''),
    defaultLanguage,
    languages: [...new Set([defaultLanguage, ...agent.strings(agent.root, 'supportedLanguages', '')])],
    flows: [],
    routeGroups: [],
    intents,
    entityTypes,
    webhooks: webhook === undefined ? [] : [webhook],
    tools: [],
    callSites: intents.filter((i) => i.webhookUsed || i.webhookForSlotFilling).map(callSite),
    parameters: [...parameters].sort(),
    events: [...new Set(intents.flatMap((intent) => intent.events))].sort(),
    clientCertificate: undefined,
    otherFiles: otherFiles(files.paths, ['agent.json', 'package.json', 'intents', 'entities']),
  };
}

function readIntent(files: AgentFiles, path: string, all: readonly string[]): AgentIntent {
  const doc = ExportDoc.read(files, path);
  const name = doc.name(doc.root, 'name', '');
  const [response] = doc.list(doc.root, 'responses', '');
  const stem = path.slice(0, -'.json'.length);
  const trainingPhrases: Record<string, number> = {};
  for (const file of all) {
    const language = file.startsWith(`${stem}_usersays_`) ? TRAINING.exec(file)?.[1] : undefined;
    if (language !== undefined && file === `${stem}_usersays_${language}.json`) trainingPhrases[language] = ExportDoc.list(files, file).length;
  }
  return {
    id: doc.string(doc.root, 'id', '') ?? name,
    displayName: name,
    parameters:
      response === undefined
        ? []
        : doc.list(response, 'parameters', 'responses[0]').map((p: JsonObject, i) => ({
            name: doc.name(p, 'name', `responses[0].parameters[${i}]`),
            entityType: doc.string(p, 'dataType', `responses[0].parameters[${i}]`),
            isList: doc.bool(p, 'isList', `responses[0].parameters[${i}]`),
            required: doc.bool(p, 'required', `responses[0].parameters[${i}]`),
          })),
    trainingPhrases,
    action: (response && doc.string(response, 'action', 'responses[0]')) || undefined,
    events: doc.list(doc.root, 'events', '').map((event, i) => doc.name(event, 'name', `events[${i}]`)),
    webhookUsed: doc.bool(doc.root, 'webhookUsed', ''),
    webhookForSlotFilling: doc.bool(doc.root, 'webhookForSlotFilling', ''),
    isFallback: doc.bool(doc.root, 'fallbackIntent', ''),
    location: { file: path, path: `intent ${name}` },
  };
}

function readEntity(files: AgentFiles, path: string, all: readonly string[]): AgentEntityType {
  const doc = ExportDoc.read(files, path);
  const name = doc.name(doc.root, 'name', '');
  const stem = path.slice(0, -'.json'.length);
  const values = new Set<string>();
  for (const file of all) {
    const language = file.startsWith(`${stem}_entries_`) ? ENTRIES.exec(file)?.[1] : undefined;
    if (language === undefined || file !== `${stem}_entries_${language}.json`) continue;
    ExportDoc.list(files, file).forEach((entry, i) => {
      if (typeof entry.value !== 'string') throw new AgentFormatError(file, `[${i}].value`, 'must be a string');
      values.add(entry.value);
    });
  }
  const composite = [...values].some((value) => COMPOSITE.test(value));
  return {
    id: doc.string(doc.root, 'id', '') ?? name,
    displayName: name,
    kind: doc.bool(doc.root, 'isRegexp', '') ? 'regexp' : composite ? 'list' : 'map',
    values: [...values],
    open: doc.bool(doc.root, 'automatedExpansion', ''),
    location: { file: path, path: `entity type ${name}` },
  };
}

function readWebhook(agent: ExportDoc): AgentWebhook | undefined {
  const webhook = agent.object(agent.root, 'webhook', '');
  const url = webhook && agent.string(webhook, 'url', 'webhook');
  if (webhook === undefined || url === undefined || url.trim() === '') return undefined;
  const headers = agent.object(webhook, 'headers', 'webhook') ?? {};
  return {
    id: ES_WEBHOOK,
    displayName: ES_WEBHOOK,
    kind: 'standard',
    serviceDirectory: false,
    url: shownUrl(url),
    googleApi: isGoogleApi(url),
    timeoutMs: ES_TIMEOUT_MS,
    disabled: webhook.available === false,
    auth: {
      basic: [webhook.username, webhook.password].some((v) => typeof v === 'string' && v !== ''),
      headers: Object.keys(headers)
        .map((h) => h.toLowerCase())
        .sort(),
      serviceAgent: undefined,
      oauth: false,
      customCa: false,
    },
    location: { file: 'agent.json', path: 'webhook' },
  };
}

function callSite(intent: AgentIntent): CallSite {
  return {
    webhook: ES_WEBHOOK,
    kind: 'intent',
    tag: undefined,
    intent: intent.displayName,
    action: intent.action,
    slotFilling: intent.webhookForSlotFilling,
    pages: [],
    location: intent.location,
  };
}
