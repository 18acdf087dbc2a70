// What `catalog --help` (the overview) and `catalog COMMAND --help` (that command alone) print, and the
// options each command reads, which are also the words a mistyped option is compared with.
import type { Lang } from '../api/index.ts';
import { PRESS_IDS } from '../api/contract.ts';

const USAGE = {
  fr: `catalog — importe et vérifie des classeurs produits et tarifs

Usage :
  catalog inspect FICHIER [--sheet FEUILLE] [--template MODÈLE] [--save-mapping M.json] [--json] [--lang fr|en]
      Feuilles, ligne d'en-têtes trouvée, colonnes avec exemples et types, correspondance suggérée.
  catalog validate FICHIER [--sheet FEUILLE] [--template MODÈLE] [--mapping M.json] [--images DOSSIER]
                   [--json] [--all] [--annotate SORTIE.xlsx] [--include-hidden] [--lang fr|en]
      Liste les problèmes, cellule par cellule ; un même problème sur plus de 5 lignes est résumé
      (--all les liste tous). Code de sortie : 0 sans erreur, 1 s'il y a des erreurs, 2 si le fichier
      ne peut pas être lu.
  catalog build FICHIER --out DOSSIER [--template MODÈLE] [--mapping M.json] [--images DOSSIER]
                [--format pdf,tagged-text,data-merge] [--mode print|screen] [--bleed MM] [--marks|--no-marks]
                [--icc PROFIL.icc] [--locale fr-FR] [--title TITRE] [--password MDP] [--text-variant win|mac]
                [--owner-password MDP] [--press FOGRA39] [--valid-from DATE] [--valid-until DATE]
                [--force] [--all] [--lang fr|en]
      Produit le PDF (impression CMJN ou écran), le texte balisé InDesign et la source de fusion de
      données. Refuse s'il reste des erreurs, sauf --force. SOURCE_DATE_EPOCH fixe les dates.
  catalog grid FICHIER --out DOSSIER [--resellers FEUILLE|FICHIER] [--template price-grid] [--white-label]
               [--password-column COLONNE] [--rounding 0,05:up] [--logos DOSSIER] [--only NOM,NOM]
               [--format print,screen,tagged-text] [--no-encrypt] [--workers N] [--list] [--json] [--lang fr|en]
      Une liste de prix par revendeur à partir des grilles (quantités × variantes) du classeur : PDF
      d'impression, PDF écran (protégé par le mot de passe du revendeur) et texte balisé, plus une synthèse.
      --list montre les grilles et revendeurs trouvés sans rien produire.
  catalog templates [--json]
      Les modèles disponibles et leurs champs.

Modèles : product-grid (par défaut), list-catalog, price-list, ou le chemin d'un fichier .json.
Un dossier « images » à côté du classeur est utilisé s'il existe et que --images n'est pas donné.
Vos propres modèles : placez leurs fichiers .json dans le dossier nommé par CATALOG_TEMPLATES.

Prix (inspect, validate, build) : la devise, HT/TTC et la TVA viennent de la feuille ; à défaut :
  --currency CODE     devise ISO 4217 (EUR, PLN, USD…) quand la feuille n'en montre aucune
  --vat TAUX          taux de TVA en % : --vat 20, ou par famille --vat "Vins=20;Livres=5,5"
  --prices ht|ttc     base des prix quand ni l'en-tête ni le titre ne la disent
Sans taux connu, aucun prix TTC n'est calculé ; sans devise, les montants sont imprimés sans devise.`,
  en: `catalog — imports and checks product and price workbooks

Usage:
  catalog inspect FILE [--sheet SHEET] [--template TEMPLATE] [--save-mapping M.json] [--json] [--lang fr|en]
      Sheets, detected header row, columns with samples and types, suggested mapping.
  catalog validate FILE [--sheet SHEET] [--template TEMPLATE] [--mapping M.json] [--images DIR]
                   [--json] [--all] [--annotate OUT.xlsx] [--include-hidden] [--lang fr|en]
      Lists the problems cell by cell; one problem on more than 5 rows is summed up (--all lists
      every one). Exit code: 0 when no error, 1 when errors, 2 when the file cannot be read.
  catalog build FILE --out DIR [--template TEMPLATE] [--mapping M.json] [--images DIR]
                [--format pdf,tagged-text,data-merge] [--mode print|screen] [--bleed MM] [--marks|--no-marks]
                [--icc PROFILE.icc] [--locale en-GB] [--title TITLE] [--password PWD] [--text-variant win|mac]
                [--owner-password PWD] [--press FOGRA39] [--valid-from DATE] [--valid-until DATE]
                [--force] [--all] [--lang fr|en]
      Builds the PDF (CMYK print or screen), InDesign tagged text and the Data Merge source.
      Refuses while errors remain, unless --force. SOURCE_DATE_EPOCH fixes the dates.
  catalog grid FILE --out DIR [--resellers SHEET|FILE] [--template price-grid] [--white-label]
               [--password-column COLUMN] [--rounding 0.05:up] [--logos DIR] [--only NAME,NAME]
               [--format print,screen,tagged-text] [--no-encrypt] [--workers N] [--list] [--json] [--lang fr|en]
      One price list per reseller from the workbook's grids (quantities × variants): a print PDF, a
      screen PDF (protected by the reseller's password) and tagged text, plus a summary table.
      --list shows the grids and resellers found without building anything.
  catalog templates [--json]
      The available templates and their fields.

Templates: product-grid (default), list-catalog, price-list, or the path of a .json file.
An "images" folder next to the workbook is used when it exists and --images is not given.
Your own templates: put their .json files in the folder named by CATALOG_TEMPLATES.

Prices (inspect, validate, build): currency, tax basis and VAT come from the sheet; failing that:
  --currency CODE     ISO 4217 currency (EUR, PLN, USD…) when the sheet shows none
  --vat RATE          VAT rate in %: --vat 20, or per family --vat "Wine=20;Books=5.5"
  --prices excl|incl  basis of the prices when neither the header nor the title says it
With no known rate no price including VAT is computed; with no currency amounts print without one.`,
};

