import { describe, expect, it } from 'vitest';
import {
  assignNames,
  placeholderName,
} from '../../../../../main/engine/export/data-merge/placeholder-names.ts';

describe('placeholderName', () => {
  it('keeps readable labels as they are', () => {
    expect(placeholderName('Prix HT')).toBe('Prix HT');
    expect(placeholderName('Price (excl. VAT)')).toBe('Price (excl. VAT)');
  });

  it('removes what InDesign would read as a delimiter, a line break, an image or QR mark', () => {
    expect(placeholderName('Prix, HT')).toBe('Prix HT');
    expect(placeholderName('Prix;\tHT\nnet')).toBe('Prix HT net');
    expect(placeholderName('Prix : HT')).toBe('Prix HT');
    expect(placeholderName('@Photo')).toBe('Photo');
    expect(placeholderName('#Code')).toBe('Code');
    expect(placeholderName('Taille "XL" <<Nom>>')).toBe('Taille XL Nom');
  });
});

describe('assignNames', () => {
  it('makes names unique whatever their case, earlier requests keeping theirs', () => {
    expect(
      assignNames([
        { wanted: ['Famille'], fallback: 'category', image: false },
        { wanted: ['famille', 'Groupe'], fallback: 'group', image: false },
        { wanted: ['Famille'], fallback: 'family', image: false },
        { wanted: ['Famille'], fallback: 'famille', image: false },
      ]),
    ).toEqual(['Famille', 'Groupe', 'Famille 2', 'Famille 3']);
  });

  it('marks image columns with @ and counts them without it', () => {
    expect(
      assignNames([
        { wanted: ['Photo'], fallback: 'image', image: true },
        { wanted: ['Photo'], fallback: 'photo', image: false },
      ]),
    ).toEqual(['@Photo', 'Photo 2']);
  });

  it('falls back to the field id when the label has nothing left', () => {
    expect(assignNames([{ wanted: ['@,;'], fallback: 'reference', image: false }])).toEqual(['reference']);
  });
});
