// Workbooks the way some generators and templates write them, made from an exceljs workbook by raw
// edits of its parts: a whole-sheet data validation, a workbook part away from `xl/workbook.xml`,
// a `<dimension>` that lies, rows that hold only styles.
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFile } from 'node:fs/promises';

export type Parts = Map<string, string | Uint8Array>;

export async function partsOf(wb: ExcelJS.Workbook): Promise<Parts> {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const parts: Parts = new Map();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const isText = /\.(xml|rels)$/.test(entry.name);
    parts.set(entry.name, isText ? await entry.async('string') : await entry.async('uint8array'));
  }
  return parts;
}

export async function writeParts(path: string, parts: Parts): Promise<string> {
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { createFolders: false });
  await writeFile(path, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return path;
}

export const text = (parts: Parts, name: string): string => {
  const content = parts.get(name);
  if (typeof content !== 'string') throw new Error(`no XML part ${name}`);
  return content;
};

/** A product sheet: a header and `rows` products. */
export function products(wb: ExcelJS.Workbook, rows: number, name = 'Produits'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Réf', 'Désignation', 'Prix HT', 'Actif']);
  for (let i = 1; i <= rows; i++) ws.addRow([`REF-${i}`, `Produit ${i}`, i + 0.5, 'Oui']);
  return ws;
}

export const WHOLE_SHEET_VALIDATION =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576">' +
  '<formula1>"Oui,Non"</formula1></dataValidation></dataValidations>';

/** Puts `block` right after `</sheetData>` (and the mergeCells, if any), where the schema wants it. */
export function afterSheetData(sheetXml: string, block: string): string {
  const merges = sheetXml.indexOf('</mergeCells>');
  const at = merges >= 0 ? merges + '</mergeCells>'.length : sheetXml.indexOf('</sheetData>') + 12;
  return sheetXml.slice(0, at) + block + sheetXml.slice(at);
}

/** Renames parts, and follows in every `.rels` target and content-type part name (plain string edits). */
export function renameParts(parts: Parts, renames: Record<string, string>): Parts {
  const out: Parts = new Map();
  for (const [name, content] of parts) {
    let updated = content;
    if (typeof updated === 'string' && (name.endsWith('.rels') || name === '[Content_Types].xml')) {
      for (const [from, to] of Object.entries(renames))
        updated = updated.split(`"/${from}"`).join(`"/${to}"`);
    }
    out.set(renames[name] ?? name, updated);
  }
  return out;
}