/** The overview: every command in one screen. */
export const usage = (lang: Lang) => USAGE[lang];

export const COMMANDS = ['inspect', 'validate', 'build', 'grid', 'templates'] as const;
export type Command = (typeof COMMANDS)[number];
export const isCommand = (word: string | undefined): word is Command =>
  (COMMANDS as readonly string[]).includes(word ?? '');

const MONEY = ['currency', 'vat', 'prices'] as const;

/** The options each command reads, in the order its help lists them. */
export const COMMAND_OPTIONS: Record<Command, readonly string[]> = {
  inspect: ['sheet', 'template', 'save-mapping', ...MONEY, 'json', 'lang', 'help'],
  validate: [
    'sheet',
    'template',
    'mapping',
    'images',
    'annotate',
    'include-hidden',
    ...MONEY,
    'json',
    'all',
    'lang',
    'help',
  ],
  build: [
    'out',
    'sheet',
    'template',
    'mapping',
    'images',
    'format',
    'mode',
    'bleed',
    'marks',
    'no-marks',
    'icc',
    'press',
    'locale',
    'title',
    'valid-from',
    'valid-until',
    'password',
    'owner-password',
    'text-variant',
    ...MONEY,
    'force',
    'all',
    'lang',
    'help',
  ],
  grid: [
    'out',
    'resellers',
    'template',
    'white-label',
    'password-column',
    'rounding',
    'logos',
    'only',
    'format',
    'no-encrypt',
    'workers',
    'text-variant',
    'list',
    'json',
    'lang',
    'help',
  ],
  templates: ['json', 'lang', 'help'],
};

type Words = { fr: string; en: string };
const w = (fr: string, en: string = fr): Words => ({ fr, en });

