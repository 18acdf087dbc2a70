// A print-trade workbook read whole: its reseller list (a sheet of it, or a separate file), its
// optional settings sheets, and every other visible sheet that reads as a price grid. What the
// `grid` command, the app's Resellers step and the batch all start from.
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { GridSource } from '../../api/grid-contract.ts';
import { columnIndex, columnLetter } from '../../engine/common/column-letter.ts';
import { cellText } from '../../engine/common/cell-text.ts';
import { CatalogError, isCatalogError } from '../../engine/errors.ts';
import type { PriceGrid } from '../../engine/grid/grid-model.ts';
import { readPriceGrid } from '../../engine/grid/read-price-grid.ts';
import { readGridSettings, type GridSettings } from '../../engine/grid-settings/read-grid-settings.ts';
import { mergeGridSettings } from '../../engine/grid-settings/grid-settings-model.ts';
import { importSheets } from '../../engine/import/import-workbook.ts';
import { sheetMatches } from '../../engine/import/choose-sheet.ts';
import type { Issue, RawSheet } from '../../engine/model.ts';
import { parseRoundingRule } from '../../engine/pricing/rounding.ts';
import { findResellerSheet, matchResellerHeader } from '../../engine/resellers/find-reseller-sheet.ts';
import type { ResellerList, ResellerSheetMatch } from '../../engine/resellers/reseller-model.ts';
import { readResellers } from '../../engine/resellers/read-resellers.ts';
import { foldForMatch } from '../../engine/values/normalize-text.ts';
import type { Hooks } from '../open-source.ts';

export type GridWorkbook = {
  file: string;
  grids: PriceGrid[];
  resellers: ResellerList;
  settings: GridSettings;
  /** Folders a logo is looked for in, first match wins. */
  logoDirs: string[];
  logoFiles: string[];
  issues: Issue[];
};

const gridErrors = {
  noResellers: (file: string) =>
    new CatalogError(
      'GRID_NO_RESELLERS',
      {
        fr: `${file} : aucune feuille ne ressemble à une liste de revendeurs (colonnes Nom et Niveau, Remise ou Coefficient). Indiquez la feuille ou le fichier des revendeurs.`,
        en: `${file}: no sheet looks like a reseller list (Name and Level, Discount or Coefficient columns). Say which sheet or file holds the resellers.`,
      },
      { field: 'resellers' },
    ),
  notAResellerSheet: (file: string, sheet: string) =>
    new CatalogError(
      'GRID_NOT_RESELLERS',
      {
        fr: `${file}, feuille « ${sheet} » : ce n'est pas une liste de revendeurs (il faut une colonne Nom et une colonne Niveau, Remise ou Coefficient).`,
        en: `${file}, sheet "${sheet}": this is not a reseller list (a Name column and a Level, Discount or Coefficient column are needed).`,
      },
      { field: 'resellers' },
    ),
  noSuchSheet: (file: string, sheet: string, names: string[]) =>
    new CatalogError(
      'SHEET_NOT_FOUND',
      {
        fr: `${file} n'a pas de feuille « ${sheet} ». Feuilles : ${names.join(', ')}.`,
        en: `${file} has no sheet "${sheet}". Sheets: ${names.join(', ')}.`,
      },
      { field: 'resellers' },
    ),
  noGrid: (file: string) =>
    new CatalogError('GRID_NOT_FOUND', {
      fr: `${file} : aucune feuille ne contient de grille de prix (un bloc quantités × variantes, ou des colonnes Famille, Variante, Quantité, Prix).`,
      en: `${file}: no sheet holds a price grid (a block of quantities × variants, or Family, Variant, Quantity, Price columns).`,
    }),
  badRounding: (text: string) =>
    new CatalogError(
      'GRID_BAD_ROUNDING',
      {
        fr: `Arrondi « ${text} » incompris : écrivez par exemple 0,05:up, 0,10:nearest, .90:up ou .99:nearest.`,
        en: `Rounding "${text}" not understood: write for instance 0.05:up, 0.10:nearest, .90:up or .99:nearest.`,
      },
      { field: 'rounding' },
    ),
  noPasswordColumn: (sheet: string, column: string) =>
    new CatalogError(
      'GRID_NO_PASSWORD_COLUMN',
      {
        fr: `La feuille « ${sheet} » n'a pas de colonne « ${column} » pour les mots de passe (donnez son en-tête ou sa lettre).`,
        en: `The sheet "${sheet}" has no column "${column}" for passwords (give its header or its letter).`,
      },
      { field: 'passwordColumn' },
    ),
};

/** A separate reseller file is named by a path; a sheet of the workbook by its name. */
const looksLikePath = (text: string) => /[\\/]/.test(text) || /\.(xlsx|xlsm|csv)$/i.test(text);

