// Makes an .xlsx package safe and legible for exceljs before it parses it:
// - ranges exceljs would expand cell by cell (whole-sheet data validations, huge merges) are
//   neutralised, see tame-sheet-xml.ts;
// - a workbook part that is not at `xl/workbook.xml`, or sheets not named `xl/worksheets/sheetN.xml`,
//   are moved to the names exceljs expects (it matches entries by name and ignores `_rels/.rels`),
//   every `.rels` and `[Content_Types].xml` following.
// The package is rewritten only when needed, with the fastest deflate: it is read back at once, but
// exceljs's streaming reader loses the workbook part of a package whose entries are stored uncompressed.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import {
  parseRelationships,
  relativeTarget,
  relsPartOf,
  resolveTarget,
  sourceOfRels,
  STANDARD_PARTS,
  STANDARD_SHEET,
  STANDARD_WORKBOOK,
  workbookPartOf,
} from './package-parts.ts';
import { tameSheetXml } from './tame-sheet-xml.ts';

export type SanitizedPackage = {
  bytes: Uint8Array;
  /** What was changed, for tests and diagnostics; empty when `bytes` is the input. */
  changes: string[];
};

const WORKSHEET = /\/worksheet$/;
const KEEP_IN_PLACE = new Set(['[Content_Types].xml', '_rels/.rels']);

/** Old part name → new part name, for a package whose workbook or sheets are not where exceljs looks. */
function planRenames(names: string[], parts: Unzipped, workbook: string): Map<string, string> {
  const renames = new Map<string, string>();
  const dir = workbook.slice(0, workbook.lastIndexOf('/') + 1);
  // A workbook outside `xl/` takes its whole folder along, so the targets between its parts hold.
  if (dir !== 'xl/') {
    for (const name of names) {
      if (KEEP_IN_PLACE.has(name) || !name.startsWith(dir)) continue;
      if (dir === '' && (name.startsWith('docProps/') || name.startsWith('xl/'))) continue;
      renames.set(name, 'xl/' + name.slice(dir.length));
    }
  }
  const moved = (part: string) => renames.get(part) ?? part;
  if (workbook !== STANDARD_WORKBOOK) {
    renames.set(workbook, STANDARD_WORKBOOK);
    renames.set(relsPartOf(workbook), relsPartOf(STANDARD_WORKBOOK));
  }

  const rels = parts[relsPartOf(workbook)];
  const relationships = rels ? parseRelationships(strFromU8(rels)).filter((r) => !r.external) : [];
  const sheets = relationships
    .filter((r) => WORKSHEET.test(r.type))
    .map((r) => resolveTarget(workbook, r.target));
  // The shared strings and the styles, found by their relationship too (`xl/SharedStrings.xml`…).
  for (const r of relationships) {
    const standard = STANDARD_PARTS[r.type.slice(r.type.lastIndexOf('/') + 1)];
    const part = resolveTarget(workbook, r.target);
    if (standard && moved(part) !== standard && !names.includes(standard)) renames.set(part, standard);
  }
  const taken = new Set(names.map(moved).filter((n) => STANDARD_SHEET.test(n)));
  let next = 1;
  for (const sheet of sheets) {
    if (STANDARD_SHEET.test(moved(sheet))) continue;
    while (taken.has(`xl/worksheets/sheet${next}.xml`)) next++;
    const standard = `xl/worksheets/sheet${next}.xml`;
    taken.add(standard);
    renames.set(sheet, standard);
    if (names.includes(relsPartOf(sheet))) renames.set(relsPartOf(sheet), relsPartOf(standard));
  }
  return renames;
}

/** Rewrites every relationship target and content-type part name after the renames. */
function followRenames(name: string, xml: string, renames: Map<string, string>): string {
  if (name === '[Content_Types].xml') {
    return xml.replace(/(\bPartName=")\/?([^"]*)"/g, (all, head: string, part: string) =>
      renames.has(part) ? `${head}/${renames.get(part)}"` : all,
    );
  }
  const source = sourceOfRels(name);
  if (source === undefined) return xml;
  const newSource = renames.get(source) ?? source;
  return xml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => {
    const rel = parseRelationships(tag)[0];
    if (!rel || rel.external) return tag;
    const target = resolveTarget(source, rel.target);
    const newTarget = renames.get(target) ?? target;
    if (newTarget === target && newSource === source) return tag;
    return tag.replace(/\bTarget="[^"]*"/, `Target="${relativeTarget(newSource, newTarget)}"`);
  });
}

export function sanitizePackage(bytes: Uint8Array): SanitizedPackage {
  // First pass: only the XML parts, which hold everything to check; pictures stay compressed.
  const names: string[] = [];
  const xml = unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return /\.(xml|rels)$/i.test(f.name);
    },
  });
  const rootRels = xml['_rels/.rels'];
  const workbook = (rootRels && workbookPartOf(strFromU8(rootRels))) || STANDARD_WORKBOOK;
  const renames = planRenames(names, xml, workbook);

  const replaced = new Map<string, Uint8Array>();
  const changes: string[] = [];
  const workbookRels = xml[relsPartOf(workbook)];
  const sheetParts = workbookRels
    ? parseRelationships(strFromU8(workbookRels))
        .filter((r) => WORKSHEET.test(r.type) && !r.external)
        .map((r) => resolveTarget(workbook, r.target))
    : names.filter((n) => STANDARD_SHEET.test(n));
  for (const part of sheetParts) {
    const content = xml[part];
    if (!content) continue;
    const tamed = tameSheetXml(strFromU8(content));
    if (tamed.changes.length === 0) continue;
    replaced.set(part, strToU8(tamed.xml));
    changes.push(...tamed.changes.map((c) => `${part}: ${c}`));
  }
  if (renames.size > 0) {
    for (const name of Object.keys(xml)) {
      if (name !== '[Content_Types].xml' && !name.endsWith('.rels')) continue;
      const before = strFromU8(xml[name]!);
      const after = followRenames(name, before, renames);
      if (after !== before) replaced.set(name, strToU8(after));
    }
    for (const [from, to] of renames) changes.push(`${from} → ${to}`);
  }
  if (changes.length === 0) return { bytes, changes };

  const all = unzipSync(bytes);
  const out: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(all)) {
    if (name.endsWith('/') && content.length === 0) continue; // folder entries
    out[renames.get(name) ?? name] = replaced.get(name) ?? content;
  }
  return { bytes: zipSync(out, { level: 1 }), changes };
}
