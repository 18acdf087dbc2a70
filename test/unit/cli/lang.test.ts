import { describe, expect, it } from 'vitest';
import { parseLang, systemLang } from '../../../main/cli/lang.ts';

describe('the CLI language', () => {
  it.each<[string, NodeJS.ProcessEnv, 'fr' | 'en']>([
    ['a French LANG', { LANG: 'fr_FR.UTF-8' }, 'fr'],
    ['a Canadian French LC_ALL over an English LANG', { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' }, 'fr'],
    ['LC_MESSAGES before LANG', { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'fr_FR.UTF-8' }, 'en'],
    ['LANGUAGE as a last resort', { LANGUAGE: 'fr:en' }, 'fr'],
    ['the C locale skipped for the next variable', { LC_ALL: 'C', LANG: 'fr_BE.UTF-8' }, 'fr'],
    ['an English LANG', { LANG: 'en_US.UTF-8' }, 'en'],
    ['any other language, in English', { LANG: 'de_DE.UTF-8' }, 'en'],
  ])('follows %s', (_, env, expected) => {
    expect(systemLang(env)).toBe(expected);
  });

  it('lets --lang win over the environment, and ignores an unknown value', () => {
    expect(parseLang('en', { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(parseLang('de', { LANG: 'fr_FR.UTF-8' })).toBe('fr');
  });
});
