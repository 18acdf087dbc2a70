// The Mapping screen's model, as pure functions over plain data: the inline mapping the project
// keeps (field id → its columns, by header, with the letter as a reminder), which column each field
// uses now, which columns no field uses, and the badge that says where each choice came from.
import type { ChannelOutput } from '../../api/transport.ts';
import type { FieldMappingInput } from '../../../main/api/index.ts';

type Opened = ChannelOutput<'open'>;
export type Column = Opened['columns'][number];
export type TemplateInfo = ChannelOutput<'templates'>[number];
export type TemplateField = TemplateInfo['fields'][number];
export type Fields = Record<string, FieldMappingInput>;
export type Badge = 'exact' | 'remembered' | 'suggested' | 'unmatched' | 'yours';

const ref = (column: Column) => ({ header: column.header, letter: column.letter });

/** The contract's suggestion (field → letter) as an inline mapping. */
export function suggestedFields(opened: Opened): Fields {
  const fields: Fields = {};
  for (const [field, letter] of Object.entries(opened.mapping)) {
    const column = opened.columns.find((c) => c.letter === letter);
    if (column) fields[field] = { columns: [ref(column)] };
  }
  return fields;
}

/** The mapping in force: the user's when they made one, else the suggestion. */
export const currentFields = (userFields: Fields | undefined, opened: Opened): Fields =>
  userFields ?? suggestedFields(opened);

/**
 * The column a field's first reference points at: by header (columns move from month to month),
 * then by letter when the header is not found (a header typed differently).
 */
export function columnOf(
  mapping: FieldMappingInput | undefined,
  columns: readonly Column[],
): Column | undefined {
  const first = mapping?.columns[0];
  if (!first) return undefined;
  return (
    columns.find((c) => c.header === first.header && (!first.letter || c.letter === first.letter)) ??
    columns.find((c) => c.header === first.header) ??
    (first.letter ? columns.find((c) => c.letter === first.letter) : undefined)
  );
}

/** Required fields first, each group in the template's order. */
export const orderedFields = (fields: readonly TemplateField[]): TemplateField[] => [
  ...fields.filter((f) => f.required),
  ...fields.filter((f) => !f.required),
];

/** Columns that feed no field (empty columns left out: nothing to use them for). */
export function unusedColumns(fields: Fields, columns: readonly Column[]): Column[] {
  const used = new Set<string>();
  for (const mapping of Object.values(fields))
    for (const one of mapping.columns) {
      const column = columnOf({ columns: [one] }, columns);
      if (column) used.add(column.letter);
    }
  return columns.filter((c) => !used.has(c.letter) && c.type !== 'empty');
}

/** The mapping with one field fed by `column` alone (its touch-ups kept), or by nothing. */
export function withColumn(fields: Fields, field: string, column: Column | undefined): Fields {
  const { [field]: before, ...rest } = fields;
  if (!column) return rest;
  return { ...rest, [field]: { ...before, columns: [ref(column)] } };
}

export function withTransforms(
  fields: Fields,
  field: string,
  transforms: NonNullable<FieldMappingInput['transforms']>,
): Fields {
  const before = fields[field];
  if (!before) return fields;
  const { transforms: _old, ...kept } = before;
  return { ...fields, [field]: transforms.length ? { ...kept, transforms } : kept };
}

/**
 * Where a field's column came from: remembered from the last time these headers were mapped, else
 * the contract's suggestion (`matches`: exact or suggested), else the user's own choice. When the
 * answer was read with the user's mapping (`matches` empty), every mapped field is theirs.
 */
export function badgeOf(
  field: string,
  fields: Fields,
  opened: Opened,
  remembered: ReadonlySet<string> = new Set(),
): Badge {
  const column = columnOf(fields[field], opened.columns);
  const suggested = Object.keys(opened.matches).length > 0 ? opened.mapping[field] : undefined;
  // Left without a column: by the user when the suggestion had one for it, else none was found.
  if (!column) return suggested ? 'yours' : 'unmatched';
  if (remembered.has(field)) return 'remembered';
  if (suggested === column.letter) return opened.matches[field] ?? 'suggested';
  return 'yours';
}

/**
 * The fields whose column is still the one remembered for these headers (`opened.remembered`, set
 * by the remembered-mapping feature): a field the user changed since is theirs, not remembered.
 */
export function rememberedFields(opened: Opened, fields: Fields): Set<string> {
  const remembered: Fields = opened.remembered ?? {};
  const same = (a: FieldMappingInput | undefined, b: FieldMappingInput | undefined) =>
    a !== undefined && b !== undefined && a.columns[0]?.header === b.columns[0]?.header;
  return new Set(Object.keys(remembered).filter((field) => same(remembered[field], fields[field])));
}
