import type { Lang } from '../engine/model.ts';

const USAGE = {
  fr: `catalog — importe et vérifie des classeurs produits et tarifs

Usage :
  catalog inspect FICHIER [--sheet FEUILLE] [--template MODÈLE] [--save-mapping M.json] [--json] [--lang fr|en]
      Feuilles, ligne d'en-têtes trouvée, colonnes avec exemples et types, correspondance suggérée.
  catalog validate FICHIER [--sheet FEUILLE] [--template MODÈLE] [--mapping M.json] [--images DOSSIER]
                   [--json] [--annotate SORTIE.xlsx] [--include-hidden] [--lang fr|en]
      Liste les problèmes, cellule par cellule. Code de sortie : 0 sans erreur, 1 s'il y a des erreurs,
      2 si le fichier ne peut pas être lu.
  catalog build FICHIER --out DOSSIER [--template MODÈLE] [--mapping M.json] [--images DOSSIER]
                [--format pdf,tagged-text,data-merge] [--mode print|screen] [--bleed MM] [--marks|--no-marks]
                [--icc PROFIL.icc] [--locale fr-FR] [--title TITRE] [--password MDP] [--text-variant win|mac]
                [--force] [--lang fr|en]
      Produit le PDF (impression CMJN ou écran), le texte balisé InDesign et la source de fusion de
      données. Refuse s'il reste des erreurs, sauf --force. SOURCE_DATE_EPOCH fixe les dates.
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
                   [--json] [--annotate OUT.xlsx] [--include-hidden] [--lang fr|en]
      Lists the problems cell by cell. Exit code: 0 when no error, 1 when errors, 2 when the file
      cannot be read.
  catalog build FILE --out DIR [--template TEMPLATE] [--mapping M.json] [--images DIR]
                [--format pdf,tagged-text,data-merge] [--mode print|screen] [--bleed MM] [--marks|--no-marks]
                [--icc PROFILE.icc] [--locale en-GB] [--title TITLE] [--password PWD] [--text-variant win|mac]
                [--force] [--lang fr|en]
      Builds the PDF (CMYK print or screen), InDesign tagged text and the Data Merge source.
      Refuses while errors remain, unless --force. SOURCE_DATE_EPOCH fixes the dates.
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

export const usage = (lang: Lang) => USAGE[lang];
