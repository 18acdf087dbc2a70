import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GridBuilt } from '../../../../main/api/grid-contract.ts';
import { GridBuilt as GridBuiltSchema } from '../../../../main/api/grid-contract.ts';
import { priceResellerGrid } from '../../../../main/engine/price-grid/price-reseller-grid.ts';
import type { Reseller } from '../../../../main/engine/resellers/reseller-model.ts';
import { resellerSummary, summaryCsv } from '../../../../main/service/price-grids/grid-summary.ts';
import { GRIDS, SETTINGS } from '../../engine/price-grid/grid-fixtures.ts';

const OUT = join('/tmp', 'grilles-2027');
const PASSWORD = 'Bxl#Print&Go;2027';

const RESELLERS: Reseller[] = [
  { row: 2, name: 'Print & Go Bruxelles', level: 'Or', password: PASSWORD, locale: 'fr-BE' },
  { row: 3, name: 'Copie Conforme', rate: { kind: 'discount', percent: '12.5' } },
  { row: 4, name: '=HYPERLINK("http://evil.example","x")', level: 'Argent', password: 'hunter2' },
];

function built(reseller: Reseller, stem: string): GridBuilt {
  const { grid } = priceResellerGrid(GRIDS, reseller, SETTINGS, 'Revendeurs');
  const dir = join(OUT, stem);
  return GridBuiltSchema.parse({
    ...resellerSummary(reseller, grid),
    files: [
      { kind: 'print', path: join(dir, `${stem}-impression.pdf`), pages: 3, bytes: 1000, encrypted: false },
      {
        kind: 'screen',
        path: join(dir, `${stem}-ecran.pdf`),
        pages: 3,
        bytes: 900,
        encrypted: Boolean(reseller.password),
      },
      { kind: 'tagged-text', path: join(dir, `${stem}.txt`), bytes: 500, encrypted: false },
    ],
  });
}

const BUILT = [
  built(RESELLERS[0]!, 'print-go-bruxelles'),
  built(RESELLERS[1]!, 'copie-conforme'),
  built(RESELLERS[2]!, 'hyperlink'),
];
const rows = (csv: string) =>
  csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .slice(0, -1);

describe('resellerSummary', () => {
  it('says whether a list is protected, never the password', () => {
    const summary = resellerSummary(RESELLERS[0]!);
    expect(summary.protected).toBe(true);
    expect(JSON.stringify(summary)).not.toContain(PASSWORD);
    expect(resellerSummary(RESELLERS[1]!).protected).toBe(false);
    expect(BUILT[1]!.rate).toEqual({ kind: 'discount', value: '12.5', source: 'reseller' });
    expect(BUILT[0]!.rate).toEqual({ kind: 'discount', value: '20', source: 'level' });
  });
});

describe('summaryCsv', () => {
  it('never contains a password, in either language', () => {
    for (const lang of ['fr', 'en'] as const) {
      const csv = summaryCsv(BUILT, ['Sans Tarif'], OUT, lang);
      expect(csv).not.toContain(PASSWORD);
      expect(csv).not.toContain('Bxl#');
      expect(csv).not.toContain('hunter2');
    }
  });

  it('French: « ; » between fields, French words and decimal commas; a BOM and CR LF ends', () => {
    const csv = summaryCsv(BUILT, ['Sans Tarif'], OUT, 'fr');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [head, first, second, , skipped] = rows(csv);
    expect(head).toBe('Revendeur;Niveau;Tarif;Fichiers;Pages;PDF écran protégé');
    expect(first!.split(';')).toEqual([
      'Print & Go Bruxelles',
      'Or',
      'remise 20 %',
      [
        'print-go-bruxelles/print-go-bruxelles-impression.pdf',
        'print-go-bruxelles/print-go-bruxelles-ecran.pdf',
        'print-go-bruxelles/print-go-bruxelles.txt',
      ].join(' | '),
      '3',
      'oui',
    ]);
    // 12,5 has a comma: the French field is quoted, not split.
    expect(second).toBe(
      'Copie Conforme;;"remise 12,5 %";copie-conforme/copie-conforme-impression.pdf | copie-conforme/copie-conforme-ecran.pdf | copie-conforme/copie-conforme.txt;3;non',
    );
    expect(skipped).toBe('Sans Tarif;;non produite (voir les erreurs);;;');
  });

  it('English: « , » between fields, English words', () => {
    const csv = summaryCsv(BUILT, [], OUT, 'en');
    const [head, first, second] = rows(csv);
    expect(head).toBe('Reseller,Level,Rate,Files,Pages,Screen PDF protected');
    expect(first).toMatch(/^Print & Go Bruxelles,Or,20% discount,print-go-bruxelles\/.*,3,yes$/);
    expect(second).toMatch(/^Copie Conforme,,12\.5% discount,.*,3,no$/);
    expect(rows(csv)).toHaveLength(4);
  });

  it('quotes a name a spreadsheet would run as a formula, and defuses it', () => {
    for (const lang of ['fr', 'en'] as const) {
      const row = rows(summaryCsv(BUILT, [], OUT, lang))[3]!;
      expect(row.startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")"`)).toBe(true);
    }
    for (const name of ['+33 1 23', '-Dupont', '@SUM(A1)', '=1+1']) {
      const row = rows(summaryCsv([{ ...BUILT[1]!, name }], [], OUT, 'en'))[1]!;
      expect(row.startsWith(`"'${name}"`)).toBe(true);
    }
  });
});
