// A job's progress: the stage in words, a bar when the total is known, and Cancel.
import { useTranslation } from 'react-i18next';
import type { JobEvent } from '../api/transport.ts';

export function ProgressBar(props: { progress?: JobEvent; onCancel?: () => void; label?: string }) {
  const { t } = useTranslation();
  const p = props.progress;
  const stage = p ? t(`progress.${p.stage}`, { defaultValue: p.stage }) : (props.label ?? t('working'));
  const share = p?.total ? Math.min(1, p.done / p.total) : undefined;
  return (
    <div className="progress" role="status" aria-live="polite">
      <div className="progress-label">
        {stage}
        {p?.total ? ` — ${p.done} / ${p.total}` : ''}
      </div>
      <progress max={1} {...(share !== undefined ? { value: share } : {})} aria-label={stage} />
      {props.onCancel && (
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}
