// The Open screen's words. The engine's refusals carry their own words; `problems` adds a headline
// and one short tip per code, so a designer sees at a glance what kind of trouble it is.
export const openStrings = {
  fr: {
    title: 'Ouvrir un classeur',
    lead: 'Le classeur de vos produits et de vos prix, tel que vous le tenez dans Excel.',
    drop: 'Déposez un classeur Excel ou CSV',
    dropActive: 'Relâchez pour ouvrir ce fichier',
    or: 'ou',
    choose: 'Choisir un fichier…',
    formats: 'Formats acceptés : .xlsx, .xlsm, .csv',
    typedPathLabel: "ou tapez le chemin d'un fichier sur cet ordinateur",
    typedPathPlaceholder: '/home/vous/Documents/tarif-2026.xlsx',
    typedPathOpen: 'Ouvrir',
    uploading: 'Envoi du fichier…',
    opening: 'Ouverture de {{name}}…',
    current: 'Classeur ouvert',
    currentDetail: '{{file}} — feuille « {{sheet}} », {{rows}} lignes',
    continue: 'Continuer avec ce classeur',
    project: {
      title: 'Projet {{name}}',
      lastFile: 'Dernier classeur : {{file}}',
      reopen: 'Rouvrir {{file}}',
      keep: 'Ouvrir le même projet avec un autre fichier',
      keepHelp:
        'Pour le fichier du mois suivant : la feuille, les colonnes, le modèle, la mise en page et la sortie sont conservés ; seule la ligne d’en-têtes est détectée à nouveau.',
    },
    recent: 'Projets récents',
    problems: {
      WORKBOOK_ENCRYPTED: {
        title: 'Ce classeur est protégé par un mot de passe',
        tip: 'Nous ne lisons pas les classeurs chiffrés, même avec le mot de passe : retirez la protection dans Excel.',
      },
      WORKBOOK_DAMAGED: {
        title: 'Ce fichier est endommagé',
        tip: 'Un fichier copié à moitié ou une pièce jointe tronquée donne souvent ce résultat.',
      },
      FILE_EMPTY: {
        title: 'Ce fichier est vide',
        tip: 'Il ne contient aucun octet : vérifiez que vous avez choisi le bon fichier.',
      },
      XLS_NOT_SUPPORTED: {
        title: 'Ancien format Excel (.xls)',
        tip: 'Enregistrez-le au format .xlsx, puis ouvrez la copie.',
      },
      ODS_NOT_SUPPORTED: {
        title: 'Classeur OpenDocument (.ods)',
        tip: 'Enregistrez-le au format .xlsx, puis ouvrez la copie.',
      },
      NUMBERS_NOT_SUPPORTED: {
        title: 'Document Apple Numbers',
        tip: 'Exportez-le au format Excel, puis ouvrez la copie.',
      },
      NOT_A_WORKBOOK: {
        title: "Ce n'est pas un classeur",
        tip: 'Seuls les fichiers .xlsx, .xlsm et .csv peuvent être ouverts.',
      },
      UNSUPPORTED_FILE: {
        title: "Ce type de fichier n'est pas pris en charge",
        tip: 'Seuls les fichiers .xlsx, .xlsm et .csv peuvent être ouverts.',
      },
      FILE_NOT_FOUND: {
        title: 'Fichier introuvable',
        tip: 'Il a peut-être été déplacé ou renommé depuis : choisissez-le à nouveau.',
      },
      PATH_NOT_FOUND: {
        title: 'Chemin introuvable',
        tip: 'Vérifiez l’orthographe du chemin, ou utilisez « Choisir un fichier… ».',
      },
      PATH_NOT_A_FILE: {
        title: 'Ce chemin est un dossier',
        tip: 'Indiquez le chemin complet du fichier, nom et extension compris.',
      },
      FILE_IS_A_FOLDER: {
        title: 'Ce chemin est un dossier',
        tip: 'Indiquez le chemin complet du fichier, nom et extension compris.',
      },
      FILE_UNREADABLE: {
        title: 'Fichier illisible',
        tip: 'Il est peut-être ouvert dans un autre programme : fermez-le et réessayez.',
      },
      FILE_TOO_LARGE: {
        title: 'Fichier trop volumineux',
        tip: 'Découpez le classeur en plusieurs fichiers.',
      },
      REQUEST_TOO_LARGE: {
        title: 'Fichier trop volumineux',
        tip: 'Découpez le classeur en plusieurs fichiers.',
      },
      SHEET_NOT_FOUND: {
        title: "La feuille du projet n'existe pas dans ce fichier",
        tip: 'Décochez « Ouvrir le même projet avec un autre fichier » pour l’ouvrir comme un nouveau classeur.',
      },
      WORKBOOK_NO_SHEET: {
        title: 'Aucune feuille lisible',
        tip: 'Vérifiez que le classeur contient des données.',
      },
      NO_HEADER_ROW: {
        title: 'Feuille vide',
        tip: 'Choisissez un classeur, ou une feuille, qui contient des données.',
      },
    },
  },
  en: {
    title: 'Open a workbook',
    lead: 'The workbook of your products and prices, as you keep it in Excel.',
    drop: 'Drop an Excel or CSV workbook',
    dropActive: 'Release to open this file',
    or: 'or',
    choose: 'Choose a file…',
    formats: 'Accepted formats: .xlsx, .xlsm, .csv',
    typedPathLabel: 'or type the path of a file on this computer',
    typedPathPlaceholder: '/home/you/Documents/prices-2026.xlsx',
    typedPathOpen: 'Open',
    uploading: 'Sending the file…',
    opening: 'Opening {{name}}…',
    current: 'Current workbook',
    currentDetail: '{{file}} — sheet “{{sheet}}”, {{rows}} rows',
    continue: 'Continue with this workbook',
    project: {
      title: 'Project {{name}}',
      lastFile: 'Last workbook: {{file}}',
      reopen: 'Re-open {{file}}',
      keep: 'Open the same project with another file',
      keepHelp:
        "For next month's file: the sheet, columns, template, layout and output are kept; only the header row is detected again.",
    },
    recent: 'Recent projects',
    problems: {
      WORKBOOK_ENCRYPTED: {
        title: 'This workbook is password-protected',
        tip: 'Encrypted workbooks cannot be read, even with the password: remove the protection in Excel.',
      },
      WORKBOOK_DAMAGED: {
        title: 'This file is damaged',
        tip: 'A half-copied file or a truncated e-mail attachment often looks like this.',
      },
      FILE_EMPTY: {
        title: 'This file is empty',
        tip: 'It holds no bytes at all: check that you picked the right file.',
      },
      XLS_NOT_SUPPORTED: {
        title: 'Old Excel format (.xls)',
        tip: 'Save it as .xlsx, then open the copy.',
      },
      ODS_NOT_SUPPORTED: {
        title: 'OpenDocument spreadsheet (.ods)',
        tip: 'Save it as .xlsx, then open the copy.',
      },
      NUMBERS_NOT_SUPPORTED: {
        title: 'Apple Numbers document',
        tip: 'Export it to Excel, then open the copy.',
      },
      NOT_A_WORKBOOK: {
        title: 'This is not a workbook',
        tip: 'Only .xlsx, .xlsm and .csv files can be opened.',
      },
      UNSUPPORTED_FILE: {
        title: 'This kind of file is not supported',
        tip: 'Only .xlsx, .xlsm and .csv files can be opened.',
      },
      FILE_NOT_FOUND: {
        title: 'File not found',
        tip: 'It may have been moved or renamed since: choose it again.',
      },
      PATH_NOT_FOUND: {
        title: 'Path not found',
        tip: 'Check how the path is spelt, or use “Choose a file…”.',
      },
      PATH_NOT_A_FILE: {
        title: 'This path is a folder',
        tip: "Give the file's full path, with its name and extension.",
      },
      FILE_IS_A_FOLDER: {
        title: 'This path is a folder',
        tip: "Give the file's full path, with its name and extension.",
      },
      FILE_UNREADABLE: {
        title: 'The file cannot be read',
        tip: 'It may be open in another program: close it and try again.',
      },
      FILE_TOO_LARGE: {
        title: 'The file is too large',
        tip: 'Split the workbook into several files.',
      },
      REQUEST_TOO_LARGE: {
        title: 'The file is too large',
        tip: 'Split the workbook into several files.',
      },
      SHEET_NOT_FOUND: {
        title: "The project's sheet is not in this file",
        tip: 'Untick “Open the same project with another file” to open it as a new workbook.',
      },
      WORKBOOK_NO_SHEET: {
        title: 'No readable sheet',
        tip: 'Check that the workbook holds data.',
      },
      NO_HEADER_ROW: {
        title: 'The sheet is empty',
        tip: 'Choose a workbook, or a sheet, that holds data.',
      },
    },
  },
};
