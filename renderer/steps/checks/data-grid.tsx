// The workbook's rows as a spreadsheet: Excel's letters and row numbers stuck to the edges, problem
// cells coloured, one cell focused and moved with the keys the ARIA grid pattern names. Only the rows
// in view (and the focused one) are in the DOM, all of one height, so 100,000 rows scroll as 30 do.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowMarks } from './cell-marks.ts';
import { columnWidth, isNumeric, rowHeaderWidth, type GridColumn } from './grid-columns.ts';
import { moveFocus, type Position } from './grid-keys.ts';
import { PAGE_SIZE, type GridRow, type RowCache } from './row-cache.ts';

const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 40;

export type DataGridHandle = {
  /** Makes a cell the focused one, scrolls it into view and (by default) gives it the keyboard focus. */
  goTo(position: Position, options?: { focus?: boolean; align?: 'auto' | 'center' }): void;
  position(): Position;
};

type Props = {
  columns: GridColumn[];
  widths: number[];
  cache: RowCache;
  /** Rows in all as the workbook was opened; the rows channel's own count wins once it answered. */
  total: number;
  marks: ReadonlyMap<number, RowMarks>;
  label: string;
  ref?: Ref<DataGridHandle>;
  onPosition?(position: Position): void;
};

export function DataGrid(props: Props) {
  const { t } = useTranslation('checks');
  const { columns, cache, marks } = props;
  const [, setVersion] = useState(0);
  useEffect(() => cache.subscribe(() => setVersion((v) => v + 1)), [cache]);
  const total = cache.total ?? props.total;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Position>({ index: 0, col: 0 });
  const activeRef = useRef(active);
  activeRef.current = active;
  const focusPending = useRef(false);
  const onPosition = useRef(props.onPosition);
  onPosition.current = props.onPosition;
  // One object per language: the memoised rows compare it by identity.
  const markWords = useMemo(() => ({ error: t('grid.markError'), warning: t('grid.markWarning') }), [t]);

  const lastRow = cache.get(total - 1)?.number ?? total + 10;
  const rowHead = rowHeaderWidth(lastRow);
  const widths = useRefinedWidths(cache, columns, props.widths, total);
  const template = `${rowHead}px ${widths.map((w) => `${w}px`).join(' ')}`;
  const cellClasses = useMemo(
    () => columns.map((c) => (isNumeric(c) ? 'checks-cell num' : 'checks-cell')),
    [columns],
  );
  const width = rowHead + widths.reduce((a, b) => a + b, 0);

  // The focused row is always rendered: its cell keeps the keyboard focus while scrolled away.
  // A new function per focused row, so the virtualizer recomputes its rows when the focus moves.
  const keep = active.index;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (keep < range.count && !indexes.includes(keep)) {
        indexes.push(keep);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [keep],
  );

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // The pages of the rows on screen, and of the focused row (which may be far from them: the
  // rows between are not fetched).
  const pages = [...new Set(items.map((item) => Math.floor(item.index / PAGE_SIZE)))].join(',');

  useEffect(() => {
    if (total === 0 || pages === '') return;
    for (const page of pages.split(',').map(Number)) cache.ensure(page * PAGE_SIZE, page * PAGE_SIZE);
  }, [cache, pages, total]);

  const go = useCallback(
    (position: Position, options: { focus?: boolean; align?: 'auto' | 'center' } = {}) => {
      const next = {
        index: Math.max(0, Math.min(total - 1, position.index)),
        col: Math.max(0, Math.min(columns.length - 1, position.col)),
      };
      activeRef.current = next;
      setActive(next);
      onPosition.current?.(next);
      focusPending.current = options.focus !== false;
      virtualizer.scrollToIndex(next.index, { align: options.align ?? 'auto' });
    },
    [total, columns.length, virtualizer],
  );

  useImperativeHandle(props.ref, () => ({ goTo: go, position: () => activeRef.current }), [go]);

  // After a move the cell exists (the focused row is always rendered): focus it, and bring it
  // into view sideways (scroll-padding keeps it clear of the sticky row numbers).
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const cell = scroller.current?.querySelector<HTMLElement>(`[data-cell="${active.index}:${active.col}"]`);
    if (!cell) return;
    focusPending.current = false;
    cell.focus({ preventScroll: true });
    cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });

  const onKeyDown = (event: React.KeyboardEvent) => {
    const page = Math.max(
      1,
      Math.floor(((scroller.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const next = moveFocus(event.key, event.ctrlKey || event.metaKey, activeRef.current, {
      rows: total,
      cols: columns.length,
      page,
    });
    if (!next) return;
    event.preventDefault();
    go(next);
  };

  const onMouseDown = (event: React.MouseEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const [index, col] = cell.dataset.cell!.split(':').map(Number) as [number, number];
    const next = { index, col };
    activeRef.current = next;
    setActive(next);
    onPosition.current?.(next);
  };

  return (
    <div
      ref={scroller}
      className="checks-grid"
      role="grid"
      aria-label={props.label}
      aria-readonly="true"
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      style={{ scrollPaddingLeft: rowHead, scrollPaddingTop: HEADER_HEIGHT }}
    >
      <div
        className="checks-grid-sizer"
        role="presentation"
        style={{ height: virtualizer.getTotalSize(), width }}
      >
        <div
          className="checks-grid-head"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: template, width, height: HEADER_HEIGHT }}
        >
          <div className="checks-corner" role="columnheader" aria-colindex={1}>
            <span className="visually-hidden">{t('grid.row')}</span>
          </div>
          {columns.map((column, col) => (
            <div
              key={column.letter}
              role="columnheader"
              aria-colindex={col + 2}
              className={column.hidden ? 'checks-colhead hidden-col' : 'checks-colhead'}
              title={column.hidden ? `${column.header} — ${t('grid.hiddenColumn')}` : column.header}
            >
              <span className="checks-letter">{column.letter}</span>
              <span className="checks-header">{column.header}</span>
            </div>
          ))}
        </div>
        {items.map((item) => {
          const row = cache.get(item.index);
          return (
            <GridRowView
              key={item.index}
              index={item.index}
              start={item.start}
              row={row}
              columns={columns}
              cellClasses={cellClasses}
              template={template}
              width={width}
              marks={row ? marks.get(row.number) : undefined}
              activeCol={item.index === active.index ? active.col : -1}
              markWords={markWords}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * The widths the parent estimated from samples until the first page of rows arrives, then widths
 * from those rows, kept for this cache: computed once, so columns never shift while scrolling.
 */
function useRefinedWidths(cache: RowCache, columns: GridColumn[], estimated: number[], total: number) {
  const refined = useRef<{ cache: RowCache; columns: GridColumn[]; widths: number[] } | undefined>(undefined);
  const kept = refined.current;
  if (kept && kept.cache === cache && kept.columns === columns) return kept.widths;
  const rows: GridRow[] = [];
  for (let i = 0; i < Math.min(PAGE_SIZE, total); i++) {
    const row = cache.get(i);
    if (!row) return estimated;
    rows.push(row);
  }
  const headroom = Math.max(0, String(total).length - String(rows.length).length);
  const widths = columns.map((column, col) =>
    columnWidth(
      column,
      rows.map((row) => row.cells[col] ?? ''),
      headroom,
    ),
  );
  refined.current = { cache, columns, widths };
  return widths;
}

type RowProps = {
  index: number;
  start: number;
  row: GridRow | undefined;
  columns: GridColumn[];
  cellClasses: string[];
  template: string;
  width: number;
  marks: RowMarks | undefined;
  activeCol: number;
  markWords: Record<'error' | 'warning', string>;
};

// Memoised: moving the focus re-renders the two rows it leaves and enters, nothing else.
const GridRowView = memo(function GridRowView(p: RowProps) {
  const rowMark = p.marks?.row;
  const classes = ['checks-row'];
  if (!p.row) classes.push('loading');
  else if (p.row.role === 'variant') classes.push('variant');
  if (p.index % 2 === 1) classes.push('odd');
  return (
    <div
      role="row"
      aria-rowindex={p.index + 2}
      className={classes.join(' ')}
      style={{ transform: `translateY(${p.start}px)`, gridTemplateColumns: p.template, width: p.width }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className={rowMark ? `checks-rowhead ${rowMark.severity}` : 'checks-rowhead'}
        title={rowMark?.messages.join('\n')}
      >
        {p.row ? p.row.number : ''}
        {rowMark && (
          <span className="visually-hidden">{` ${p.markWords[rowMark.severity]} ${rowMark.messages.join(' ; ')}`}</span>
        )}
      </div>
      {p.columns.map((column, col) => {
        const mark = p.marks?.cells.get(column.letter);
        const text = p.row?.cells[col] ?? '';
        const focused = col === p.activeCol;
        return (
          <div
            key={column.letter}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={focused ? true : undefined}
            aria-busy={p.row ? undefined : true}
            tabIndex={focused ? 0 : -1}
            data-cell={`${p.index}:${col}`}
            className={mark ? `${p.cellClasses[col]} ${mark.severity}` : p.cellClasses[col]}
            title={mark ? mark.messages.join('\n') : text.length > 24 ? text : undefined}
          >
            {p.row ? text : <span className="checks-skeleton" aria-hidden="true" />}
            {mark && (
              <span className="visually-hidden">{` — ${p.markWords[mark.severity]} ${mark.messages.join(' ; ')}`}</span>
            )}
          </div>
        );
      })}
    </div>
  );
});
