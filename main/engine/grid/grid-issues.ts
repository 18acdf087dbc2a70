// The grid readers' issues and refusal, each naming its cell the way Excel writes it, in French and English.
import type { Issue, Severity, Translated } from '../model.ts';
import { CatalogError } from '../errors.ts';
import { formatRef } from '../common/cell-ref.ts';
import { columnLetter } from '../common/column-letter.ts';
import { formatCents } from '../pricing/cents.ts';

const q = {
  fr: (s: string) => `« ${s} »`,
  en: (s: string) => `"${s}"`,
};

/** Where an issue points: a cell, or a whole row when `column` is absent (0-based index). */
export type At = { sheet: string; row: number; column?: number };

export function refOf(at: At): string {
  return formatRef(cellAddress(at));
}

function cellAddress(at: At) {
  return at.column === undefined
    ? { sheet: at.sheet, row: at.row }
    : { sheet: at.sheet, row: at.row, column: columnLetter(at.column) };
}

export function gridIssue(
  severity: Severity,
  code: string,
  at: At,
  message: Translated,
  params?: Record<string, string | number>,
): Issue {
  const cell = cellAddress(at);
  return { severity, code, message, ref: formatRef(cell), cell, ...(params ? { params } : {}) };
}

export const gridMessages = {
  priceInvalid: (text: string): Translated => ({
    fr: `${q.fr(text)} n'est ni un prix ni une mention « non disponible » (N/A, –, sur devis) : la cellule est laissée sans prix.`,
    en: `${q.en(text)} is neither a price nor a "not available" mark (N/A, –, on request): the cell is left without a price.`,
  }),
  priceAmbiguous: (text: string): Translated => ({
    fr: `${q.fr(text)} est ambigu : séparateur de milliers ou virgule décimale ? Écrivez par exemple 1250 ou 1,25.`,
    en: `${q.en(text)} is ambiguous: thousands separator or decimal point? Write for example 1250 or 1.25.`,
  }),
  priceNegative: (text: string): Translated => ({
    fr: `Le prix ${q.fr(text)} est négatif : la cellule est laissée sans prix.`,
    en: `The price ${q.en(text)} is negative: the cell is left without a price.`,
  }),
  priceZero: (): Translated => ({
    fr: `Un prix de 0 ne dit pas si l'article est gratuit ou indisponible : écrivez N/A, « sur devis » ou le prix. La cellule est laissée sans prix.`,
    en: `A price of 0 does not say whether the item is free or unavailable: write N/A, "on request" or the price. The cell is left without a price.`,
  }),
  priceRounded: (text: string, cents: number): Translated => ({
    fr: `Le prix ${q.fr(text)} a plus de deux décimales : arrondi à ${formatCents(cents, ',')}.`,
    en: `The price ${q.en(text)} has more than two decimals: rounded to ${formatCents(cents)}.`,
  }),
  formulaError: (text: string): Translated => ({
    fr: `La formule de cette cellule renvoie une erreur (${text}) : la cellule est laissée sans prix.`,
    en: `This cell's formula returns an error (${text}): the cell is left without a price.`,
  }),
  quantityInvalid: (text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas une quantité (un nombre entier d'exemplaires, par exemple 1 000 ou « 1 000 ex. ») : la ligne est ignorée.`,
    en: `${q.en(text)} is not a quantity (a whole number of copies, e.g. 1000 or "1,000 pcs"): the row is skipped.`,
  }),
  quantityAmbiguous: (text: string): Translated => ({
    fr: `La quantité ${q.fr(text)} est ambiguë (1 ou 1 000 ?) : écrivez 1000 ou « 1 000 », ou indiquez le séparateur décimal du fichier. La ligne est ignorée.`,
    en: `The quantity ${q.en(text)} is ambiguous (1 or 1,000?): write 1000, or give the file's decimal separator. The row is skipped.`,
  }),
  quantityMissing: (): Translated => ({
    fr: `Cette ligne a des prix mais pas de quantité : elle est ignorée.`,
    en: `This row has prices but no quantity: it is skipped.`,
  }),
  quantityDuplicate: (quantity: number): Translated => ({
    fr: `La quantité ${quantity} apparaît deux fois dans le même bloc.`,
    en: `The quantity ${quantity} appears twice in the same block.`,
  }),
  quantityOrder: (quantity: number, previous: number): Translated => ({
    fr: `Les quantités ne sont pas croissantes : ${quantity} vient après ${previous}.`,
    en: `Quantities are not ascending: ${quantity} comes after ${previous}.`,
  }),
  tierWithoutPrice: (label: string): Translated => ({
    fr: `La quantité ${q.fr(label)} n'a aucun prix.`,
    en: `The quantity ${q.en(label)} has no price at all.`,
  }),
  variantHeaderMissing: (): Translated => ({
    fr: `Cette colonne contient des prix mais pas d'intitulé de variante : ses prix sont ignorés. Écrivez l'intitulé (format, papier, finition…).`,
    en: `This column holds prices but no variant header: its prices are skipped. Write the header (size, paper, finish…).`,
  }),
  variantDuplicate: (name: string): Translated => ({
    fr: `La variante ${q.fr(name)} apparaît deux fois dans cet en-tête.`,
    en: `The variant ${q.en(name)} appears twice in this header.`,
  }),
  headerMissing: (): Translated => ({
    fr: `Ces lignes de quantités n'ont pas de ligne d'en-tête de variantes au-dessus : elles sont ignorées.`,
    en: `These quantity rows have no variant header row above them: they are skipped.`,
  }),
  familyUnnamed: (name: string): Translated => ({
    fr: `Ce bloc n'a pas de titre : il est nommé ${q.fr(name)}. Ajoutez une ligne de titre au-dessus de l'en-tête.`,
    en: `This block has no title: it is named ${q.en(name)}. Add a title row above the header.`,
  }),
  blockEmpty: (): Translated => ({
    fr: `Cet en-tête de variantes n'est suivi d'aucune quantité lisible : le bloc est ignoré.`,
    en: `This variant header is followed by no readable quantity: the block is skipped.`,
  }),
  familyMissing: (): Translated => ({
    fr: `La famille de produits est vide sur cette ligne : elle est ignorée.`,
    en: `The product family is empty on this row: it is skipped.`,
  }),
  variantMissing: (): Translated => ({
    fr: `La variante est vide sur cette ligne : elle est ignorée.`,
    en: `The variant is empty on this row: it is skipped.`,
  }),
  duplicateCombination: (family: string, variant: string, quantity: number, first: string): Translated => ({
    fr: `${q.fr(family)}, ${q.fr(variant)}, ${quantity} ex. a déjà un prix en ${first} : cette ligne est ignorée.`,
    en: `${q.en(family)}, ${q.en(variant)}, ${quantity} copies already has a price at ${first}: this row is skipped.`,
  }),
};

export const gridErrors = {
  notFound: (sheet: string) =>
    new CatalogError('GRID_NOT_FOUND', {
      fr: `La feuille « ${sheet} » ne contient pas de grille de prix : ni un tableau quantités × variantes (une ligne d'en-tête de variantes, puis une quantité par ligne), ni une liste famille / variante / quantité / prix.`,
      en: `The sheet "${sheet}" holds no price grid: neither a quantity × variant table (a header row of variants, then one quantity per row) nor a family / variant / quantity / price list.`,
    }),
};
