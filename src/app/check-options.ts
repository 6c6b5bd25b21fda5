import { BUILT_IN_MESSAGES, hasMessages } from '../core/system-messages.js';
import type { EsIntentMessagePlatform } from '../generated/types.js';
import { InvalidOptionError } from '../errors.js';
import { LOG_LEVELS } from '../logging/json-line-logger.js';
import { closestName } from '../schema/closest-name.js';

/**
 * The shape of every option of `createFulfiller()`, checked when the app is made: a value of
 * the wrong kind (`mode: 'prod'`, `logger: {}`, `defaultLanguage: 'xx'`) would otherwise run
 * as something else, or fail on the first call that uses it. Each refusal names the option and
 * what it accepts. Ranges of numbers are checked where their defaults are applied.
 */
export function checkOptions(options: unknown): void {
  if (!isObject(options)) throw new InvalidOptionError(`createFulfiller() takes an object of options, not ${shown(options)}.`);
  for (const key of Object.keys(options)) {
    if (!(key in CHECKS)) throw new InvalidOptionError(`${key} is not an option of createFulfiller()${guess(key, Object.keys(CHECKS))}.`);
    if (options[key] !== undefined) CHECKS[key]!(options[key], options);
  }
}

const MODES = ['development', 'production', 'test'];
const MESSAGE_KINDS = ['fallback', 'apology', 'timeout'];
const LANGUAGE_CODE = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i;
const CONTEXT_ID = /^[a-z0-9_\-%]{1,250}$/i;
const ES_OPTIONS = ['sessionContext', 'sessionLifespan', 'platform'];
const ES_PLATFORMS: Record<EsIntentMessagePlatform, true> = {
  PLATFORM_UNSPECIFIED: true,
  FACEBOOK: true,
  SLACK: true,
  TELEGRAM: true,
  KIK: true,
  SKYPE: true,
  LINE: true,
  VIBER: true,
  ACTIONS_ON_GOOGLE: true,
  GOOGLE_HANGOUTS: true,
};

type Check = (value: unknown, options: Record<string, unknown>) => void;

const nothingYet: Check = () => {};

const CHECKS: Record<string, Check> = {
  mode: (value) => oneOf('mode', value, MODES),
  // Checked where they are resolved (resolveOptions): the numbers with the environment's values, the agent map whole.
  deadlineMs: nothingYet,
  bodyLimit: nothingYet,
  responseLimit: nothingYet,
  agent: nothingYet,
  apiVersion: nothingYet,
  messages: checkMessages,
  defaultLanguage: (value, options) => {
    if (typeof value !== 'string' || !LANGUAGE_CODE.test(value)) {
      throw new InvalidOptionError(`defaultLanguage must be a language code such as en or pt-BR, not ${shown(value)}.`);
    }
    const overrides = isObject(options.messages) ? options.messages : {};
    if (!hasMessages(value, overrides)) {
      const known = [...new Set([...Object.keys(BUILT_IN_MESSAGES), ...Object.keys(overrides)])];
      throw new InvalidOptionError(
        `defaultLanguage "${value}" has no messages: use one of ${known.join(', ')}, or add messages.${value} with its fallback, apology and timeout texts.`,
      );
    }
  },
  logger: (value) => {
    if (typeof value === 'string') return oneOf('logger', value, LOG_LEVELS, `a log level (${LOG_LEVELS.join(', ')}) or a logger`);
    const methods = ['debug', 'info', 'warn', 'error', 'child'];
    if (!isObject(value) || methods.some((name) => typeof value[name] !== 'function')) {
      throw new InvalidOptionError(
        `logger must be a log level (${LOG_LEVELS.join(', ')}) or a logger with pino's methods debug, info, warn, error and child, not ${shown(value)}.`,
      );
    }
  },
  clock: (value) => methodsOf('clock', value, ['now', 'setTimer'], 'clock must have now() and setTimer(): use systemClock, or fakeClock() in tests'),
  store: (value) =>
    methodsOf(
      'store',
      value,
      ['get', 'set', 'setIfAbsent', 'delete', 'close'],
      'store must have get, set, setIfAbsent, delete and close (a Store: MemoryStore, RedisStore)',
    ),
  metrics: (value) => {
    if (typeof value !== 'boolean') throw new InvalidOptionError(`metrics must be true or false, not ${shown(value)}.`);
  },
  auth: (value) => {
    if (typeof value !== 'function') {
      throw new InvalidOptionError(
        // Not the value itself: a string given here may be the secret.
        `auth must be a verifier function: apiKey(), basicAuth(), hmacSignature(), googleIdToken(), or anyOf()/allOf() of them; not a ${typeof value}.`,
      );
    }
  },
  es: checkEs,
  record: (value) => {
    if (!isObject(value)) throw new InvalidOptionError(`record must be an object such as { dir: 'fixtures' }, not ${shown(value)}.`);
    const { dir, redact } = value;
    if (typeof dir !== 'string' || dir.trim() === '') {
      throw new InvalidOptionError(`record.dir must be the directory recorded fixtures are written to, not ${shown(dir)}.`);
    }
    if (redact !== undefined && redact !== false && !isObject(redact)) {
      throw new InvalidOptionError(
        `record.redact must be false or an object of what to mask ({ names, phones, emails, cards, params, patterns }), not ${shown(redact)}.`,
      );
    }
  },
  env: (value) => {
    if (!isObject(value)) throw new InvalidOptionError(`env must be an object of environment variables (default process.env), not ${shown(value)}.`);
  },
};

