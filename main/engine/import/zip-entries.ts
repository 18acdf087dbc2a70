// Random access to a zip's entries with yauzl: the central directory is read once, then any part
// can be inflated as a stream (zlib, native) in whatever order the reader needs — the workbook,
// its styles and strings before its sheets, wherever the generator put them in the file.
import zlib from 'node:zlib';
import yauzl from 'yauzl';

export type ZipEntries = {
  names: ReadonlySet<string>;
  /** Inflates one entry, handing each piece to `onBytes` as it comes; resolves at its end. */
  stream(name: string, onBytes: (bytes: Uint8Array) => void): Promise<void>;
  close(): void;
};

/** Inflated pieces this large: fewer round trips to zlib's thread than its 16 KiB default. */
const PIECE = 128 * 1024;
/** Pieces waiting to be parsed before the inflate is paused. */
const QUEUE_MAX = 8;

/**
 * Inflates one entry on zlib's thread while the caller's parse runs on this one: each piece is
 * queued and handled on the next turn, so zlib is already inflating the next piece meanwhile. The
 * entry must inflate to exactly its declared size (a lying zip is a damaged one, or a bomb).
 */
function inflated(zip: yauzl.ZipFile, entry: yauzl.Entry, onBytes: (bytes: Uint8Array) => void) {
  return new Promise<void>((resolve, reject) => {
    const deflated = entry.compressionMethod === 8;
    zip.openReadStream(entry, deflated ? { decompress: false } : {}, (error, raw) => {
      if (error || !raw) return reject(error ?? new Error(`cannot read ${entry.fileName}`));
      const source = deflated ? raw.pipe(zlib.createInflateRaw({ chunkSize: PIECE })) : raw;
      const queue: Buffer[] = [];
      let size = 0;
      let ended = false;
      let failed = false;
      let scheduled = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        raw.destroy();
        source.destroy();
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      const drain = () => {
        scheduled = false;
        try {
          while (queue.length > 0 && !failed) onBytes(queue.shift()!);
        } catch (thrown) {
          return fail(thrown);
        }
        if (failed) return;
        if (ended) {
          if (size !== entry.uncompressedSize)
            return fail(new Error(`${entry.fileName}: ${size} bytes, ${entry.uncompressedSize} declared`));
          return resolve();
        }
        if (source.isPaused()) source.resume();
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        setImmediate(drain);
      };
      source.on('data', (bytes: Buffer) => {
        size += bytes.length;
        if (size > entry.uncompressedSize)
          return fail(new Error(`${entry.fileName}: more than the ${entry.uncompressedSize} bytes declared`));
        queue.push(bytes);
        if (queue.length >= QUEUE_MAX) source.pause();
        schedule();
      });
      raw.on('error', fail);
      source.on('error', fail);
      source.on('end', () => {
        ended = true;
        schedule();
      });
    });
  });
}

function opened(zip: yauzl.ZipFile): Promise<ZipEntries> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      // A name repeated in the directory: the first one wins, as in exceljs and fflate.
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('error', reject);
    zip.on('end', () => {
      resolve({
        names: new Set(entries.keys()),
        stream: (name, onBytes) => {
          const entry = entries.get(name);
          return entry ? inflated(zip, entry, onBytes) : Promise.reject(new Error(`no part ${name}`));
        },
        close: () => zip.close(),
      });
    });
    zip.readEntry();
  });
}

/** Opens a zip from its path or its bytes. The caller closes it. */
export function openZip(source: string | Uint8Array): Promise<ZipEntries> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      opened(zip).then(resolve, (e: unknown) => {
        zip.close();
        reject(e instanceof Error ? e : new Error(String(e)));
      });
    };
    const options = { lazyEntries: true, autoClose: false };
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(Buffer.from(source.buffer, source.byteOffset, source.byteLength), options, done);
  });
}
