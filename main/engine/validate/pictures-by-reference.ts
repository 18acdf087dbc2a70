// Many suppliers keep no picture column: the photos sit in a folder, named after the reference
// ("CLE-13.jpg") or the barcode ("3760123450012.png"). When the template's picture field has no
// column, or a row's cell is empty, the picture is looked up that way and placed exactly as a
// mapped one (an image value with its `path`), and the user is told so once, not row by row.
import type { FieldValue, SourceRow, Translated } from '../model.ts';
import type { Template, TemplateField } from '../templates/template.ts';
import { makeKeyFinder, type ImageFolder } from './find-image.ts';
import { messages, type IssueCode } from './issue-messages.ts';

export type PicturesByReference = {
  /** Gives a row with no picture the file named after its reference, else after its EAN. */
  attach(row: SourceRow, fields: Record<string, FieldValue>): void;
  /** One summary of what was found, and, when no column names pictures, the products left without. */
  issues(): { code: IssueCode; message: Translated; field: string }[];
};

// The reference is the template's "reference" field, else its first unique text field (a SKU).
const referenceField = (template: Template): TemplateField | undefined =>
  template.fields.find((field) => field.id.toLowerCase() === 'reference') ??
  template.fields.find((field) => field.unique && field.type === 'text');

const textOf = (value: FieldValue | undefined): string | undefined => {
  if (!value) return undefined;
  switch (value.kind) {
    case 'text':
    case 'rich':
    case 'ean':
      return value.value;
    case 'number':
      return String(value.value);
    default:
      return undefined;
  }
};

/**
 * Undefined when there is nothing to look for: no picture field, no images folder, or neither a
 * reference nor an EAN field. `columnMapped` says whether a column feeds the picture field: then
 * an empty cell is the user's choice and a missing picture is not reported again.
 */
export function picturesByReference(
  template: Template,
  images: ImageFolder | undefined,
  columnMapped: (field: string) => boolean,
): PicturesByReference | undefined {
  const picture = template.fields.find((field) => field.type === 'image');
  const reference = referenceField(template);
  const ean = template.fields.find((field) => field.type === 'ean');
  if (!picture || !images || (!reference && !ean)) return undefined;
  const finder = makeKeyFinder(images);
  const dir = images.dir.replace(/[\\/]+$/, '');
  const mapped = columnMapped(picture.id);
  const withEan = ean !== undefined && columnMapped(ean.id);
  let byReference = 0;
  let byEan = 0;
  const without: number[] = [];

  return {
    attach(row, fields) {
      if (fields[picture.id] !== undefined) return;
      const ref = reference ? textOf(fields[reference.id]) : undefined;
      const code = ean ? textOf(fields[ean.id]) : undefined;
      const fromReference = ref === undefined ? undefined : finder.byReference(ref);
      const found = fromReference ?? (code === undefined ? undefined : finder.byEan(code));
      if (found === undefined) {
        // A variant without its own picture shows its product's.
        if (row.role === 'product') without.push(row.number);
        return;
      }
      if (fromReference) byReference++;
      else byEan++;
      fields[picture.id] = { kind: 'image', name: found.split('/').pop()!, path: `${dir}/${found}` };
    },
    issues() {
      const issues: ReturnType<PicturesByReference['issues']> = [];
      if (byReference + byEan === 0) return issues;
      issues.push({
        code: 'IMAGES_FOUND_BY_REFERENCE',
        message: messages.IMAGES_FOUND_BY_REFERENCE(picture.label, byReference, byEan, dir),
        field: picture.id,
      });
      // With a picture column, an empty cell was left empty on purpose; without one, the folder
      // is the only source, and the products it misses are worth one grouped line.
      if (!mapped && without.length > 0)
        issues.push({
          code: 'IMAGES_MISSING_BY_REFERENCE',
          message: messages.IMAGES_MISSING_BY_REFERENCE(picture.label, without, dir, withEan),
          field: picture.id,
        });
      return issues;
    },
  };
}