const OPTION_HELP: Record<string, { value?: Words; help: Words }> = {
  sheet: {
    value: w('FEUILLE', 'SHEET'),
    help: w('la feuille à lire, par son nom', 'the sheet to read, by name'),
  },
  template: {
    value: w('MODÈLE', 'TEMPLATE'),
    help: w(
      'product-grid (par défaut), list-catalog, price-list, ou un fichier .json',
      'product-grid (default), list-catalog, price-list, or a .json file',
    ),
  },
  mapping: {
    value: w('M.json'),
    help: w(
      'correspondance colonnes → champs enregistrée par inspect --save-mapping',
      'the column → field mapping saved by inspect --save-mapping',
    ),
  },
  'save-mapping': {
    value: w('M.json'),
    help: w(
      'enregistre la correspondance suggérée, à réutiliser avec --mapping',
      'saves the suggested mapping, to reuse with --mapping',
    ),
  },
  images: {
    value: w('DOSSIER', 'DIR'),
    help: w(
      'le dossier des photos (à défaut : images/ ou photos/ près du classeur)',
      'the pictures folder (failing that: images/ or photos/ beside the workbook)',
    ),
  },
  annotate: {
    value: w('SORTIE.xlsx', 'OUT.xlsx'),
    help: w(
      'écrit une copie du classeur où chaque cellule en cause est signalée',
      'writes a copy of the workbook with every faulty cell highlighted',
    ),
  },
  'include-hidden': {
    help: w(
      'lit aussi les lignes masquées dans Excel (ignorées sinon)',
      'reads the rows hidden in Excel too (skipped otherwise)',
    ),
  },
  out: {
    value: w('DOSSIER', 'DIR'),
    help: w(
      'le dossier où écrire les fichiers (obligatoire)',
      'the folder to write the files into (required)',
    ),
  },
  format: {
    value: w('LISTE', 'LIST'),
    help: w(
      'pdf (par défaut), tagged-text, data-merge, séparés par des virgules',
      'pdf (default), tagged-text, data-merge, comma-separated',
    ),
  },
  mode: {
    value: w('print|screen'),
    help: w(
      "PDF d'impression CMJN (par défaut) ou PDF écran RVB",
      'CMYK print PDF (default) or RGB screen PDF',
    ),
  },
  bleed: {
    value: w('MM'),
    help: w('le fond perdu, en millimètres de 0 à 10', 'the bleed, in millimetres from 0 to 10'),
  },
  marks: { help: w('avec les traits de coupe', 'with crop marks') },
  'no-marks': { help: w('sans les traits de coupe', 'without crop marks') },
  icc: {
    value: w('PROFIL.icc', 'PROFILE.icc'),
    help: w(
      "le profil CMJN de l'imprimeur, pour convertir les images",
      "the printer's CMYK profile, to convert the pictures with",
    ),
  },
  press: {
    value: w('CONDITION'),
    help: w(
      `condition d'impression nommée dans le PDF (${PRESS_IDS.join(', ')}), avec --icc ou le profil installé`,
      `printing condition the PDF names (${PRESS_IDS.join(', ')}), with --icc or the installed profile`,
    ),
  },
  locale: {
    value: w('fr-FR', 'en-GB'),
    help: w(
      'écriture des nombres, prix et dates (par défaut : fr-FR ; en-GB en anglais)',
      'how numbers, prices and dates print (default: en-GB, fr-FR in French)',
    ),
  },
  title: {
    value: w('TITRE', 'TITLE'),
    help: w(
      'titre du catalogue (par défaut : celui de la feuille, sinon aucun)',
      "the catalog's title (default: the sheet's title, else none)",
    ),
  },
  'valid-from': {
    value: w('DATE'),
    help: w(
      'début de validité des prix (01/01/2027 ou 2027-01-01), imprimé par les conditions du modèle',
      "start of the prices' validity (01/01/2027 or 2027-01-01), printed by the template's terms",
    ),
  },
  'valid-until': {
    value: w('DATE'),
    help: w(
      'fin de validité des prix, imprimée par les conditions du modèle ; jamais inventée',
      "end of the prices' validity, printed by the template's terms; never made up",
    ),
  },
  password: {
    value: w('MDP', 'PWD'),
    help: w('protège le PDF par un mot de passe', 'protects the PDF with a password'),
  },
  'owner-password': {
    value: w('MDP', 'PWD'),
    help: w(
      'mot de passe qui lève les limites du PDF protégé (copie, modification) ; aléatoire sinon',
      "the password that lifts the locked PDF's limits (copying, editing); random otherwise",
    ),
  },
  'text-variant': {
    value: w('win|mac'),
    help: w(
      'texte balisé InDesign pour Windows (par défaut) ou Mac',
      'InDesign tagged text for Windows (default) or Mac',
    ),
  },
  currency: {
    value: w('CODE'),
    help: w(
      'devise ISO 4217 (EUR, PLN, USD…) quand la feuille n’en montre aucune',
      'ISO 4217 currency (EUR, PLN, USD…) when the sheet shows none',
    ),
  },
  vat: {
    value: w('TAUX', 'RATE'),
    help: w(
      'taux de TVA en % : --vat 20, ou par famille --vat "Vins=20;Livres=5,5"',
      'VAT rate in %: --vat 20, or per family --vat "Wine=20;Books=5.5"',
    ),
  },
  prices: {
    value: w('ht|ttc', 'excl|incl'),
    help: w(
      'base des prix quand ni l’en-tête ni le titre ne la disent',
      'basis of the prices when neither the header nor the title says it',
    ),
  },
  force: { help: w('produit malgré les erreurs qui restent', 'builds even while errors remain') },
  resellers: {
    value: w('FEUILLE|FICHIER', 'SHEET|FILE'),
    help: w(
      'la feuille ou le fichier des revendeurs (par défaut : la feuille qui en a les en-têtes)',
      'the resellers sheet or file (default: the sheet with their headers)',
    ),
  },
  'white-label': {
    help: w(
      'marque blanche : aucune mention du fournisseur (nom, logo, adresse)',
      'white label: no trace of the supplier (name, logo, address)',
    ),
  },
  'password-column': {
    value: w('COLONNE', 'COLUMN'),
    help: w(
      'la colonne des mots de passe (en-tête ou lettre) de la feuille des revendeurs',
      'the passwords column (header or letter) of the resellers sheet',
    ),
  },
  rounding: {
    value: w('0,05:up'),
    help: w(
      'arrondi des prix nets : 0,01 / 0,05 / 0,10 / .90 / .99, puis up ou nearest',
      'rounding of net prices: 0.01 / 0.05 / 0.10 / .90 / .99, then up or nearest',
    ),
  },
  logos: {
    value: w('DOSSIER', 'DIR'),
    help: w(
      'le dossier des logos (par défaut : logos/ près du classeur, puis son dossier)',
      "the logos folder (default: logos/ beside the workbook, then the workbook's folder)",
    ),
  },
  only: {
    value: w('NOM,NOM', 'NAME,NAME'),
    help: w('seulement ces revendeurs', 'only these resellers'),
  },
  'no-encrypt': {
    help: w(
      'PDF écran sans mot de passe, même si le revendeur en a un',
      'screen PDFs without a password, even when the reseller has one',
    ),
  },
  workers: {
    value: w('N'),
    help: w('fils de calcul (par défaut : un par cœur)', 'threads (default: one per core)'),
  },
  list: {
    help: w(
      'montre les grilles et revendeurs trouvés, sans rien produire',
      'shows the grids and resellers found, without building',
    ),
  },
  json: { help: w('répond en JSON', 'answers in JSON') },
  all: {
    help: w(
      'liste chaque problème, même quand le même se répète sur plus de 5 lignes',
      'lists every problem, even when the same one repeats on more than 5 rows',
    ),
  },
  lang: {
    value: w('fr|en'),
    help: w(
      'la langue des messages (par défaut : celle du système)',
      "the messages' language (default: the system's)",
    ),
  },
  help: { help: w('cette aide', 'this help') },
};

