// Reads a zip's central directory — inflating nothing but the two small parts that say where the
// workbook is — to recognise the package (.xlsx, .ods, .numbers) and to refuse zip bombs before a
// parser gets to them.
import yauzl from 'yauzl';
import type { ImportLimits } from './limits.ts';
import { importErrors } from './import-errors.ts';
import {
  hasNonStandardNames,
  isWorkbookContentType,
  relsPartOf,
  STANDARD_WORKBOOK,
  workbookPartOf,
} from './package-parts.ts';

export type ZipPackage = 'xlsx' | 'ods' | 'numbers' | 'unknown';
export type ZipSummary = {
  kind: ZipPackage;
  uncompressedBytes: number;
  sheetBytes: number;
  /** Where the workbook part is; exceljs only reads `xl/workbook.xml`. */
  workbookPart?: string;
  /** The workbook or its sheets are not where exceljs looks: the package must be rewritten first. */
  nonStandardNames: boolean;
};

type Entry = { fileName: string; compressedSize: number; uncompressedSize: number; encrypted: boolean };

/** Parts read to follow `_rels/.rels` (content types, relationships): tiny in any real package. */
const SMALL_PART = 1024 * 1024;
/** And all of them together: a hostile zip of ten thousand such parts is not inflated. */
const SMALL_PARTS_TOTAL = 8 * 1024 * 1024;

type Listing = { entries: Entry[]; small: Map<string, string> };

function listEntries(path: string, maxEntries: number, read: (name: string) => boolean): Promise<Listing> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      let open = true;
      const close = () => {
        if (open) zip.close();
        open = false;
      };
      const fail = (e: unknown) => {
        close();
        reject(e);
      };
      const entries: Entry[] = [];
      const small = new Map<string, string>();
      let budget = SMALL_PARTS_TOTAL;
      zip.on('entry', (entry: yauzl.Entry) => {
        const encrypted = (entry.generalPurposeBitFlag & 0x1) !== 0;
        entries.push({
          fileName: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          encrypted,
        });
        if (entries.length > maxEntries) return fail(new Error(`more than ${maxEntries} entries`));
        if (!read(entry.fileName) || encrypted || entry.uncompressedSize > Math.min(SMALL_PART, budget))
          return zip.readEntry();
        budget -= entry.uncompressedSize;
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', fail);
          stream.on('end', () => {
            small.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        close();
        resolve({ entries, small });
      });
      zip.on('error', fail);
      zip.readEntry();
    });
  });
}

const ROOT_RELS = '_rels/.rels';
const CONTENT_TYPES = '[Content_Types].xml';

/** The workbook part: the usual name, else the one `_rels/.rels` names if it is declared a workbook. */
function findWorkbook(names: Set<string>, small: Map<string, string>): string | undefined {
  if (names.has(STANDARD_WORKBOOK)) return STANDARD_WORKBOOK;
  const part = workbookPartOf(small.get(ROOT_RELS));
  if (!part || !names.has(part)) return undefined;
  // A Word or PowerPoint package has an officeDocument too: only a declared workbook counts.
  return isWorkbookContentType(small.get(CONTENT_TYPES), part) ? part : undefined;
}

export async function inspectZip(path: string, file: string, limits: ImportLimits): Promise<ZipSummary> {
  let listing: Listing;
  try {
    // Every relationships part, the workbook's among them: which one that is, only `_rels/.rels` says.
    const wanted = (name: string) => name === CONTENT_TYPES || name.endsWith('.rels');
    listing = await listEntries(path, limits.maxEntries, wanted);
  } catch (error) {
    throw importErrors.damaged(file, error instanceof Error ? error.message : String(error));
  }
  const { entries, small } = listing;
  const names = new Set(entries.map((e) => e.fileName));
  const workbookPart = findWorkbook(names, small);
  const kind: ZipPackage = workbookPart
    ? 'xlsx'
    : names.has('mimetype') && names.has('content.xml')
      ? 'ods'
      : [...names].some((n) => n.startsWith('Index/') && n.endsWith('.iwa')) || names.has('Index.zip')
        ? 'numbers'
        : 'unknown';

  let total = 0;
  let sheetBytes = 0;
  const nonStandardNames =
    workbookPart !== undefined && hasNonStandardNames(workbookPart, small.get(relsPartOf(workbookPart)));
  for (const entry of entries) {
    if (entry.encrypted) throw importErrors.encrypted(file);
    total += entry.uncompressedSize;
    const isSheet = /(^|\/)worksheets\/[^/]+\.xml$/.test(entry.fileName);
    if (isSheet || /(^|\/)sharedStrings\.xml$/i.test(entry.fileName)) sheetBytes += entry.uncompressedSize;
    // The ratio only means something for large entries: a tiny XML part compresses 100:1 honestly.
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw importErrors.zipBomb(file, entry.fileName);
    }
    if (total > limits.maxUncompressedBytes) throw importErrors.zipBomb(file, entry.fileName);
  }
  return {
    kind,
    uncompressedBytes: total,
    sheetBytes,
    ...(workbookPart ? { workbookPart } : {}),
    nonStandardNames,
  };
}
