import { createFulfiller, InvalidOptionError, type FulfillerOptions } from '../../src/index.js';
import { fakeClock } from '../../src/testing/index.js';
import { cxRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { textsOf, validResponse } from '../support/responses.js';

/** What createFulfiller() throws for these options (undefined when it accepts them). */
function refusal(options: Record<string, unknown>): InvalidOptionError | undefined {
  try {
    createFulfiller({ env: {}, ...options } as FulfillerOptions);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return error as InvalidOptionError;
  }
}

describe('createFulfiller() checks every option at once (field report 11)', () => {
  it('takes a log level for logger, as LOG_LEVEL does, and the app then logs through it', async () => {
    const app = createFulfiller({ env: {}, mode: 'production', logger: 'silent' });
    app.tag('fails', () => {
      throw new Error('backend down');
    });
    const result = await app.handle(JSON.stringify(cxRequest('fails').build()), JSON_HEADERS);
    expect(textsOf(validResponse('cx', result))).toEqual(['Sorry, the system is currently unavailable. Please try again later.']);
    expect(typeof app.logger.error).toBe('function');
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a level it does not know', { logger: 'loud' }, /^logger must be a log level \(trace, debug, info, warn, error, fatal, silent\) or a logger/],
    ['an object that is not a logger', { logger: { log: () => {} } }, /^logger .*debug, info, warn, error and child/],
    ['a mode of another spelling', { mode: 'prod' }, /^mode must be one of development, production, test, not "prod"/],
    ['a language without messages', { defaultLanguage: 'xx' }, /^defaultLanguage "xx" has no messages: use one of en, ja.*or add messages\.xx/],
    ['a default language that is no language code', { defaultLanguage: 42 }, /^defaultLanguage must be a language code/],
    ['a deadline as a string', { deadlineMs: '3000' }, /^deadlineMs must be a whole number of milliseconds from 1 to 30000, not "3000"/],
    ['a body limit with a unit', { bodyLimit: '1mb' }, /^bodyLimit must be a positive whole number of bytes, not "1mb"/],
    ['a response limit of 0', { responseLimit: 0 }, /^responseLimit must be a positive whole number of bytes, not 0/],
    ['messages as text', { messages: { fr: 'Désolé' } }, /^messages\.fr must be an object with fallback, apology or timeout/],
    [
      'a misspelt message',
      { messages: { fr: { apolgy: 'Désolé' } } },
      /^messages\.fr\.apolgy is not a message \(did you mean apology\?\): use fallback, apology or timeout/,
    ],
    ['a message that is not text', { messages: { fr: { apology: 42 } } }, /^messages\.fr\.apology must be a non-empty string/],
    ['a language code that is none', { messages: { 'not a language': { apology: 'x' } } }, /^messages: "not a language" is not a language code/],
    ['a clock without timers', { clock: { now: () => 0 } }, /^clock must have now\(\) and setTimer\(\)/],
    ['a store without its methods', { store: new Map() }, /^store must have get, set, setIfAbsent, delete and close/],
    ['metrics as a word', { metrics: 'off' }, /^metrics must be true or false, not "off"/],
    ['auth as a name', { auth: 'api-key' }, /^auth must be a verifier function: apiKey\(\), basicAuth\(\), hmacSignature\(\), googleIdToken\(\)/],
    ['an ES lifespan of 0', { es: { sessionLifespan: 0 } }, /^es\.sessionLifespan must be a whole number of turns from 1 to 1000, not 0/],
    ['an ES context id with spaces', { es: { sessionContext: 'my session' } }, /^es\.sessionContext must be a context id/],
    [
      'an ES platform that is none',
      { es: { platform: 'SLACKK' } },
      /^es\.platform must be one of PLATFORM_UNSPECIFIED, FACEBOOK, SLACK, .*not "SLACKK" \(did you mean SLACK\?\)/,
    ],
    ['an unknown ES option', { es: { lifespan: 5 } }, /^es\.lifespan is not an option \(es takes sessionContext, sessionLifespan, platform\)/],
    ['redaction as a word', { record: { dir: 'fixtures', redact: 'yes' } }, /^record\.redact must be false or an object/],
    ['a record dir of nothing', { record: { dir: '' } }, /^record\.dir must be/],
    ['an environment as a string', { env: 'production' }, /^env must be an object of environment variables/],
    ['a misspelt option', { deadline: 3000 }, /^deadline is not an option of createFulfiller\(\) \(did you mean deadlineMs\?\)/],
  ])('refuses %s, naming the option and what it takes', (_name, options, message) => {
    const error = refusal(options);
    expect(error?.code).toBe('ERR_INVALID_OPTION');
    expect(error?.message).toMatch(message);
  });

  it('accepts what the documentation shows', () => {
    for (const options of [
      { logger: 'debug' },
      { mode: 'production' },
      { mode: 'test', defaultLanguage: 'ja' },
      { defaultLanguage: 'en-US' },
      { defaultLanguage: 'pt-BR', messages: { pt: { apology: 'Desculpe.' } } },
      { messages: { 'zh-Hant-TW': { fallback: '請再說一次。' }, pt_BR: {} } },
      { clock: fakeClock(0) },
      { metrics: false },
      { es: { sessionContext: 'my_session', sessionLifespan: 20, platform: 'LINE' } },
      { record: { dir: 'fixtures', redact: { phones: false } } },
      { record: { dir: 'fixtures', redact: false } },
      { deadlineMs: undefined, logger: undefined },
    ]) {
      expect(refusal(options)).toBeUndefined();
    }
  });
});
