// Pictures named after the reference or the EAN, found when no column names them (issue 6).
import { describe, expect, it } from 'vitest';
import type { Cell, SourceRow, SourceTable } from '../../../../main/engine/model.ts';
import type { Mapping } from '../../../../main/engine/mapping/mapping-schema.ts';
import { Template } from '../../../../main/engine/templates/template.ts';
import { validateCatalog } from '../../../../main/engine/validate/validate.ts';

const template = Template.parse({
  id: 'grille',
  name: { fr: 'Grille', en: 'Grid' },
  fields: [
    {
      id: 'reference',
      label: { fr: 'Référence', en: 'Reference' },
      type: 'text',
      required: true,
      unique: true,
    },
    { id: 'name', label: { fr: 'Désignation', en: 'Name' }, type: 'text', required: true },
    { id: 'ean', label: { fr: 'Code EAN', en: 'EAN code' }, type: 'ean' },
    { id: 'image', label: { fr: 'Photo', en: 'Image' }, type: 'image' },
  ],
});

const HEADERS = ['Réf.', 'Désignation', 'EAN', 'Photo'];
const cell = (value: string): Cell =>
  value === '' ? { value: { kind: 'empty' } } : { value: { kind: 'text', value } };

type RowSpec = { ref: string; name?: string; ean?: string; photo?: string; variantOf?: number };

function table(rows: RowSpec[]): SourceTable {
  return {
    file: 'tarif.xlsx',
    sheet: 'Tarif 2026',
    preamble: [],
    headerRow: 1,
    headerless: false,
    roles: [],
    columns: HEADERS.map((header, index) => ({
      index,
      letter: String.fromCharCode(65 + index),
      header,
      hidden: false,
      type: 'text',
      samples: [],
    })),
    rows: rows.map((row, index): SourceRow => ({
      number: index + 2,
      hidden: false,
      role: row.variantOf === undefined ? 'product' : 'variant',
      ...(row.variantOf === undefined ? {} : { parent: row.variantOf }),
      cells: [row.ref, row.name ?? `Produit ${row.ref}`, row.ean ?? '', row.photo ?? ''].map(cell),
      images: [],
    })),
    groups: [],
    blankRows: [],
    notices: [],
  };
}

const mappingOf = (fields: string[]): Mapping => ({
  version: 1,
  template: 'grille',
  fields: Object.fromEntries(
    fields.map((id) => [
      id,
      {
        columns: [{ header: HEADERS[['reference', 'name', 'ean', 'image'].indexOf(id)]! }],
        separator: ' ',
        transforms: [],
      },
    ]),
  ),
});

const NO_PICTURE_COLUMN = mappingOf(['reference', 'name', 'ean']);
const WITH_PICTURE_COLUMN = mappingOf(['reference', 'name', 'ean', 'image']);

const images = {
  dir: '/projets/tarif/images/',
  files: ['CLE-13.jpg', 'cle-14.JPG', 'laiton/CLE-15_1.png', '3760123450010.png', 'autre.jpg'],
};

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

