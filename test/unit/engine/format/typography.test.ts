import { describe, expect, it } from 'vitest';
import { fieldText } from '../../../../main/engine/format/field-text.ts';
import {
  frenchTypography,
  tieNumbers,
  tieReference,
  typographyFor,
} from '../../../../main/engine/format/typography.ts';
import { UNKNOWN_MONEY } from '../../../../main/engine/money/money.ts';
import { item } from '../layout/make-catalog.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** The text with its no-break spaces made visible: `~` U+00A0, `^` U+202F. */
const show = (text: string) => text.replace(/\u00a0/g, '~').replace(/\u202f/g, '^');

describe('tieNumbers: a number never leaves its unit, a code never leaves its number', () => {
  it.each([
    ['Tolérance 0,5 mm/m sur la longueur', 'Tolérance 0,5~mm/m sur la longueur'],
    ['Sac de 25 kg', 'Sac de 25~kg'],
    ['Panneau 10 x 20 cm', 'Panneau 10~x~20~cm'],
    ['Plaque 10 × 20 × 5 mm', 'Plaque 10~×~20~×~5~mm'],
    ['Bidon 1,5 L, bouchon', 'Bidon 1,5~L, bouchon'],
    ['Moteur 18 V, 2 Ah (40 W)', 'Moteur 18~V, 2~Ah (40~W)'],
    ['Chauffe à 60 °C, TVA 20 %', 'Chauffe à 60~°C, TVA~20~%'],
    ['Conforme EN 71-3 et ISO 9001', 'Conforme EN~71-3 et ISO~9001'],
    ['Modèle AB 123-45 en stock', 'Modèle AB~123-45 en stock'],
    ['A 2.5 in screw, 12 oz', 'A 2.5~in screw, 12~oz'],
  ])('%s', (input, tied) => {
    expect(show(tieNumbers(input))).toBe(tied);
  });

  it.each([
    // A word that merely starts like a unit is not a unit.
    'Garantie 3 mois, livré en 2 langues',
    'Lot de 3 gants',
    // No figures, nothing to tie: the same string comes back.
    'Perceuse visseuse sans fil',
    // A word in capitals longer than a code is a title word.
    'GARANTIE 10 ans',
  ])('leaves "%s" breakable', (input) => {
    expect(tieNumbers(input)).toBe(input);
  });

  it('keeps spaces Intl already wrote (a French amount, a percentage)', () => {
    const amount = `1${NNBSP}234,50${NBSP}€`;
    expect(tieNumbers(amount)).toBe(amount);
    expect(tieNumbers(`20${NNBSP}%`)).toBe(`20${NNBSP}%`);
  });

  it('runs in both languages: English ties too, French adds its punctuation spaces', () => {
    expect(show(typographyFor('en-GB')('Bag of 25 kg: dry use'))).toBe('Bag of 25~kg: dry use');
    expect(show(typographyFor('fr-FR')('Sac de 25 kg : usage sec'))).toBe('Sac de 25~kg^: usage sec');
    expect(show(frenchTypography('Prix 12,50 €'))).toBe('Prix 12,50~€');
  });

  it('makes every space of a reference a no-break one', () => {
    expect(show(tieReference('AB 123-45'))).toBe('AB~123-45');
    expect(tieReference('VIS-4x40')).toBe('VIS-4x40');
  });

  it('ties the reference field, whatever its shape, and only that field', () => {
    const ctx = { locale: 'en-GB', lang: 'en' as const, money: UNKNOWN_MONEY };
    const product = item(1, 'Visserie', {
      reference: { kind: 'text', value: 'ab 123 x' },
      name: { kind: 'text', value: 'Vis ab 123 x' },
    });
    expect(show(fieldText(product, 'reference', ctx)!)).toBe('ab~123~x');
    expect(show(fieldText(product, 'name', ctx)!)).toBe('Vis ab 123 x');
  });
});
