import { describe, expect, it } from 'vitest';
import { decideRowRoles, type RoleContext } from '../../../../main/engine/import/row-roles.ts';
import type { Cell, RawRow, RowDecision } from '../../../../main/engine/model.ts';
import { rawRow, rich } from './raw-sheet.ts';
import type { RawInput } from './raw-sheet.ts';

const HEADER = ['Réf.', 'Désignation', 'Conditionnement', 'Prix HT', 'EAN'];
const ctx = (headers = HEADER, merges: RoleContext['merges'] = []): RoleContext => ({
  headers,
  width: headers.length,
  merges,
});
const product = (n: number, ref: string, name = `Produit ${ref}`, price: RawInput = 12.5): RawRow =>
  rawRow(n, [ref, name, 'Boîte de 100', price, 3760123456784]);
const formula = (value: number, text: string): Cell => ({ value: { kind: 'number', value }, formula: text });

const roles = (decisions: RowDecision[]) => Object.fromEntries(decisions.map((d) => [d.row, d.role]));
const decisionOf = (decisions: RowDecision[], row: number) => decisions.find((d) => d.row === row)!;

describe('decideRowRoles', () => {
  it('reads a hardware price list as a person would: families, products, notes and totals', () => {
    const rows = [
      rawRow(5, ['Visserie inox', '', '', '', '']),
      product(6, 'VIS-4x40'),
      product(7, 'VIS-5x50'),
      rawRow(8, ['Sous-total visserie', '', '', formula(25, 'SUM(D6:D7)'), '']),
      rawRow(9, ['Outillage', '', 'Livraison sous 8 jours', '', '']),
      product(10, 'MAR-1'),
      rawRow(11, ['', '', '', formula(12.5, 'SOMME(D10:D10)'), '']),
      rawRow(12, ['Fournisseur : Würth']),
      rawRow(13, ['** DOC : fiches techniques sur demande']),
      rawRow(14, ['*** Printing fee is not yet included']),
      rawRow(15, ["(1) Prix valables jusqu'au 31/12/2026"]),
      rawRow(16, ['NB : franco à partir de 300 € HT']),
      rawRow(17, ['Grand Total', '', '', formula(37.5, 'SUM(D6:D10)'), '']),
    ];
    const decisions = decideRowRoles(rows, ctx(HEADER, [{ top: 5, left: 1, bottom: 5, right: 5 }]));
    expect(roles(decisions)).toEqual({
      5: 'category',
      6: 'product',
      7: 'product',
      8: 'total',
      9: 'category',
      10: 'product',
      11: 'total',
      12: 'note',
      13: 'note',
      14: 'note',
      15: 'note',
      16: 'note',
      17: 'total',
    });
    expect(decisionOf(decisions, 5).reason.en).toMatch(/merged across the table/);
    expect(decisionOf(decisions, 9).reason.fr).toMatch(/remarque/);
    expect(decisionOf(decisions, 11).reason.en).toBe('a sum formula and no product');
    expect(decisionOf(decisions, 13).text).toBe('** DOC : fiches techniques sur demande');
  });

  it('takes a bold label with a remark for a category, and a name with its unit for a product', () => {
    const rows = [
      product(5, 'VIS-4x40'),
      rawRow(6, [rich({ text: 'Chevilles', bold: true }), '', 'Nouveauté 2026', '', '']),
      rawRow(7, ['', 'Cheville nylon 6 mm', 'Sachet de 50', '', '']),
    ];
    expect(roles(decideRowRoles(rows, ctx()))).toEqual({ 5: 'product', 6: 'category', 7: 'product' });
  });

  it('takes the bold type or fill Excel shows as evidence for a heading with a remark', () => {
    const heading = {
      ...rawRow(6, ['', 'Chevilles', 'Nouveauté 2026', '', '']),
      emphasis: { bold: false, filled: true },
    };
    const plain = rawRow(7, ['', 'Cheville nylon', 'Sachet de 50', '', '']);
    const decisions = decideRowRoles([product(5, 'VIS-4x40'), heading, plain], ctx());
    expect(roles(decisions)).toEqual({ 5: 'product', 6: 'category', 7: 'product' });
    expect(decisionOf(decisions, 6).reason.en).toMatch(/on a coloured fill/);
  });

  it('keeps a row with only its reference a product, not a category', () => {
    const rows = [product(5, 'VIS-4x40'), rawRow(6, ['VIS-6x60'])];
    expect(roles(decideRowRoles(rows, ctx()))).toEqual({ 5: 'product', 6: 'product' });
  });

  it('keeps a product whose name is missing but whose reference is its own (validation reports the name)', () => {
    const rows = [product(5, 'VIS-4x40'), rawRow(6, ['VIS-6x60', '', 'Boîte de 50', 9.9, ''])];
    expect(roles(decideRowRoles(rows, ctx()))).toEqual({ 5: 'product', 6: 'product' });
  });

  it('attaches the size and colour rows of a shop export to their product (same handle, blank title)', () => {
    const headers = ['Handle', 'Title', 'Vendor', 'Option1 Value', 'Variant SKU', 'Variant Price'];
    const rows = [
      rawRow(2, ['classic-tee', 'Classic tee', 'Acme', 'S', 'TEE-S', 19]),
      rawRow(3, ['classic-tee', '', '', 'M', 'TEE-M', 19]),
      rawRow(4, ['classic-tee', '', '', 'L', 'TEE-L', 21]),
      rawRow(5, ['hoodie', 'Hoodie', 'Acme', 'S', 'HOO-S', 49]),
      rawRow(6, ['hoodie', '', '', 'M', 'HOO-M', 49]),
    ];
    const decisions = decideRowRoles(rows, ctx(headers));
    expect(roles(decisions)).toEqual({
      2: 'product',
      3: 'variant',
      4: 'variant',
      5: 'product',
      6: 'variant',
    });
    expect(decisions.map((d) => d.parent)).toEqual([undefined, 2, 2, undefined, 5]);
    expect(decisionOf(decisions, 3).reason.en).toBe(
      'blank "Title", same "Handle" under the product in row 2',
    );
  });

  it('attaches the continuation rows of a wine list (name blank, another unit and price)', () => {
    const headers = ['Vin', 'Contenance', 'Prix TTC'];
    const rows = [
      rawRow(4, ['Bordeaux']),
      rawRow(5, ['Château Lamothe 2019', '75 cl', 12.5]),
      rawRow(6, ['', 'Carton 6 btles', 70]),
      rawRow(7, ['Château Pey 2020', '75 cl', 15]),
    ];
    const decisions = decideRowRoles(rows, ctx(headers));
    expect(roles(decisions)).toEqual({ 4: 'category', 5: 'product', 6: 'variant', 7: 'product' });
    expect(decisionOf(decisions, 6).parent).toBe(5);
  });

  it('takes the same name with a reference of the same stem for a variant, and an unrelated code for a product', () => {
    const headers = ['SKU', 'Name', 'Size', 'Price'];
    const rows = [
      rawRow(2, ['TS-100-S', 'Organic tee', 'S', 19]),
      rawRow(3, ['TS-100-M', 'Organic tee', 'M', 19]),
      rawRow(4, ['TS-200', 'Organic tee', 'M', 25]),
    ];
    expect(roles(decideRowRoles(rows, ctx(headers)))).toEqual({ 2: 'product', 3: 'variant', 4: 'product' });
  });

  it('leaves the same SKU twice under the same name a product, so the duplicate is reported', () => {
    const headers = ['SKU', 'Product name', 'Colour', 'Price'];
    const rows = [
      rawRow(8, ['SS26-URB-007', 'Linen overshirt', 'Sand', 89]),
      rawRow(9, ['SS26-URB-007', 'Linen overshirt', 'Olive', 89]),
    ];
    expect(roles(decideRowRoles(rows, ctx(headers)))).toEqual({ 8: 'product', 9: 'product' });
  });

  it('leaves an identical row a product, so the duplicate is reported', () => {
    const rows = [product(5, 'CHE-6'), product(6, 'CHE-6')];
    expect(roles(decideRowRoles(rows, ctx()))).toEqual({ 5: 'product', 6: 'product' });
  });

  it('recognises the header repeated down the sheet', () => {
    const rows = [product(5, 'VIS-4x40'), rawRow(6, HEADER), product(7, 'VIS-5x50')];
    const decisions = decideRowRoles(rows, ctx());
    expect(roles(decisions)).toEqual({ 5: 'product', 6: 'header', 7: 'product' });
    expect(decisionOf(decisions, 6).reason.en).toBe('header repeated');
  });

  it('never starts a variant after a category: the first row of a family is a product', () => {
    const rows = [
      product(5, 'VIS-4x40'),
      rawRow(6, ['Outillage']),
      rawRow(7, ['', '', 'Boîte de 10', 8, '']),
    ];
    expect(roles(decideRowRoles(rows, ctx()))).toEqual({ 5: 'product', 6: 'category', 7: 'product' });
  });

  it('does not take a sentence standing alone for a category', () => {
    const rows = [product(5, 'VIS-4x40'), rawRow(6, ['Les prix indiqués ne comprennent pas la livraison.'])];
    const decisions = decideRowRoles(rows, ctx());
    expect(roles(decisions)).toEqual({ 5: 'product', 6: 'note' });
    expect(decisionOf(decisions, 6).reason.en).toBe('a sentence alone on the row');
  });
});
