// Reads a zip's central directory — without inflating anything — to recognise the package
// (.xlsx, .ods, .numbers) and to refuse zip bombs before a parser gets to them.
import yauzl from 'yauzl';
import type { ImportLimits } from './limits.ts';
import { importErrors } from './import-errors.ts';

export type ZipPackage = 'xlsx' | 'ods' | 'numbers' | 'unknown';
export type ZipSummary = { kind: ZipPackage; uncompressedBytes: number; sheetBytes: number };

type Entry = { fileName: string; compressedSize: number; uncompressedSize: number; encrypted: boolean };

function listEntries(path: string, maxEntries: number): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries: Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({
          fileName: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
        });
        if (entries.length > maxEntries) {
          zip.close();
          return reject(new Error(`more than ${maxEntries} entries`));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function inspectZip(path: string, file: string, limits: ImportLimits): Promise<ZipSummary> {
  let entries: Entry[];
  try {
    entries = await listEntries(path, limits.maxEntries);
  } catch (error) {
    throw importErrors.damaged(file, error instanceof Error ? error.message : String(error));
  }
  const names = new Set(entries.map((e) => e.fileName));
  const kind: ZipPackage = names.has('xl/workbook.xml')
    ? 'xlsx'
    : names.has('mimetype') && names.has('content.xml')
      ? 'ods'
      : [...names].some((n) => n.startsWith('Index/') && n.endsWith('.iwa')) || names.has('Index.zip')
        ? 'numbers'
        : 'unknown';

  let total = 0;
  let sheetBytes = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw importErrors.encrypted(file);
    total += entry.uncompressedSize;
    if (entry.fileName.startsWith('xl/worksheets/') || entry.fileName === 'xl/sharedStrings.xml') {
      sheetBytes += entry.uncompressedSize;
    }
    // The ratio only means something for large entries: a tiny XML part compresses 100:1 honestly.
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxCompressionRatio) {
      throw importErrors.zipBomb(file, entry.fileName);
    }
    if (total > limits.maxUncompressedBytes) throw importErrors.zipBomb(file, entry.fileName);
  }
  return { kind, uncompressedBytes: total, sheetBytes };
}
