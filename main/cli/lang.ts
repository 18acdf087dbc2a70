// The CLI speaks the user's language: --lang wins, then the POSIX locale variables, then the OS locale.
import type { Lang } from '../engine/model.ts';

export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const candidates = [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]];
  const set = candidates.find((v) => v && v !== 'C' && v !== 'POSIX');
  const locale = set ?? Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function parseLang(value: string | undefined, env?: NodeJS.ProcessEnv): Lang {
  if (value === 'fr' || value === 'en') return value;
  return systemLang(env);
}
