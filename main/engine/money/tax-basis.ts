// Whether a price column is before or after tax, read as a person reads it: from its header
// (`Prix HT`, `prix_tvac`, `Price ex-VAT`, `RRP`), else from the title rows above the table
// (`Prices exclude 10 % VAT`, `Tous nos prix sont TTC`), else the user's setting, else unknown.
// A header beats the title: a sheet titled « Tarif HT » may still have a « Prix TTC » column.
//
// Retail prices (« prix public », « PV conseillé », RRP, "retail price") are read as tax included:
// in France, Belgium and the UK a price shown to consumers must include VAT, and that is what these
// words name there; so is India's MRP ("maximum retail price", inclusive of all taxes by law).
// "MSRP" is not among them: American retail prices are quoted before sales tax.
// An explicit marker wins over the retail reading: « Prix public HT » is before tax.
import { foldForMatch } from '../values/normalize-text.ts';
import type { BasisDecision, TaxBasis } from './money.ts';

const TAX_WORD = String.raw`(?:vat|tva|gst|tax|taxes)`;
// "incl. 20 % VAT", "inclusive of all taxes": a rate or "all" may stand before the tax word.
const RATE = String.raw`(?: \d+)*(?: all)?`;

const EXCL = new RegExp(
  String.raw`(?:^| )(?:ht|htva|hors taxes?|hors tva|sans tva|excl\w*(?: of)?${RATE}(?: de)? ${TAX_WORD}|ex${RATE} ${TAX_WORD}|exc${RATE} ${TAX_WORD}|before ${TAX_WORD}|pre tax|plus${RATE} ${TAX_WORD}|${TAX_WORD} (?:not included|excluded|extra|en sus)|nets?|netto)(?= |$)`,
);
const INCL = new RegExp(
  String.raw`(?:^| )(?:ttc|tvac|tvai|toutes taxes comprises|tva (?:comprise|incluse|inclue)|incl\w*(?: of)?${RATE}(?: de)? ${TAX_WORD}|inc${RATE} ${TAX_WORD}|${TAX_WORD} incl\w*|gross|brutto)(?= |$)`,
);
const RETAIL =
  /(?:^| )(?:prix public|pv conseille|pvc|prix de vente conseille|prix conseille|prix consommateur|rrp|retail price|retail|mrp)(?= |$)/;

/** Folded words, with `prixTTC` and `prix_tvac` split where a person sees two words. */
const fold = (text: string) => foldForMatch(text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));

export type BasisReading = { basis: TaxBasis; retail: boolean };

/** What words in a header or a title say about tax; `retail` when only a retail word said it. */
export function readBasis(text: string): BasisReading {
  const folded = fold(text);
  const excl = EXCL.test(folded);
  const incl = INCL.test(folded);
  if (excl !== incl) return { basis: excl ? 'excl' : 'incl', retail: false };
  if (excl && incl) return { basis: 'unknown', retail: false };
  return RETAIL.test(folded) ? { basis: 'incl', retail: true } : { basis: 'unknown', retail: false };
}

const q = { fr: (s: string) => `« ${s} »`, en: (s: string) => `"${s}"` };
const WORDS = {
  excl: { fr: 'hors taxes', en: 'before tax' },
  incl: { fr: 'TVA comprise', en: 'tax included' },
};

export type BasisInput = {
  header: string;
  letter: string;
  /** The title rows above the table (`SourceTable.preamble`). */
  preamble: readonly string[];
  /** The user's setting, for a column neither its header nor the title settles. */
  setting?: TaxBasis;
};

export function decideBasis({ header, letter, preamble, setting }: BasisInput): BasisDecision {
  const own = readBasis(header);
  if (own.basis !== 'unknown') {
    const words = WORDS[own.basis];
    const why = own.retail
      ? {
          fr: ' (prix de vente au public : TVA comprise par usage)',
          en: ' (a retail price: tax included by convention)',
        }
      : { fr: '', en: '' };
    return {
      basis: own.basis,
      source: 'header',
      said: header,
      evidence: {
        fr: `${words.fr} — en-tête ${q.fr(header)} (${letter})${why.fr}`,
        en: `${words.en} — header ${q.en(header)} (${letter})${why.en}`,
      },
    };
  }
  const titled = preamble
    .map((line) => ({ line, reading: readBasis(line) }))
    .filter((t) => t.reading.basis !== 'unknown');
  const kinds = new Set(titled.map((t) => t.reading.basis));
  if (kinds.size === 1) {
    const { line, reading } = titled[0]!;
    const words = WORDS[reading.basis as 'excl' | 'incl'];
    return {
      basis: reading.basis,
      source: 'title',
      said: line,
      evidence: {
        fr: `${words.fr} — titre de la feuille ${q.fr(line)}`,
        en: `${words.en} — the sheet's title ${q.en(line)}`,
      },
    };
  }
  if (setting && setting !== 'unknown') {
    const words = WORDS[setting];
    return {
      basis: setting,
      source: 'setting',
      evidence: { fr: `${words.fr} — votre réglage (--prices)`, en: `${words.en} — your setting (--prices)` },
    };
  }
  return {
    basis: 'unknown',
    source: 'none',
    evidence:
      kinds.size > 1
        ? {
            fr: `inconnu — le titre dit à la fois HT et TTC ; l'en-tête ${q.fr(header)} (${letter}) ne le dit pas`,
            en: `unknown — the title says both before and after tax; the header ${q.en(header)} (${letter}) does not say`,
          }
        : {
            fr: `inconnu — ni l'en-tête ${q.fr(header)} (${letter}) ni le titre ne disent HT ou TTC`,
            en: `unknown — neither the header ${q.en(header)} (${letter}) nor the title says before or after tax`,
          },
  };
}
