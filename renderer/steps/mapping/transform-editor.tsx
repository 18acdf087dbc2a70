// A field's touch-ups: a small form unfolded under its field, and the one-line summary shown when
// folded, so the list of fields stays scannable.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transform } from '../../../main/api/index.ts';
import { CASES, readTransforms, writeTransforms, type CommonTransforms } from './common-transforms.ts';

export function TransformEditor(props: {
  id: string;
  field: string;
  transforms: readonly Transform[] | undefined;
  disabled: boolean;
  onChange(transforms: Transform[]): void;
}) {
  const { t } = useTranslation('mapping');
  const id = useId();
  const common = readTransforms(props.transforms);
  const set = (change: Partial<CommonTransforms>) =>
    props.onChange(writeTransforms({ ...common, ...change }));

  return (
    <fieldset disabled={props.disabled} className="mapping-transforms-form" id={props.id}>
      <legend className="visually-hidden">{t('transforms.for', { field: props.field })}</legend>
      <label className="mapping-check">
        <input type="checkbox" checked={common.trim} onChange={(e) => set({ trim: e.target.checked })} />
        <span>{t('transforms.trim')}</span>
      </label>
      <label>
        <span>{t('transforms.case')}</span>
        <select
          value={common.case ?? ''}
          onChange={(e) => {
            const value = e.target.value as CommonTransforms['case'] | '';
            const { case: _c, ...rest } = common;
            props.onChange(writeTransforms(value ? { ...rest, case: value } : rest));
          }}
        >
          <option value="">{t('transforms.caseNone')}</option>
          {CASES.map((style) => (
            <option key={style} value={style}>
              {t(`transforms.${style}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('transforms.prefix')}</span>
        <input type="text" value={common.prefix} onChange={(e) => set({ prefix: e.target.value })} size={8} />
      </label>
      <label>
        <span>{t('transforms.suffix')}</span>
        <input type="text" value={common.suffix} onChange={(e) => set({ suffix: e.target.value })} size={8} />
      </label>
      <label>
        <span>{t('transforms.default')}</span>
        <input
          type="text"
          value={common.default}
          aria-describedby={`${id}-default`}
          onChange={(e) => set({ default: e.target.value })}
          size={12}
        />
      </label>
      <span id={`${id}-default`} className="visually-hidden">
        {t('transforms.defaultHelp')}
      </span>
      {common.others.length > 0 && (
        <p className="muted small mapping-transforms-others">
          {t('transforms.others', { count: common.others.length })}
        </p>
      )}
    </fieldset>
  );
}

/** The one-line summary of a field's touch-ups, on the button that unfolds their form. */
export function transformSummary(
  transforms: readonly Transform[] | undefined,
  t: (key: string, options?: Record<string, string>) => string,
) {
  const common = readTransforms(transforms);
  return [
    common.trim && t('transforms.summaryTrim'),
    common.case && t(`transforms.${common.case}`),
    common.prefix && t('transforms.summaryPrefix', { value: common.prefix }),
    common.suffix && t('transforms.summarySuffix', { value: common.suffix }),
    common.default && t('transforms.summaryDefault', { value: common.default }),
    common.others.length > 0 && `+${common.others.length}`,
  ].filter((part): part is string => Boolean(part));
}
