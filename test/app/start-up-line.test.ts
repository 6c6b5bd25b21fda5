import { createServer as createHttpServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import express from 'express';
import { apiKey, type LogRecord } from '../../src/index.js';
import { testApp } from '../support/app.js';
import { close, listen, post } from '../support/http.js';
import { cxRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { checkBody } from '../support/responses.js';

const SERVING = /^(listen|express|cloudFunction|fetch): serving the webhook in /;
const startUpLines = (records: readonly LogRecord[]): LogRecord[] => records.filter((record) => SERVING.test(record.message));
const nextLoopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('one start-up line per adapter (field report 16)', () => {
  it('listen(): when it listens, with its URL, mode, routes and what is missing; never again per request', async () => {
    const { app, logger } = testApp({ mode: 'development' });
    app.tag('hello', (turn) => void turn.say('Hello.'));
    const server = await app.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      for (let i = 0; i < 3; i++) checkBody('cx', (await post(`${url}/webhook`, cxRequest('hello').build())).text);
      const lines = startUpLines(logger.records);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'warn',
        message: `listen: serving the webhook in development mode, 1 route, without authentication, on ${url}/webhook`,
        fields: { adapter: 'listen', mode: 'development', routes: 1, auth: false, url: `${url}/webhook`, transport: 'http', deadlineMs: 4000 },
      });
      expect(lines[0]!.fields.warnings).toEqual([
        expect.stringMatching(/^no authentication configured: anyone who reaches this URL can call the webhook/),
        expect.stringMatching(/^development mode: an invalid answer is thrown .*set NODE_ENV=production/),
      ]);
    } finally {
      await app.close({ graceMs: 100 });
    }
  });

  it('a production app with routes and authentication says so at info, without warnings', async () => {
    const { app, logger } = testApp({ mode: 'production', auth: apiKey({ keys: ['k-1'] }) });
    app.tag('a', (turn) => void turn.say('A.')).intent('b', (turn) => void turn.say('B.'));
    const handler = app.cloudFunction();
    expect(startUpLines(logger.records)).toEqual([]); // routes registered after the adapter is made still count: it speaks on the next loop turn
    app.action('c', (turn) => void turn.say('C.'));
    await nextLoopTurn();
    expect(startUpLines(logger.records)).toEqual([
      {
        level: 'info',
        message: 'cloudFunction: serving the webhook in production mode, 3 routes, with authentication',
        fields: { adapter: 'cloudFunction', mode: 'production', routes: 3, auth: true, deadlineMs: 4000 },
      },
    ]);
    expect(typeof handler).toBe('function');
  });

  it('express(), cloudFunction() and fetch(): one line each per app, however often made or called, warning when no route is set', async () => {
    const { app, logger } = testApp({ mode: 'production' });
    const web = express();
    web.post('/a', app.express());
    web.post('/b', app.express());
    app.cloudFunction();
    app.cloudFunction();
    const fetchHandler = app.fetch();
    const server: Server = createHttpServer(web);
    try {
      const base = await listen(server);
      for (const path of ['/a', '/b', '/a']) checkBody('cx', (await post(`${base}${path}`, cxRequest('nobody').build())).text);
      await fetchHandler(
        new Request('https://x.example/webhook', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(cxRequest('nobody').build()) }),
      );
      await nextLoopTurn();
      const lines = startUpLines(logger.records);
      expect(lines.map((line) => line.fields.adapter).sort()).toEqual(['cloudFunction', 'express', 'fetch']);
      for (const line of lines) {
        expect(line.level).toBe('warn');
        expect(line.fields.warnings).toEqual([
          expect.stringMatching(/^no route registered: every call gets the fallback message/),
          expect.stringMatching(/^no authentication configured/),
        ]);
      }
    } finally {
      await close(server);
    }
  });

  it('an app with only a fallback of its own has no route warning', async () => {
    const { app, logger } = testApp({ mode: 'production', auth: apiKey({ keys: ['k-1'] }) });
    app.fallback((turn) => void turn.say('Anything.'));
    app.fetch();
    await nextLoopTurn();
    expect(startUpLines(logger.records).map((line) => [line.level, line.fields.warnings])).toEqual([['info', undefined]]);
  });
});

describe('the deployment recipes set production mode', () => {
  it('every gcloud deploy command in docs/deployment.md sets NODE_ENV=production', () => {
    const text = readFileSync('docs/deployment.md', 'utf8');
    const commands = text.match(/gcloud (?:functions|run) deploy(?:[^\n]*\\\n)*[^\n]*/g) ?? [];
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) expect({ command, production: /NODE_ENV=production/.test(command) }).toEqual({ command, production: true });
  });
});
