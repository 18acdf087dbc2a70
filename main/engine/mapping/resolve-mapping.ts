// Re-applies a mapping (usually a saved profile) to a workbook: next month's file has its columns
// moved, one renamed ("Prix HT" → "PU HT"), one dropped. Headers are looked up by meaning, never by
// letter, and what cannot be found is reported rather than guessed loosely.
import type { SourceColumn, SourceTable } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { builtinSynonyms, fieldSynonyms } from './field-synonyms.ts';
import type { Mapping, Transform } from './mapping-schema.ts';
import type { FieldMeaning } from './match-score.ts';
import { PREFIX, builtinRivals, columnScore, foldHeader, isCandidate, meaningOf } from './match-score.ts';

export type ResolvedField = {
  columns: SourceColumn[];
  /** Positions of `columns` in `SourceTable.columns`, which are also the indexes into `SourceRow.cells`. */
  positions: number[];
  separator: string;
  transforms: Transform[];
};

export type MissingColumn = { field: string; header: string };

export type ResolvedMapping = {
  /** Fields with at least one column found; a field whose columns are all missing is left out. */
  fields: Record<string, ResolvedField>;
  /** Every column reference not found, so the caller can say "column « Prix HT » not found". */
  missing: MissingColumn[];
};

type Ref = { field: string; order: number; header: string; position?: number };

/**
 * `template`, when given, adds its fields' own synonyms and types to the fallback search; without
 * it the built-in synonyms of common field ids are used.
 */
export const resolveMapping = (
  table: SourceTable,
  mapping: Mapping,
  template?: Template,
): ResolvedMapping => {
  const fieldIds = Object.keys(mapping.fields);
  const refs: Ref[] = fieldIds.flatMap((field) =>
    (mapping.fields[field]?.columns ?? []).map((column, order) => ({ field, order, header: column.header })),
  );

  // First pass, exact headers for every field, so a column that is still there under its own name
  // is never taken by another field's fallback. Two fields may share a column (name and
  // description from one "Désignation"), so exact matches do not exclude each other.
  const folded = table.columns.map((column) => foldHeader(column.header));
  const claimed = new Set<number>();
  for (const ref of refs) {
    const wanted = foldHeader(ref.header);
    const equal = folded.flatMap((header, position) => (header === wanted ? [position] : []));
    // Hidden duplicates are leftovers (an old price kept out of sight); the visible one is meant.
    ref.position = equal.find((position) => !table.columns[position]?.hidden) ?? equal[0];
    if (ref.position !== undefined) claimed.add(ref.position);
  }

  // Second pass, by meaning: the old header itself and the field's synonyms, strictly (a renamed
  // column must read as the same thing, not as something close). Other fields compete with their
  // own headers and synonyms, so "Prix TTC" is never taken for a missing "Prix HT".
  const meaningFor = (field: string, headers: string[]): FieldMeaning => {
    const templateField = template?.fields.find((candidate) => candidate.id === field);
    const synonyms = templateField ? fieldSynonyms(templateField) : [field, ...builtinSynonyms(field)];
    return meaningOf(field, [...headers, ...synonyms], templateField?.type);
  };
  const rivals = [
    ...fieldIds.map((field) =>
      meaningFor(field, mapping.fields[field]?.columns.map((column) => column.header) ?? []),
    ),
    ...builtinRivals(fieldIds),
  ];

  for (const ref of refs) {
    if (ref.position !== undefined) continue;
    const meaning = meaningFor(ref.field, [ref.header]);
    let best: { position: number; score: number } | undefined;
    table.columns.forEach((column, position) => {
      if (claimed.has(position) || !isCandidate(column, meaning, table)) return;
      const score = columnScore(column, meaning, rivals);
      if (score >= PREFIX && (!best || score > best.score)) best = { position, score };
    });
    if (best) {
      ref.position = best.position;
      claimed.add(best.position);
    }
  }

  const fields: Record<string, ResolvedField> = {};
  const missing: MissingColumn[] = [];
  for (const field of fieldIds) {
    const fieldMapping = mapping.fields[field];
    if (!fieldMapping) continue;
    const positions: number[] = [];
    for (const ref of refs.filter((candidate) => candidate.field === field)) {
      if (ref.position === undefined) missing.push({ field, header: ref.header });
      else positions.push(ref.position);
    }
    if (positions.length === 0) continue;
    fields[field] = {
      columns: positions.map((position) => table.columns[position]).filter((column) => column !== undefined),
      positions,
      separator: fieldMapping.separator,
      transforms: fieldMapping.transforms,
    };
  }
  return { fields, missing };
};
