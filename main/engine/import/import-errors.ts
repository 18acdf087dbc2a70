// The import's refusals: each names the file and tells the user what to do next, in French and English.
import { CatalogError } from '../errors.ts';
import { cancelledError } from '../cancelled.ts';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

export const importErrors = {
  // Every request names its workbook `file`: the field a surface points at.
  notFound: (file: string) =>
    new CatalogError(
      'FILE_NOT_FOUND',
      { fr: `Le fichier ${file} est introuvable.`, en: `The file ${file} was not found.` },
      { field: 'file' },
    ),
  unreadable: (file: string, cause: unknown) =>
    new CatalogError(
      'FILE_UNREADABLE',
      {
        fr: `Impossible de lire le fichier ${file} (${String(cause)}).`,
        en: `The file ${file} could not be read (${String(cause)}).`,
      },
      { cause },
    ),
  folder: (file: string) =>
    new CatalogError('FILE_IS_A_FOLDER', {
      fr: `${file} est un dossier, pas un classeur : indiquez un fichier .xlsx ou .csv.`,
      en: `${file} is a folder, not a workbook: give an .xlsx or .csv file.`,
    }),
  empty: (file: string) =>
    new CatalogError('FILE_EMPTY', {
      fr: `Le fichier ${file} est vide.`,
      en: `The file ${file} is empty.`,
    }),
  xls: (file: string) =>
    new CatalogError('XLS_NOT_SUPPORTED', {
      fr: `${file} est un classeur Excel 97-2003 (.xls). Ouvrez-le dans Excel et enregistrez-le au format .xlsx (Fichier › Enregistrer sous › Classeur Excel), puis réessayez.`,
      en: `${file} is an Excel 97-2003 workbook (.xls). Open it in Excel and save it as .xlsx (File › Save As › Excel Workbook), then try again.`,
    }),
  encrypted: (file: string) =>
    new CatalogError('WORKBOOK_ENCRYPTED', {
      fr: `${file} est protégé par un mot de passe. Ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur) et enregistrez-le, puis réessayez.`,
      en: `${file} is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it, then try again.`,
    }),
  ods: (file: string) =>
    new CatalogError('ODS_NOT_SUPPORTED', {
      fr: `${file} est un classeur OpenDocument (.ods). Enregistrez-le au format .xlsx (LibreOffice : Fichier › Enregistrer sous › Excel 2007-365), puis réessayez.`,
      en: `${file} is an OpenDocument spreadsheet (.ods). Save it as .xlsx (LibreOffice: File › Save As › Excel 2007-365), then try again.`,
    }),
  numbers: (file: string) =>
    new CatalogError('NUMBERS_NOT_SUPPORTED', {
      fr: `${file} est un document Apple Numbers. Exportez-le au format Excel (Numbers : Fichier › Exporter vers › Excel), puis réessayez.`,
      en: `${file} is an Apple Numbers document. Export it to Excel (Numbers: File › Export To › Excel), then try again.`,
    }),
  damaged: (file: string, detail?: string) =>
    new CatalogError('WORKBOOK_DAMAGED', {
      fr: `Le fichier ${file} est endommagé ou incomplet${detail ? ` (${detail})` : ''}. Rouvrez-le dans Excel et enregistrez-le à nouveau, ou demandez une nouvelle copie.`,
      en: `The file ${file} is damaged or incomplete${detail ? ` (${detail})` : ''}. Open it in Excel and save it again, or ask for a fresh copy.`,
    }),
  notAWorkbook: (file: string) =>
    new CatalogError('NOT_A_WORKBOOK', {
      fr: `${file} n'est ni un classeur Excel (.xlsx) ni un fichier CSV. Enregistrez vos données au format .xlsx ou .csv, puis réessayez.`,
      en: `${file} is neither an Excel workbook (.xlsx) nor a CSV file. Save your data as .xlsx or .csv, then try again.`,
    }),
  tooLarge: (file: string, size: number, limit: number) =>
    new CatalogError('FILE_TOO_LARGE', {
      fr: `${file} fait ${mb(size)} Mo, au-delà de la limite de ${mb(limit)} Mo. Découpez-le en plusieurs fichiers.`,
      en: `${file} is ${mb(size)} MB, over the ${mb(limit)} MB limit. Split it into several files.`,
    }),
  zipBomb: (file: string, entry: string) =>
    new CatalogError('WORKBOOK_SUSPICIOUS', {
      fr: `${file} a été refusé : une fois décompressé (${entry}), il serait anormalement volumineux. Ce n'est pas un classeur ordinaire ; enregistrez-le à nouveau depuis Excel.`,
      en: `${file} was refused: once decompressed (${entry}) it would be abnormally large. This is not an ordinary workbook; save it again from Excel.`,
    }),
  noSheet: (file: string) =>
    new CatalogError('WORKBOOK_NO_SHEET', {
      fr: `${file} ne contient aucune feuille lisible.`,
      en: `${file} contains no readable sheet.`,
    }),
  sheetNotFound: (file: string, sheet: string, available: string[]) =>
    new CatalogError('SHEET_NOT_FOUND', {
      fr: `La feuille « ${sheet} » n'existe pas dans ${file}. Feuilles : ${available.map((s) => `« ${s} »`).join(', ')}.`,
      en: `There is no sheet "${sheet}" in ${file}. Sheets: ${available.map((s) => `"${s}"`).join(', ')}.`,
    }),
  timeout: (file: string, seconds: number) =>
    new CatalogError('IMPORT_TIMEOUT', {
      fr: `La lecture de ${file} a dépassé ${seconds} s et a été arrêtée. Le fichier est peut-être trop gros ou endommagé ; découpez-le ou enregistrez-le à nouveau depuis Excel.`,
      en: `Reading ${file} took more than ${seconds} s and was stopped. The file may be too large or damaged; split it or save it again from Excel.`,
    }),
  // The same code as every other stage's cancel (engine/cancelled.ts); the words name the file.
  cancelled: (file: string) =>
    cancelledError({
      fr: `La lecture de ${file} a été annulée.`,
      en: `Reading ${file} was cancelled.`,
    }),
  tooManyRows: (file: string, sheet: string, limit: number) =>
    new CatalogError('TOO_MANY_ROWS', {
      fr: `La feuille « ${sheet} » de ${file} dépasse ${limit.toLocaleString('fr-FR')} lignes, la limite. Découpez-la en plusieurs fichiers.`,
      en: `Sheet "${sheet}" of ${file} has more than ${limit.toLocaleString('en-GB')} rows, the limit. Split it into several files.`,
    }),
  tooManyColumns: (file: string, sheet: string, limit: number) =>
    new CatalogError('TOO_MANY_COLUMNS', {
      fr: `La feuille « ${sheet} » de ${file} dépasse ${limit} colonnes, la limite. Supprimez les colonnes inutiles.`,
      en: `Sheet "${sheet}" of ${file} has more than ${limit} columns, the limit. Remove the columns you don't need.`,
    }),
  emptyHeader: (file: string, sheet: string, row: number) =>
    new CatalogError(
      'HEADER_ROW_EMPTY',
      {
        fr: `La ligne ${row} de la feuille « ${sheet} » de ${file} est vide : elle ne peut pas servir d'en-têtes.`,
        en: `Row ${row} of sheet "${sheet}" of ${file} is empty: it cannot be the header row.`,
      },
      { field: 'headerRow' },
    ),
  noHeader: (file: string, sheet: string) =>
    new CatalogError('NO_HEADER_ROW', {
      fr: `Aucune ligne d'en-têtes n'a été trouvée dans la feuille « ${sheet} » de ${file} : la feuille semble vide.`,
      en: `No header row was found in sheet "${sheet}" of ${file}: the sheet looks empty.`,
    }),
};
