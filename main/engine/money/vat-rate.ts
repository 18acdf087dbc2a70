// The VAT rate of each product, from what someone actually said: the sheet's VAT column, the
// user's setting (one rate, or one per family: `--vat "Vins=20;Livres=5,5"`), or a rate the title
// states ("Prices exclude 10 % VAT"). Otherwise none: there is no default rate.
import type { CatalogItem, Translated } from '../model.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import { parseNumber } from '../values/parse-number.ts';
import type { VatDecision } from './money.ts';

/** What the user set: a rate for every product and/or rates per family (fractions: 0.2 = 20 %). */
export type VatSetting = { rate?: number; byGroup?: Record<string, number> };

export type VatSettingResult = { ok: true; value: VatSetting } | { ok: false; message: Translated };

/** A rate typed by a person: `20`, `20 %`, `5,5`, `5.5%` — always in percent, 0 to 100. */
function percent(text: string): number | undefined {
  const parsed = parseNumber(text.replace(/%\s*$/, '').trim(), { decimal: text.includes(',') ? ',' : '.' });
  if (!parsed.ok || parsed.value < 0 || parsed.value > 100) return undefined;
  return Math.round(parsed.value * 1000) / 100000;
}

/**
 * `20` (every product), `Vins=20;Livres=5,5` or `Vins=20,Livres=5.5` (per family; a comma is a
 * separator only before another `Family=`, so `5,5` stays a number), `*=20` or a bare rate among
 * them for the other families.
 */
export function parseVatSetting(text: string): VatSettingResult {
  const bad = (what: string): VatSettingResult => ({
    ok: false,
    message: {
      fr: `--vat : « ${what} » n'est pas un taux ; écrivez par exemple --vat 20 ou --vat "Vins=20;Livres=5,5"`,
      en: `--vat: "${what}" is not a rate; write for example --vat 20 or --vat "Wine=20;Books=5.5"`,
    },
  });
  const parts = text
    .split(/;|,(?=[^=;,]*=)/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return bad(text);
  const setting: VatSetting = {};
  for (const part of parts) {
    const eq = part.lastIndexOf('=');
    const family = eq < 0 ? '*' : part.slice(0, eq).trim();
    const rate = percent(eq < 0 ? part : part.slice(eq + 1));
    if (rate === undefined || family === '') return bad(part);
    if (family === '*') setting.rate = rate;
    else setting.byGroup = { ...setting.byGroup, [family]: rate };
  }
  return { ok: true, value: setting };
}

const RATE = String.raw`(\d+(?:[.,]\d+)?)\s*%`;
const TAX = String.raw`(?:VAT|TVA|GST|BTW|MwSt|IVA|tax)`;
const RATE_THEN_TAX = new RegExp(String.raw`${RATE}\s*(?:de\s+|of\s+)?${TAX}\b`, 'i');
const TAX_THEN_RATE = new RegExp(String.raw`\b${TAX}\s*(?:de|of|à|at|:|=)?\s*${RATE}`, 'i');

/** A rate a title line states: "Exclude 10 % VAT", « TVA 20 % », "VAT at 5.5%". */
export function rateOfTitle(line: string): number | undefined {
  const m = RATE_THEN_TAX.exec(line) ?? TAX_THEN_RATE.exec(line);
  return m ? percent(m[1]!) : undefined;
}

/** A rate as the legend and the evidence print it: « 5,5 % », "5.5%". */
export const pct = (rate: number, lang: 'fr' | 'en') =>
  new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 2 })
    .format(rate)
    .replace(/\u202f/g, '\u00a0');

function settingWords(setting: VatSetting): Translated {
  const parts = (lang: 'fr' | 'en') => [
    ...Object.entries(setting.byGroup ?? {}).map(([g, r]) => `${g} ${pct(r, lang)}`),
    ...(setting.rate !== undefined
      ? [
          setting.byGroup
            ? `${lang === 'fr' ? 'autres' : 'others'} ${pct(setting.rate, lang)}`
            : pct(setting.rate, lang),
        ]
      : []),
  ];
  return { fr: parts('fr').join(', '), en: parts('en').join(', ') };
}

export type VatInput = {
  /** The column mapped to the `vat` field, if any. */
  column?: { letter: string; header: string };
  setting?: VatSetting;
  preamble: readonly string[];
};

export function decideVat({ column, setting, preamble }: VatInput): VatDecision {
  const hasSetting = setting && (setting.rate !== undefined || setting.byGroup);
  if (column) {
    const extra = hasSetting ? settingWords(setting) : undefined;
    return {
      source: 'column',
      column,
      ...(setting?.rate !== undefined ? { rate: setting.rate } : {}),
      ...(setting?.byGroup ? { byGroup: setting.byGroup } : {}),
      evidence: {
        fr: `colonne « ${column.header} » (${column.letter})${extra ? ` ; ailleurs ${extra.fr} (votre réglage)` : ''}`,
        en: `column "${column.header}" (${column.letter})${extra ? `; elsewhere ${extra.en} (your setting)` : ''}`,
      },
    };
  }
  if (hasSetting) {
    const words = settingWords(setting);
    return {
      source: 'setting',
      ...(setting.rate !== undefined ? { rate: setting.rate } : {}),
      ...(setting.byGroup ? { byGroup: setting.byGroup } : {}),
      evidence: { fr: `${words.fr} — votre réglage (--vat)`, en: `${words.en} — your setting (--vat)` },
    };
  }
  for (const line of preamble) {
    const rate = rateOfTitle(line);
    if (rate === undefined) continue;
    return {
      source: 'title',
      rate,
      evidence: {
        fr: `${pct(rate, 'fr')} — titre de la feuille « ${line} »`,
        en: `${pct(rate, 'en')} — the sheet's title "${line}"`,
      },
    };
  }
  return {
    source: 'none',
    evidence: {
      fr: 'aucun — ni colonne TVA, ni taux dans le titre, ni --vat : aucun prix TTC ne sera calculé',
      en: 'none — no VAT column, no rate in the title, no --vat: no price including VAT will be computed',
    },
  };
}

/** The rate of one product: its own VAT cell, else its family's, else the one rate; else none. */
export function vatRateOf(item: CatalogItem, vat: VatDecision): number | undefined {
  const own = item.fields.vat;
  if (own?.kind === 'percent') return own.value;
  if (vat.byGroup) {
    const category = item.fields.category;
    const names = [item.group, category?.kind === 'text' ? category.value : undefined]
      .filter((n): n is string => !!n)
      .map(foldForMatch);
    for (const [group, rate] of Object.entries(vat.byGroup))
      if (names.includes(foldForMatch(group))) return rate;
  }
  return vat.rate;
}
