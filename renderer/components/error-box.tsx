// A refusal in the user's words, with its code for support, and what to do next when there is a retry.
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../api/transport.ts';
import { useWords } from '../state/app-context.tsx';

export function ErrorBox(props: { error: ErrorPayload; onRetry?: () => void }) {
  const { t } = useTranslation();
  const words = useWords();
  return (
    <div className="error-box" role="alert">
      <strong>{t('errorTitle')}</strong>
      <p>{words(props.error.message)}</p>
      <p className="muted small">{t('errorCode', { code: props.error.code })}</p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
