// The CLI speaks the user's language: --lang wins, then the POSIX locale variables, then the OS locale.
import type { Lang } from '../api/index.ts';

export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const candidates = [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]];
  const set = candidates.find((v) => v && v !== 'C' && v !== 'POSIX');
  const locale = set ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The language --lang names: `fr`, `en`, or one of their locales as typed (`fr-CA`, `en_GB`, `FR`). */
export function langOption(value: string | undefined): Lang | undefined {
  const v = value?.trim().toLowerCase() ?? '';
  return /^fr(?:[-_]|$)/.test(v) ? 'fr' : /^en(?:[-_]|$)/.test(v) ? 'en' : undefined;
}

export function parseLang(value: string | undefined, env?: NodeJS.ProcessEnv): Lang {
  return langOption(value) ?? systemLang(env);
}

/**
 * One line for `--lang de`: which language the CLI goes on in instead. In English whatever the
 * fallback, since the user asked for neither of ours; undefined when --lang is absent or understood.
 */
export function langFallbackNotice(value: string | undefined, env?: NodeJS.ProcessEnv): string | undefined {
  if (value === undefined || langOption(value)) return undefined;
  const instead = systemLang(env) === 'fr' ? 'French, the system language' : 'English';
  return `Note [LANG_FALLBACK]: --lang "${value}" is not available (fr, en): continuing in ${instead}.`;
}