async function resellerSource(
  request: GridSource,
  file: string,
  sheets: RawSheet[],
  hooks: Hooks,
): Promise<{ sheet: RawSheet; match: ResellerSheetMatch; separate: boolean; notices: Issue[] }> {
  const given = request.resellers?.trim();
  if (given && looksLikePath(given)) {
    const other = await importSheets(resolve(given), hooks);
    const match = findResellerSheet(other.sheets);
    if (!match) throw gridErrors.noResellers(other.file);
    return {
      sheet: other.sheets.find((s) => s.name === match.sheet)!,
      match,
      separate: true,
      notices: other.notices,
    };
  }
  if (given) {
    const sheet = sheets.find((s) => sheetMatches(given, s.name));
    if (!sheet)
      throw gridErrors.noSuchSheet(
        file,
        given,
        sheets.map((s) => s.name),
      );
    const match = matchResellerHeader(sheet);
    if (!match) throw gridErrors.notAResellerSheet(file, sheet.name);
    return { sheet, match, separate: false, notices: [] };
  }
  const match = findResellerSheet(sheets.filter((s) => s.state === 'visible'));
  if (!match) throw gridErrors.noResellers(file);
  return { sheet: sheets.find((s) => s.name === match.sheet)!, match, separate: false, notices: [] };
}

/** `--password-column`: a header (any case, accents folded) or a column letter. */
function withPasswordColumn(sheet: RawSheet, match: ResellerSheetMatch, column: string): ResellerSheetMatch {
  const header = sheet.rows.find((r) => r.number === match.headerRow);
  const cells = header?.cells ?? [];
  const wanted = foldForMatch(column);
  let index = cells.findIndex((c) => foldForMatch(cellText(c)) === wanted);
  if (index < 0 && /^[A-Za-z]{1,3}$/.test(column.trim())) index = columnIndex(column.trim().toUpperCase());
  if (index < 0) throw gridErrors.noPasswordColumn(sheet.name, column);
  return {
    ...match,
    columns: {
      ...match.columns,
      password: {
        index,
        letter: columnLetter(index),
        header: cells[index] ? cellText(cells[index]!) : column,
      },
    },
  };
}

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

export async function readGridWorkbook(request: GridSource, hooks: Hooks = {}): Promise<GridWorkbook> {
  const path = resolve(request.file);
  const workbook = await importSheets(path, hooks);
  const { file, sheets } = workbook;
  const issues: Issue[] = [...workbook.notices];

  const source = await resellerSource(request, file, sheets, hooks);
  issues.push(...source.notices);
  const match = request.passwordColumn
    ? withPasswordColumn(source.sheet, source.match, request.passwordColumn)
    : source.match;

  const skip = source.separate ? [] : [source.sheet.name];
  const read = readGridSettings(sheets, { skip });
  issues.push(...read.issues);
  let settings = read.settings;
  if (request.rounding !== undefined) {
    const rule = parseRoundingRule(request.rounding);
    if (!rule) throw gridErrors.badRounding(request.rounding);
    settings = mergeGridSettings(settings, { rounding: rule });
  }

  // Every other visible sheet is tried as a grid; one that is not is said, not fatal.
  const settingsSheets = new Set(Object.values(read.used));
  const grids: PriceGrid[] = [];
  for (const sheet of sheets) {
    if (sheet.state !== 'visible' || skip.includes(sheet.name) || settingsSheets.has(sheet.name)) continue;
    try {
      const result = readPriceGrid(sheet);
      grids.push(result.grid);
      issues.push(...result.issues);
    } catch (error) {
      if (!isCatalogError(error) || error.code !== 'GRID_NOT_FOUND') throw error;
      issues.push({
        severity: 'info',
        code: 'GRID_SHEET_SKIPPED',
        message: {
          fr: `${file} : la feuille « ${sheet.name} » n'est ni une grille de prix ni une feuille de réglages ; elle est laissée de côté.`,
          en: `${file}: the sheet "${sheet.name}" is neither a price grid nor a settings sheet; it is left out.`,
        },
      });
    }
  }
  if (!grids.some((g) => g.families.length > 0)) throw gridErrors.noGrid(file);

  const home = dirname(path);
  const logoDirs = request.logos ? [resolve(request.logos)] : [join(home, 'logos'), home];
  const logoFiles = [...new Set((await Promise.all(logoDirs.map(filesIn))).flat())].filter((name) =>
    /\.(png|jpe?g|tiff?|webp|svg)$/i.test(extname(name)),
  );
  const resellers = readResellers(source.sheet, match, {
    // Without a levels table, no level is "unknown": pricing says which reseller has no rate.
    ...(Object.keys(settings.levels).length ? { knownLevels: Object.keys(settings.levels) } : {}),
    logoFiles,
  });
  issues.push(...resellers.issues);

  return { file: basename(path), grids, resellers: resellers.list, settings, logoDirs, logoFiles, issues };
}
