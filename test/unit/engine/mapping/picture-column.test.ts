// A picture column is recognised by its values, whatever its header says (issue 6).
import { describe, expect, it } from 'vitest';
import { isPictureColumn, isPictureName } from '../../../../main/engine/mapping/picture-column.ts';
import {
  PICTURE_VALUES,
  isCandidate,
  meaningOf,
  valueScore,
} from '../../../../main/engine/mapping/match-score.ts';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { makeTable } from './make-table.ts';
import { makeTemplate } from './make-template.ts';

const matched = (result: ReturnType<typeof suggestMapping>): Record<string, string> =>
  Object.fromEntries(result.matches.map((match) => [match.field, match.column]));

const PATHS = [
  'laiton/bouchon.png',
  'IMG_0042.JPG',
  'photos\\cle-13.jpeg',
  'https://cdn.example.com/x.webp?v=3',
];

describe('isPictureName', () => {
  it.each(PATHS)('reads %s as a picture file', (text) => {
    expect(isPictureName(text)).toBe(true);
  });

  it.each([
    'Clé plate 13',
    'notice.pdf',
    'https://example.com/produit/cle-13',
    'jpg',
    '',
    'Voir photo.jpg\nsur le site',
  ])('does not read %j as a picture file', (text) => {
    expect(isPictureName(text)).toBe(false);
  });
});

describe('a picture column found by its values', () => {
  const template = makeTemplate(['reference', 'name', 'description', 'image']);
  const rows = [
    ['CLE-13', 'Clé plate 13', 'Acier', 'laiton/bouchon.png'],
    ['CLE-14', 'Clé plate 14', 'Acier', 'IMG_0042.JPG'],
    ['CLE-15', 'Clé plate 15', 'Acier', 'photos\\cle-15.jpeg'],
    ['CLE-16', 'Clé plate 16', 'Acier', 'à venir'],
  ];

  it.each([['Fichier'], ['[D]'], ['Colonne K'], ['Divers']])(
    'is suggested for the picture field under the header %j',
    (header) => {
      const table = makeTable(['Réf.', 'Désignation', 'Descriptif', header], rows);
      const result = suggestMapping(table, template);
      expect(matched(result)).toEqual({ reference: 'A', name: 'B', description: 'C', image: 'D' });
      expect(result.matches.find((match) => match.field === 'image')?.score).toBe(PICTURE_VALUES);
    },
  );

  it('is not offered for the name or the description, whatever its header says', () => {
    const table = makeTable(
      ['Réf.', 'Désignation', 'Description'],
      rows.map(([ref, , , file]) => [ref, file, file]),
    );
    const result = suggestMapping(table, template);
    expect(matched(result)).toEqual({ reference: 'A', image: 'B' });
    expect(result.unmatched).toEqual(['name', 'description']);
  });

  it('leaves a column of names alone, even with a picture or two in it', () => {
    const table = makeTable(
      ['Réf.', 'Libellé'],
      [
        ['A1', 'Clé plate'],
        ['A2', 'Clé mixte'],
        ['A3', 'voir cle.jpg'],
      ],
    );
    expect(isPictureColumn(table, 1)).toBe(false);
    expect(matched(suggestMapping(table, template))).toEqual({ reference: 'A', name: 'B' });
  });

  it('prefers a header that names the picture to values that show one', () => {
    const table = makeTable(
      ['Réf.', 'Fichier', 'Photo'],
      [
        ['A1', 'a1.jpg', 'a1-hd.jpg'],
        ['A2', 'a2.jpg', 'a2-hd.jpg'],
      ],
    );
    expect(matched(suggestMapping(table, template))).toMatchObject({ image: 'C' });
  });

  it('reads the rows, not only the samples, and scores a hidden column lower', () => {
    const table = makeTable(
      ['Réf.', { header: 'K', hidden: true }],
      [
        ['A1', 'a.png'],
        ['A2', 'b.png'],
      ],
    );
    const column = table.columns[1]!;
    column.samples = [];
    const image = meaningOf('image', ['photo'], 'image');
    expect(valueScore(column, image, table)).toBe(0.65);
    expect(isCandidate(column, meaningOf('name', ['nom'], 'text'), table)).toBe(false);
    expect(isCandidate(column, meaningOf('price', ['prix'], 'price'), table)).toBe(true);
  });
});
