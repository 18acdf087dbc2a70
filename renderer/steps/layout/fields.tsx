// The Layout form's inputs: each labelled (a label beside its control, not around it, so the control's
// name is the label alone and not the label plus the option shown), each writing "as the template says" as an absent value,
// numbers sent only when valid (a half-typed 1 of 15 mm is fine, a 9th column is not sent), text
// sent shortly after the user stops typing so the preview is not redrawn per key.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function NumberField(props: {
  label: ReactNode;
  value: number | undefined;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  placeholder?: string;
  onValue(value: number | undefined): void;
}) {
  const id = useId();
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    // Follow a change made elsewhere (a project loaded), not the user's own half-typed text.
    setText((typed) =>
      parse(typed) === props.value ? typed : props.value === undefined ? '' : String(props.value),
    );
  }, [props.value]);
  const parse = (typed: string) => (typed.trim() === '' ? undefined : Number(typed.replace(',', '.')));
  return (
    <div className="layout-field layout-number">
      <label htmlFor={id}>{props.label}</label>
      <span className="layout-with-unit">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          value={text}
          placeholder={props.placeholder}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            const typed = event.target.value;
            setText(typed);
            const value = parse(typed);
            const ok =
              value === undefined ||
              (Number.isFinite(value) &&
                value >= props.min &&
                value <= props.max &&
                (props.step !== undefined || Number.isInteger(value)));
            setInvalid(!ok);
            if (ok) props.onValue(value);
          }}
        />
        {props.unit && (
          <span className="muted small" aria-hidden="true">
            {props.unit}
          </span>
        )}
      </span>
    </div>
  );
}

export function DebouncedText(props: {
  label: ReactNode;
  value: string | undefined;
  placeholder?: string;
  delayMs?: number;
  onValue(value: string): void;
}) {
  const id = useId();
  const [text, setText] = useState(props.value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const send = useRef(props.onValue);
  send.current = props.onValue;
  const pending = useRef<string | undefined>(undefined);
  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current !== undefined) send.current(pending.current);
    pending.current = undefined;
  };
  useEffect(() => {
    if (pending.current === undefined) setText(props.value ?? '');
  }, [props.value]);
  // Leaving the screen sends what was typed rather than losing it.
  useEffect(() => () => flush(), []);
  return (
    <div className="layout-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={props.placeholder}
        onChange={(event) => {
          setText(event.target.value);
          pending.current = event.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, props.delayMs ?? 400);
        }}
        onBlur={flush}
      />
    </div>
  );
}

/** A yes/no setting a template may already decide: "as the template", yes, or no. */
export function TriState(props: {
  label: ReactNode;
  value: boolean | undefined;
  onValue(value: boolean | undefined): void;
}) {
  const { t } = useTranslation('layout');
  const id = useId();
  return (
    <div className="layout-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value === undefined ? '' : props.value ? 'yes' : 'no'}
        onChange={(event) =>
          props.onValue(event.target.value === '' ? undefined : event.target.value === 'yes')
        }
      >
        <option value="">{t('asTemplate')}</option>
        <option value="yes">{t('yes')}</option>
        <option value="no">{t('no')}</option>
      </select>
    </div>
  );
}

/** A choice among words, with "as the template" first. */
export function Choice<V extends string>(props: {
  label: ReactNode;
  value: V | undefined;
  options: ReadonlyArray<{ value: V; label: string }>;
  onValue(value: V | undefined): void;
}) {
  const { t } = useTranslation('layout');
  const id = useId();
  return (
    <div className="layout-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? '\u0000'}
        onChange={(event) =>
          props.onValue(event.target.value === '\u0000' ? undefined : (event.target.value as V))
        }
      >
        <option value={'\u0000'}>{t('asTemplate')}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
