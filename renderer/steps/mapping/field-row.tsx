// One template field: its label, the column that feeds it, three of that column's values, where the
// choice came from, and its touch-ups.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMappingInput, Transform } from '../../../main/api/index.ts';
import { useWords } from '../../state/app-context.tsx';
import type { Badge, Column, TemplateField } from './field-mapping.ts';
import { TransformEditor, transformSummary } from './transform-editor.tsx';

export const columnName = (column: Column) =>
  column.header ? `${column.letter} — ${column.header}` : column.letter;

export function FieldRow(props: {
  field: TemplateField;
  mapping: FieldMappingInput | undefined;
  column: Column | undefined;
  columns: readonly Column[];
  badge: Badge;
  disabled: boolean;
  onColumn(column: Column | undefined): void;
  onTransforms(transforms: Transform[]): void;
}) {
  const { t } = useTranslation('mapping');
  const words = useWords();
  const id = useId();
  const label = words(props.field.label);
  const extra = (props.mapping?.columns.length ?? 0) - 1;
  const samples = props.column?.samples.filter((s) => s !== '').slice(0, 3) ?? [];
  const [unfolded, setUnfolded] = useState(false);
  const summary = transformSummary(props.mapping?.transforms, t);
  return (
    <li
      className={`mapping-field${props.field.required ? ' required' : ''}${props.column ? '' : ' unmapped'}`}
      data-field={props.field.id}
    >
      <div className="mapping-field-name">
        <label htmlFor={id}>{label}</label>
        {props.field.required && <span className="mapping-required">{t('required')}</span>}
      </div>
      <div className="mapping-field-column">
        <select
          id={id}
          aria-label={t('columnFor', { field: label })}
          value={props.column?.letter ?? ''}
          disabled={props.disabled}
          onChange={(e) => props.onColumn(props.columns.find((c) => c.letter === e.target.value))}
        >
          <option value="">{t('notMapped')}</option>
          {props.columns.map((column) => (
            <option key={column.letter} value={column.letter}>
              {columnName(column)}
              {column.hidden ? ` (${t('hiddenColumn')})` : ''}
            </option>
          ))}
        </select>
        {extra > 0 && <span className="muted small">{t('moreColumns', { count: extra })}</span>}
      </div>
      <span className={`badge ${props.badge}`} title={t(`badgeHelp.${props.badge}`)}>
        {t(`badges.${props.badge}`)}
      </span>
      {/* A group, so its name ("Samples") is allowed and announced: a plain paragraph cannot carry one. */}
      <p className="mapping-samples" role="group" aria-label={t('samples')} title={samples.join('\n')}>
        {props.column &&
          (samples.length ? (
            samples.map((sample, i) => (
              <span key={i} className="mapping-sample">
                {sample}
              </span>
            ))
          ) : (
            <span className="muted empty">{t('noSamples')}</span>
          ))}
      </p>
      <div className="mapping-field-transforms">
        {props.mapping && (
          <button
            type="button"
            className="link mapping-transforms-toggle"
            aria-expanded={unfolded}
            aria-controls={`${id}-transforms`}
            aria-label={t('transforms.for', { field: label })}
            onClick={() => setUnfolded(!unfolded)}
          >
            <span className="mapping-transforms-title">{t('transforms.heading')}</span>
            <span className={summary.length ? 'mapping-transforms-on' : 'muted'}>
              {summary.length ? summary.join(' · ') : t('transforms.none')}
            </span>
          </button>
        )}
      </div>
      {props.mapping && unfolded && (
        <TransformEditor
          id={`${id}-transforms`}
          field={label}
          transforms={props.mapping.transforms}
          disabled={props.disabled}
          onChange={props.onTransforms}
        />
      )}
    </li>
  );
}
