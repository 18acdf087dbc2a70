// Writes a catalog as an InDesign tagged-text file, atomically: a crash or a file held open by
// InDesign never leaves half a file in place of the previous one.
import type { Catalog } from '../../model.ts';
import type { Template } from '../../templates/template.ts';
import { writeFileAtomic } from '../../io/write-atomic.ts';
import { buildTaggedText, type TaggedTextOptions } from './build-tagged-text.ts';
import { encodeTaggedText } from './encode-tagged-text.ts';

export async function writeTaggedText(
  path: string,
  catalog: Catalog,
  template: Template,
  options: TaggedTextOptions,
): Promise<void> {
  const text = buildTaggedText(catalog, template, options);
  await writeFileAtomic(path, encodeTaggedText(text, options.variant ?? 'win'));
}
