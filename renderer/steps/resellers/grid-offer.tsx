// The way into the price-grid flow: once a workbook is open, the service is asked whether it holds
// price grids and a reseller list; when it does, the Open and Sheet steps offer to make one list per
// reseller instead of a catalog. In that flow, the Open step offers the way on (and the way back).
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/app-context.tsx';
import { NEW_GRID } from '../../state/project.ts';
import { isGridWorkbook } from './grid-format.ts';
import { useGridOpen } from './use-grid-open.ts';
import './resellers.css';

export function GridOffer() {
  const { t } = useTranslation('resellers');
  const { state, dispatch } = useApp();
  const inGrid = Boolean(state.project.grid);
  const where = state.step === 'open' || (!inGrid && state.step === 'sheet');
  // Asked once a workbook is open (its catalog answer is there), or for a price-grid project.
  const { answer } = useGridOpen(where && (Boolean(state.opened) || inGrid));
  if (!where || !isGridWorkbook(answer)) return null;

  return (
    <aside className="card grid-offer" aria-labelledby="grid-offer-title">
      <span className="grid-offer-icon" aria-hidden="true">
        ▦
      </span>
      <div className="grid-offer-text">
        <h2 id="grid-offer-title">{t('offer.title')}</h2>
        <p>
          {inGrid
            ? t('offer.inGrid')
            : t('offer.found', { count: answer.resellers.length, families: answer.families.length })}
        </p>
      </div>
      <div className="grid-offer-actions">
        {inGrid ? (
          <>
            <button type="button" className="link" onClick={() => dispatch({ type: 'grid-mode' })}>
              {t('offer.catalog')}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'go', step: 'resellers' })}>
              {t('offer.continue')}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => dispatch({ type: 'grid-mode', grid: state.project.grid ?? NEW_GRID })}
          >
            {t('offer.start')}
          </button>
        )}
      </div>
    </aside>
  );
}
