// Every sentence the CLI prints, in French and English. Numbers go through the locale's formatter.
import type { ColumnType, Lang, SheetState } from '../api/index.ts';

const fmt = (lang: Lang) => (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');

const TYPES: Record<ColumnType, [string, string]> = {
  empty: ['vide', 'empty'],
  text: ['texte', 'text'],
  rich: ['texte enrichi', 'rich text'],
  number: ['nombre', 'number'],
  price: ['prix', 'price'],
  percent: ['pourcentage', 'percentage'],
  ean: ['EAN', 'EAN'],
  date: ['date', 'date'],
  boolean: ['oui/non', 'yes/no'],
  url: ['lien', 'link'],
  mixed: ['mixte', 'mixed'],
};

export function cliText(lang: Lang) {
  const n = fmt(lang);
  const fr = lang === 'fr';
  // French puts 0 and 1 in the singular (« 0 erreur »), English only 1.
  const plural = (count: number, one: string, many: string) =>
    `${n(count)} ${(fr ? count > 1 : count !== 1) ? many : one}`;
  return {
    n,
    columnType: (t: ColumnType) => TYPES[t][fr ? 0 : 1],
    file: (name: string, format: string, mode: 'full' | 'stream') =>
      fr
        ? `Fichier : ${name} (${format}${mode === 'stream' ? ', lu ligne à ligne' : ''})`
        : `File: ${name} (${format}${mode === 'stream' ? ', read row by row' : ''})`,
    csvDecoding: (encoding: string, delimiter: string) => {
      const d = delimiter === '\t' ? (fr ? 'tabulation' : 'tab') : delimiter;
      return fr ? `  encodage ${encoding}, séparateur « ${d} »` : `  encoding ${encoding}, delimiter "${d}"`;
    },
    sheets: fr ? 'Feuilles :' : 'Sheets:',
    sheetLine: (name: string, state: SheetState, rows: number, chosen: boolean) =>
      `  ${chosen ? '▸' : ' '} ${name} — ${plural(rows, fr ? 'ligne' : 'row', fr ? 'lignes' : 'rows')}` +
      (state !== 'visible' ? (fr ? ' (masquée)' : ' (hidden)') : '') +
      (chosen ? (fr ? '  ← lue' : '  ← read') : ''),
    tableLine: (sheet: string, header: number, rows: number) =>
      fr
        ? `Feuille « ${sheet} » : en-têtes ligne ${header}, ${plural(rows, 'ligne de données', 'lignes de données')}`
        : `Sheet "${sheet}": header on row ${header}, ${plural(rows, 'data row', 'data rows')}`,
    groupsLine: (names: string[]) =>
      fr
        ? `Familles (lignes de catégorie) : ${names.join(', ')}`
        : `Categories (category rows): ${names.join(', ')}`,
    columns: fr ? 'Colonnes :' : 'Columns:',
    hiddenColumn: fr ? 'masquée' : 'hidden',
    suggested: (template: string) =>
      fr
        ? `Correspondance suggérée (modèle « ${template} ») :`
        : `Suggested mapping (template "${template}"):`,
    noColumn: fr ? '— aucune colonne' : '— no column',
    required: fr ? 'obligatoire' : 'required',
    mappingSaved: (path: string) =>
      fr ? `Correspondance enregistrée dans ${path}` : `Mapping saved to ${path}`,
    summaryTitle: (file: string, sheet: string, items: number, template: string) =>
      fr
        ? `${file} › « ${sheet} » — ${plural(items, 'produit', 'produits')}, modèle « ${template} »`
        : `${file} › "${sheet}" — ${plural(items, 'product', 'products')}, template "${template}"`,
    severity: {
      error: fr ? 'Erreurs' : 'Errors',
      warning: fr ? 'Avertissements' : 'Warnings',
      info: fr ? 'Informations' : 'Information',
    },
    totals: (errors: number, warnings: number, infos: number) =>
      fr
        ? `Bilan : ${plural(errors, 'erreur', 'erreurs')}, ${plural(warnings, 'avertissement', 'avertissements')}, ${plural(infos, 'information', 'informations')}.`
        : `Result: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}, ${plural(infos, 'note', 'notes')}.`,
    allGood: fr ? 'Aucun problème : le fichier est prêt.' : 'No problems: the file is ready.',
    imagesFolder: (dir: string) => (fr ? `Dossier d'images : ${dir}` : `Images folder: ${dir}`),
    annotated: (path: string, count: number) =>
      fr
        ? `Copie annotée écrite dans ${path} (${plural(count, 'cellule signalée', 'cellules signalées')}).`
        : `Annotated copy written to ${path} (${plural(count, 'cell highlighted', 'cells highlighted')}).`,
    reading: fr ? 'Lecture' : 'Reading',
    checkingStage: fr ? 'vérification' : 'checking',
    errorPrefix: fr ? 'Erreur' : 'Error',
    // A mistyped word on the command line: said in one line, with the nearest valid word when one is close.
    unknownOption: (option: string) => (fr ? `option inconnue « ${option} »` : `unknown option "${option}"`),
    unknownCommand: (command: string) =>
      fr ? `commande inconnue « ${command} »` : `unknown command "${command}"`,
    unknownFormat: (format: string) => (fr ? `format inconnu « ${format} »` : `unknown format "${format}"`),
    noFormat: fr ? 'aucun format donné' : 'no format given',
    unknownValue: (option: string, value: string) =>
      fr ? `valeur inconnue « ${value} » pour ${option}` : `unknown value "${value}" for ${option}`,
    didYouMean: (word: string) => (fr ? ` : vouliez-vous dire « ${word} » ?` : `: did you mean "${word}"?`),
    oneOf: (words: readonly string[]) =>
      fr ? ` (au choix : ${words.join(', ')})` : ` (one of: ${words.join(', ')})`,
    seeHelp: (command?: string) =>
      fr
        ? ` — catalog ${command ? `${command} ` : ''}--help liste les options`
        : ` — catalog ${command ? `${command} ` : ''}--help lists the options`,
    needsValue: (option: string) =>
      fr ? `l'option « ${option} » attend une valeur` : `option "${option}" needs a value`,
    takesNoValue: (option: string) =>
      fr ? `l'option « ${option} » ne prend pas de valeur` : `option "${option}" takes no value`,
    expectedOneFile: fr ? 'un seul fichier attendu' : 'expected one file',
    unexpected: fr
      ? "Une erreur inattendue s'est produite. Relancez avec DEBUG=1 pour le détail technique."
      : 'An unexpected error occurred. Run again with DEBUG=1 for the technical detail.',
  };
}

export type CliText = ReturnType<typeof cliText>;
