import type { EsWebhookRequest, JsonObject } from '../../../../src/index.js';
import { esRequest } from '../../../../src/testing/index.js';
import { zipEntries } from '../zip-entries.js';

/** One request to the banking template's webhook. */
export interface BankingCase {
  name: string;
  request: EsWebhookRequest;
}

interface Intent {
  name: string;
  webhookUsed: boolean;
  responses: { action?: string; parameters: { name: string; dataType: string; required: boolean }[] }[];
}
interface UserSays {
  data: { text: string; alias?: string; meta?: string }[];
}
interface Entry {
  value: string;
  synonyms: string[];
}

/** What a user answers when the agent prompts for a required parameter the phrase left out (the template's README). */
const PROMPT_ANSWERS: Readonly<Record<string, string>> = { organization: 'Acme bank', address: 'Chicago, IL' };
/** Values that take the template down its other paths, with the backend fake (google-maps-services.cjs). */
const OTHER_PATHS: readonly { why: string; parameters: JsonObject }[] = [
  { why: 'Acme bank in Dallas', parameters: { organization: 'Acme bank', address: 'Dallas, TX' } },
  { why: 'an address that does not geocode', parameters: { organization: 'Chase', address: 'nowhere at all' } },
  { why: 'the maps service offline', parameters: { organization: 'Citibank', address: 'offline street' } },
  { why: 'no branch near by', parameters: { organization: 'PNC', address: 'Chicago, IL' } },
  { why: 'a branch without details', parameters: { organization: 'Truist', address: 'Chicago, IL' } },
  { why: 'no organization (webhook slot filling)', parameters: { organization: '', address: 'Chicago, IL' } },
  { why: 'no address (webhook slot filling)', parameters: { organization: 'Chase', address: '' } },
];

/**
 * ES requests for the banking template, built from its agent export: for each intent that uses
 * the webhook, one request per training phrase (its annotated parameters resolved to the entity's
 * value, a prompted one answered), and one per other path through the template's code; and the
 * intents its intent map handles without the webhook being on (welcome, fallback).
 */
export function bankingCases(exportZip: string): BankingCase[] {
  const files = zipEntries(exportZip);
  const read = <T>(name: string): T => JSON.parse(files.get(name)!.toString('utf8')) as T;
  const entries = read<Entry[]>('entities/organization_entries_en.json');
  const canonical = (text: string) => entries.find((e) => e.synonyms.some((s) => s.toLowerCase() === text.toLowerCase()))?.value ?? text;
  const cases: BankingCase[] = [];
  const intents = [...files.keys()].filter((name) => /^intents\/[^/]+\.json$/.test(name) && !name.includes('_usersays_')).sort();
  for (const file of intents) {
    const intent = read<Intent>(file);
    if (!intent.webhookUsed) continue;
    const response = intent.responses[0]!;
    const request = (text: string, parameters: JsonObject) =>
      esRequest(intent.name)
        .action(response.action ?? '')
        .text(text)
        .params(parameters)
        .build();
    for (const phrase of read<UserSays[]>(`intents/${intent.name}_usersays_en.json`)) {
      const text = phrase.data.map((part) => part.text).join('');
      const parameters: JsonObject = {};
      for (const parameter of response.parameters) {
        const said = phrase.data.find((part) => part.alias === parameter.name)?.text;
        parameters[parameter.name] = said === undefined ? PROMPT_ANSWERS[parameter.name]! : parameter.dataType === '@organization' ? canonical(said) : said;
      }
      cases.push({ name: `${intent.name}: "${text}"`, request: request(text, parameters) });
    }
    for (const path of OTHER_PATHS) cases.push({ name: `${intent.name}: ${path.why}`, request: request(path.why, path.parameters) });
  }
  const welcome = read<UserSays[]>('intents/Default Welcome Intent_usersays_en.json')[0]!
    .data.map((part) => part.text)
    .join('');
  cases.push({ name: 'Default Welcome Intent', request: esRequest('Default Welcome Intent').action('input.welcome').text(welcome).build() });
  cases.push({
    name: 'Default Fallback Intent',
    request: esRequest('Default Fallback Intent').action('input.unknown').text('what is the meaning of life').build(),
  });
  return cases;
}
