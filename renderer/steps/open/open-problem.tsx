// A refusal to open, headlined by what kind of trouble it is (password, damage, empty file…), then
// the engine's own words, which name the file and say how to fix it.
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';

export function OpenProblem(props: { error: ErrorPayload; onRetry?: () => void }) {
  const { t, i18n } = useTranslation('open');
  const key = `problems.${props.error.code}`;
  const known = i18n.exists(`${key}.title`, { ns: 'open' });
  return (
    <section className="open-problem" data-code={props.error.code}>
      {known && (
        <div className="open-problem-head">
          <span className="open-problem-icon" aria-hidden="true">
            !
          </span>
          <div>
            <h2>{t(`${key}.title`)}</h2>
            <p className="muted">{t(`${key}.tip`)}</p>
          </div>
        </div>
      )}
      <ErrorBox error={props.error} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />
    </section>
  );
}
