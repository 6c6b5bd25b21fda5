import { PlayRequestError } from '../index.js';
import type { DialectName, JsonMap, PastTurn, SavePreviewRequest, SaveRequest, TurnInput, TurnRequest } from './view.js';

/**
 * The shapes the page sends, checked once at the door so that the rest of the playground can
 * trust them. A mismatch means the page and the playground disagree (an old tab): the message
 * says which field.
 */
export function checkTurnRequest(body: unknown): TurnRequest {
  const o = map(body, '');
  const input = map(o.input, 'input');
  const dialect = dialectAt(input.dialect, 'input.dialect');
  const checked: TurnInput = {
    dialect,
    languageCode: stringAt(input.languageCode, 'input.languageCode') || 'en',
    session: stringAt(input.session, 'input.session') || 'play-session',
    params: map(input.params, 'input.params'),
  };
  for (const key of ['tag', 'flow', 'page', 'text', 'event', 'dtmf', 'intent', 'action'] as const) {
    if (input[key] !== undefined) checked[key] = stringAt(input[key], `input.${key}`);
  }
  return { input: checked, history: turns(o.history, 'history') };
}

export function checkPreviewRequest(body: unknown): SavePreviewRequest {
  const o = map(body, '');
  return { dialect: dialectAt(o.dialect, 'dialect'), turns: turns(o.turns, 'turns') };
}

export function checkSaveRequest(body: unknown): SaveRequest {
  const o = map(body, '');
  const keep = Array.isArray(o.keep) ? o.keep.map((v, i) => stringAt(v, `keep[${i}]`)) : [];
  const request: SaveRequest = { ...checkPreviewRequest(body), name: stringAt(o.name, 'name'), keep, replace: o.replace === true };
  if (request.turns.length === 0) throw new PlayRequestError('turns', 'is empty: talk first, then save');
  return request;
}

function turns(value: unknown, path: string): PastTurn[] {
  if (!Array.isArray(value)) throw new PlayRequestError(path, 'is not a list');
  return value.map((item, i) => {
    const turn = map(item, `${path}[${i}]`);
    const status = turn.status;
    if (typeof status !== 'number') throw new PlayRequestError(`${path}[${i}].status`, 'is not a number');
    const response = turn.response === null || turn.response === undefined ? null : map(turn.response, `${path}[${i}].response`);
    return { own: map(turn.own, `${path}[${i}].own`), sent: map(turn.sent, `${path}[${i}].sent`), status, response };
  });
}

function map(value: unknown, path: string): JsonMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PlayRequestError(path, 'is not a JSON object');
  return value as JsonMap;
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new PlayRequestError(path, 'is not a string');
  return value;
}

function dialectAt(value: unknown, path: string): DialectName {
  if (value !== 'cx' && value !== 'es') throw new PlayRequestError(path, 'is neither "cx" nor "es"');
  return value;
}
