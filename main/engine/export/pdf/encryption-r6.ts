// AES-256 revision 6 (ISO 32000-2, 7.6.4.3) for pdfkit's encrypted PDFs. pdfkit 0.20 writes revision 5,
// which Adobe withdrew because its password check is a single SHA-256 (fast to brute-force) and
// which PDF 2.0 deprecates. Revision 6 encrypts streams and strings exactly as revision 5 does (AESV3,
// the same random 256-bit file key), so only the encryption dictionary differs: U, UE, O, OE and
// Perms are recomputed here from pdfkit's own file key with Algorithm 2.B's iterated hash, and R
// becomes 6. pdfkit writes that dictionary only when the document ends, so replacing its values right
// after `new PDFDocument()` is enough, and everything pdfkit encrypts stays as it would be.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

export type Passwords = { user?: string; owner: string };

/** What pdfkit keeps on the document for encryption (not in its public types). */
type Security = { encryptionKey?: Uint8Array; dictionary?: { data: Record<string, unknown> } };
type Internals = { _security?: Security | null; _root: { data: Record<string, unknown> } };

/** Revision 6's password hash (ISO 32000-2, Algorithm 2.B). `udata` is the 48-byte U for the owner's hashes. */
export function hash2B(
  password: Uint8Array,
  salt: Uint8Array,
  udata: Uint8Array = new Uint8Array(0),
): Buffer {
  let k = createHash('sha256').update(password).update(salt).update(udata).digest();
  let e: Buffer = Buffer.alloc(0);
  // At least 64 rounds, then until the last byte of E is at most the round number − 32.
  for (let round = 0; round < 64 || e[e.length - 1]! > round - 32; round++) {
    // K is the whole previous digest (32, 48 or 64 bytes), not its first 32.
    const block = Buffer.concat([password, k, udata]);
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => block));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false); // k1 is 64 × its block, hence a multiple of 16 bytes
    e = Buffer.concat([cipher.update(k1), cipher.final()]);
    // The first 16 bytes of E as one big-endian number, modulo 3 — the same as their sum modulo 3.
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]!)
      .update(e)
      .digest();
  }
  return k.subarray(0, 32);
}

/**
 * A password as revision 6 reads it: SASLprep (here: non-ASCII spaces to spaces, the characters it
 * maps to nothing dropped, NFKC), UTF-8, at most 127 bytes — as pdfkit and qpdf read it.
 */
export function passwordBytes(password: string): Buffer {
  const prepared = Array.from(password)
    .filter((char) => !mappedToNothing(char.codePointAt(0)!))
    .join('')
    .replace(/[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .normalize('NFKC');
  const bytes = Buffer.from(prepared, 'utf8');
  if (bytes.length <= 127) return bytes;
  // Never cut inside a character: a reader that truncates then decodes would see U+FFFD.
  let end = 127;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

// SASLprep's table B.1: soft hyphen, joiners, variation selectors, byte order mark…
function mappedToNothing(code: number): boolean {
  return (
    code === 0xad ||
    code === 0x34f ||
    code === 0x1806 ||
    (code >= 0x180b && code <= 0x180d) ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff
  );
}

function aes256NoPadding(mode: 'aes-256-cbc' | 'aes-256-ecb', key: Uint8Array, data: Uint8Array): Buffer {
  const cipher = createCipheriv(mode, key, mode === 'aes-256-cbc' ? Buffer.alloc(16) : null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export type Revision6Entries = { U: Buffer; UE: Buffer; O: Buffer; OE: Buffer; Perms: Buffer };

/** The revision 6 entries for `fileKey` (32 bytes), the passwords and the permission flags `p`. */
export function revision6Entries(
  fileKey: Uint8Array,
  passwords: Passwords,
  p: number,
  random: (size: number) => Buffer = randomBytes,
): Revision6Entries {
  if (fileKey.length !== 32) throw new Error(`AES-256 needs a 32-byte file key, got ${fileKey.length}`);
  const user = passwordBytes(passwords.user ?? '');
  const owner = passwordBytes(passwords.owner);
  // Algorithm 8: U = hash ‖ validation salt ‖ key salt; UE = the file key under hash(key salt).
  const [userValidation, userKeySalt] = [random(8), random(8)];
  const U = Buffer.concat([hash2B(user, userValidation), userValidation, userKeySalt]);
  const UE = aes256NoPadding('aes-256-cbc', hash2B(user, userKeySalt), fileKey);
  // Algorithm 9: the same for the owner, with U mixed into every hash.
  const [ownerValidation, ownerKeySalt] = [random(8), random(8)];
  const O = Buffer.concat([hash2B(owner, ownerValidation, U), ownerValidation, ownerKeySalt]);
  const OE = aes256NoPadding('aes-256-cbc', hash2B(owner, ownerKeySalt, U), fileKey);
  // Algorithm 10: P (little-endian, extended with 0xFF), "T" (metadata encrypted, pdfkit's case), "adb".
  const perms = Buffer.alloc(16, 0xff);
  perms.writeInt32LE(p | 0, 0);
  Buffer.from('Tadb', 'latin1').copy(perms, 8);
  random(4).copy(perms, 12);
  return { U, UE, O, OE, Perms: aes256NoPadding('aes-256-ecb', fileKey, perms) };
}

/**
 * Turns the revision 5 encryption pdfkit set up on `doc` (created with `pdfVersion: '1.7ext3'` and
 * these passwords) into revision 6. Call right after `new PDFDocument()`, before anything is drawn.
 */
export function useRevision6(doc: object, passwords: Passwords): void {
  const internals = doc as Internals;
  const security = internals._security;
  const data = security?.dictionary?.data;
  if (!security?.encryptionKey || !data || data.V !== 5 || typeof data.P !== 'number')
    throw new Error('pdfkit did not set up AES-256 encryption (pdfVersion 1.7ext3) on this document');
  Object.assign(data, revision6Entries(security.encryptionKey, passwords, data.P), { R: 6 });
  // Revision 6 came with Adobe's extension level 8 of PDF 1.7 (PDF 2.0 made it standard).
  internals._root.data.Extensions = { ADBE: { BaseVersion: '1.7', ExtensionLevel: 8 } };
}
