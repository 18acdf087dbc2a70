// Header rows as people really type them (issue 6): French plurals and accents, snake_case exports,
// Spanish and German supplier sheets, and the false friends that must not map.
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import { makeTable } from './make-table.ts';
import { makeTemplate } from './make-template.ts';

const matched = (result: ReturnType<typeof suggestMapping>): Record<string, string> =>
  Object.fromEntries(result.matches.map((match) => [match.field, match.column]));

let grid: Template;
beforeAll(async () => {
  grid = await loadTemplate('product-grid');
});

describe('suggestMapping on real-world header rows', () => {
  it('maps a French product base with plural headers (Produits, Marques, Catégories, Photos)', () => {
    const table = makeTable(
      ['Code produit', 'Produits', 'Marques', 'Descriptif', 'Catégories', 'Photos', 'Couleurs', 'Tailles'],
      [['CLE-13', 'Clé plate 13', 'Facom', 'Acier chromé', 'Outillage', 'cle-13.jpg', 'Gris', '13']],
    );
    expect(matched(suggestMapping(table, grid))).toEqual({
      reference: 'A',
      name: 'B',
      brand: 'C',
      description: 'D',
      category: 'E',
      image: 'F',
      color: 'G',
      sizes: 'H',
    });
  });

  it('maps « Dénomination » and « denomination » as the name, « Sous-famille » as the category', () => {
    for (const header of ['Dénomination', 'denomination', 'DENOMINATION']) {
      const table = makeTable(['Réf.', header, 'Sous-famille'], [['A1', 'Vis', 'Visserie']]);
      expect(matched(suggestMapping(table, grid)), header).toEqual({
        reference: 'A',
        name: 'B',
        category: 'C',
      });
    }
  });

  it('prefers « Famille » to « Sous-famille » and « Réf. » to « Réf. fournisseur »', () => {
    const table = makeTable(
      ['Réf. fournisseur', 'Réf.', 'Désignation article', 'Sous-famille', 'Famille'],
      [['F-1', 'A1', 'Vis', 'Vis inox', 'Visserie']],
    );
    expect(matched(suggestMapping(table, grid))).toMatchObject({ reference: 'B', name: 'C', category: 'E' });
  });

  it('treats _ - and . like spaces (snake_case and dotted exports)', () => {
    const table = makeTable(
      [
        'product_code',
        'product-name',
        'product.description',
        'brand_name',
        { header: 'prix_ht', type: 'price' },
      ],
      [['A1', 'Bolt', 'Steel bolt', 'Acme', 12]],
    );
    expect(matched(suggestMapping(table, grid))).toEqual({
      reference: 'A',
      name: 'B',
      description: 'C',
      brand: 'D',
      price: 'E',
    });
  });

  it('maps an English shop export', () => {
    const table = makeTable(
      [
        'Handle',
        'Title',
        'Body (HTML)',
        'Vendor',
        'Product Type',
        'Variant SKU',
        'Variant Barcode',
        'Image Src',
      ],
      [
        [
          'tee',
          'Organic tee',
          '<p>Soft</p>',
          'Acme',
          'Shirts',
          'TS-01',
          '3760123456789',
          'https://cdn.x/tee.jpg',
        ],
      ],
    );
    expect(matched(suggestMapping(table, grid))).toEqual({
      name: 'B',
      description: 'C',
      brand: 'D',
      category: 'E',
      reference: 'F',
      ean: 'G',
      image: 'H',
    });
  });

  it('maps a Spanish supplier sheet', () => {
    const table = makeTable(
      [
        'Código',
        'Nombre del producto',
        'Descripción',
        'Marca',
        'Categoría',
        'Código de barras',
        'Imagen',
        'Color',
        'Talla',
        'Unidad',
      ],
      [['C-1', 'Llave', 'Acero', 'Bellota', 'Herramientas', '3760123456789', 'c1.jpg', 'Gris', 'M', 'ud']],
    );
    expect(matched(suggestMapping(table, grid))).toEqual({
      reference: 'A',
      name: 'B',
      description: 'C',
      brand: 'D',
      category: 'E',
      ean: 'F',
      image: 'G',
      color: 'H',
      sizes: 'I',
      unit: 'J',
    });
  });

  it('maps a German supplier sheet', () => {
    const table = makeTable(
      [
        'Art.-Nr.',
        'Artikelbezeichnung',
        'Beschreibung',
        'Hersteller',
        'Warengruppe',
        'EAN-Code',
        'Bild',
        'Farbe',
        'Größe',
        'Verpackungseinheit',
      ],
      [
        [
          'A-1',
          'Schraube',
          'Edelstahl',
          'Würth',
          'Befestigung',
          '3760123456789',
          'a1.jpg',
          'Silber',
          'M6',
          '100',
        ],
      ],
    );
    expect(matched(suggestMapping(table, grid))).toEqual({
      reference: 'A',
      name: 'B',
      description: 'C',
      brand: 'D',
      category: 'E',
      ean: 'F',
      image: 'G',
      color: 'H',
      sizes: 'I',
      unit: 'J',
    });
  });

  it('tells German "Artikel" (the name) from "Artikelnummer" and "Artikel-Nr." (the number)', () => {
    for (const number of ['Artikelnummer', 'Artikel-Nr.']) {
      const table = makeTable(
        [number, 'Artikel', 'Marke', 'Kategorie'],
        [['A-1', 'Schraube', 'Würth', 'Befestigung']],
      );
      expect(matched(suggestMapping(table, grid)), number).toEqual({
        reference: 'A',
        name: 'B',
        brand: 'C',
        category: 'D',
      });
    }
  });
});

