// The sheet's first rows, Excel-labelled: letters across, row numbers down. Each row number is a
// button that makes its row the header; one of them is in the Tab order at a time (roving tabindex),
// the arrow keys move between them, so picking a row is one Tab, some arrows and Enter.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { useWords } from '../../state/app-context.tsx';
import { badgeOf, letters, shownRows } from './excel-rows.ts';

export function RawRows(props: {
  opened: ChannelOutput<'open'>;
  disabled: boolean;
  onPick(row: number): void;
}) {
  const { t } = useTranslation('sheet');
  const words = useWords();
  const { opened } = props;
  const columns = letters(opened);
  const hiddenLetters = new Set(opened.columns.filter((c) => c.hidden).map((c) => c.letter));
  const rows = shownRows(opened);
  const numbers = rows.flatMap((r) => (r.kind === 'row' ? [r.number] : []));
  const headerRow = opened.headerless ? 0 : opened.headerRow;
  const [focused, setFocused] = useState<number>(headerRow || numbers[0] || 1);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const tabbable = numbers.includes(focused) ? focused : (numbers[0] ?? 1);

  const move = (event: KeyboardEvent, from: number) => {
    const at = numbers.indexOf(from);
    const to =
      event.key === 'ArrowDown'
        ? numbers[Math.min(numbers.length - 1, at + 1)]
        : event.key === 'ArrowUp'
          ? numbers[Math.max(0, at - 1)]
          : event.key === 'Home'
            ? numbers[0]
            : event.key === 'End'
              ? numbers[numbers.length - 1]
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    setFocused(to);
    buttons.current.get(to)?.focus();
  };

  return (
    <div className="sheet-grid-wrap">
      <table className="sheet-grid" aria-label={t('table', { sheet: opened.sheet })}>
        <thead>
          <tr>
            <th className="sheet-corner" aria-hidden="true" />
            {columns.map((letter) => {
              const hidden = hiddenLetters.has(letter);
              return (
                <th
                  key={letter}
                  scope="col"
                  className={`sheet-letter${hidden ? ' sheet-hidden-column' : ''}`}
                  {...(hidden ? { title: t('hiddenColumn') } : {})}
                >
                  {letter}
                  {hidden && <span className="visually-hidden"> ({t('hiddenColumn')})</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            if (row.kind === 'gap')
              return (
                <tr key={`gap-${row.after}`} className="sheet-gap">
                  <th scope="row" aria-hidden="true">
                    ⋮
                  </th>
                  <td colSpan={columns.length} />
                </tr>
              );
            const isHeader = row.number === headerRow;
            const above = headerRow > 0 && row.number < headerRow;
            const badge = badgeOf(row.role, headerRow);
            const reason = row.role ? words(row.role.reason) : undefined;
            return (
              <tr
                key={row.number}
                className={isHeader ? 'sheet-header-row' : above ? 'sheet-above' : undefined}
                data-row={row.number}
              >
                <th scope="row" className="sheet-number">
                  <span className="sheet-number-inner">
                    <button
                      type="button"
                      ref={(node) => {
                        if (node) buttons.current.set(row.number, node);
                        else buttons.current.delete(row.number);
                      }}
                      tabIndex={row.number === tabbable ? 0 : -1}
                      aria-pressed={isHeader}
                      aria-label={
                        isHeader ? t('isHeader', { row: row.number }) : t('useRow', { row: row.number })
                      }
                      title={isHeader ? t('isHeader', { row: row.number }) : t('useRow', { row: row.number })}
                      disabled={props.disabled}
                      onFocus={() => setFocused(row.number)}
                      onKeyDown={(event) => move(event, row.number)}
                      onClick={() => {
                        if (!isHeader) props.onPick(row.number);
                      }}
                    >
                      {row.number}
                    </button>
                    {isHeader && (
                      <span className="badge exact" title={reason}>
                        {t('roles.header')}
                      </span>
                    )}
                    {badge && (
                      <span className={`badge sheet-role ${badge}`} title={reason}>
                        {t(`roles.${badge}`)}
                      </span>
                    )}
                  </span>
                </th>
                {columns.map((letter, i) => {
                  const text = row.cells[i] ?? '';
                  // As in Excel, a long text runs on over the empty cells to its right (titles, families).
                  const spills = text !== '' && !row.cells[i + 1];
                  return (
                    <td
                      key={letter}
                      {...(spills ? { className: 'sheet-spill' } : {})}
                      {...(text.length > 24 ? { title: text } : {})}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
