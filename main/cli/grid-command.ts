// `catalog grid`: one price list per reseller from a print-trade workbook — a print PDF, a screen PDF
// (protected by the reseller's password when it has one) and tagged text each, in one folder per
// reseller, plus a summary table. `--list` shows the resellers and grids found without building.
import { CatalogError } from '../api/index.ts';
import type { Lang } from '../api/index.ts';
import { parseRequest } from '../api/contract.ts';
import { GridOpenRequest, GridRequest } from '../api/grid-contract.ts';
import { buildPriceGrids, openPriceGrids } from '../service/index.ts';
import { formatIssues } from './format-issues.ts';
import { unknownValueError } from './argument-errors.ts';
import { progressLine } from './terminal.ts';

export type GridArgs = {
  file: string;
  out?: string;
  resellers?: string;
  template?: string;
  whiteLabel: boolean;
  passwordColumn?: string;
  rounding?: string;
  logos?: string;
  format?: string;
  only?: string;
  workers?: string;
  noEncrypt: boolean;
  textVariant?: string;
  list: boolean;
  json: boolean;
  lang: Lang;
};

const OUTPUTS = ['print', 'screen', 'tagged-text'] as const;

const usage = (fr: string, en: string) => new CatalogError('USAGE', { fr, en });

function parseOutputs(value: string | undefined): (typeof OUTPUTS)[number][] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((f) => !(OUTPUTS as readonly string[]).includes(f));
  if (bad !== undefined || !list.length) throw unknownValueError('--format', bad ?? value, OUTPUTS);
  return list as (typeof OUTPUTS)[number][];
}

const rateWords = (rate: { kind: string; value: string } | undefined, lang: Lang) => {
  if (!rate) return '';
  const value = lang === 'fr' ? rate.value.replace('.', ',') : rate.value;
  return rate.kind === 'discount'
    ? lang === 'fr'
      ? `remise ${value} %`
      : `${value}% discount`
    : `× ${value}`;
};

export async function gridCommand(args: GridArgs, out: (line: string) => void): Promise<number> {
  const fr = args.lang === 'fr';
  const source = {
    file: args.file,
    ...(args.resellers !== undefined ? { resellers: args.resellers } : {}),
    ...(args.passwordColumn !== undefined ? { passwordColumn: args.passwordColumn } : {}),
    ...(args.rounding !== undefined ? { rounding: args.rounding } : {}),
    ...(args.logos !== undefined ? { logos: args.logos } : {}),
  };

  if (args.list) {
    const opened = await openPriceGrids(parseRequest(GridOpenRequest, { ...source, lang: args.lang }));
    if (args.json) {
      out(JSON.stringify(opened, null, 2));
      return opened.issues.some((i) => i.severity === 'error') ? 1 : 0;
    }
    out(
      fr
        ? `${opened.file} — ${opened.families.length} familles, ${opened.resellers.length} revendeurs (feuille « ${opened.resellerSheet} »)`
        : `${opened.file} — ${opened.families.length} families, ${opened.resellers.length} resellers (sheet "${opened.resellerSheet}")`,
    );
    for (const f of opened.families)
      out(
        `  ${f.name} [${f.sheet}] — ${f.variants.length} × ${f.tiers.length}${f.vat ? ` · ${fr ? `TVA ${f.vat.replace('.', ',')} %` : `VAT ${f.vat}%`}` : ''}`,
      );
    for (const r of opened.resellers)
      out(
        `  ${r.name}${r.level ? ` (${r.level})` : ''} ${rateWords(r.rate, args.lang)}${r.protected ? (fr ? ' · protégé' : ' · protected') : ''}`,
      );
    for (const line of formatIssues(opened.issues, args.lang)) out(line);
    return opened.issues.some((i) => i.severity === 'error') ? 1 : 0;
  }

  if (!args.out)
    throw usage('indiquez le dossier de sortie avec --out DOSSIER', 'give the output folder with --out DIR');
  const textVariant = args.textVariant ?? 'win';
  if (textVariant !== 'win' && textVariant !== 'mac')
    throw unknownValueError('--text-variant', textVariant, ['win', 'mac']);
  const workers = args.workers === undefined ? undefined : Number(args.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
    throw usage('--workers : un nombre entier à partir de 1', '--workers: a whole number from 1');
  const outputs = parseOutputs(args.format);
  const request = parseRequest(GridRequest, {
    ...source,
    out: args.out,
    ...(args.template !== undefined ? { template: args.template } : {}),
    ...(args.whiteLabel ? { whiteLabel: true } : {}),
    ...(outputs ? { outputs } : {}),
    encrypt: !args.noEncrypt,
    ...(args.only !== undefined
      ? {
          only: args.only
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    ...(workers !== undefined ? { workers } : {}),
    textVariant,
    lang: args.lang,
  });
  const line = progressLine(fr ? 'Listes de prix' : 'Price lists', args.lang);
  let result;
  try {
    result = await buildPriceGrids(request, {
      onProgress: (p) => {
        if (p.stage === 'resellers') line.update(p.done, p.total, fr ? 'revendeurs' : 'resellers');
      },
    });
  } finally {
    line.end();
  }
  if (args.json) {
    out(JSON.stringify(result, null, 2));
    return result.status === 'refused' || result.skipped.length ? 1 : 0;
  }
  for (const issueLine of formatIssues(result.issues, args.lang)) out(issueLine);
  if (result.status === 'refused') {
    out('');
    out(
      fr
        ? `Rien n'a été produit : corrigez les erreurs ci-dessus.`
        : `Nothing was built: fix the errors above.`,
    );
    return 1;
  }
  out('');
  for (const r of result.resellers) {
    const pages = r.files.find((f) => f.pages !== undefined)?.pages;
    const lock = r.files.some((f) => f.encrypted) ? (fr ? ', protégé' : ', protected') : '';
    out(
      `${r.name}${r.level ? ` (${r.level})` : ''} ${rateWords(r.rate, args.lang)} — ${r.files.length} ${fr ? 'fichiers' : 'files'}${pages ? `, ${pages} p.` : ''}${lock}`,
    );
    for (const f of r.files) out(`  ${f.path}`);
  }
  if (result.summary) out(fr ? `Synthèse : ${result.summary}` : `Summary: ${result.summary}`);
  if (result.skipped.length)
    out(
      fr
        ? `Non produites : ${result.skipped.join(', ')} (voir les erreurs).`
        : `Not made: ${result.skipped.join(', ')} (see the errors).`,
    );
  return result.skipped.length ? 1 : 0;
}
