import { describe, expect, it } from 'vitest';
import { editDistance, nearestWord } from '../../../main/cli/nearest-word.ts';
import {
  optionValueError,
  unknownFormatError,
  unknownOptionError,
  unknownValueError,
} from '../../../main/cli/argument-errors.ts';

const FORMATS = ['pdf', 'tagged-text', 'data-merge'];

describe('the edit distance', () => {
  it.each<[string, string, number]>([
    ['pdf', 'pdf', 0],
    ['', 'pdf', 3],
    ['pdf', '', 3],
    ['pfd', 'pdf', 1], // two neighbours swapped: one edit, not two
    ['--fromat', '--format', 1],
    ['--templte', '--template', 1], // one letter left out
    ['--imagess', '--images', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment: a swapped pair is not edited again
  ])('from %j to %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('the nearest word', () => {
  it('finds the word a typo was meant to be', () => {
    expect(nearestWord('pfd', FORMATS)).toBe('pdf');
    expect(nearestWord('PDF', FORMATS)).toBe('pdf');
    expect(nearestWord('taged-text', FORMATS)).toBe('tagged-text');
    expect(nearestWord('datamerge', FORMATS)).toBe('data-merge');
    expect(nearestWord('--fromat', ['--out', '--format', '--force'])).toBe('--format');
    expect(nearestWord('buidl', ['inspect', 'validate', 'build', 'templates'])).toBe('build');
  });

  it('suggests nothing rather than a word the user cannot have meant', () => {
    expect(nearestWord('--colour', ['--locale', '--lang', '--format'])).toBeUndefined();
    expect(nearestWord('docx', FORMATS)).toBeUndefined();
    expect(nearestWord('x', FORMATS)).toBeUndefined();
    expect(nearestWord('pdf', [])).toBeUndefined();
  });

  it('prefers the closest word, then the first listed', () => {
    expect(nearestWord('--mark', ['--marks', '--mode'])).toBe('--marks');
    expect(nearestWord('ab', ['ac', 'ad'])).toBe('ac');
    expect(nearestWord('ab', ['ad', 'ac'])).toBe('ad');
  });
});

describe('the errors for a mistyped word', () => {
  it('UNKNOWN_FORMAT names the format meant, in both languages', () => {
    const error = unknownFormatError(['pfd'], FORMATS);
    expect(error.code).toBe('UNKNOWN_FORMAT');
    expect(error.in('fr')).toBe('format inconnu « pfd » : vouliez-vous dire « pdf » ?');
    expect(error.in('en')).toBe('unknown format "pfd": did you mean "pdf"?');
  });

  it('UNKNOWN_FORMAT lists the formats when no one is close, and says when none was given', () => {
    expect(unknownFormatError(['docx', 'pfd'], FORMATS).in('en')).toBe(
      'unknown format "docx" (one of: pdf, tagged-text, data-merge); unknown format "pfd": did you mean "pdf"?',
    );
    expect(unknownFormatError([], FORMATS).in('fr')).toBe(
      'aucun format donné (au choix : pdf, tagged-text, data-merge)',
    );
  });

  it('UNKNOWN_OPTION suggests the option, or points at the command’s help', () => {
    const near = unknownOptionError('--fromat', ['--out', '--format'], 'build');
    expect(near.code).toBe('UNKNOWN_OPTION');
    expect(near.in('fr')).toBe('option inconnue « --fromat » : vouliez-vous dire « --format » ?');
    expect(near.in('en')).toBe('unknown option "--fromat": did you mean "--format"?');
    expect(unknownOptionError('--colour', ['--out'], 'validate').in('en')).toBe(
      'unknown option "--colour" — catalog validate --help lists the options',
    );
    expect(unknownOptionError('--colour', ['--out']).in('fr')).toBe(
      'option inconnue « --colour » — catalog --help liste les options',
    );
  });

  it('UNKNOWN_VALUE and the option-value errors have their own codes', () => {
    const mode = unknownValueError('--mode', 'prnt', ['print', 'screen']);
    expect([mode.code, mode.in('en')]).toEqual([
      'UNKNOWN_VALUE',
      'unknown value "prnt" for --mode: did you mean "print"?',
    ]);
    expect(unknownValueError('--text-variant', 'linux', ['win', 'mac']).in('fr')).toBe(
      'valeur inconnue « linux » pour --text-variant (au choix : win, mac)',
    );
    expect(optionValueError('--out', 'missing').code).toBe('OPTION_NEEDS_VALUE');
    expect(optionValueError('--force', 'unexpected').in('fr')).toBe(
      "l'option « --force » ne prend pas de valeur",
    );
  });
});
