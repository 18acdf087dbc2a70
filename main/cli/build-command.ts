// `catalog build`: the validated catalog as a print or screen PDF, InDesign tagged text and a Data
// Merge source, written atomically into --out, never over the input.
import { CatalogError } from '../api/index.ts';
import type { Lang } from '../api/index.ts';
import { BuildRequest, FORMATS, parseRequest, type Format } from '../api/contract.ts';
import { buildCatalog } from '../service/index.ts';
import { cliText } from './cli-text.ts';
import { formatIssues } from './format-issues.ts';
import { sourceRequest } from './source-request.ts';
import { unknownFormatError, unknownValueError } from './argument-errors.ts';
import { progressLine } from './terminal.ts';
import { checkValidity, PRESS_IDS, pressCondition, userDate } from '../api/contract.ts';

export type BuildArgs = {
  file: string;
  sheet?: string;
  template?: string;
  mapping?: string;
  images?: string;
  out?: string;
  format?: string;
  mode?: string;
  bleed?: string;
  marks?: boolean;
  icc?: string;
  /** --press FOGRA39: the standard printing condition the print PDF's OutputIntent names. */
  press?: string;
  locale?: string;
  title?: string;
  /** --valid-from / --valid-until: the price list's validity, as the user types dates. */
  validFrom?: string;
  validUntil?: string;
  password?: string;
  ownerPassword?: string;
  textVariant?: string;
  /** --currency, --vat, --prices: what the user states about the money (read by service/money-settings.ts). */
  currency?: string;
  vat?: string;
  prices?: string;
  force: boolean;
  /** Every issue on its own line, however many share a rule. */
  all?: boolean;
  lang: Lang;
};

const STAGES: Record<string, [string, string]> = {
  validate: ['vérification', 'checking'],
  images: ['images', 'pictures'],
  pdf: ['pages PDF', 'PDF pages'],
};

const usage = (fr: string, en: string) => new CatalogError('USAGE', { fr, en });

/** The condition's own spelling (`fogra39` → `FOGRA39`), or the list of those known. */
function pressId(value: string): string {
  const press = pressCondition(value);
  if (!press) throw unknownValueError('--press', value, PRESS_IDS);
  return press.id;
}

function parseFormats(value: string | undefined): Format[] {
  const list = (value ?? 'pdf')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw unknownFormatError(bad, FORMATS);
  return list as Format[];
}

export async function buildCommand(args: BuildArgs, out: (line: string) => void): Promise<number> {
  const t = cliText(args.lang);
  const fr = args.lang === 'fr';
  if (!args.out)
    throw usage('indiquez le dossier de sortie avec --out DOSSIER', 'give the output folder with --out DIR');
  const formats = parseFormats(args.format);
  const mode = args.mode ?? 'print';
  if (mode !== 'print' && mode !== 'screen') throw unknownValueError('--mode', mode, ['print', 'screen']);
  const textVariant = args.textVariant ?? 'win';
  if (textVariant !== 'win' && textVariant !== 'mac')
    throw unknownValueError('--text-variant', textVariant, ['win', 'mac']);
  const bleed = args.bleed === undefined ? undefined : Number(args.bleed.replace(',', '.'));
  if (bleed !== undefined && !(bleed >= 0 && bleed <= 10))
    throw usage(
      '--bleed : un nombre de millimètres entre 0 et 10',
      '--bleed: a number of millimetres from 0 to 10',
    );

  // Read as the user's locale writes dates (`01/02/2027` is 2 January only with --locale en-US).
  const validFrom = userDate(args.validFrom, '--valid-from', args.locale);
  const validUntil = userDate(args.validUntil, '--valid-until', args.locale);
  checkValidity(validFrom, validUntil, '--valid-until');

  const request = parseRequest(BuildRequest, {
    ...sourceRequest(args),
    out: args.out,
    formats,
    mode,
    bleed,
    marks: args.marks,
    icc: args.icc,
    press: args.press === undefined ? undefined : pressId(args.press),
    locale: args.locale,
    title: args.title,
    validFrom,
    validUntil,
    password: args.password,
    ownerPassword: args.ownerPassword,
    textVariant,
    force: args.force,
    lang: args.lang,
  });
  const reading = progressLine(t.reading, args.lang);
  const building = progressLine(fr ? 'Production' : 'Building', args.lang);
  let result;
  try {
    result = await buildCatalog(request, {
      onProgress: (p) => {
        if (p.stage === 'import') return reading.update(p.done);
        reading.end();
        building.update(p.done, p.total, STAGES[p.stage]?.[fr ? 0 : 1] ?? p.stage);
      },
    });
  } finally {
    reading.end();
    building.end();
  }
  const { imported, template, catalog } = result.validated;
  const listing = { all: args.all === true };
  if (result.status === 'refused') {
    for (const line of formatIssues(result.issues, args.lang, listing)) out(line);
    out('');
    out(
      fr
        ? `Rien n'a été produit : corrigez les erreurs ci-dessus (ou relancez avec --force pour produire malgré tout).`
        : `Nothing was built: fix the errors above (or run again with --force to build anyway).`,
    );
    return 1;
  }
  out(t.summaryTitle(imported.file, imported.table.sheet, catalog.items.length, template.name[args.lang]));
  for (const line of formatIssues(result.issues, args.lang, listing)) out(line);
  out('');
  for (const file of result.files) out(fr ? `Écrit : ${file}` : `Written: ${file}`);
  if (result.pages) {
    const pages = `${result.pages} page${result.pages > 1 ? 's' : ''}`;
    out(fr ? `${pages} (${mode === 'print' ? 'impression' : 'écran'})` : `${pages} (${mode})`);
  }
  if (result.forced) {
    // The user asked for a proof over known errors and got it: success, with the errors said again.
    const count = result.validated.issues.filter((i) => i.severity === 'error').length;
    out(
      fr
        ? `Produit malgré tout (--force) : ces fichiers portent ${count > 1 ? `les ${count} erreurs listées` : "l'erreur listée"} ci-dessus — une épreuve, pas un document à imprimer.`
        : `Built anyway (--force): these files carry the ${count > 1 ? `${count} errors` : 'error'} listed above — a proof, not a document to print.`,
    );
    return 0;
  }
  return result.issues.some((i) => i.severity === 'error') ? 1 : 0;
}
