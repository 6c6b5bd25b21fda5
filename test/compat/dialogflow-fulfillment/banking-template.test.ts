import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSchema } from '../../../src/index.js';
import { sharedDir } from '../../../scripts/conformance/shared-dir.js';
import { checkBody } from '../../support/responses.js';
import { bankingCases } from '../support/banking/requests.js';
import { hostTemplate } from '../support/banking/template-host.js';
import { recordedAnswers, type Recorded } from '../support/program-answers.js';
import { userView, type Answer } from '../support/user-view.js';

/**
 * A real template written for dialogflow-fulfillment: Google's banking agent
 * (../shared/agents/es/banking), its index.js run as shipped once with the real 0.6.1 and once
 * with the compat module, on requests built from its agent export. What the user gets must be the
 * same. Without ../shared, the recorded requests and the old library's answers
 * (fixtures/banking-template.json) are checked, and the run is skipped.
 */
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/banking-template.json');
const BANKING = path.join(sharedDir, 'agents/es/banking');
const present = existsSync(path.join(BANKING, 'original-fulfillment.zip')) && existsSync(path.join(BANKING, 'agent-export.zip'));

describe('the banking template, recorded', () => {
  it('holds valid ES requests, each answered by dialogflow-fulfillment 0.6.1', () => {
    const recorded = recordedAnswers(FIXTURE, undefined);
    expect(recorded.length).toBeGreaterThan(10);
    for (const { name, request, answer } of recorded) {
      expect({ name, valid: validateSchema('es', 'request', request).ok, answered: answer !== 'no answer' && answer.status === 200 }).toEqual({
        name,
        valid: true,
        answered: true,
      });
    }
  });
});

const runs = `the banking template's index.js as shipped, with dialogflow-fulfillment 0.6.1 and with the compat module`;
if (!present) {
  // A clean skip, with the reason in the report and in the log.
  describe(runs, () => {
    it.skip(`runs only when ${BANKING} is there (FULFILLER_SHARED_DIR overrides ../shared)`, () => {});
  });
  console.info(`skipped: ${runs} runs only when ${BANKING} is there (FULFILLER_SHARED_DIR overrides ../shared)`);
}

if (present)
  describe(runs, () => {
    const cases = bankingCases(path.join(BANKING, 'agent-export.zip'));
    let legacy: Recorded[];
    let compat: Answer[];

    beforeAll(async () => {
      const answers = async (library: 'legacy' | 'compat') => {
        const host = await hostTemplate(path.join(BANKING, 'original-fulfillment.zip'), library);
        try {
          const all: Answer[] = [];
          for (const { request } of cases) all.push(await host.send(request));
          return all;
        } finally {
          host.stop();
        }
      };
      const live = (await answers('legacy')).map((answer, i) => ({ name: cases[i]!.name, request: cases[i]!.request, answer }));
      legacy = recordedAnswers(FIXTURE, live);
      compat = await answers('compat');
      // The recording is what dialogflow-fulfillment answers to these requests today.
      expect(legacy).toEqual(live);
    }, 60_000);

    it('covers every intent the template has a webhook handler for, on every path of its code', () => {
      const intents = new Set(cases.map((c) => c.request.queryResult?.intent?.displayName));
      expect([...intents].sort()).toEqual(['Default Fallback Intent', 'Default Welcome Intent', 'locations.hours_of_operation', 'locations.open_branches']);
    });

    it.each(cases.map((c, i) => [c.name, i] as const))('%s: the same with the compat module', (_name, i) => {
      const answer = compat[i]!;
      if (answer !== 'no answer') checkBody('es', JSON.stringify(answer.body));
      expect(userView(answer, undefined)).toEqual(userView(legacy[i]!.answer, undefined));
    });
  });
