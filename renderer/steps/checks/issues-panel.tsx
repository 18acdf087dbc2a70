// Beside the grid: the problems grouped by rule × column with their counts, filtered by severity.
// A click on a problem (or on a group, for its first) takes the grid to its cell.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/app-context.tsx';
import {
  countIssues,
  filterIssues,
  groupIssues,
  type Filter,
  type IssueGroup,
  type Located,
} from './issue-groups.ts';

const FIRST_SHOWN = 8;
const MORE = 100;

type Props = {
  /** No validation yet: nothing to count. */
  checking?: boolean;
  issues: readonly Located[];
  /** Column letter → its header, to name a group's column. */
  headers: ReadonlyMap<string, string>;
  filter: Filter;
  onFilter(filter: Filter): void;
  /** The issue last gone to. */
  current?: number;
  onGo(issue: Located): void;
};

export function IssuesPanel(props: Props) {
  const { t } = useTranslation('checks');
  const { lang, locale } = useApp();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const counts = useMemo(() => countIssues(props.issues), [props.issues]);
  const groups = useMemo(
    () => groupIssues(filterIssues(props.issues, props.filter)),
    [props.issues, props.filter],
  );
  const [shown, setShown] = useState<Record<string, number>>({});
  const list = useRef<HTMLUListElement>(null);

  // The problem gone to with F8 stays in sight in the list.
  useEffect(() => {
    if (props.current === undefined) return;
    list.current?.querySelector(`[data-issue="${props.current}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [props.current]);

  const filters: { id: Filter; label: string; count: number }[] = [
    { id: 'error', label: t('panel.errors'), count: counts.error },
    { id: 'warning', label: t('panel.warnings'), count: counts.warning },
    { id: 'all', label: t('panel.all'), count: counts.all },
  ];

  const title = (group: IssueGroup) =>
    t(`rules.${group.code}`, { defaultValue: group.issues[0]!.issue.message[lang] });
  const columnName = (group: IssueGroup) =>
    group.letter
      ? `${group.letter} · ${props.headers.get(group.letter) || t('panel.column', { letter: group.letter })}`
      : t('panel.workbook');

  return (
    <section className="checks-panel" aria-labelledby="checks-panel-title">
      <div className="checks-panel-head">
        <h2 id="checks-panel-title">{t('panel.title')}</h2>
        <div className="checks-filters" role="group" aria-label={t('panel.filter')}>
          {filters.map((f) => (
            <button
              key={f.id}
              type="button"
              className={`checks-filter ${f.id}`}
              aria-pressed={props.filter === f.id}
              disabled={props.checking}
              onClick={() => props.onFilter(f.id)}
            >
              {f.label}
              {!props.checking && (
                <>
                  {' '}
                  <span className="checks-count tabular">{number.format(f.count)}</span>
                </>
              )}
            </button>
          ))}
        </div>
      </div>
      {props.checking || groups.length === 0 ? (
        <p className="muted checks-panel-empty">{props.checking ? t('checking') : t('panel.empty')}</p>
      ) : (
        <ul className="checks-groups" ref={list}>
          {groups.map((group) => {
            const first = group.issues.find((l) => l.issue.cell);
            const limit = shown[group.key] ?? FIRST_SHOWN;
            const rest = group.issues.length - limit;
            return (
              <li key={group.key} className={`checks-group ${group.severity}`} data-group={group.key}>
                <button
                  type="button"
                  className="checks-group-head"
                  disabled={!first}
                  aria-label={t('panel.group', {
                    title: title(group),
                    column: group.letter ? t('panel.column', { letter: group.letter }) : t('panel.workbook'),
                    count: group.issues.length,
                  })}
                  onClick={() => first && props.onGo(first)}
                >
                  <span className={`checks-dot ${group.severity}`} aria-hidden="true" />
                  <span className="checks-group-title">{title(group)}</span>
                  <span className={`badge ${group.severity} tabular`}>
                    {number.format(group.issues.length)}
                  </span>
                  <span className="checks-group-column muted small">{columnName(group)}</span>
                </button>
                <ul className="checks-issues">
                  {group.issues.slice(0, limit).map((l) => (
                    <li key={l.id}>
                      {l.issue.cell ? (
                        <button
                          type="button"
                          className="checks-issue"
                          data-issue={l.id}
                          aria-current={props.current === l.id ? 'true' : undefined}
                          onClick={() => props.onGo(l)}
                        >
                          <span className="checks-ref tabular">
                            {l.issue.cell.column
                              ? `${l.issue.cell.column}${l.issue.cell.row}`
                              : t('panel.row', { n: l.issue.cell.row })}
                          </span>
                          <span className="checks-message">{l.issue.message[lang]}</span>
                        </button>
                      ) : (
                        <p className="checks-issue static">
                          <span className="checks-message">{l.issue.message[lang]}</span>
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
                {rest > 0 && (
                  <button
                    type="button"
                    className="link checks-more"
                    onClick={() => setShown({ ...shown, [group.key]: limit + MORE })}
                  >
                    {t('panel.more', { n: number.format(Math.min(rest, MORE)) })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="checks-hint muted small">{t('panel.hint')}</p>
    </section>
  );
}
