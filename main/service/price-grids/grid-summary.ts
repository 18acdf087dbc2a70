// What a batch tells the user: per reseller its level, the rate most of its families get, whether its
// list is protected, its files and pages — as plain data for the surfaces and as a CSV table Excel
// opens in either language. A password is never part of it.
import { relative } from 'node:path';
import type { GridBuilt, GridResellerSummary } from '../../api/grid-contract.ts';
import type { Lang } from '../../engine/model.ts';
import type { ResellerGrid } from '../../engine/price-grid/price-reseller-grid.ts';
import type { Reseller } from '../../engine/resellers/reseller-model.ts';

export function resellerSummary(reseller: Reseller, grid?: ResellerGrid): GridResellerSummary {
  const main = grid?.families.find((f) => f.rate.source !== 'family') ?? grid?.families[0];
  return {
    name: reseller.name,
    row: reseller.row,
    ...(reseller.level ? { level: reseller.level } : {}),
    ...(main ? { rate: { kind: main.rate.kind, value: main.rate.value, source: main.rate.source } } : {}),
    ...(reseller.locale ? { locale: reseller.locale } : {}),
    ...(reseller.logo ? { logo: reseller.logo } : {}),
    protected: Boolean(reseller.password),
  };
}

const HEAD: Record<Lang, string[]> = {
  fr: ['Revendeur', 'Niveau', 'Tarif', 'Fichiers', 'Pages', 'PDF écran protégé'],
  en: ['Reseller', 'Level', 'Rate', 'Files', 'Pages', 'Screen PDF protected'],
};

function rateWords(rate: GridResellerSummary['rate'], lang: Lang): string {
  if (!rate) return '';
  const decimal = lang === 'fr' ? rate.value.replace('.', ',') : rate.value;
  return rate.kind === 'discount'
    ? lang === 'fr'
      ? `remise ${decimal} %`
      : `${decimal}% discount`
    : `coefficient ${decimal}`;
}

/** `;`-separated for a French Excel, `,` for an English one; a BOM so accents open right. */
export function summaryCsv(built: GridBuilt[], skipped: string[], outDir: string, lang: Lang): string {
  const separator = lang === 'fr' ? ';' : ',';
  const quote = (value: string) =>
    /[";,\n\r]/.test(value) || /^[=+\-@]/.test(value)
      ? `"${value.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"`
      : value;
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const no = lang === 'fr' ? 'non' : 'no';
  const rows = built.map((r) => {
    const pages = r.files.find((f) => f.pages !== undefined)?.pages;
    const screen = r.files.find((f) => f.kind === 'screen');
    return [
      r.name,
      r.level ?? '',
      rateWords(r.rate, lang),
      r.files.map((f) => relative(outDir, f.path)).join(' | '),
      pages === undefined ? '' : String(pages),
      screen ? (screen.encrypted ? yes : no) : '',
    ];
  });
  const notMade = skipped.map((name) => [
    name,
    '',
    lang === 'fr' ? 'non produite (voir les erreurs)' : 'not made (see the errors)',
    '',
    '',
    '',
  ]);
  return (
    '\ufeff' +
    [HEAD[lang], ...rows, ...notMade].map((row) => row.map(quote).join(separator)).join('\r\n') +
    '\r\n'
  );
}
