// The workbook's sheets as tabs, each with its row count; hidden ones are marked (Excel users hide
// old tariffs, and a hidden sheet being read is a surprise worth seeing).
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { useApp } from '../../state/app-context.tsx';

export function SheetTabs(props: {
  sheets: ChannelOutput<'open'>['sheets'];
  current: string;
  disabled: boolean;
  onPick(sheet: string): void;
}) {
  const { t } = useTranslation('sheet');
  const { locale } = useApp();
  return (
    <nav className="sheet-tabs" aria-label={t('sheets')}>
      <ul>
        {props.sheets.map((sheet) => {
          const current = sheet.name === props.current;
          return (
            <li key={sheet.name}>
              <button
                type="button"
                className={`sheet-tab${current ? ' current' : ''}${sheet.state !== 'visible' ? ' hidden-sheet' : ''}`}
                aria-current={current ? 'true' : undefined}
                disabled={props.disabled}
                onClick={() => {
                  if (!current) props.onPick(sheet.name);
                }}
              >
                <span className="sheet-tab-name">{sheet.name}</span>
                {sheet.state !== 'visible' && (
                  <span className="sheet-tab-state">
                    ({t(sheet.state === 'hidden' ? 'hidden' : 'veryHidden')})
                  </span>
                )}
                <span className="sheet-tab-count">
                  {t('rows', { count: sheet.rowCount, n: sheet.rowCount.toLocaleString(locale) })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
