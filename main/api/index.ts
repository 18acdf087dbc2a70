// What a surface may know of the engine: the contract's requests and channels, the plain data types
// they carry, and the coded error every refusal is. Surfaces import this and main/service, nothing deeper.
export * from './contract.ts';
export * from './channels.ts';
export type {
  Cell,
  ColumnType,
  Issue,
  Lang,
  RowDecision,
  RowRole,
  Severity,
  SheetState,
  SourceTable,
  Translated,
} from '../engine/model.ts';
export type { Money } from '../engine/money/money.ts';
export type { FieldMappingInput, Transform } from '../engine/mapping/mapping-schema.ts';
export type { LayoutSettings } from './layout-settings.ts';
export { CatalogError, isCatalogError } from '../engine/errors.ts';
export {
  GROUP_SHOWN,
  groupIssues,
  groupRestWhere,
  groupRows,
  type IssueGroup,
} from '../engine/common/group-issues.ts';
