import type { SystemMessageKind } from '../../core/app-description.js';
import type { LintCheck } from '../lint-context.js';

const KINDS: readonly SystemMessageKind[] = ['fallback', 'apology', 'timeout'];

/**
 * Every language of the agent needs the app's fallback, apology and timeout texts in that
 * language (its own, or its base language's: `pt` for `pt-BR`); otherwise an `fr` user hears
 * them in the app's default language.
 */
export const languageMessages: LintCheck = ({ agent, app }) => {
  const byCode = new Map(Object.entries(app.languages).map(([code, kinds]) => [code.toLowerCase(), kinds]));
  return agent.languages.flatMap((language) => {
    const code = language.toLowerCase();
    const own = byCode.get(code) ?? byCode.get(code.split(/[-_]/)[0]!) ?? [];
    const missing = KINDS.filter((kind) => !own.includes(kind));
    if (missing.length === 0) return [];
    const example = `messages: { '${language}': { ${missing.map((k) => `${k}: '…'`).join(', ')} } }`;
    return [
      {
        rule: 'missing-language-messages',
        message: `The agent speaks ${language}, and the app has no ${missing.join(', ')} text in it: those users hear the ${app.defaultLanguage} one.`,
        fix: `Add the texts to createFulfiller(): ${example}.`,
        location: { file: 'agent.json', path: `agent › language ${language}` },
        subject: language,
      },
    ];
  });
};
