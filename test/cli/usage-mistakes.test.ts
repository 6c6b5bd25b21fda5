import { startCli } from '../support/cli.js';

// Apart from the serve tests, so that jest's workers run these processes beside those.
describe('fulfiller usage mistakes', () => {
  it.each([
    [['serve'], /--app FILE is required/],
    [['serve', '--app', 'test/cli/fixtures/missing.ts'], /Cannot load the app module/],
    [['serve', '--app', 'test/cli/fixtures/not-an-app.ts'], /must export by default a function/],
    [['serve', '--app', 'test/cli/fixtures/app.ts', '--port', 'eighty'], /--port \/ PORT must be a whole number/],
    [['frobnicate'], /unknown command/],
  ])(
    'fails clearly for %j',
    async (args, message) => {
      const cli = startCli(args, { LOG_LEVEL: 'info' });
      expect(await cli.exited).not.toBe(0);
      expect(cli.output()).toMatch(message);
    },
    30_000,
  );
});
