import type { CxTurn, Turn } from '../../../src/index.js';
import { cxRequest } from '../../../src/testing/index.js';
import { runHandler } from '../../support/app.js';
import { validResponse } from '../../support/responses.js';

async function answer(handler: (turn: CxTurn) => unknown) {
  const request = cxRequest('customer.validate')
    .form('customer_id', { value: 99999, justCollected: true })
    .form('note', { required: false, state: 'EMPTY', justCollected: true })
    .build();
  const { result } = await runHandler((turn: Turn) => (turn.platform === 'cx' ? handler(turn) : undefined), request);
  return validResponse('cx', result);
}

describe('CX form', () => {
  it('lists the form parameters of the request', async () => {
    let seen: unknown;
    await answer((turn) => {
      seen = turn.form.parameters;
      turn.say('ok');
    });
    expect(seen).toEqual([
      { name: 'customer_id', required: true, state: 'FILLED', value: 99999, justCollected: true },
      { name: 'note', required: false, state: 'EMPTY', value: undefined, justCollected: true },
    ]);
  });

  it('invalidate() marks the parameter INVALID and clears it from the session', async () => {
    const response = await answer((turn) => {
      turn.form.invalidate('customer_id');
      turn.say('I could not find customer 99999.');
    });
    expect(response.pageInfo).toEqual({ formInfo: { parameterInfo: [{ displayName: 'customer_id', required: true, state: 'INVALID' }] } });
    expect(response.sessionInfo).toEqual({ parameters: { customer_id: null } });
  });

  it('invalidate({ clear: false }) keeps the value', async () => {
    const response = await answer((turn) => turn.form.invalidate('customer_id', { clear: false }));
    expect(response.pageInfo?.formInfo?.parameterInfo).toEqual([{ displayName: 'customer_id', required: true, state: 'INVALID', value: 99999 }]);
    expect(response.sessionInfo).toBeUndefined();
  });

  it('setValue() and clear() change the value', async () => {
    const response = await answer((turn) => {
      turn.form.setValue('customer_id', '12345');
      turn.form.clear('note');
    });
    expect(response.pageInfo?.formInfo?.parameterInfo).toEqual([
      { displayName: 'customer_id', required: true, state: 'FILLED', value: '12345' },
      { displayName: 'note', required: false, state: 'EMPTY' },
    ]);
    expect(response.sessionInfo).toEqual({ parameters: { customer_id: '12345', note: null } });
  });

  it('refuses a parameter the form does not have (a webhook cannot add one)', async () => {
    let error: unknown;
    await answer((turn) => {
      try {
        turn.form.invalidate('email');
      } catch (e) {
        error = e;
      }
      turn.say('ok');
    });
    expect(error).toMatchObject({ code: 'ERR_UNKNOWN_FORM_PARAMETER', message: expect.stringContaining('customer_id, note') });
  });
});
