// Mapping: which column(s) feed each template field, suggested from headers, saved as a profile and
// re-applied to next month's workbook.
export { CaseStyle, ColumnRef, FieldMapping, Mapping, Transform } from './mapping-schema.ts';
export type { FieldMappingInput, MappingInput } from './mapping-schema.ts';
export { BUILTIN_SYNONYMS, builtinSynonyms, fieldSynonyms } from './field-synonyms.ts';
export { suggestMapping } from './suggest-mapping.ts';
export type { MappingSuggestion, SuggestedMatch } from './suggest-mapping.ts';
export { resolveMapping } from './resolve-mapping.ts';
export type { MissingColumn, ResolvedField, ResolvedMapping } from './resolve-mapping.ts';
export { applyTransform, applyTransforms } from './apply-transforms.ts';
export { resolveFieldCell } from './resolve-field-cell.ts';
export type { FieldCell } from './resolve-field-cell.ts';
export { loadMappingProfile, parseMappingProfile, saveMappingProfile } from './mapping-profile.ts';
