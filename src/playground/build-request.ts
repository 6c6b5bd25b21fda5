import { CX_TEST_AGENT, cxRequest, esRequest } from '../testing/index.js';
import type { JsonObject } from '../index.js';
import type { TurnInput } from './view.js';

const DEFAULT_FLOW = '00000000-0000-0000-0000-000000000000';

/**
 * The WebhookRequest Dialogflow would send for what the designer set up, before the session is
 * carried in (SessionSimulator adds that): what a saved fixture keeps as the turn's request.
 * CX: the page is left out on later turns unless one is chosen, so that the page the last
 * answer moved to is the one carried in.
 */
export function buildRequest(input: TurnInput, turn: number): JsonObject {
  const request = input.dialect === 'cx' ? buildCx(input, turn === 1) : buildEs(input);
  request[input.dialect === 'cx' ? 'detectIntentResponseId' : 'responseId'] = `play-turn-${turn}`;
  return request;
}

function buildCx(input: TurnInput, firstTurn: boolean): JsonObject {
  let builder = cxRequest(input.tag ?? '')
    .language(input.languageCode)
    .session(input.session)
    .params(input.params);
  if (given(input.text)) builder = builder.text(input.text!);
  else if (given(input.event)) builder = builder.event(input.event!);
  const request = builder.build() as JsonObject;
  if (!given(input.tag)) delete request.fulfillmentInfo;
  if (given(input.dtmf) && !given(input.text) && !given(input.event)) request.dtmfDigits = input.dtmf!;
  if (given(input.flow) || given(input.page)) {
    const flow = given(input.flow) ? input.flow!.trim() : DEFAULT_FLOW;
    const page = given(input.page) ? input.page!.trim() : 'START_PAGE';
    const currentPage = page.includes('/') ? page : `${CX_TEST_AGENT}/flows/${flow}/pages/${page}`;
    request.pageInfo = { currentPage, displayName: page.includes('/') ? page.slice(page.lastIndexOf('/') + 1) : page };
  } else if (!firstTurn) {
    delete request.pageInfo;
  }
  return request;
}

function buildEs(input: TurnInput): JsonObject {
  let builder = esRequest(given(input.intent) ? input.intent!.trim() : undefined)
    .language(input.languageCode)
    .session(input.session)
    .params(input.params);
  if (given(input.action)) builder = builder.action(input.action!.trim());
  // An ES webhook request has no event field: an intent matched by an event sees the event's name as its query.
  const query = given(input.text) ? input.text! : given(input.event) ? input.event!.trim() : '';
  if (query !== '') builder = builder.text(query);
  return builder.build() as JsonObject;
}

function given(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
