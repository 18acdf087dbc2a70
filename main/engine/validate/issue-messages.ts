// Every validation issue's words, in French and English. Values are quoted as the user typed them.
import type { Translated } from '../model.ts';

const q = {
  fr: (s: string) => `« ${s} »`,
  en: (s: string) => `"${s}"`,
};

type Field = Translated; // the field's label in both languages
const rowList = (rows: number[]) => rows.slice(0, 10).join(', ') + (rows.length > 10 ? '…' : '');

export const messages = {
  REQUIRED_MISSING: (field: Field): Translated => ({
    fr: `${field.fr} est obligatoire et cette cellule est vide.`,
    en: `${field.en} is required and this cell is empty.`,
  }),
  NOT_A_NUMBER: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas un nombre (${field.fr}).`,
    en: `${q.en(text)} is not a number (${field.en}).`,
  }),
  NOT_AN_INTEGER: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas un nombre entier (${field.fr}).`,
    en: `${q.en(text)} is not a whole number (${field.en}).`,
  }),
  AMBIGUOUS_NUMBER: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} est ambigu : séparateur de milliers ou virgule décimale ? Écrivez par exemple 1234 ou 1,234 sans ambiguïté (${field.fr}).`,
    en: `${q.en(text)} is ambiguous: thousands separator or decimal point? Write it unambiguously (${field.en}).`,
  }),
  NOT_A_PRICE: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas un prix (${field.fr}). Saisissez un montant, par exemple 12,50 €.`,
    en: `${q.en(text)} is not a price (${field.en}). Enter an amount such as 12.50.`,
  }),
  NEGATIVE_PRICE: (field: Field, text: string): Translated => ({
    fr: `Le prix ${q.fr(text)} est négatif (${field.fr}).`,
    en: `The price ${q.en(text)} is negative (${field.en}).`,
  }),
  NOT_A_PERCENT: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas un pourcentage (${field.fr}). Exemple : 20 %.`,
    en: `${q.en(text)} is not a percentage (${field.en}). Example: 20%.`,
  }),
  INVALID_EAN: (field: Field, text: string, why: 'length' | 'digits' | 'check'): Translated => ({
    fr: `${q.fr(text)} n'est pas un code EAN valide (${field.fr}) : ${
      why === 'length'
        ? 'il doit compter 8, 12, 13 ou 14 chiffres'
        : why === 'digits'
          ? 'il ne doit contenir que des chiffres'
          : 'la clé de contrôle (dernier chiffre) est fausse — vérifiez la saisie'
    }.`,
    en: `${q.en(text)} is not a valid EAN code (${field.en}): ${
      why === 'length'
        ? 'it must have 8, 12, 13 or 14 digits'
        : why === 'digits'
          ? 'it must contain digits only'
          : 'the check digit (last digit) is wrong — check for a typo'
    }.`,
  }),
  NOT_A_BOOLEAN: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas une valeur oui/non (${field.fr}).`,
    en: `${q.en(text)} is not a yes/no value (${field.en}).`,
  }),
  NOT_A_DATE: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} n'est pas une date (${field.fr}). Exemple : 23/11/2026.`,
    en: `${q.en(text)} is not a date (${field.en}). Example: 23/11/2026.`,
  }),
  NOT_A_URL: (field: Field, text: string): Translated => ({
    fr: `${q.fr(text)} ne ressemble pas à une adresse web (${field.fr}).`,
    en: `${q.en(text)} does not look like a web address (${field.en}).`,
  }),
  TOO_LONG: (field: Field, length: number, max: number): Translated => ({
    fr: `${field.fr} fait ${length} caractères, au-delà des ${max} prévus par le modèle : le texte risque d'être coupé.`,
    en: `${field.en} is ${length} characters long, over the template's ${max}: the text may be cut.`,
  }),
  CELL_ERROR: (field: Field, error: string): Translated => ({
    fr: `La cellule affiche l'erreur Excel ${error} (${field.fr}). Corrigez la formule dans le classeur.`,
    en: `The cell shows the Excel error ${error} (${field.en}). Fix the formula in the workbook.`,
  }),
  DUPLICATE_VALUE: (field: Field, text: string, firstRow: number): Translated => ({
    fr: `${q.fr(text)} apparaît déjà ligne ${firstRow} : ${field.fr} doit être unique.`,
    en: `${q.en(text)} already appears on row ${firstRow}: ${field.en} must be unique.`,
  }),
  DUPLICATE_ROW: (firstRow: number): Translated => ({
    fr: `Cette ligne répète la ligne ${firstRow}.`,
    en: `This row repeats row ${firstRow}.`,
  }),
  ROW_WITHOUT_DATA: (): Translated => ({
    fr: `Cette ligne n'a aucune valeur dans les colonnes utilisées par le modèle.`,
    en: `This row has no value in the columns the template uses.`,
  }),
  IMAGE_NOT_FOUND: (field: Field, name: string, dir: string): Translated => ({
    fr: `L'image ${q.fr(name)} est introuvable dans le dossier ${dir} (${field.fr}).`,
    en: `The image ${q.en(name)} was not found in the folder ${dir} (${field.en}).`,
  }),
  IMAGES_FOUND_BY_REFERENCE: (field: Field, byReference: number, byEan: number, dir: string): Translated => ({
    fr: `${
      byReference === 0
        ? `${byEan} photo(s) trouvée(s) par code EAN`
        : `${byReference} photo(s) trouvée(s) par référence${byEan > 0 ? ` et ${byEan} par code EAN` : ''}`
    } dans ${dir} (${field.fr}).`,
    en: `${
      byReference === 0
        ? `${byEan} picture(s) found by EAN`
        : `${byReference} picture(s) found by reference${byEan > 0 ? ` and ${byEan} by EAN` : ''}`
    } in ${dir} (${field.en}).`,
  }),
  IMAGES_MISSING_BY_REFERENCE: (field: Field, rows: number[], dir: string, withEan: boolean): Translated => ({
    fr: `${rows.length} produit(s) sans photo : aucun fichier à leur référence${withEan ? ' ni à leur code EAN' : ''} dans ${dir} (${field.fr}), lignes ${rowList(rows)}.`,
    en: `${rows.length} product(s) without a picture: no file named after their reference${withEan ? ' or EAN' : ''} in ${dir} (${field.en}), rows ${rowList(rows)}.`,
  }),
  IMAGES_NOT_CHECKED: (field: Field): Translated => ({
    fr: `Aucun dossier d'images n'a été indiqué : les fichiers de ${field.fr} n'ont pas été vérifiés.`,
    en: `No images folder was given: the ${field.en} files were not checked.`,
  }),
  FIELD_NOT_MAPPED: (field: Field): Translated => ({
    fr: `Aucune colonne n'est associée au champ obligatoire ${field.fr}.`,
    en: `No column is mapped to the required field ${field.en}.`,
  }),
  COLUMN_NOT_FOUND: (field: Field, header: string): Translated => ({
    fr: `La colonne ${q.fr(header)} (${field.fr}) n'existe plus dans ce fichier.`,
    en: `The column ${q.en(header)} (${field.en}) is not in this file any more.`,
  }),
  HIDDEN_ROWS_SKIPPED: (rows: number[]): Translated => ({
    fr: `${rows.length} ligne(s) masquée(s) dans Excel ignorée(s) : ${rowList(rows)}.`,
    en: `${rows.length} row(s) hidden in Excel skipped: ${rowList(rows)}.`,
  }),
  VARIANTS_ATTACHED: (variants: number, products: number): Translated => ({
    fr: `${variants} ligne(s) de variante (taille, couleur, autre prix…) rattachée(s) à ${products} produit(s) au-dessus d'elles.`,
    en: `${variants} variant row(s) (size, colour, another price…) attached to the ${products} product(s) above them.`,
  }),
  PICTURE_ONLY_ROWS: (rows: number[]): Translated => ({
    fr: `Ligne(s) ne portant qu'une photo supplémentaire du produit au-dessus, non imprimée(s) : ${rowList(rows)}.`,
    en: `Row(s) holding only another picture of the product above, not printed: ${rowList(rows)}.`,
  }),
  BLANK_ROWS: (rows: number[]): Translated => ({
    fr: `${rows.length} ligne(s) vide(s) entre les produits, ignorée(s) : ${rowList(rows)}.`,
    en: `${rows.length} blank row(s) between products, skipped: ${rowList(rows)}.`,
  }),
};

export type IssueCode = keyof typeof messages;
