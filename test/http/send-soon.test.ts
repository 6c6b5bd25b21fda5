import type { ServerResponse } from 'node:http';
import { sendSoon } from '../../src/http/send-soon.js';
import type { HttpResult } from '../../src/http/http-result.js';

/** A ServerResponse stand-in that records what is written to it, in one shared log. */
function response(name: string, log: string[], failing = false): ServerResponse {
  return {
    writeHead(status: number) {
      if (failing) throw new Error('headers already sent');
      log.push(`${name} ${status}`);
      return this;
    },
    end(body: string) {
      log.push(`${name} ${body}`);
      return this;
    },
    destroy() {
      log.push(`${name} destroyed`);
      return this;
    },
  } as unknown as ServerResponse;
}

const answer = (body: string): HttpResult => ({ status: 200, headers: {}, body });
const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('sendSoon', () => {
  it('writes nothing during the turn, then every answer of the turn in order at its end', async () => {
    const log: string[] = [];
    sendSoon(response('a', log), answer('1'));
    sendSoon(response('b', log), answer('2'));
    expect(log).toEqual([]);
    await endOfTurn();
    expect(log).toEqual(['a 200', 'a 1', 'b 200', 'b 2']);
  });

  it('answers ready in a later turn go out at the end of that turn', async () => {
    const log: string[] = [];
    sendSoon(response('a', log), answer('1'));
    await endOfTurn();
    sendSoon(response('b', log), answer('2'));
    expect(log).toEqual(['a 200', 'a 1']);
    await endOfTurn();
    expect(log).toEqual(['a 200', 'a 1', 'b 200', 'b 2']);
  });

  it('a response that cannot be written is destroyed and the others still get theirs', async () => {
    const log: string[] = [];
    sendSoon(response('a', log, true), answer('1'));
    sendSoon(response('b', log), answer('2'));
    await endOfTurn();
    expect(log).toEqual(['a destroyed', 'b 200', 'b 2']);
  });
});
