// Writes a catalog as an InDesign tagged-text file, atomically: a crash, a cancel or a file held open
// by InDesign never leaves half a file in place of the previous one. The text is encoded and written
// about a megabyte at a time as it is built, each piece written before more than one further piece
// is made, so a 100,000-product price list of 200 MB never sits in memory whole.
import type { Catalog } from '../../model.ts';
import type { Template } from '../../templates/template.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { taggedTextChunks, type TaggedTextOptions } from './build-tagged-text.ts';
import { encodeTaggedTextChunks } from './encode-tagged-text.ts';

export async function writeTaggedText(
  path: string,
  catalog: Catalog,
  template: Template,
  options: TaggedTextOptions,
): Promise<void> {
  const pieces = encodeTaggedTextChunks(
    taggedTextChunks(catalog, template, options),
    options.variant ?? 'win',
  );
  // The first piece (the definitions) settles every template error before the file is opened.
  const first = pieces.next();
  await writeFileAtomic(path, readAhead(first, pieces));
}

/**
 * The pieces, each next one made while the one before is being written: the disk and the text's
 * maker work at the same time rather than in turn. At most one piece is made ahead, and none once
 * the writer has stopped (a failed write): no progress is reported for a file given up.
 */
async function* readAhead<T>(
  first: IteratorResult<T, void>,
  rest: Iterator<T, void>,
): AsyncGenerator<T, void> {
  let stopped = false;
  const next = () =>
    new Promise<IteratorResult<T, void>>((resolve, reject) =>
      // Runs once the consumer has handed `current` to the disk (pending I/O is queued by then).
      setImmediate(() => {
        try {
          resolve(stopped ? { done: true, value: undefined } : rest.next());
        } catch (error) {
          reject(error);
        }
      }),
    );
  try {
    let step = first;
    while (!step.done) {
      const current = step.value;
      const ahead = next();
      // Made ahead for a writer that then failed: its own error is nobody's to report.
      ahead.catch(() => undefined);
      yield current;
      step = await ahead;
    }
  } finally {
    stopped = true;
  }
}
