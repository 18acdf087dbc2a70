import { describe, expect, it } from 'vitest';
import { thrown } from '../../../../fixtures/catalog-error.ts';
import {
  buildTaggedText,
  type TaggedTextOptions,
} from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { ParagraphStyle } from '../../../../../main/engine/templates/layout-schema.ts';
import { swatchName } from '../../../../../main/engine/export/tagged-text/style-definitions.ts';
import type { Template } from '../../../../../main/engine/templates/template.ts';
import {
  parseTaggedText,
  type TaggedParagraph,
  type TaggedTable,
} from '../../../../support/tagged-text-grammar.ts';
import { catalogOf, item, outillage, smallCatalog, visserie } from './small-catalog.ts';

const grid = await loadTemplate('product-grid');
const list = await loadTemplate('list-catalog');
const priceList = await loadTemplate('price-list');

const FR: TaggedTextOptions = { locale: 'fr-FR', lang: 'fr' };
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Built and read back through our grammar, which throws on anything malformed. */
const build = (template: Template, options: TaggedTextOptions = FR, catalog = smallCatalog(template.id)) => {
  const text = buildTaggedText(catalog, template, options);
  return { text, parsed: parseTaggedText(text) };
};

const texts = (paragraphs: TaggedParagraph[]) => paragraphs.map((p) => [p.style, p.text]);

