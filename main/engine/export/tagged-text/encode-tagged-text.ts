// The bytes of a `<UNICODE-…>` tagged-text file. "Unicode" in InDesign's tagged text means UTF-16 with
// a byte-order mark: a UTF-8 file that says <UNICODE-WIN> is misread. Windows files are UTF-16LE with
// CR LF ends, as InDesign for Windows exports them; Mac files UTF-16BE with CR ends, the classic Mac
// convention InDesign for Mac keeps. The BOM lets either InDesign read either file.
import type { TaggedTextVariant } from './build-tagged-text.ts';

const BOM = '\ufeff';

/**
 * Bytes written at a time: each write has a fixed cost, and 1 MiB buffers keep memory bounded
 * whatever the file's size.
 */
const BATCH_BYTES = 1024 * 1024;

export function encodeTaggedText(text: string, variant: TaggedTextVariant = 'win'): Uint8Array {
  const bytes = Buffer.from(BOM + (variant === 'mac' ? text.replace(/\r\n/g, '\r') : text), 'utf16le');
  // Node has no UTF-16BE encoder: swap each code unit's two bytes.
  return new Uint8Array(variant === 'mac' ? bytes.swap16() : bytes);
}

/**
 * The same bytes as `encodeTaggedText(chunks.join(''))`, about a megabyte at a time. Each chunk is
 * encoded straight into the buffer (UTF-16 encodes code unit by code unit, so a chunk may end
 * anywhere, even inside a surrogate pair); only a CR ending one chunk and the LF starting the next
 * need care in the Mac variant, which makes them one CR.
 */
export function* encodeTaggedTextChunks(
  chunks: Iterable<string>,
  variant: TaggedTextVariant = 'win',
): Generator<Uint8Array, void, undefined> {
  const mac = variant === 'mac';
  let buffer = Buffer.allocUnsafe(BATCH_BYTES);
  let at = buffer.write(BOM, 0, 'utf16le');
  let afterCr = false;
  const full = () => {
    const bytes = buffer.subarray(0, at);
    buffer = Buffer.allocUnsafe(BATCH_BYTES);
    at = 0;
    return mac ? bytes.swap16() : bytes;
  };
  for (let chunk of chunks) {
    if (chunk === '') continue;
    if (mac) {
      if (afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
      chunk = chunk.replace(/\r\n/g, '\r');
      afterCr = chunk.endsWith('\r');
    }
    const size = chunk.length * 2;
    if (at + size > BATCH_BYTES && at > 0) yield full();
    if (size > BATCH_BYTES) {
      const bytes = Buffer.from(chunk, 'utf16le');
      yield mac ? bytes.swap16() : bytes;
      continue;
    }
    at += buffer.write(chunk, at, 'utf16le');
  }
  if (at > 0) yield full();
}
