// The Export step's settings that go into the PDF itself: the print PDF's printing condition, and a
// price list's validity dates (only for a template that prints terms). Both are saved with the
// project's outputs; an empty date is no date — nothing is filled in for the user.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/app-context.tsx';
import { PRESS_CHOICES } from './strings.ts';

/** The print card's select: a standard printing condition the print PDF names, or none. */
export function PressSelect() {
  const { t } = useTranslation('export');
  const { state, dispatch } = useApp();
  const id = useId();
  const press = state.project.output.press ?? '';
  return (
    <label className="export-extra">
      <span id={`${id}-label`}>{t('press')}</span>
      <select
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-note`}
        value={press}
        onChange={(e) => dispatch({ type: 'output', output: { press: e.target.value || undefined } })}
      >
        <option value="">{t('pressNone')}</option>
        {PRESS_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`pressLabels.${choice}`)}
          </option>
        ))}
      </select>
      <span id={`${id}-note`} className="muted small">
        {t('pressNote')}
      </span>
    </label>
  );
}

/** Two date fields (the browser writes them as the user's locale does, and gives ISO dates back). */
export function ValidityFields(props: { disabled?: boolean }) {
  const { t } = useTranslation('export');
  const { state, dispatch } = useApp();
  const id = useId();
  const { validFrom = '', validUntil = '' } = state.project.output;
  const set = (key: 'validFrom' | 'validUntil', value: string) =>
    dispatch({ type: 'output', output: { [key]: value || undefined } });
  return (
    <fieldset className="export-validity" aria-describedby={`${id}-note`} disabled={props.disabled}>
      <legend>{t('validity')}</legend>
      <div className="export-validity-dates">
        <label>
          <span>{t('validFrom')}</span>
          <input
            type="date"
            value={validFrom}
            max={validUntil || undefined}
            onChange={(e) => set('validFrom', e.target.value)}
          />
        </label>
        <label>
          <span>{t('validUntil')}</span>
          <input
            type="date"
            value={validUntil}
            min={validFrom || undefined}
            onChange={(e) => set('validUntil', e.target.value)}
          />
        </label>
      </div>
      <p id={`${id}-note`} className="muted small">
        {t('validityNote')}
      </p>
    </fieldset>
  );
}
