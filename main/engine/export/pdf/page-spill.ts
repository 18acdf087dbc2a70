// Laid-out pages kept on disk until they can be drawn. A page's folio says "n / N", and N is only
// known once the whole catalog is laid out: the pages wait here rather than in memory, so a
// 100,000-product build holds one page at a time, not the 500 MB its plan would weigh.
//
// Each page is written as JSON: exact for the plan's plain data (numbers round-trip; -0 comes back as 0, which prints the same; no undefined
// values), and unlike V8's serializer — which left about 100 KB of old-space garbage per page, 250 MB
// over a 100,000-product list before a full collection — it leaves nothing behind. Picture sources are
// stored as numbers and given back as the very objects they were, since the prepared pictures are
// looked up by identity — and embedded pictures' bytes are not written once per page.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Box, ImageSource } from '../../layout/layout-plan.ts';
import type { StreamPage } from '../../layout/page-stream.ts';
import { writeError } from '../../io/write-atomic.ts';
import { CatalogError } from '../../errors.ts';

/** Pages are written in blocks of about this size: few system calls, little memory. */
const BLOCK = 4 * 1024 * 1024;

type Stored = Omit<StreamPage, 'boxes'> & { boxes: (Box | (Omit<Box, 'source'> & { source: number }))[] };

export class PageSpill {
  private readonly file: string;
  private readonly fd: number;
  private readonly spans: { at: number; length: number }[] = [];
  private readonly sources: ImageSource[] = [];
  private readonly sourceIds = new Map<ImageSource, number>();
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private closed = false;

  /** `dir`: where the file goes; an output set's scratch folder, so a killed build's file is removed. */
  constructor(dir: string = tmpdir()) {
    this.file = join(dir, `.catalog-pages-${process.pid}-${randomBytes(6).toString('hex')}.bin`);
    try {
      this.fd = openSync(this.file, 'wx+', 0o600);
    } catch (error) {
      throw writeError(this.file, error);
    }
  }

  get count(): number {
    return this.spans.length;
  }

  push(page: StreamPage): void {
    const data = Buffer.from(JSON.stringify(this.store(page)));
    this.spans.push({ at: this.written + this.pendingBytes, length: data.length });
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes >= BLOCK) this.flush();
  }

  /** The pages in the order they were pushed, read back one at a time. */
  *pages(): Generator<StreamPage> {
    this.flush();
    for (const { at, length } of this.spans) {
      const data = Buffer.allocUnsafe(length);
      for (let read = 0; read < length;)
        read += readSync(this.fd, data, read, length - read, at + read) || fail(this.file);
      yield this.restore(JSON.parse(data.toString('utf8')) as Stored);
    }
  }

  /** Removes the file; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const block = Buffer.concat(this.pending, this.pendingBytes);
    for (let done = 0; done < block.length;)
      try {
        done += writeSync(this.fd, block, done, block.length - done, this.written + done);
      } catch (error) {
        // A full disk while the pages wait: said like any output that cannot be written.
        throw writeError(this.file, error);
      }
    this.written += block.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private store(page: StreamPage): Stored {
    const boxes = page.boxes.map((box) => {
      if (box.kind !== 'image' || !box.source) return box;
      let id = this.sourceIds.get(box.source);
      if (id === undefined) {
        id = this.sources.push(box.source) - 1;
        this.sourceIds.set(box.source, id);
      }
      return { ...box, source: id };
    });
    return { ...page, boxes };
  }

  private restore(page: Stored): StreamPage {
    for (const box of page.boxes)
      if (box.kind === 'image' && typeof box.source === 'number')
        (box as { source?: ImageSource }).source = this.sources[box.source];
    return page as StreamPage;
  }
}

// The scratch file cut short under the build (a cleaner, a full disk): said in the user's words.
function fail(file: string): never {
  throw new CatalogError('OUTPUT_WRITE_FAILED', {
    fr: `Une page mise en forme n'a pu être relue (${file} tronqué) : relancez la génération.`,
    en: `A laid-out page could not be read back (${file} truncated): run the build again.`,
  });
}
