// A workbook (or a saved profile or project) the user picked in the browser: the page cannot hand
// over a path, so the file's bytes come as the raw body of one POST and are written, as they arrive,
// into this run's upload folder — never held whole in memory, never past the size limit, never under
// a name the sender controls beyond a cleaned base name — and the path written becomes a chosen file.
import type { FileHandle } from 'node:fs/promises';
import { open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';
import { refusal, type Refusal } from './reply.ts';

export const UPLOAD_LIMIT = 300 * 1024 * 1024;

/** Workbooks, and the JSON of mapping profiles and `.catalog.json` projects. */
export const UPLOAD_TYPES = ['.xlsx', '.xlsm', '.csv', '.json'] as const;

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
const MAX_NAME = 120;

/**
 * The base name a file may be saved under: no folder part, no control or shell-hostile character,
 * no leading dot (hidden file) or trailing dot or space, no device name Windows reserves, at most
 * 120 characters with its extension kept. Empty when nothing usable is left.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_');
  clean = clean.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (clean.length > MAX_NAME) {
    const ext = extname(clean).slice(0, 16);
    clean = clean.slice(0, MAX_NAME - ext.length) + ext;
  }
  return RESERVED.test(clean) ? `_${clean}` : clean;
}

const accepted = (name: string) => (UPLOAD_TYPES as readonly string[]).includes(extname(name).toLowerCase());

/** `name`, or `name (2)`, `name (3)`…: the first that did not exist, created empty and held open. */
async function claim(folder: string, name: string): Promise<{ path: string; handle: FileHandle }> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      return { path, handle: await open(path, 'wx', 0o600) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw error;
    }
  }
}

/** Says the limit this server was given, not the default one. */
const tooLarge = (limit: number) => {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return refusal(
    'REQUEST_TOO_LARGE',
    `Fichier trop volumineux : ${String(mb).replace('.', ',')} Mo au plus.`,
    `File too large: ${mb} MB at most.`,
  );
};

/**
 * Writes the request's body to `handle`, pausing the request while the disk catches up. Past
 * `limit` bytes it stops writing and says so, but reads the rest and drops it, so the browser gets
 * the 413 rather than a reset connection.
 */
function receive(request: IncomingMessage, handle: FileHandle, limit: number): Promise<'ok' | 'too-large'> {
  return new Promise((resolve, reject) => {
    const out = handle.createWriteStream();
    let size = 0;
    let over = false;
    out.on('error', (error) => {
      request.resume();
      reject(error);
    });
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        out.destroy();
        resolve('too-large');
      } else if (!out.write(chunk)) {
        request.pause();
        out.once('drain', () => request.resume());
      }
    });
    request.on('end', () => {
      if (!over) out.end(() => resolve('ok'));
    });
    request.on('close', () => {
      if (!request.complete && !over) {
        out.destroy();
        reject(new Error('upload interrupted'));
      }
    });
    request.on('error', (error) => {
      out.destroy();
      reject(error);
    });
  });
}

/** Saves an uploaded file under `folder`; its path, or the refusal to answer. */
export async function saveUpload(
  request: IncomingMessage,
  folder: string,
  name: string | null,
  limit = UPLOAD_LIMIT,
): Promise<{ ok: true; path: string } | Refusal> {
  const declared = Number(request.headers['content-length'] ?? 0);
  const refuse = (refused: Refusal) => {
    // Read and dropped, so the answer reaches the browser (see receive).
    request.resume();
    return refused;
  };
  if (name === null || name.trim() === '')
    return refuse(
      refusal(
        'INVALID_REQUEST',
        'Requête invalide : name — le nom du fichier manque.',
        'Invalid request: name — the file name is missing.',
        'name',
      ),
    );
  const safe = safeFileName(name);
  if (!accepted(safe))
    return refuse(
      refusal(
        'UNSUPPORTED_FILE',
        `« ${name} » n’est pas un classeur (.xlsx, .xlsm, .csv) ni un profil ou un projet (.json).`,
        `"${name}" is not a workbook (.xlsx, .xlsm, .csv) nor a profile or project (.json).`,
        'name',
      ),
    );
  if (declared > limit) return refuse(tooLarge(limit));
  const { path, handle } = await claim(folder, safe);
  try {
    const outcome = await receive(request, handle, limit);
    if (outcome === 'too-large') {
      await rm(path, { force: true });
      return tooLarge(limit);
    }
    return { ok: true, path };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
