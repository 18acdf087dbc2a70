// Validation: checks every mapped cell against its field and builds the typed catalog. Pure: the
// images folder's listing is gathered by the caller, so this runs the same in a test, a worker or a CLI.
import type {
  Catalog,
  CatalogItem,
  FieldValue,
  Issue,
  Severity,
  SourceRow,
  SourceTable,
  Translated,
} from '../model.ts';
import type { Template, TemplateField } from '../templates/template.ts';
import type { Mapping } from '../mapping/mapping-schema.ts';
import { resolveMapping } from '../mapping/resolve-mapping.ts';
import { resolveFieldCell } from '../mapping/resolve-field-cell.ts';
import { cellText } from '../common/cell-text.ts';
import { formatRef } from '../common/cell-ref.ts';
import { throwIfCancelled } from '../cancelled.ts';
import type { OnProgress } from '../progress.ts';
import { convertCell, type ConvertOptions } from './convert-field.ts';
import { makeImageFinder, type ImageFolder } from './find-image.ts';
import { groupAndSort } from './group-and-sort.ts';
import {
  decideMoney,
  fieldAsRead,
  moneyIssues,
  PRICE,
  PRICE_INCL,
  priceStandsIn,
  readIncludedPrices,
  type MoneySettings,
} from '../money/decide-money.ts';
import { picturesByReference } from './pictures-by-reference.ts';
import { messages, type IssueCode } from './issue-messages.ts';

export type ValidateOptions = ConvertOptions & {
  images?: ImageFolder;
  /** Hidden rows are usually withdrawn products: left out unless asked. */
  includeHidden?: boolean;
  groupBy?: string;
  sortBy?: string[];
  /** Currency, VAT and tax basis the user gave: each fills only what the sheet leaves unsaid. */
  money?: MoneySettings;
  signal?: AbortSignal;
  onProgress?: OnProgress;
};

export type ValidationResult = { catalog: Catalog; issues: Issue[] };

const SEVERITY: Record<IssueCode, Severity> = {
  REQUIRED_MISSING: 'error',
  NOT_A_NUMBER: 'error',
  NOT_AN_INTEGER: 'error',
  AMBIGUOUS_NUMBER: 'error',
  NOT_A_PRICE: 'error',
  NEGATIVE_PRICE: 'warning',
  NOT_A_PERCENT: 'error',
  INVALID_EAN: 'error',
  NOT_A_BOOLEAN: 'error',
  NOT_A_DATE: 'error',
  NOT_A_URL: 'warning',
  TOO_LONG: 'warning',
  CELL_ERROR: 'error',
  DUPLICATE_VALUE: 'error',
  DUPLICATE_ROW: 'warning',
  ROW_WITHOUT_DATA: 'warning',
  IMAGE_NOT_FOUND: 'warning',
  IMAGES_NOT_CHECKED: 'info',
  IMAGES_FOUND_BY_REFERENCE: 'info',
  IMAGES_MISSING_BY_REFERENCE: 'warning',
  FIELD_NOT_MAPPED: 'error',
  COLUMN_NOT_FOUND: 'error',
  HIDDEN_ROWS_SKIPPED: 'info',
  BLANK_ROWS: 'info',
  VARIANTS_ATTACHED: 'info',
  PICTURE_ONLY_ROWS: 'info',
};

