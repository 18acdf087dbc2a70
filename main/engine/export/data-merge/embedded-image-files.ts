// Pictures pasted into the workbook have no file for InDesign to link: they are written beside the
// merge source, one file each, named after the product so the designer recognises them in the
// Links panel. Pure: decides the names; `writeDataMerge` writes the bytes.
import type { Catalog, CatalogItem, EmbeddedImage } from '../../model.ts';
import type { Template } from '../../templates/template.ts';

export type EmbeddedImageFile = { file: string; image: EmbeddedImage };

export type EmbeddedImagePlan = {
  /** In catalog order, each picture once even when several image fields show it. */
  files: EmbeddedImageFile[];
  fileOf: Map<EmbeddedImage, string>;
};

// Characters Windows or macOS refuse in a file name (or read as a folder), and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A reference as a file name stem that every system accepts, or undefined if nothing is left. */
export function safeStem(text: string): string | undefined {
  const stem = text
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .trim()
    // Windows drops trailing dots and spaces, and a leading dot hides the file on macOS.
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  if (!stem) return undefined;
  return RESERVED.test(stem) ? `${stem}_` : stem;
}

function extensionOf(image: EmbeddedImage): string {
  const ext = image.extension.replace(/^\./, '').toLowerCase();
  return /^[a-z0-9]{1,5}$/.test(ext) ? ext : 'img';
}

function referenceOf(item: CatalogItem): string | undefined {
  const value = item.fields.reference;
  return value?.kind === 'text' || value?.kind === 'ean' ? value.value : undefined;
}

export function planEmbeddedImages(catalog: Catalog, template: Template): EmbeddedImagePlan {
  const imageFields = template.fields.filter((f) => f.type === 'image').map((f) => f.id);
  const files: EmbeddedImageFile[] = [];
  const fileOf = new Map<EmbeddedImage, string>();
  // macOS and Windows disks ignore case: « cad-40.jpeg » would overwrite « CAD-40.jpeg ».
  const taken = new Set<string>();

  for (const item of catalog.groups.flatMap((g) => g.items)) {
    for (const field of imageFields) {
      const value = item.fields[field];
      if (value?.kind !== 'image' || value.path || value.embedded === undefined) continue;
      const image = item.images[value.embedded];
      if (!image || fileOf.has(image)) continue;
      const ext = extensionOf(image);
      const reference = safeStem(referenceOf(item) ?? '');
      const row = `row-${item.row}`;
      // A reference repeated in the sheet (an error the user was told about) still gets two files.
      const stems = reference ? [reference, `${reference}-${row}`] : [row];
      let file = stems.map((s) => `${s}.${ext}`).find((f) => !taken.has(f.toLowerCase()));
      for (let n = 2; file === undefined; n++) {
        const candidate = `${stems[0]}-${n}.${ext}`;
        if (!taken.has(candidate.toLowerCase())) file = candidate;
      }
      taken.add(file.toLowerCase());
      fileOf.set(image, file);
      files.push({ file, image });
    }
  }
  return { files, fileOf };
}
