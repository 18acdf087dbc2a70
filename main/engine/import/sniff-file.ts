// Tells what a file really is from its first bytes, whatever its extension says: users rename
// .xls to .xlsx, and mail clients strip extensions.
export type FileKind = 'zip' | 'ole' | 'text' | 'empty' | 'binary';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function sniffBytes(head: Uint8Array): FileKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return looksLikeText(head) ? 'text' : 'binary';
}

/** UTF-16 text is full of NULs, so BOMs are checked first; otherwise NULs or many control bytes mean binary. */
function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  const sample = head.subarray(0, 4096);
  let control = 0;
  const nulAt = [0, 0]; // NUL bytes at even and odd offsets
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) nulAt[i % 2]!++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  const pairs = Math.floor(sample.length / 2);
  const [even, odd] = nulAt as [number, number];
  if (even + odd === 0) return control <= sample.length / 100;
  // UTF-16 without BOM: Latin text has a NUL in one half of most byte pairs and never in both.
  // A zero-filled file (a failed download) has NULs everywhere and is no text at all.
  const oneSided = Math.max(even, odd) >= pairs * 0.3 && Math.min(even, odd) <= pairs * 0.05;
  return oneSided;
}

/**
 * An OLE compound file is either a legacy .xls or an encrypted OOXML package (Excel wraps
 * password-protected .xlsx in OLE with an "EncryptionInfo" stream). The directory names are UTF-16LE.
 */
export function oleIsEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
