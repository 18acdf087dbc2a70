// When the opened sheet has the headers of one mapped before (same names, same order, same
// template), its mapping is applied — unless the user already set one — and this banner says so,
// with Undo. It shows while that remembered mapping is in force, unchanged.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/app-context.tsx';
import type { AppState } from '../state/project.ts';
import './projects.css';

// Each opened workbook's memory is applied once: after Undo it must not come back by itself, even
// when the screen holding the banner is left and entered again.
const applied = new WeakSet<object>();

/** Whether the mapping in force is the one remembered for this sheet (for a "remembered" badge). */
export const isRememberedMapping = (state: AppState): boolean =>
  state.opened?.remembered !== undefined && state.project.fields === state.opened.remembered;

export function RememberedBanner() {
  const { t } = useTranslation('projects');
  const { state, dispatch } = useApp();
  const { opened } = state;
  const hasFields = state.project.fields !== undefined;

  useEffect(() => {
    if (!opened?.remembered || hasFields || applied.has(opened)) return;
    applied.add(opened);
    dispatch({ type: 'fields', fields: opened.remembered });
  }, [opened, hasFields, dispatch]);

  if (!isRememberedMapping(state)) return null;
  return (
    <div className="banner remembered-banner" role="status">
      <span className="badge remembered" aria-hidden="true">
        ✓
      </span>
      <span>{t('rememberedBanner')}</span>
      <span className="spacer" />
      <button
        type="button"
        className="secondary"
        onClick={() => dispatch({ type: 'fields', fields: undefined })}
      >
        {t('undo')}
      </button>
    </div>
  );
}
