// How the parts of an OPC package (.xlsx) point to each other: `_rels/.rels` names the workbook part,
// the workbook's own `.rels` names its sheets, and every target is relative to the part that names it.
// Pure string work on small XML parts, shared by the zip guard and the package sanitiser.

export type Relationship = { id: string; type: string; target: string; external: boolean };

const OFFICE_DOCUMENT = /\/officeDocument$/;
/** Content types of a workbook part: .xlsx, .xlsm, .xltx, .xltm. */
const WORKBOOK_TYPE =
  /spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml/;

const attr = (tag: string, name: string) => {
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return value
    ?.replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');
};

export function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map(([tag]) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: attr(tag, 'TargetMode') === 'External',
  }));
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

/** The `.rels` part that lists a part's relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export const relsPartOf = (part: string) => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

/** The part a `.rels` part describes (`''` for the package itself): the inverse of `relsPartOf`. */
export function sourceOfRels(rels: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? m[1]! + m[2]! : undefined;
}

/** Resolves a relationship target against the part that names it; zip names carry no leading `/`. */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dirOf(source) + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** The shortest relative target from `source` to `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** The workbook part named by `_rels/.rels`, if the package has one. */
export function workbookPartOf(rootRels: string | undefined): string | undefined {
  if (rootRels === undefined) return undefined;
  const rel = parseRelationships(rootRels).find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  return rel ? resolveTarget('', rel.target) : undefined;
}

/** Whether `[Content_Types].xml` declares `part` a workbook (by override, or by its extension's default). */
export function isWorkbookContentType(contentTypes: string | undefined, part: string): boolean {
  if (contentTypes === undefined) return false;
  for (const [tag] of contentTypes.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    if (attr(tag, 'PartName')?.replace(/^\//, '').toLowerCase() === part.toLowerCase())
      return WORKBOOK_TYPE.test(attr(tag, 'ContentType') ?? '');
  }
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const [tag] of contentTypes.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
    if (attr(tag, 'Extension')?.toLowerCase() === extension)
      return WORKBOOK_TYPE.test(attr(tag, 'ContentType') ?? '');
  }
  return false;
}

/** The names exceljs's readers look for, whatever a generator chose. */
export const STANDARD_WORKBOOK = 'xl/workbook.xml';
export const STANDARD_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
/** Workbook-level parts exceljs reads by name only, by the last word of their relationship type. */
export const STANDARD_PARTS: Record<string, string> = {
  sharedStrings: 'xl/sharedStrings.xml',
  styles: 'xl/styles.xml',
};

/** Whether exceljs would miss a part of this workbook: itself, a sheet, its strings or its styles. */
export function hasNonStandardNames(workbook: string, workbookRels: string | undefined): boolean {
  if (workbook !== STANDARD_WORKBOOK) return true;
  for (const rel of parseRelationships(workbookRels ?? '')) {
    if (rel.external) continue;
    const kind = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    const part = resolveTarget(workbook, rel.target);
    if (kind === 'worksheet' && !STANDARD_SHEET.test(part)) return true;
    if (STANDARD_PARTS[kind] !== undefined && part !== STANDARD_PARTS[kind]) return true;
  }
  return false;
}
