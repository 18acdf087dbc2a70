// Mappings remembered by header signature: next month's file with the same headers gets the
// mapping back when opened; a sheet with other headers, or another template, does not.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../main/service/index.ts';
import {
  MAX_REMEMBERED,
  rememberMapping,
  rememberedMapping,
  signatureKey,
} from '../../../main/service/remembered-mappings.ts';

let dir: string;
const saved = process.env.CATALOG_CONFIG_DIR;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-remembered-'));
  process.env.CATALOG_CONFIG_DIR = join(dir, 'config');
});
afterEach(async () => {
  if (saved === undefined) delete process.env.CATALOG_CONFIG_DIR;
  else process.env.CATALOG_CONFIG_DIR = saved;
  await rm(dir, { recursive: true, force: true });
});

async function workbook(name: string, headers: string[], rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tarif');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

async function open(file: string) {
  const result = await call('open', { file, template: 'price-list' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const HEADERS = ['Code article', 'Désignation', 'Prix HT'];
const FIELDS = {
  reference: { columns: [{ header: 'Code article', letter: 'A' }] },
  name: { columns: [{ header: 'Désignation', letter: 'B' }], transforms: [{ op: 'trim' as const }] },
};

describe('remembered mappings', () => {
  it('gives the mapping back for the same headers in another file, not for other headers', async () => {
    const march = await workbook('mars.xlsx', HEADERS, [['A1', 'Vis', 1.5]]);
    const first = await open(march);
    expect(first.remembered).toBeUndefined();
    const remembered = await call('rememberMapping', {
      headers: first.columns.map((c) => c.header),
      template: 'price-list',
      fields: FIELDS,
    });
    expect(remembered.ok).toBe(true);

    // Next month: other rows, the same headers (spaced and cased differently).
    const april = await workbook(
      'avril.xlsx',
      ['code  article', 'DÉSIGNATION', 'Prix HT'],
      [
        ['B2', 'Écrou', 0.3],
        ['B3', 'Clou', 0.1],
      ],
    );
    const next = await open(april);
    expect(next.remembered).toEqual({
      reference: { columns: [{ header: 'Code article', letter: 'A' }], separator: ' ', transforms: [] },
      name: {
        columns: [{ header: 'Désignation', letter: 'B' }],
        separator: ' ',
        transforms: [{ op: 'trim' }],
      },
    });

    // Another order of columns is another signature; so is another template.
    const moved = await workbook(
      'mai.xlsx',
      ['Désignation', 'Code article', 'Prix HT'],
      [['Vis', 'A1', 1.5]],
    );
    expect((await open(moved)).remembered).toBeUndefined();
    const other = await call('open', { file: april, template: 'product-grid' });
    expect(other.ok && other.value.remembered).toBeUndefined();
  });

  it('keeps the newest and drops the oldest past its bound', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i <= MAX_REMEMBERED; i++)
      await rememberMapping([`h${i}`], 'price-list', FIELDS, new Date(start + i * 1000));
    expect(await rememberedMapping(['h0'], 'price-list')).toBeUndefined();
    expect(await rememberedMapping(['h1'], 'price-list')).toBeDefined();
    expect(await rememberedMapping([`h${MAX_REMEMBERED}`], 'price-list')).toBeDefined();
    const stored = JSON.parse(await readFile(join(dir, 'config', 'mappings.json'), 'utf8')) as {
      entries: { key: string }[];
    };
    expect(stored.entries).toHaveLength(MAX_REMEMBERED);
    expect(stored.entries[0]!.key).toBe(signatureKey([`h${MAX_REMEMBERED}`], 'price-list'));
  });

  it('never fails an open for a damaged memory', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(join(dir, 'config'), { recursive: true });
    await writeFile(join(dir, 'config', 'mappings.json'), 'garbage');
    expect(await rememberedMapping(HEADERS, 'price-list')).toBeUndefined();
    const march = await workbook('mars.xlsx', HEADERS, [['A1', 'Vis', 1.5]]);
    expect((await open(march)).id).toBeTruthy();
  });
});