describe('buildTaggedText: the start of the file', () => {
  it('starts with the encoding, the version, the feature set and the colour table', () => {
    const { text, parsed } = build(grid);
    expect(text.startsWith('<UNICODE-WIN>\r\n<Version:7><FeatureSet:InDesign-Roman><ColorTable:=')).toBe(
      true,
    );
    expect(parsed.encoding).toBe('UNICODE-WIN');
    expect(parsed.version).toBe('7');
    expect(parsed.featureSet).toBe('InDesign-Roman');
  });

  it('says <UNICODE-MAC> for the Mac variant', () => {
    const text = buildTaggedText(smallCatalog(), grid, { ...FR, variant: 'mac' });
    expect(text.split('\r\n')[0]).toBe('<UNICODE-MAC>');
  });

  it('ends every line with CR LF and has no other CR or LF', () => {
    const { text } = build(grid);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('buildTaggedText: styles', () => {
  it('defines each paragraph style it uses once, and only those', () => {
    const { parsed } = build(grid);
    const used = [...new Set(parsed.paragraphs.map((p) => p.style))].sort();
    expect(Object.keys(parsed.paragraphStyles).sort()).toEqual(used);
    expect(used).toEqual(
      [
        'Famille',
        'Produit – Description',
        'Produit – Détail',
        'Produit – Nom',
        'Produit – Prix',
        'Produit – Référence',
      ].sort(),
    );
  });

  it('defines the styles from the template: font, font style, size, leading, alignment, colour', () => {
    const { parsed } = build(grid);
    expect(parsed.paragraphStyles['Produit – Nom']).toEqual({
      Nextstyle: 'Produit – Nom',
      cFont: 'Inter',
      cTypeface: 'SemiBold',
      cSize: '10',
      cLeading: '12.5',
      cColor: 'Black',
      cOTFContAlt: '0',
      pTextAlignment: 'Left',
      pSpaceBefore: '0',
      pSpaceAfter: '0',
    });
    expect(parsed.paragraphStyles['Famille']).toMatchObject({
      cColor: 'C=100 M=60 Y=0 K=20',
      pSpaceAfter: '3',
    });
    expect(parsed.colors['C=100 M=60 Y=0 K=20']).toEqual([1, 0.6, 0, 0.2]);
    expect(parsed.colors['C=0 M=90 Y=85 K=10']).toEqual([0, 0.9, 0.85, 0.1]);
  });

  it('always defines the three character styles rich text maps to', () => {
    const { parsed } = build(priceList);
    expect(parsed.characterStyles).toEqual({
      Gras: { Nextstyle: 'Gras', cTypeface: 'Bold' },
      Italique: { Nextstyle: 'Italique', cTypeface: 'Italic' },
      'Gras italique': { Nextstyle: 'Gras italique', cTypeface: 'Bold Italic' },
    });
  });

  it('uses the designer’s style names, escaped in every tag and read back whole', () => {
    const style = (name: string, size: number) => ParagraphStyle.parse({ name, size, leading: size + 2 });
    const template: Template = {
      ...grid,
      styles: {
        paragraph: { title: style('Titre: produit (grille) [v2]', 10), price: style('Prix=HT; net, €', 11) },
        character: { bold: { name: 'Fort\\gras', weight: 'bold' } },
      },
    };
    const { text, parsed } = build(template);
    expect(text).toContain('<DefineParaStyle:Titre\\: produit \\(grille\\) \\[v2\\]=');
    expect(text).toContain('<ParaStyle:Prix\\=HT\\; net\\, €>');
    expect(text).toContain('<CharStyle:Fort\\\\gras>zingué<CharStyle:>');
    expect(parsed.paragraphs.map((p) => p.style)).toContain('Titre: produit (grille) [v2]');
    expect(parsed.paragraphs.map((p) => p.style)).toContain('Prix=HT; net, €');
  });

  it('defines a style once when two roles share its name', () => {
    const shared = ParagraphStyle.parse({ name: 'Texte', size: 8, leading: 10 });
    const template: Template = {
      ...grid,
      styles: { paragraph: { reference: shared, detail: { ...shared, size: 12 } }, character: {} },
    };
    const { text, parsed } = build(template);
    expect(text.match(/<DefineParaStyle:Texte=/g)).toHaveLength(1);
    expect(parsed.paragraphStyles['Texte']).toMatchObject({ cSize: '8' });
  });

  it('refuses a slot whose style the template does not define', () => {
    const template: Template = {
      ...grid,
      layout: { ...grid.layout!, slots: [{ field: 'name', style: 'bandeau' }] },
    };
    const error = thrown(() => buildTaggedText(smallCatalog(), template, FR));
    expect(error.code).toBe('TEMPLATE_STYLE_MISSING');
    expect(error.text.fr).toContain('« bandeau »');
  });

  it('refuses a template without a layout', () => {
    const { layout: _layout, ...dataOnly } = grid;
    expect(thrown(() => buildTaggedText(smallCatalog(), dataOnly, FR)).code).toBe('TEMPLATE_NO_LAYOUT');
  });
});

describe('buildTaggedText: grid and list flows', () => {
  it('writes one paragraph per slot with a value, in the slot’s style, with its label', () => {
    const { parsed } = build(grid);
    const marteau = parsed.paragraphs.slice(-5);
    // Labels tied to their values, and a number to its unit, by no-break spaces (typography.ts).
    expect(texts(marteau)).toEqual([
      ['Produit – Nom', `Marteau de charpentier \\ 300${NBSP}g`],
      ['Produit – Référence', `Réf.${NBSP}MAR-300`],
      ['Produit – Description', 'Manche frêne. Garantie 10 ans'],
      ['Produit – Détail', `Tailles${NNBSP}: S, M, L`],
      ['Produit – Prix', `24,90${NBSP}€`],
    ]);
  });

  it('writes labels in the catalog’s language', () => {
    const { parsed } = build(list, { locale: 'en-GB', lang: 'en' });
    expect(parsed.paragraphs.find((p) => p.style === 'Product – Reference')?.text).toBe(
      `Ref.${NBSP}VIS-4X30`,
    );
  });

  it('puts rich runs in the bold, italic and bold italic character styles', () => {
    const { text, parsed } = build(list);
    expect(text).toContain(
      'Acier <CharStyle:Gras>zingué<CharStyle:> — <CharStyle:Italique>boîte de 200<CharStyle:>',
    );
    const descriptions = parsed.paragraphs.filter((p) => p.style === 'Produit – Description');
    expect(descriptions[0]!.runs).toEqual([
      { text: 'Acier ' },
      { text: 'zingué', charStyle: 'Gras' },
      { text: ' — ' },
      { text: 'boîte de 200', charStyle: 'Italique' },
    ]);
    expect(descriptions[2]!.runs).toEqual([
      { text: 'Manche frêne. ' },
      { text: 'Garantie 10 ans', charStyle: 'Gras italique' },
    ]);
  });

  it('turns a line break inside a value into a forced line break, within the paragraph', () => {
    const { text, parsed } = build(list);
    expect(text).toContain(`Pour béton${NNBSP}: plein ou creux${NNBSP}!<0x000A>Sans perçage préalable\r\n`);
    const description = parsed.paragraphs.find((p) => p.text.startsWith('Pour béton'));
    expect(description?.style).toBe('Produit – Description');
    expect(description?.text).toBe(`Pour béton${NNBSP}: plein ou creux${NNBSP}!\nSans perçage préalable`);
  });

  it('escapes < > and \\ in text and reads them back as they were', () => {
    const { text, parsed } = build(list);
    expect(text).toContain(`<ParaStyle:Produit – Nom>Cheville nylon \\<6${NBSP}mm\\>\r\n`);
    expect(text).toContain(`<ParaStyle:Produit – Nom>Marteau de charpentier \\\\ 300${NBSP}g\r\n`);
    expect(parsed.paragraphs.map((p) => p.text)).toContain(`Cheville nylon <6${NBSP}mm>`);
  });

  it('keeps French typography as characters: narrow no-break spaces, no-break space before €', () => {
    const { text } = build(list);
    expect(text).toContain(`<ParaStyle:Produit – Prix>1${NNBSP}234,50${NBSP}€\r\n`);
    expect(text).not.toContain('<0x202F>');
  });

  it('applies French typography to group names and labels too, and not in English', () => {
    const catalog = catalogOf([{ name: 'Promotions : été !', items: visserie }]);
    expect(build(grid, FR, catalog).parsed.paragraphs[0]!.text).toBe(`Promotions${NNBSP}: été${NNBSP}!`);
    const english = build(grid, { locale: 'en-GB', lang: 'en' }, catalog).parsed;
    expect(english.paragraphs[0]!.text).toBe('Promotions : été !');
    expect(english.paragraphs.find((p) => p.style === 'Product – Price')?.text).toBe('€12.50');
  });
});

describe('buildTaggedText: groups', () => {
  it('opens each named group with a paragraph in the group header style', () => {
    const { parsed } = build(grid);
    expect(parsed.paragraphs.filter((p) => p.style === 'Famille').map((p) => p.text)).toEqual([
      'Visserie',
      'Outillage & accessoires',
    ]);
    expect(parsed.paragraphs[0]!.style).toBe('Famille');
  });

  it('writes no header for the unnamed group of an ungrouped catalog, nor for empty groups', () => {
    const catalog = catalogOf([
      { name: '', items: visserie },
      { name: 'Vide', items: [] },
    ]);
    const { parsed } = build(grid, FR, catalog);
    expect(parsed.paragraphs.some((p) => p.style === 'Famille')).toBe(false);
    expect(parsed.paragraphStyles['Famille']).toBeUndefined();
    expect(parsed.paragraphs[0]!.text).toBe(`Vis à bois tête fraisée 4${NBSP}×${NBSP}30`);
  });

  it('writes no group headers when the template turns them off', () => {
    const template: Template = {
      ...grid,
      layout: { ...grid.layout!, grouping: { ...grid.layout!.grouping, header: false } },
    };
    expect(build(template).parsed.paragraphs.some((p) => p.style === 'Famille')).toBe(false);
  });

  it('starts with the title, in the cover title style, when given one and the template has a cover', () => {
    const { parsed } = build(grid, { ...FR, title: 'Tarif 2026 : <pros>' });
    expect(texts(parsed.paragraphs.slice(0, 2))).toEqual([
      ['Couverture – Titre', `Tarif 2026${NNBSP}: <pros>`],
      ['Famille', 'Visserie'],
    ]);
  });

  it('writes no cover title in a price list or a list: their templates have no cover', () => {
    for (const template of [priceList, list]) {
      expect(template.layout!.cover).toBeUndefined();
      const { text, parsed } = build(template, { ...FR, title: 'Tarif 2026' });
      expect(text).not.toContain('Tarif 2026');
      expect(parsed.paragraphStyles['Couverture – Titre']).toBeUndefined();
      expect(parsed.paragraphs[0]!.style).toBe('Famille');
    }
  });
});

describe('buildTaggedText: tables', () => {
  const tables = () => build(priceList).parsed.tables;
  const cellTexts = (table: TaggedTable) => table.rows.map((r) => r.cells.map((c) => c.text));

  it('writes one table per group, with a header row and one row per item', () => {
    const [first, second] = tables();
    expect(tables()).toHaveLength(2);
    // The template's five columns and, as in the PDF, the VAT rate (the rates differ: 20 % and 5,5 %).
    expect(first).toMatchObject({ rowCount: 3, columnCount: 6, headerRowCount: 1, footerRowCount: 0 });
    expect(second).toMatchObject({ rowCount: 2, columnCount: 6, headerRowCount: 1 });
    expect(first!.rows).toHaveLength(visserie.length + 1);
    expect(second!.rows).toHaveLength(outillage.length + 1);
  });

  it('fills the header row with the column headers and the body with the items, empty cells included', () => {
    const [first, second] = tables();
    expect(cellTexts(first!)).toEqual([
      ['Réf.', 'Désignation', 'Cond.', 'Prix HT (EUR)', 'TVA', 'Prix TTC (EUR)'],
      [
        'VIS-4X30',
        `Vis à bois tête fraisée 4${NBSP}×${NBSP}30`,
        'Boîte de 200',
        `12,50${NBSP}€`,
        `20${NBSP}%`,
        `15,00${NBSP}€`,
      ],
      [
        'CHE-6',
        `Cheville nylon <6${NBSP}mm>`,
        'Sachet de 50',
        `1${NNBSP}234,50${NBSP}€`,
        `5,5${NBSP}%`,
        `1${NNBSP}302,40${NBSP}€`,
      ],
    ]);
    expect(cellTexts(second!)[1]).toEqual([
      'MAR-300',
      `Marteau de charpentier \\ 300${NBSP}g`,
      '',
      `24,90${NBSP}€`,
      `20${NBSP}%`,
      `29,88${NBSP}€`,
    ]);
  });

  it('styles header cells as table headers and body cells as table cells, prices right-aligned', () => {
    const [table] = tables();
    expect(table!.rows[0]!.cells.map((c) => c.style)).toEqual(Array(6).fill('Tableau – En-tête'));
    expect(table!.rows[1]!.cells.map((c) => c.style)).toEqual(Array(6).fill('Tableau – Cellule'));
    expect(table!.rows[1]!.cells.map((c) => c.attributes.pTextAlignment)).toEqual([
      undefined,
      undefined,
      undefined,
      'Right',
      'Right',
      'Right',
    ]);
    expect(table!.anchorStyle).toBe('Tableau – Cellule');
  });

  it('gives the columns their share of the page’s text width, in points', () => {
    const [table] = tables();
    // A4 minus 12 mm margins left and right: 186 mm.
    const textWidth = (186 * 72) / 25.4;
    const total = table!.columnWidths.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(textWidth, 1);
    // The name's share less the VAT column's (0.07), as the PDF takes it.
    expect(table!.columnWidths[1]! / textWidth).toBeCloseTo(0.34, 3);
  });

  it('fills the header cells and every second row as the PDF does, through their cell styles', () => {
    const { parsed } = build(priceList);
    const [table] = parsed.tables;
    const fill = (row: number) => parsed.cellStyles[table!.rows[row]!.cells[0]!.cellStyle!]!.tCellFillColor;
    expect(fill(0)).toBe(swatchName(priceList.layout!.table!.headerFill));
    expect(fill(1)).toBeUndefined();
    expect(fill(2)).toBe(swatchName(priceList.layout!.table!.stripeFill));
    // No cell carries a fill, an inset or any attribute of its own: the styles do.
    expect(parsed.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.cellAttributes)))).toEqual(
      Array(30).fill({}),
    );
  });

  it('defines one table style and three cell styles once each, and puts every table and cell in them', () => {
    const { text, parsed } = build(priceList);
    const count = (re: RegExp) => text.match(re)?.length ?? 0;
    expect(count(/<DefineTableStyle:Liste de prix=/g)).toBe(1);
    for (const name of ['En-tête', 'Cellule', 'Cellule alternée'])
      expect(count(new RegExp(`<DefineCellStyle:${name}=`, 'g'))).toBe(1);
    expect(count(/<TableStyle:Liste de prix>/g)).toBe(2);
    expect(count(/<CellStyle:Cellule>/g)).toBeGreaterThan(0);
    expect(count(/<CellStyle:Cellule alternée>/g)).toBeGreaterThan(0);
    expect(parsed.tableStyles).toEqual({ 'Liste de prix': { tHeaderCellStyle: 'En-tête' } });
    expect(parsed.cellStyles['En-tête']).toMatchObject({
      tCellAttrLeftInset: '3.402',
      tCellAttrBottomInset: '3.402',
      tCellFillColor: 'C=100 M=60 Y=0 K=20',
      tCellStyleParaStyle: 'Tableau – En-tête',
    });
    expect(parsed.cellStyles['Cellule']).toEqual({
      tCellAttrLeftInset: '3.402',
      tCellAttrTopInset: '3.402',
      tCellAttrRightInset: '3.402',
      tCellAttrBottomInset: '3.402',
      tCellStyleParaStyle: 'Tableau – Cellule',
    });
    for (const table of parsed.tables) {
      expect(table.tableStyle).toBe('Liste de prix');
      expect(table.rows[0]!.cells.every((c) => c.cellStyle === 'En-tête')).toBe(true);
      table.rows
        .slice(1)
        .forEach((row, i) =>
          expect(row.cells.map((c) => c.cellStyle)).toEqual(
            Array(6).fill(i % 2 ? 'Cellule alternée' : 'Cellule'),
          ),
        );
    }
    // No cell repeats what the cell before it left in effect: a row names its cell style once.
    expect(count(/<CellStyle:/g)).toBe(2 + 3);
  });

  it('names the table and cell styles in English for an English build', () => {
    const { parsed } = build(priceList, { locale: 'en-GB', lang: 'en' });
    expect(Object.keys(parsed.tableStyles)).toEqual(['Price List']);
    expect(Object.keys(parsed.cellStyles)).toEqual(['Header', 'Cell', 'Alternate Cell']);
    expect(parsed.cellStyles['Cell']!.tCellStyleParaStyle).toBe('Table – Cell');
  });

  it('keeps rich runs and forced line breaks inside cells', () => {
    const template: Template = {
      ...priceList,
      layout: {
        ...priceList.layout!,
        table: {
          ...priceList.layout!.table!,
          columns: [
            {
              field: 'description',
              header: { fr: 'Description', en: 'Description' },
              width: 1,
              align: 'left',
            },
          ],
        },
      },
    };
    const [table] = build(template).parsed.tables;
    expect(table!.rows[1]!.cells[0]!.runs).toEqual([
      { text: 'Acier ' },
      { text: 'zingué', charStyle: 'Gras' },
      { text: ' — ' },
      { text: 'boîte de 200', charStyle: 'Italique' },
    ]);
    expect(table!.rows[2]!.cells[0]!.text).toContain('creux\u202f!\nSans');
  });

  it('writes a table without a group header for an unnamed group', () => {
    const catalog = catalogOf([{ name: '', items: [...visserie, ...outillage] }], 'price-list');
    const { parsed } = build(priceList, FR, catalog);
    // The table, then the line that states the currency and the VAT rate used.
    expect(parsed.flow.map((f) => f.kind)).toEqual(['table', 'paragraph']);
    expect(parsed.tables[0]!.rowCount).toBe(4);
  });

  it('writes headers in the catalog’s language', () => {
    const catalog = catalogOf(
      [{ name: 'Tools', items: [item(2, 'Tools', { price: { kind: 'price', value: 3 } })] }],
      'price-list',
    );
    const [table] = build(priceList, { locale: 'en-GB', lang: 'en' }, catalog).parsed.tables;
    expect(cellTexts(table!)).toEqual([
      ['Ref.', 'Product', 'Unit', 'Price ex. VAT (EUR)', 'Price inc. VAT (EUR)'],
      ['', '', '', '€3.00', '€3.60'],
    ]);
  });
});

describe('buildTaggedText: style names in the build’s language', () => {
  it('names the house paragraph and character styles in English for an English build', () => {
    const { parsed } = build(grid, { locale: 'en-GB', lang: 'en', title: 'Price list 2026' });
    expect(Object.keys(parsed.paragraphStyles)).toEqual([
      'Cover – Title',
      'Category',
      'Product – Name',
      'Product – Reference',
      'Product – Description',
      'Product – Detail',
      'Product – Price',
    ]);
    expect(Object.keys(parsed.characterStyles)).toEqual(['Bold', 'Italic', 'Bold Italic']);
    expect(parsed.paragraphStyles['Product – Name']!.Nextstyle).toBe('Product – Name');
    expect(JSON.stringify(parsed)).not.toMatch(/Produit|Famille|Gras|Italique|Couverture/);
  });

  it('keeps the French names in a French build', () => {
    const { parsed } = build(grid);
    expect(parsed.paragraphStyles['Produit – Nom']).toBeDefined();
    expect(Object.keys(parsed.characterStyles)).toEqual(['Gras', 'Italique', 'Gras italique']);
  });

  it('keeps the name a template gives a style, in every language', () => {
    const template: Template = {
      ...grid,
      styles: {
        paragraph: { title: ParagraphStyle.parse({ name: 'Nom produit', size: 10, leading: 12 }) },
        character: { bold: { name: 'Fort', weight: 'bold' } },
      },
    };
    const { parsed } = build(template, { locale: 'en-GB', lang: 'en' });
    expect(parsed.paragraphStyles['Nom produit']).toBeDefined();
    expect(parsed.paragraphStyles['Product – Name']).toBeUndefined();
    expect(parsed.paragraphStyles['Product – Price']).toBeDefined();
    expect(Object.keys(parsed.characterStyles)).toEqual(['Fort', 'Italic', 'Bold Italic']);
  });
});

describe('buildTaggedText: a grid’s cards and a list’s rows', () => {
  const cardsOf = (parsed: ReturnType<typeof parseTaggedText>) => {
    const cards: string[][] = [[]];
    for (const p of parsed.paragraphs) {
      if (p.style === 'Famille') continue;
      cards.at(-1)!.push(p.text);
      if (p.breakAfter) cards.push([]);
    }
    return cards.filter((c) => c.length > 0);
  };

  it('ends each card of a grid with a frame break, so each card can flow into a frame of its own', () => {
    const { text, parsed } = build(grid);
    const breaks = parsed.paragraphs.filter((p) => p.breakAfter);
    expect(breaks.map((p) => p.style)).toEqual(Array(3).fill('Produit – Prix'));
    expect(breaks.every((p) => p.breakAfter === 'Box')).toBe(true);
    // Spaces as read (typography ties numbers to their units with no-break spaces).
    expect(cardsOf(parsed).map((c) => c[0]!.replace(/[\u00a0\u202f]/g, ' '))).toEqual([
      'Vis à bois tête fraisée 4 × 30',
      'Cheville nylon <6 mm>',
      'Marteau de charpentier \\ 300 g',
    ]);
    // The break is on the card's last paragraph end, and the next paragraph cancels it first thing.
    expect(text).toContain(`<cNextXChars:Box>\r\n<ParaStyle:Produit – Nom><cNextXChars:>Cheville`);
    expect(text).toContain(`<cNextXChars:Box>\r\n<ParaStyle:Famille><cNextXChars:>Outillage`);
  });

  it('runs a list’s rows on, with no break; and a grid whose template says so, too', () => {
    expect(build(list).text).not.toContain('cNextXChars');
    const runOn: Template = {
      ...grid,
      layout: { ...grid.layout!, grid: { ...grid.layout!.grid!, cardBreak: 'none' } },
    };
    expect(build(runOn).text).not.toContain('cNextXChars');
  });

  it('differs between a grid and a list of the same products', () => {
    const catalog = smallCatalog('product-grid');
    const sameSlots: Template = { ...list, layout: { ...list.layout!, slots: grid.layout!.slots } };
    const g = build(grid, FR, catalog);
    const l = build(sameSlots, FR, catalog);
    expect(g.text).not.toBe(l.text);
    // The same paragraphs, in the same order: only the breaks between cards differ.
    expect(texts(g.parsed.paragraphs)).toEqual(texts(l.parsed.paragraphs));
    expect(g.text.replace(/<cNextXChars:[A-Za-z]*>/g, '')).toBe(l.text);
  });
});