describe('false friends', () => {
  const template = makeTemplate(['reference', 'name', 'brand', 'category', 'color']);

  it.each([
    // French "Nombre" is a count, not the Spanish "name".
    ['Nombre'],
    ['Nombre de produits'],
    ['Nombre articles'],
    // "Produit" alone is the name; with other words, the other words say what the column is.
    ['Produit TTC'],
    ['Product price'],
    ['Product weight'],
    ['Nom du fichier'],
    ['Nom image'],
    ['Nom de la marque'],
    ['Nom fournisseur'],
    ['Nom couleur'],
  ])('does not offer %s for the name', (header) => {
    const table = makeTable(['Réf.', header], [['A1', 'x']]);
    const result = matched(suggestMapping(table, template));
    expect(result.reference).toBe('A');
    expect(result.name).toBeUndefined();
  });

  it.each([['Code famille'], ['Code couleur'], ['Code TVA'], ['Code postal'], ['N° de TVA']])(
    'does not offer %s for the reference',
    (header) => {
      const table = makeTable(['Désignation', header], [['Vis', 'V1']]);
      expect(matched(suggestMapping(table, template)).reference).toBeUndefined();
    },
  );

  it.each([['Réf. fabricant'], ['Hersteller-Nr.'], ['Manufacturer part number'], ['Code marque']])(
    'does not offer %s for the brand',
    (header) => {
      const table = makeTable(['Désignation', header], [['Vis', 'F-123']]);
      expect(matched(suggestMapping(table, template)).brand).toBeUndefined();
    },
  );

  it('reads « Libellé long » as the description beside a « Libellé court » name', () => {
    const table = makeTable(['Libellé long', 'Libellé court'], [['Clé plate 13 mm acier chromé', 'Clé 13']]);
    expect(matched(suggestMapping(table, grid))).toEqual({ description: 'A', name: 'B' });
  });

  it('reads "Nombre" as the name on a Spanish sheet, and only there', () => {
    const spanish = makeTable(['Código', 'Nombre', 'Precio'], [['C-1', 'Llave', 12]]);
    expect(matched(suggestMapping(spanish, template))).toEqual({ reference: 'A', name: 'B' });
    const french = makeTable(['Code', 'Nombre', 'Prix'], [['C-1', 12, 12]]);
    expect(matched(suggestMapping(french, template))).toEqual({ reference: 'A' });
  });

  it('still reads the Spanish name when it is spelled out', () => {
    const table = makeTable(['Referencia', 'Nombre del producto'], [['A1', 'Tornillo']]);
    expect(matched(suggestMapping(table, template))).toEqual({ reference: 'A', name: 'B' });
  });
});