/** Where `grid` reads an option differently from the catalog commands. */
const GRID_OPTION_HELP: Record<string, { value?: Words; help: Words }> = {
  template: {
    value: w('MODÈLE', 'TEMPLATE'),
    help: w('price-grid (par défaut), ou un fichier .json', 'price-grid (default), or a .json file'),
  },
  format: {
    value: w('LISTE', 'LIST'),
    help: w(
      'print, screen, tagged-text (tous par défaut), séparés par des virgules',
      'print, screen, tagged-text (all by default), comma-separated',
    ),
  },
};

const INTRO: Record<Command, { usage: Words; text: Words }> = {
  inspect: {
    usage: w('catalog inspect FICHIER [options]', 'catalog inspect FILE [options]'),
    text: w(
      "Montre ce que contient un classeur : ses feuilles, la ligne d'en-têtes trouvée, le rôle des\nlignes, chaque colonne avec exemples et type, et la correspondance suggérée pour le modèle.",
      'Shows what a workbook holds: its sheets, the header row found, the role of the rows, each column\nwith samples and type, and the mapping suggested for the template.',
    ),
  },
  validate: {
    usage: w('catalog validate FICHIER [options]', 'catalog validate FILE [options]'),
    text: w(
      "Liste les problèmes, cellule par cellule. Code de sortie : 0 sans erreur, 1 s'il y a des erreurs,\n2 si le fichier ne peut pas être lu.",
      'Lists the problems cell by cell. Exit code: 0 when no error, 1 when errors, 2 when the file\ncannot be read.',
    ),
  },
  build: {
    usage: w('catalog build FICHIER --out DOSSIER [options]', 'catalog build FILE --out DIR [options]'),
    text: w(
      "Produit le PDF (impression CMJN ou écran), le texte balisé InDesign et la source de fusion de\ndonnées, sans jamais écrire sur le classeur. Refuse s'il reste des erreurs, sauf --force.\nSOURCE_DATE_EPOCH fixe les dates, pour des fichiers identiques d'une production à l'autre.",
      'Builds the PDF (CMYK print or screen), InDesign tagged text and the Data Merge source, never over\nthe workbook. Refuses while errors remain, unless --force. SOURCE_DATE_EPOCH fixes the dates, for\nbyte-identical rebuilds.',
    ),
  },
  grid: {
    usage: w('catalog grid FICHIER --out DOSSIER [options]', 'catalog grid FILE --out DIR [options]'),
    text: w(
      "Une liste de prix par revendeur à partir des grilles du classeur (quantités × variantes) et de\nsa feuille des revendeurs : PDF d'impression, PDF écran protégé par le mot de passe du revendeur,\ntexte balisé InDesign, et une synthèse (sans les mots de passe). Formats (--format) : print,\nscreen, tagged-text (tous par défaut).",
      "One price list per reseller from the workbook's grids (quantities × variants) and its resellers\nsheet: a print PDF, a screen PDF protected by the reseller's password, InDesign tagged text, and a\nsummary (never the passwords). Formats (--format): print, screen, tagged-text (all by default).",
    ),
  },
  templates: {
    usage: w('catalog templates [options]'),
    text: w(
      'Les modèles disponibles et leurs champs (* : obligatoire). Vos propres modèles : placez leurs\nfichiers .json dans le dossier nommé par CATALOG_TEMPLATES.',
      'The available templates and their fields (*: required). Your own templates: put their .json\nfiles in the folder named by CATALOG_TEMPLATES.',
    ),
  },
};

/** The command's one-line usage: `catalog build FILE --out DIR [options]`. */
export const commandSynopsis = (command: Command, lang: Lang) => INTRO[command].usage[lang];

/** `catalog COMMAND --help`: that command's usage and each of its options, one line apiece. */
export function commandHelp(command: Command, lang: Lang): string {
  const intro = INTRO[command];
  const rows = COMMAND_OPTIONS[command].map((name) => {
    const option = (command === 'grid' ? GRID_OPTION_HELP[name] : undefined) ?? OPTION_HELP[name]!;
    const flag = `${name === 'help' ? '-h, ' : ''}--${name}${option.value ? ` ${option.value[lang]}` : ''}`;
    return [flag, option.help[lang]] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `${intro.usage[lang]}`,
    '',
    intro.text[lang],
    '',
    lang === 'fr' ? 'Options :' : 'Options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
  ].join('\n');
}

/** The words an option may be, as typed (`--format`), for a command or for any command. */
export function optionWords(command?: Command): string[] {
  const names = command ? COMMAND_OPTIONS[command] : [...new Set(Object.values(COMMAND_OPTIONS).flat())];
  return names.map((name) => `--${name}`);
}
