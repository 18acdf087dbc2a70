import { describe, expect, it } from 'vitest';
import { applyTransform, applyTransforms } from '../../../../main/engine/mapping/apply-transforms.ts';

describe('applyTransform', () => {
  it('trims the ends and tidies spaces, keeping Alt+Enter line breaks', () => {
    expect(applyTransform('  Vis   inox\u00a0 ', { op: 'trim' })).toBe('Vis inox');
    expect(applyTransform(' Vis inox \n  M6 ', { op: 'trim' })).toBe('Vis inox\nM6');
  });

  it('changes case, French-aware', () => {
    expect(applyTransform('écrou à œillet', { op: 'case', to: 'upper' })).toBe('ÉCROU À ŒILLET');
    expect(applyTransform('ÉCROU INOX', { op: 'case', to: 'lower' })).toBe('écrou inox');
    expect(applyTransform('PULL EN LAINE DE MÉRINOS ET SOIE', { op: 'case', to: 'title' })).toBe(
      'Pull en Laine de Mérinos et Soie',
    );
    expect(applyTransform('de la terre du sud', { op: 'case', to: 'title' })).toBe('De la Terre du Sud');
    expect(applyTransform("huile d'olive tee-shirt", { op: 'case', to: 'title' })).toBe(
      "Huile d'Olive Tee-Shirt",
    );
    expect(applyTransform('« ÉCROU » INOX. VIS M6', { op: 'case', to: 'sentence' })).toBe(
      '« Écrou » inox. vis m6',
    );
    expect(applyTransform('éCROU', { op: 'case', to: 'sentence' })).toBe('Écrou');
  });

  it('adds a prefix or suffix to a value, never to nothing', () => {
    expect(applyTransform('A1', { op: 'prefix', value: 'Réf. ' })).toBe('Réf. A1');
    expect(applyTransform('12,50', { op: 'suffix', value: '\u00a0€' })).toBe('12,50\u00a0€');
    expect(applyTransform('', { op: 'prefix', value: 'Réf. ' })).toBe('');
    expect(applyTransform('', { op: 'suffix', value: ' €' })).toBe('');
  });

  it('uses the default only when the value is empty', () => {
    expect(applyTransform('', { op: 'default', value: 'Sur demande' })).toBe('Sur demande');
    expect(applyTransform('  ', { op: 'default', value: 'Sur demande' })).toBe('Sur demande');
    expect(applyTransform('12', { op: 'default', value: 'Sur demande' })).toBe('12');
  });

  it('maps whole values after trim, ignoring case and accents, passing unknown values through', () => {
    const map = { op: 'map', values: { Écru: 'Ivory', 'BLEU MARINE': 'Navy' } } as const;
    expect(applyTransform(' ecru ', map)).toBe('Ivory');
    expect(applyTransform('Bleu marine', map)).toBe('Navy');
    expect(applyTransform('Rouge', map)).toBe('Rouge');
    expect(applyTransform('Bleu', map)).toBe('Bleu');
  });

  it('prefers the exact key when several keys fold alike', () => {
    const map = { op: 'map', values: { Thé: 'Tea', THE: 'The band' } } as const;
    expect(applyTransform('THE', map)).toBe('The band');
    expect(applyTransform('Thé', map)).toBe('Tea');
  });

  it('replaces every occurrence of plain text, special characters included', () => {
    expect(applyTransform('a.b.c', { op: 'replace', find: '.', with: ', ' })).toBe('a, b, c');
    expect(applyTransform('10 x 20', { op: 'replace', find: 'x', with: '$&×' })).toBe('10 $&× 20');
    expect(applyTransform('(M6)', { op: 'replace', find: '(', with: '' })).toBe('M6)');
  });
});

describe('applyTransforms', () => {
  it('applies them in the order listed', () => {
    expect(
      applyTransforms('  vis ', [
        { op: 'trim' },
        { op: 'case', to: 'upper' },
        { op: 'prefix', value: 'Réf. ' },
      ]),
    ).toBe('Réf. VIS');
    expect(
      applyTransforms('', [
        { op: 'default', value: '-' },
        { op: 'prefix', value: '#' },
      ]),
    ).toBe('#-');
    expect(
      applyTransforms('', [
        { op: 'prefix', value: '#' },
        { op: 'default', value: '-' },
      ]),
    ).toBe('-');
    expect(applyTransforms('x', [])).toBe('x');
  });
});