export function validateCatalog(
  table: SourceTable,
  template: Template,
  mapping: Mapping,
  options: ValidateOptions = {},
): ValidationResult {
  // A price matrix is not a list of products: one clear refusal, not a warning on every row.
  if (table.matrix) return matrixSheet(table, template);
  const issues: Issue[] = [...table.notices];
  const report = (
    code: IssueCode,
    message: Translated,
    at?: { row: number; column?: string },
    field?: string,
    severity: Severity = SEVERITY[code],
  ) => {
    const cell = at
      ? { sheet: table.sheet, row: at.row, ...(at.column ? { column: at.column } : {}) }
      : undefined;
    issues.push({
      severity,
      code,
      message,
      ...(cell ? { cell, ref: formatRef(cell) } : {}),
      ...(field ? { field } : {}),
    });
  };

  const resolved = resolveMapping(table, mapping, template);
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  for (const { field, header } of resolved.missing) {
    const def = byId.get(field);
    // A lost column blocks the catalog only when it leaves a required field with no column at all.
    const severity = def?.required && !resolved.fields[field] ? 'error' : 'warning';
    if (def)
      report('COLUMN_NOT_FOUND', messages.COLUMN_NOT_FOUND(def.label, header), undefined, field, severity);
  }
  // A sheet whose only price includes VAT fills `priceTtc`, required in place of `price`.
  const standsIn = priceStandsIn(template, (id) => mapping.fields[id] !== undefined);
  const money = decideMoney(table, template, resolved, options.money);
  issues.push(...money.issues);
  // A tax-included column mapped to `price` is reported as « Prix TTC », never « Prix HT ».
  const mapped = template.fields
    .filter((f) => resolved.fields[f.id])
    .map((f) => fieldAsRead(f, money.money, template));
  for (const field of template.fields) {
    // A field whose columns left the file was reported just above; this is for fields never mapped.
    if (field.required && !mapping.fields[field.id] && !(standsIn && field.id === PRICE))
      report('FIELD_NOT_MAPPED', messages.FIELD_NOT_MAPPED(field.label), undefined, field.id);
  }
  const findImage = options.images ? makeImageFinder(options.images) : undefined;
  for (const field of mapped) {
    if (field.type === 'image' && !findImage)
      report('IMAGES_NOT_CHECKED', messages.IMAGES_NOT_CHECKED(field.label), undefined, field.id);
  }
  // No picture column, or an empty cell: the picture named after the reference or the EAN.
  const pictures = picturesByReference(template, options.images, (id) => resolved.fields[id] !== undefined);

  const uniqueSeen = new Map<string, Map<string, number>>();
  const rowsSeen = new Map<string, number>();
  const hiddenRows: number[] = [];
  const items: CatalogItem[] = [];
  const productsByRow = new Map<number, CatalogItem>();
  const pictureOnlyRows: number[] = [];
  let variantCount = 0;
  const total = table.rows.length;

  table.rows.forEach((row, done) => {
    if ((done & 0x3ff) === 0) {
      throwIfCancelled(options.signal);
      options.onProgress?.({ stage: 'validate', done, total });
    }
    if (row.hidden && !options.includeHidden) {
      hiddenRows.push(row.number);
      return;
    }
    const fields: Record<string, FieldValue> = {};
    const signature: string[] = [];
    // A variant row leaves the product's cells blank: they are the product's, not missing.
    const parent =
      row.role === 'variant' && row.parent !== undefined ? productsByRow.get(row.parent) : undefined;
    const inherited = new Set<string>();
    for (const field of mapped) {
      const m = resolved.fields[field.id]!;
      const { cell, sourceColumn } = resolveFieldCell(row, m.positions, m.separator, m.transforms);
      const column = table.columns[sourceColumn]?.letter;
      const at = { row: row.number, ...(column ? { column } : {}) };
      signature.push(cellText(cell));
      const converted = convertField(cell, field, row, options);
      if (converted.kind === 'empty' && parent?.fields[field.id]) {
        fields[field.id] = parent.fields[field.id]!;
        inherited.add(field.id);
        continue;
      }
      if (converted.kind === 'empty') {
        if (field.required || (standsIn && field.id === PRICE_INCL))
          report('REQUIRED_MISSING', messages.REQUIRED_MISSING(field.label), at, field.id);
        continue;
      }
      if (converted.kind === 'issue') {
        report(converted.code, converted.message, at, field.id);
        continue;
      }
      if (converted.warning) report(converted.warning.code, converted.warning.message, at, field.id);
      const value = converted.value;
      fields[field.id] = value;
      checkLength(field, value, at);
      checkImage(field, value, at);
      // A variant repeats its product's handle: that is what ties it to the product, not a duplicate.
      const tied = parent && column === row.tie && sameValue(value, parent.fields[field.id]);
      if (!tied) checkUnique(field, value, at);
    }
    if (Object.keys(fields).length === 0 && !signature.some((s) => s !== '')) {
      report('ROW_WITHOUT_DATA', messages.ROW_WITHOUT_DATA(), { row: row.number });
      return;
    }
    pictures?.attach(row, fields);
    const key = signature.join('\u0000');
    const first = rowsSeen.get(key);
    if (first !== undefined) report('DUPLICATE_ROW', messages.DUPLICATE_ROW(first), { row: row.number });
    else rowsSeen.set(key, row.number);
    const item: CatalogItem = {
      row: row.number,
      ...(row.group ? { group: row.group } : {}),
      fields,
      images: row.images,
    };
    if (parent) {
      // Only a picture of its own: another photo of the product, not a line to print.
      const own = Object.keys(fields).filter(
        (id) =>
          fields[id]!.kind !== 'image' && !inherited.has(id) && !sameValue(fields[id]!, parent.fields[id]),
      );
      if (own.length === 0) {
        pictureOnlyRows.push(row.number);
        return;
      }
      (parent.variants ??= []).push(item);
      variantCount++;
      return;
    }
    items.push(item);
    productsByRow.set(row.number, item);
  });
  if (pictureOnlyRows.length) report('PICTURE_ONLY_ROWS', messages.PICTURE_ONLY_ROWS(pictureOnlyRows));
  if (variantCount > 0)
    report(
      'VARIANTS_ATTACHED',
      messages.VARIANTS_ATTACHED(variantCount, items.filter((i) => i.variants).length),
    );

  for (const found of pictures?.issues() ?? []) report(found.code, found.message, undefined, found.field);
  if (hiddenRows.length) report('HIDDEN_ROWS_SKIPPED', messages.HIDDEN_ROWS_SKIPPED(hiddenRows));
  if (table.blankRows.length) report('BLANK_ROWS', messages.BLANK_ROWS(table.blankRows));

  readIncludedPrices(items, money.money);
  issues.push(...moneyIssues(items, money.money, template));
  const groupBy = options.groupBy ?? mapping.groupBy ?? template.groupBy;
  const sortBy = options.sortBy ?? mapping.sortBy ?? template.sortBy;
  const catalog: Catalog = {
    source: { file: table.file, sheet: table.sheet },
    template: template.id,
    items,
    groups: groupAndSort(items, groupBy, sortBy),
    money: money.money,
  };
  return { catalog, issues };

  function checkLength(field: TemplateField, value: FieldValue, at: { row: number; column?: string }) {
    if (!field.maxLength || (value.kind !== 'text' && value.kind !== 'rich')) return;
    const length = [...value.value].length;
    if (length > field.maxLength)
      report('TOO_LONG', messages.TOO_LONG(field.label, length, field.maxLength), at, field.id);
  }

  function checkImage(field: TemplateField, value: FieldValue, at: { row: number; column?: string }) {
    if (
      value.kind !== 'image' ||
      value.embedded !== undefined ||
      !value.name ||
      !findImage ||
      !options.images
    )
      return;
    const found = findImage(value.name);
    if (found) value.path = `${options.images.dir.replace(/[\\/]+$/, '')}/${found}`;
    else
      report(
        'IMAGE_NOT_FOUND',
        messages.IMAGE_NOT_FOUND(field.label, value.name, options.images.dir),
        at,
        field.id,
      );
  }

  function checkUnique(field: TemplateField, value: FieldValue, at: { row: number; column?: string }) {
    if (!field.unique || value.kind === 'image') return;
    const text = String(value.value);
    // References differ by case only in typos: "vis-4x40" and "VIS-4x40" are the same product.
    const key = text.trim().toLocaleLowerCase('fr');
    if (!key) return;
    let seen = uniqueSeen.get(field.id);
    if (!seen) uniqueSeen.set(field.id, (seen = new Map()));
    const first = seen.get(key);
    if (first !== undefined)
      report('DUPLICATE_VALUE', messages.DUPLICATE_VALUE(field.label, text, first), at, field.id);
    else seen.set(key, at.row);
  }
}

function matrixSheet(table: SourceTable, template: Template): ValidationResult {
  const issues = table.notices.map((n): Issue =>
    n.code === 'PRICE_MATRIX_SHEET' ? { ...n, severity: 'error' } : n,
  );
  const source = { file: table.file, sheet: table.sheet };
  return { catalog: { source, template: template.id, items: [], groups: [] }, issues };
}

const sameValue = (a: FieldValue, b: FieldValue | undefined): boolean =>
  b !== undefined && a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);

/** An image field whose cell is empty still has a picture when one is embedded in the row. */
function convertField(
  cell: Parameters<typeof convertCell>[0],
  field: TemplateField,
  row: SourceRow,
  options: ConvertOptions,
): ReturnType<typeof convertCell> {
  const converted = convertCell(cell, field, options);
  if (field.type !== 'image' || row.images.length === 0) return converted;
  if (converted.kind === 'empty') return { kind: 'value', value: { kind: 'image', embedded: 0 } };
  if (converted.kind === 'value' && converted.value.kind === 'image')
    return { kind: 'value', value: { ...converted.value, embedded: 0 } };
  return converted;
}
