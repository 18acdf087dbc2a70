import { describe, expect, it } from 'vitest';
import { foldForMatch, normalizeSpaces } from '../../../../main/engine/values/normalize-text.ts';

describe('normalizeSpaces', () => {
  it.each([
    ['no-break space', '1\u00A0234', '1 234'],
    ['narrow no-break space', '1\u202F234', '1 234'],
    ['thin space', '1\u2009234', '1 234'],
    ['tab', 'Prix\tHT', 'Prix HT'],
    ['Alt+Enter line break', 'Prix\nHT', 'Prix HT'],
    ['Windows line break', 'Prix\r\nHT', 'Prix HT'],
    ['run of mixed spaces', 'Prix \u00A0\t \u202F HT', 'Prix HT'],
    ['surrounding spaces', '  \u00A0Prix HT\u202F ', 'Prix HT'],
    ['zero-width space inside a word', 'Pri\u200Bx', 'Prix'],
    ['byte order mark', '\uFEFFRéf', 'Réf'],
    ['nothing to do', 'Désignation', 'Désignation'],
    ['only spaces', ' \u00A0\t\n', ''],
    ['empty', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(normalizeSpaces(input)).toBe(expected);
  });
});

describe('foldForMatch', () => {
  it.each([
    ['lowercases', 'PRIX', 'prix'],
    ['strips accents', 'Désignation Référence Unité', 'designation reference unite'],
    ['keeps decomposed accents apart from letters', 'De\u0301signation', 'designation'],
    ['joins initials', 'Prix H.T.', 'prix ht'],
    ['joins longer initials', 'Prix T.T.C', 'prix ttc'],
    ['splits an abbreviation glued to a word', 'Réf.Fournisseur', 'ref fournisseur'],
    ['drops a trailing abbreviation dot', 'Réf. fournisseur', 'ref fournisseur'],
    ['drops symbols and brackets', 'Prix (€)', 'prix'],
    ['turns hyphens and underscores into spaces', 'Code-EAN prix_unitaire', 'code ean prix unitaire'],
    ['turns an apostrophe into a space', "Prix d'achat", 'prix d achat'],
    ['turns a typographic apostrophe into a space', 'Prix d’achat', 'prix d achat'],
    ['collapses spaces of every kind', '  Prix\u00A0\u00A0unitaire\n HT ', 'prix unitaire ht'],
    ['unpacks ligatures', 'Cœur ÆTHER', 'coeur aether'],
    ['unpacks superscripts', 'Surface (m²)', 'surface m2'],
    ['keeps digits', 'Tarif 2026', 'tarif 2026'],
    ['folds sheet names alike', 'TARIF-2026', 'tarif 2026'],
    ['leaves nothing of pure punctuation', '--- ( ) ---', ''],
  ])('%s', (_label, input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });

  it('makes French and English spellings of a header equal', () => {
    expect(foldForMatch('Prix  H.T. (€)')).toBe(foldForMatch('prix ht'));
    expect(foldForMatch('RÉFÉRENCE')).toBe(foldForMatch('reference'));
  });
});
