// What opening a workbook reads once and what it skips: the money settings and the mapping
// suggestion travel with the opened workbook, and `inspect`, which shows no pictures, lists none;
// then how a surface shows a column's first values.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnSamples, inspectSource, openSource, validateSource } from '../../../main/service/index.ts';
import { parseRequest, SourceRequest } from '../../../main/api/contract.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

function csvWithImages(): string {
  const dir = tempDir('catalog-open-');
  const file = join(dir, 'tarif.csv');
  writeFileSync(file, 'Réf.;Désignation;Prix HT\r\nA-1;Vis;1,5\r\nA-2;Écrou;0,5\r\n', 'utf8');
  mkdirSync(join(dir, 'images'));
  writeFileSync(join(dir, 'images', 'A-1.png'), '');
  return file;
}

const request = (file: string) =>
  parseRequest(SourceRequest, { file, template: 'price-list', money: { currency: 'eur', vat: '20' } });

describe('openSource', () => {
  it('keeps the money settings it read and the suggestion the mapping came from', async () => {
    const opened = await openSource(request(csvWithImages()));
    expect(opened.settings).toMatchObject({ currency: 'EUR' });
    expect(opened.suggestion?.mapping).toBe(opened.mapping);
    expect(opened.images?.files).toEqual(['A-1.png']);
  });

  it('validates with those settings: the currency stated reaches the catalog', async () => {
    const validated = await validateSource(request(csvWithImages()));
    expect(validated.catalog.money?.currency).toMatchObject({ code: 'EUR' });
  });

  it('lists no pictures for inspect, which shows none, and still suggests and decides the money', async () => {
    const inspected = await inspectSource(request(csvWithImages()));
    expect(inspected.images).toBeUndefined();
    expect(inspected.suggestion.matches.length).toBeGreaterThan(0);
    expect(inspected.money.currency).toMatchObject({ code: 'EUR' });
  });
});

describe('columnSamples', () => {
  it('shows a long text repeated down a column once, shortened', async () => {
    const file = join(tempDir('catalog-samples-'), 'tarif.csv');
    const long = 'Vis à bois tête fraisée Pozidriv acier zingué, boîte de 200';
    writeFileSync(file, `Réf.;Désignation\r\nA-1;${long}\r\nA-2;${long}\r\nA-3;Écrou\r\n`, 'utf8');
    const { imported } = await openSource(parseRequest(SourceRequest, { file }));
    expect(columnSamples(imported.table, 1, 'fr')).toEqual([`${long.slice(0, 39)}…`, 'Écrou']);
  });
});
