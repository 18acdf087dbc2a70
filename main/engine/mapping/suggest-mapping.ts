// A first mapping for a workbook nobody has mapped yet, read from its headers: the user confirms or
// corrects it, so a wrong guess costs more than no guess and weak matches are left out.
import type { SourceTable } from '../model.ts';
import type { Template } from '../templates/template.ts';
import type { FieldMapping, Mapping } from './mapping-schema.ts';
import { SECOND_CHOICE, secondChoices } from './second-choices.ts';
import {
  MIN_SCORE,
  builtinRivals,
  columnScore,
  isCandidate,
  templateFieldMeaning,
  valueScore,
} from './match-score.ts';
import { languageSynonyms } from './sheet-language.ts';

export type SuggestedMatch = {
  field: string;
  /** Column letter as Excel shows it. */
  column: string;
  header: string;
  score: number;
};

export type MappingSuggestion = {
  mapping: Mapping;
  /** Best first, as they were assigned. */
  matches: SuggestedMatch[];
  /** Field ids no column was found for, in template order. */
  unmatched: string[];
};

type Candidate = { field: number; column: number; score: number; hidden: boolean };

const byStrength = (a: Candidate, b: Candidate): number =>
  b.score - a.score || Number(a.hidden) - Number(b.hidden) || a.field - b.field || a.column - b.column;

export const suggestMapping = (table: SourceTable, template: Template): MappingSuggestion => {
  const extra = languageSynonyms(table.columns.map((column) => column.header));
  const meanings = template.fields.map((field) => templateFieldMeaning(field, extra[field.id]));
  const rivals = [...meanings, ...builtinRivals(template.fields.map((field) => field.id))];

  const candidates: Candidate[] = [];
  meanings.forEach((meaning, field) => {
    table.columns.forEach((column, position) => {
      if (!isCandidate(column, meaning, table)) return;
      // A header that names the field, or values that show it (a column of picture files).
      const score = Math.max(columnScore(column, meaning, rivals), valueScore(column, meaning, table));
      if (score >= MIN_SCORE) candidates.push({ field, column: position, score, hidden: column.hidden });
    });
  });

  // Greedy, best first: one strong match should not be traded for two mediocre ones, and the
  // user can always swap columns by hand.
  const takenFields = new Set<number>();
  const takenColumns = new Set<number>();
  const chosen: Candidate[] = [];
  for (const candidate of candidates.sort(byStrength)) {
    if (takenFields.has(candidate.field) || takenColumns.has(candidate.column)) continue;
    takenFields.add(candidate.field);
    takenColumns.add(candidate.column);
    chosen.push(candidate);
  }

  const ids = new Set([...takenFields].map((field) => template.fields[field]!.id));
  for (const pick of secondChoices(table, template, ids, takenColumns)) {
    const field = template.fields.findIndex((f) => f.id === pick.field);
    chosen.push({
      field,
      column: pick.column,
      score: SECOND_CHOICE,
      hidden: table.columns[pick.column]!.hidden,
    });
  }

  const columnOf = new Map(chosen.map((candidate) => [candidate.field, table.columns[candidate.column]]));
  const fields: Record<string, FieldMapping> = {};
  template.fields.forEach((field, index) => {
    const column = columnOf.get(index);
    if (column)
      fields[field.id] = {
        columns: [{ header: column.header, letter: column.letter }],
        separator: ' ',
        transforms: [],
      };
  });

  // Grouping and sorting by a field nobody fills would only produce errors downstream.
  const usable = (id: string): boolean => id === '@category' || Object.hasOwn(fields, id);
  const sortBy = template.sortBy.filter(usable);
  const mapping: Mapping = {
    version: 1,
    template: template.id,
    sheet: table.sheet,
    fields,
    ...(template.groupBy !== undefined && usable(template.groupBy) ? { groupBy: template.groupBy } : {}),
    ...(sortBy.length > 0 ? { sortBy } : {}),
  };

  return {
    mapping,
    matches: chosen.map((candidate) => {
      const column = table.columns[candidate.column]!;
      return {
        field: template.fields[candidate.field]!.id,
        column: column.letter,
        header: column.header,
        // The type bonus orders near ties; the user reads the score as a confidence, capped at 1.
        score: Math.min(1, candidate.score),
      };
    }),
    unmatched: template.fields.filter((_, index) => !columnOf.has(index)).map((field) => field.id),
  };
};