function checkMessages(value: unknown): void {
  if (!isObject(value)) throw new InvalidOptionError(`messages must be an object by language code, such as { fr: { apology: '…' } }, not ${shown(value)}.`);
  for (const [code, texts] of Object.entries(value)) {
    if (!LANGUAGE_CODE.test(code)) throw new InvalidOptionError(`messages: "${code}" is not a language code (such as fr or pt-BR).`);
    if (!isObject(texts)) throw new InvalidOptionError(`messages.${code} must be an object with fallback, apology or timeout texts, not ${shown(texts)}.`);
    for (const [kind, text] of Object.entries(texts)) {
      if (!MESSAGE_KINDS.includes(kind)) {
        throw new InvalidOptionError(`messages.${code}.${kind} is not a message${guess(kind, MESSAGE_KINDS)}: use fallback, apology or timeout.`);
      }
      if (typeof text !== 'string' || text.trim() === '')
        throw new InvalidOptionError(`messages.${code}.${kind} must be a non-empty string, not ${shown(text)}.`);
    }
  }
}

function checkEs(value: unknown): void {
  if (!isObject(value)) throw new InvalidOptionError(`es must be an object ({ ${ES_OPTIONS.join(', ')} }), not ${shown(value)}.`);
  for (const key of Object.keys(value)) {
    if (!ES_OPTIONS.includes(key)) throw new InvalidOptionError(`es.${key} is not an option${guess(key, ES_OPTIONS)} (es takes ${ES_OPTIONS.join(', ')}).`);
  }
  const { sessionContext, sessionLifespan, platform } = value;
  if (sessionContext !== undefined && (typeof sessionContext !== 'string' || !CONTEXT_ID.test(sessionContext))) {
    throw new InvalidOptionError(`es.sessionContext must be a context id (letters, digits, _ - %; at most 250), not ${shown(sessionContext)}.`);
  }
  if (sessionLifespan !== undefined && (!Number.isInteger(sessionLifespan) || (sessionLifespan as number) < 1 || (sessionLifespan as number) > 1000)) {
    throw new InvalidOptionError(`es.sessionLifespan must be a whole number of turns from 1 to 1000, not ${shown(sessionLifespan)}.`);
  }
  if (platform !== undefined) oneOf('es.platform', platform, Object.keys(ES_PLATFORMS));
}

function oneOf(name: string, value: unknown, accepted: readonly string[], what = `one of ${accepted.join(', ')}`): void {
  if (typeof value === 'string' && accepted.includes(value)) return;
  const hint = typeof value === 'string' ? guess(value, accepted) : '';
  throw new InvalidOptionError(`${name} must be ${what}, not ${shown(value)}${hint}.`);
}

function methodsOf(name: string, value: unknown, methods: readonly string[], message: string): void {
  if (isObject(value) && methods.every((method) => typeof value[method] === 'function')) return;
  const missing = isObject(value) ? methods.filter((method) => typeof value[method] !== 'function') : methods;
  throw new InvalidOptionError(`${message}; ${name} given has no ${missing.join(', ')}.`);
}

function guess(given: string, known: readonly string[]): string {
  const near = closestName(given, known);
  return near === undefined ? '' : ` (did you mean ${near}?)`;
}

/** A value as an error message shows it: short, and never a whole object. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'function' ? 'a function' : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
