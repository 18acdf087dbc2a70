// What the import noticed about the sheet (notes, no header found, a large file): informative, so a
// compact list under the rows rather than an alarm.
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { useWords } from '../../state/app-context.tsx';

export function SheetNotices(props: { issues: ChannelOutput<'open'>['issues'] }) {
  const { t } = useTranslation('sheet');
  const words = useWords();
  const shown = props.issues.filter((i) => i.severity === 'info' || i.severity === 'warning');
  if (shown.length === 0) return null;
  return (
    <section className="sheet-notices" aria-labelledby="sheet-notices-title">
      <h2 id="sheet-notices-title">{t('notices')}</h2>
      <ul>
        {shown.map((issue, i) => (
          <li key={`${issue.code}-${issue.ref ?? i}`}>
            <span className={`badge ${issue.severity}`}>{issue.severity === 'warning' ? '!' : 'i'}</span>
            {issue.ref && <span className="sheet-ref tabular">{issue.ref}</span>}
            <span>{words(issue.message)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
