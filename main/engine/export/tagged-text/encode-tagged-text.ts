// The bytes of a `<UNICODE-…>` tagged-text file. "Unicode" in InDesign's tagged text means UTF-16 with
// a byte-order mark: a UTF-8 file that says <UNICODE-WIN> is misread. Windows files are UTF-16LE with
// CR LF ends, as InDesign for Windows exports them; Mac files UTF-16BE with CR ends, the classic Mac
// convention InDesign for Mac keeps. The BOM lets either InDesign read either file.
import type { TaggedTextVariant } from './build-tagged-text.ts';

const BOM = '\ufeff';

export function encodeTaggedText(text: string, variant: TaggedTextVariant = 'win'): Uint8Array {
  if (variant === 'win') return new Uint8Array(Buffer.from(BOM + text, 'utf16le'));
  const bytes = Buffer.from(BOM + text.replace(/\r\n/g, '\r'), 'utf16le');
  // Node has no UTF-16BE encoder: swap each code unit's two bytes.
  return new Uint8Array(bytes.swap16());
}
