// The columns no field uses, as chips: a forgotten "Marque" or "EAN" column is seen at once, and a
// click offers the fields it could feed. The menu follows the menu-button pattern (arrows, Escape).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWords } from '../../state/app-context.tsx';
import type { Column, TemplateField } from './field-mapping.ts';
import { columnName } from './field-row.tsx';

export function UnusedTray(props: {
  columns: readonly Column[];
  fields: readonly TemplateField[];
  /** Field id → the column it uses now, to show what a choice would replace. */
  usedBy: Record<string, Column | undefined>;
  disabled: boolean;
  onUse(field: string, column: Column): void;
}) {
  const { t } = useTranslation('mapping');
  const words = useWords();
  const [openFor, setOpenFor] = useState<string>();
  const menu = useRef<HTMLUListElement>(null);
  const chips = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    if (!openFor) return;
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    // A click anywhere else closes the menu, as any menu does.
    const outside = (event: MouseEvent) => {
      if (!(event.target as Element).closest?.('.mapping-menu, .mapping-chip.open')) setOpenFor(undefined);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [openFor]);

  const close = (focusChip = true) => {
    const letter = openFor;
    setOpenFor(undefined);
    if (focusChip && letter) chips.current.get(letter)?.focus();
  };

  const keys = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close(event.key === 'Escape');
    }
  };

  return (
    <section className="mapping-tray card" aria-labelledby="mapping-tray-title">
      <h2 id="mapping-tray-title">
        {t('unused')} <span className="mapping-tray-count tabular">{props.columns.length}</span>
      </h2>
      {props.columns.length === 0 ? (
        <p className="muted small">{t('unusedNone')}</p>
      ) : (
        <>
          <p className="muted small">{t('unusedHelp')}</p>
          <ul className="mapping-chips">
            {props.columns.map((column) => {
              const open = openFor === column.letter;
              return (
                <li key={column.letter} className="mapping-chip-item">
                  <button
                    type="button"
                    className={`mapping-chip${open ? ' open' : ''}`}
                    aria-haspopup="menu"
                    aria-expanded={open}
                    disabled={props.disabled}
                    ref={(node) => {
                      if (node) chips.current.set(column.letter, node);
                      else chips.current.delete(column.letter);
                    }}
                    title={column.samples.slice(0, 3).join(' · ')}
                    onClick={() => (open ? close(false) : setOpenFor(column.letter))}
                  >
                    <span className="mapping-chip-letter">{column.letter}</span>
                    <span className="mapping-chip-header">{column.header || '—'}</span>
                    {column.hidden && (
                      <span className="muted small mapping-chip-hidden" title={t('hiddenColumn')}>
                        ({t('hiddenShort')})
                      </span>
                    )}
                  </button>
                  {open && (
                    <div className="mapping-menu" onKeyDown={keys}>
                      <p className="mapping-menu-title small muted">
                        {t('useFor', { column: columnName(column) })}
                      </p>
                      <ul role="menu" ref={menu} aria-label={t('useFor', { column: columnName(column) })}>
                        {props.fields.map((field) => {
                          const now = props.usedBy[field.id];
                          return (
                            <li key={field.id} role="none">
                              <button
                                type="button"
                                role="menuitem"
                                tabIndex={-1}
                                onClick={() => {
                                  close();
                                  props.onUse(field.id, column);
                                }}
                              >
                                <span>
                                  {words(field.label)}
                                  {field.required && <span className="mapping-required-star"> *</span>}
                                </span>
                                <span className="muted small">{now ? now.letter : ''}</span>
                              </button>
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
