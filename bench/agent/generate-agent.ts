import { strToU8, zipSync, type Zippable } from 'fflate';

/** The size of a generated agent. */
export interface AgentSize {
  flows: number;
  pagesPerFlow: number;
  /** Routes per page: the first calls the webhook with the page's tag, the others wait for intents. */
  routesPerPage: number;
  intents: number;
  phrasesPerIntent: number;
}

/** The size: 1,000 pages, 3,000 routes, 2,000 intents. */
export const BIG_AGENT: AgentSize = { flows: 10, pagesPerFlow: 100, routesPerPage: 3, intents: 2000, phrasesPerIntent: 10 };

const json = (value: unknown): Uint8Array => strToU8(JSON.stringify(value, null, 2));

/** The tag page `p` of flow `f` sends. */
export function tagOf(f: number, p: number): string {
  return `flow${f}.page${p}`;
}

/**
 * A Dialogflow CX JSON-package export of that size, as a zip: one webhook, entity types, intents
 * with training phrases, flows whose pages have a form, a webhook route and intent routes, and
 * `webhook.error` handlers on every flow. Shaped like a console export, made up in memory.
 */
export function generateAgentZip(size: AgentSize = BIG_AGENT): Uint8Array {
  const files: Zippable = {};
  files['agent.json'] = json({ displayName: 'Generated', defaultLanguageCode: 'en', timeZone: 'Asia/Tokyo', startFlow: 'Default Start Flow' });
  files['webhooks/orders.json'] = json({
    name: 'w-orders',
    displayName: 'orders',
    genericWebService: { uri: 'https://orders.example.com/webhook' },
    timeout: { seconds: 5 },
  });
  for (let e = 0; e < 20; e++) {
    files[`entityTypes/kind${e}/kind${e}.json`] = json({ name: `e-${e}`, displayName: `kind${e}`, kind: 'KIND_MAP' });
    files[`entityTypes/kind${e}/entities/en.json`] = json({
      entities: Array.from({ length: 20 }, (_, v) => ({ value: `value${v}`, synonyms: [`value${v}`, `synonym${v}`], languageCode: 'en' })),
    });
  }
  for (let i = 0; i < size.intents; i++) {
    files[`intents/intent${i}/intent${i}.json`] = json({
      name: `i-${i}`,
      displayName: `intent${i}`,
      parameters: [{ id: `param${i % 50}`, entityType: `@kind${i % 20}` }],
      priority: 500000,
    });
    const phrases = Array.from({ length: size.phrasesPerIntent }, (_, k) => ({
      parts: [{ text: `please do thing ${i} for ` }, { text: `value${k}`, parameterId: `param${i % 50}` }],
      repeatCount: 1,
      languageCode: 'en',
    }));
    files[`intents/intent${i}/trainingPhrases/en.json`] = json({ trainingPhrases: phrases });
  }
  for (let f = 0; f < size.flows; f++) {
    const flow = f === 0 ? 'Default Start Flow' : `Flow ${f}`;
    files[`flows/${flow}/${flow}.json`] = json({
      name: f === 0 ? '00000000-0000-0000-0000-000000000000' : `f-${f}`,
      displayName: flow,
      transitionRoutes: [{ intent: `intent${f}`, triggerFulfillment: {}, targetPage: 'Page 0', name: `fr-${f}` }],
      eventHandlers: [{ event: 'webhook.error', triggerFulfillment: { messages: [{ text: { text: ['Sorry.'] }, languageCode: 'en' }] }, name: `fe-${f}` }],
    });
    for (let p = 0; p < size.pagesPerFlow; p++) {
      const routes = [
        {
          condition: '$page.params.status = "FINAL"',
          triggerFulfillment: { webhook: 'orders', tag: tagOf(f, p), setParameterActions: [{ parameter: `last${p % 10}`, value: '$session.params.param1' }] },
          targetPage: 'End Session',
          name: `r-${f}-${p}-0`,
        },
      ];
      for (let r = 1; r < size.routesPerPage; r++) {
        routes.push({
          intent: `intent${(f * size.pagesPerFlow + p * 2 + r) % size.intents}`,
          triggerFulfillment: {},
          targetPage: `Page ${(p + r) % size.pagesPerFlow}`,
          name: `r-${f}-${p}-${r}`,
        } as never);
      }
      files[`flows/${flow}/pages/Page ${p}.json`] = json({
        name: `p-${f}-${p}`,
        displayName: `Page ${p}`,
        form: {
          parameters: [
            {
              displayName: `param${p % 50}`,
              required: true,
              entityType: `@kind${p % 20}`,
              fillBehavior: { initialPromptFulfillment: { messages: [{ text: { text: [`Which value for page ${p}?`] }, languageCode: 'en' }] } },
            },
          ],
        },
        transitionRoutes: routes,
      });
    }
  }
  return zipSync(files, { level: 6 });
}