describe('pictures found by reference or EAN', () => {
  const rows: RowSpec[] = [
    { ref: 'CLE-13' },
    { ref: 'CLE-14' },
    { ref: 'CLE-15' },
    { ref: 'CLE-16', ean: '3760123450010' },
    { ref: 'CLE-17' },
  ];

  it('places each picture exactly as a mapped one, and says so once', () => {
    const { catalog, issues } = validateCatalog(table(rows), template, NO_PICTURE_COLUMN, { images });
    expect(catalog.items.map((item) => item.fields.image)).toEqual([
      { kind: 'image', name: 'CLE-13.jpg', path: '/projets/tarif/images/CLE-13.jpg' },
      { kind: 'image', name: 'cle-14.JPG', path: '/projets/tarif/images/cle-14.JPG' },
      { kind: 'image', name: 'CLE-15_1.png', path: '/projets/tarif/images/laiton/CLE-15_1.png' },
      { kind: 'image', name: '3760123450010.png', path: '/projets/tarif/images/3760123450010.png' },
      undefined,
    ]);
    expect(codes(issues)).toEqual(['IMAGES_FOUND_BY_REFERENCE', 'IMAGES_MISSING_BY_REFERENCE']);
    expect(issues[0]).toMatchObject({
      severity: 'info',
      field: 'image',
      message: {
        fr: '3 photo(s) trouvée(s) par référence et 1 par code EAN dans /projets/tarif/images (Photo).',
        en: '3 picture(s) found by reference and 1 by EAN in /projets/tarif/images (Image).',
      },
    });
    expect(issues[1]).toMatchObject({
      severity: 'warning',
      message: {
        fr: '1 produit(s) sans photo : aucun fichier à leur référence ni à leur code EAN dans /projets/tarif/images (Photo), lignes 6.',
        en: '1 product(s) without a picture: no file named after their reference or EAN in /projets/tarif/images (Image), rows 6.',
      },
    });
    expect(issues[0]!.ref).toBeUndefined();
  });

  it('gives the same value as a column naming the file', () => {
    const byReference = validateCatalog(table([{ ref: 'CLE-13' }]), template, NO_PICTURE_COLUMN, { images });
    const byColumn = validateCatalog(
      table([{ ref: 'X', photo: 'CLE-13.jpg' }]),
      template,
      WITH_PICTURE_COLUMN,
      {
        images,
      },
    );
    expect(byReference.catalog.items[0]!.fields.image).toEqual(byColumn.catalog.items[0]!.fields.image);
  });

  it('reports hundreds of pictures in one line, and hundreds missing in one more', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      ref: i % 2 ? `REF-${i}` : 'CLE-13',
      name: `P${i}`,
    }));
    // Duplicate references are reported as such; the pictures are still placed.
    const { catalog, issues } = validateCatalog(table(many), template, NO_PICTURE_COLUMN, { images });
    expect(catalog.items.filter((item) => item.fields.image).length).toBe(200);
    const pictureIssues = issues.filter((issue) => issue.field === 'image');
    expect(codes(pictureIssues)).toEqual(['IMAGES_FOUND_BY_REFERENCE', 'IMAGES_MISSING_BY_REFERENCE']);
    expect(pictureIssues[0]!.message.en).toMatch(/^200 picture\(s\) found by reference in/);
    expect(pictureIssues[1]!.message.fr).toMatch(
      /^200 produit\(s\) sans photo .* lignes 3, 5, 7, 9, 11, 13, 15, 17, 19, 21…\.$/,
    );
  });

  it('fills an empty picture cell by reference, keeps IMAGE_NOT_FOUND for a file named but absent', () => {
    const { catalog, issues } = validateCatalog(
      table([
        { ref: 'CLE-13', photo: '' },
        { ref: 'CLE-14', photo: 'cle-14-hd.jpg' },
        { ref: 'CLE-17', photo: '' },
      ]),
      template,
      WITH_PICTURE_COLUMN,
      { images },
    );
    expect(catalog.items[0]!.fields.image).toMatchObject({ path: '/projets/tarif/images/CLE-13.jpg' });
    expect(catalog.items[1]!.fields.image).toEqual({ kind: 'image', name: 'cle-14-hd.jpg' });
    expect(catalog.items[2]!.fields.image).toBeUndefined();
    // The empty cell of CLE-17 was left empty by the user: no per-row nor grouped warning for it.
    expect(codes(issues)).toEqual(['IMAGE_NOT_FOUND', 'IMAGES_FOUND_BY_REFERENCE']);
    expect(issues[1]!.message.fr).toBe(
      '1 photo(s) trouvée(s) par référence dans /projets/tarif/images (Photo).',
    );
  });

  it('says nothing when no picture is named after a reference', () => {
    const { catalog, issues } = validateCatalog(
      table([{ ref: 'A-1' }, { ref: 'A-2' }]),
      template,
      NO_PICTURE_COLUMN,
      { images },
    );
    expect(catalog.items.every((item) => item.fields.image === undefined)).toBe(true);
    expect(issues).toEqual([]);
  });

  it('looks for nothing without an images folder', () => {
    const { catalog, issues } = validateCatalog(table(rows), template, NO_PICTURE_COLUMN);
    expect(catalog.items.every((item) => item.fields.image === undefined)).toBe(true);
    expect(issues).toEqual([]);
  });

  it('does not count a variant without its own picture as a product without one', () => {
    const { issues } = validateCatalog(
      table([{ ref: 'CLE-13' }, { ref: 'CLE-13-L', variantOf: 2 }, { ref: 'CLE-18' }]),
      template,
      NO_PICTURE_COLUMN,
      { images },
    );
    const missing = issues.find((issue) => issue.code === 'IMAGES_MISSING_BY_REFERENCE');
    expect(missing?.message.en).toMatch(/^1 product\(s\) without a picture: .* rows 4\.$/);
  });

  it('finds a picture by EAN alone when the template has no reference field', () => {
    const byEan = Template.parse({
      id: 'grille',
      name: { fr: 'Grille', en: 'Grid' },
      fields: [
        { id: 'title', label: { fr: 'Titre', en: 'Title' }, type: 'text' },
        { id: 'gtin', label: { fr: 'GTIN', en: 'GTIN' }, type: 'ean' },
        { id: 'photo', label: { fr: 'Photo', en: 'Picture' }, type: 'image' },
      ],
    });
    const mapping: Mapping = {
      version: 1,
      template: 'grille',
      fields: {
        title: { columns: [{ header: 'Désignation' }], separator: ' ', transforms: [] },
        gtin: { columns: [{ header: 'EAN' }], separator: ' ', transforms: [] },
      },
    };
    const { catalog, issues } = validateCatalog(
      table([{ ref: 'CLE-13', ean: '3760123450010' }]),
      byEan,
      mapping,
      { images },
    );
    expect(catalog.items[0]!.fields.photo).toMatchObject({ path: '/projets/tarif/images/3760123450010.png' });
    expect(issues[0]!.message.en).toBe('1 picture(s) found by EAN in /projets/tarif/images (Picture).');
  });
});
