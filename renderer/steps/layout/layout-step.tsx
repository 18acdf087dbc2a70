// Layout: which template, and what the user changes in it — page, grid, accent colour, order and
// grouping, running heads, front and back matter, which price — plus the output's bleed, marks and
// title. Every change is dispatched at once (text shortly after typing stops) and page 1 redraws
// beside the form.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutSettings } from '../../../main/api/index.ts';
import type { ChannelOutput, ErrorPayload } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { LivePage } from '../../preview/live-page.tsx';
import { useApp, useWords } from '../../state/app-context.tsx';
import { planRequest } from '../../state/requests.ts';
import { refusalOf } from '../open/refusal.ts';
import { cmykToCss, type CmykValues } from './cmyk.ts';
import { Choice, DebouncedText, NumberField, TriState } from './fields.tsx';
import { changeLayout, changeRunningHead } from './layout-change.ts';
import { TemplatePicker } from './template-picker.tsx';
import { useTemplateThumbnails } from './template-thumbnails.ts';
import './layout.css';

const SIDES = ['top', 'right', 'bottom', 'left'] as const;
const INKS = ['C', 'M', 'Y', 'K'] as const;

export function LayoutStep() {
  const { t } = useTranslation('layout');
  const { t: common } = useTranslation();
  const { state, dispatch, api, lang, locale } = useApp();
  const words = useWords();
  const { project } = state;
  const layout = project.layout;
  const [templates, setTemplates] = useState<ChannelOutput<'templates'>>();
  const [failure, setFailure] = useState<ErrorPayload>();
  const [pageShown, setPageShown] = useState(false);
  const [livePage, setLivePage] = useState(1);
  const [livePages, setLivePages] = useState<number>();
  // A shorter catalog after a change: the live page stays within it.
  useEffect(() => {
    if (livePages !== undefined && livePage > livePages) setLivePage(livePages);
  }, [livePage, livePages]);
  const onShown = useCallback(() => setPageShown(true), []);

  useEffect(() => {
    let live = true;
    api.call('templates', {}).then(
      (list) => live && setTemplates(list),
      (error: unknown) => live && setFailure(refusalOf(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const set = (patch: Partial<LayoutSettings>) =>
    dispatch({ type: 'layout', layout: changeLayout(layout, patch) });
  const request = useMemo(
    () => (project.file ? planRequest(project, lang, locale) : undefined),
    [project, lang, locale],
  );
  const thumbnails = useTemplateThumbnails(
    api,
    project,
    useMemo(() => (templates ?? []).map((x) => x.id), [templates]),
    lang,
    locale,
    templates !== undefined && (pageShown || !project.file),
  );
  const fields = templates?.find((x) => x.id === project.template)?.fields ?? [];
  const fieldOptions = fields.map((f) => ({ value: f.id, label: words(f.label) }));
  // Custom values start from the template's own (the templates channel says them), never from ours.
  const own = templates?.find((x) => x.id === project.template)?.layout;
  const grid = own?.kind === 'grid';
  const templateMargins = own?.margins ?? { top: 0, right: 0, bottom: 0, left: 0 };
  const templateAccent: CmykValues = own?.accent ?? [0, 0, 0, 100];
  const accent = layout.accent;

  return (
    <section className="layout-step" aria-labelledby="layout-title">
      <h1 id="layout-title">{t('title')}</h1>
      {failure && <ErrorBox error={failure} />}
      <div className="layout-columns">
        <div className="layout-form">
          {templates ? (
            <TemplatePicker
              templates={templates}
              value={project.template}
              thumbnails={thumbnails}
              onChoose={(template) => dispatch({ type: 'template', template })}
            />
          ) : (
            <p className="muted">{common('working')}</p>
          )}

          <div className="layout-fieldsets">
            <fieldset>
              <legend>{t('page')}</legend>
              <div className="layout-row">
                <Choice
                  label={t('pageSize')}
                  value={layout.pageSize}
                  options={(['A4', 'A5', 'A3', 'Letter'] as const).map((v) => ({
                    value: v,
                    label: t(`size.${v}`),
                  }))}
                  onValue={(pageSize) => set({ pageSize })}
                />
                <Choice
                  label={t('orientation')}
                  value={layout.orientation}
                  options={(['portrait', 'landscape'] as const).map((v) => ({ value: v, label: t(v) }))}
                  onValue={(orientation) => set({ orientation })}
                />
                {grid && (
                  <>
                    <NumberField
                      label={t('columns')}
                      min={1}
                      max={8}
                      placeholder={t('templateShort')}
                      value={layout.columns}
                      onValue={(columns) => set({ columns })}
                    />
                    <span className="layout-times" aria-hidden="true">
                      ×
                    </span>
                    <NumberField
                      label={t('rows')}
                      min={1}
                      max={12}
                      placeholder={t('templateShort')}
                      value={layout.rows}
                      onValue={(rows) => set({ rows })}
                    />
                  </>
                )}
              </div>
              <label className="layout-check">
                <input
                  type="checkbox"
                  checked={layout.margins !== undefined}
                  onChange={(e) => set({ margins: e.target.checked ? templateMargins : undefined })}
                />
                {t('customMargins')}
              </label>
              {layout.margins && (
                <div className="layout-row">
                  {SIDES.map((side) => (
                    <NumberField
                      key={side}
                      label={t(`margin.${side}`)}
                      unit="mm"
                      min={0}
                      max={100}
                      step={0.5}
                      value={layout.margins?.[side]}
                      onValue={(value) =>
                        set({ margins: { ...templateMargins, ...layout.margins, [side]: value ?? 0 } })
                      }
                    />
                  ))}
                </div>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('accent')}</legend>
              <label className="layout-check">
                <input
                  type="checkbox"
                  checked={accent !== undefined}
                  onChange={(e) => set({ accent: e.target.checked ? templateAccent : undefined })}
                />
                {t('customAccent')}
              </label>
              {accent && (
                <div className="layout-row layout-cmyk">
                  {INKS.map((ink, i) => (
                    <NumberField
                      key={ink}
                      label={t(`ink.${ink}`)}
                      unit="%"
                      min={0}
                      max={100}
                      value={accent[i]}
                      onValue={(value) => {
                        const next = [...accent] as CmykValues;
                        next[i] = value ?? 0;
                        set({ accent: next });
                      }}
                    />
                  ))}
                  <span
                    className="layout-swatch"
                    style={{ background: cmykToCss(accent) }}
                    role="img"
                    aria-label={t('swatch', { cmyk: accent.join(' / ') })}
                    title={t('swatchNote')}
                  />
                </div>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('order')}</legend>
              <div className="layout-row">
                <Choice
                  label={t('groupBy')}
                  value={layout.groupBy}
                  options={[
                    { value: '@category', label: t('categoryRows') },
                    ...fieldOptions,
                    { value: '', label: t('noGrouping') },
                  ]}
                  onValue={(groupBy) => set({ groupBy })}
                />
                <Choice
                  label={t('sortBy')}
                  value={layout.sortBy === undefined ? undefined : (layout.sortBy[0] ?? '')}
                  options={[{ value: '', label: t('sheetOrder') }, ...fieldOptions]}
                  onValue={(by) => set({ sortBy: by === undefined ? undefined : by === '' ? [] : [by] })}
                />
                <TriState
                  label={t('newPagePerGroup')}
                  value={layout.newPagePerGroup}
                  onValue={(newPagePerGroup) => set({ newPagePerGroup })}
                />
                <Choice
                  label={t('price')}
                  value={layout.price}
                  options={(['ht', 'ttc', 'both'] as const).map((v) => ({
                    value: v,
                    label: t(`prices.${v}`),
                  }))}
                  onValue={(price) => set({ price })}
                />
              </div>
            </fieldset>

            <fieldset>
              <legend>{t('runningHeads')}</legend>
              <div className="layout-row layout-heads">
                {(['header', 'footer'] as const).map((head) =>
                  (['left', 'right'] as const).map((side) => (
                    <DebouncedText
                      key={`${head}-${side}`}
                      label={t(`${head}.${side}`)}
                      value={layout[head]?.[side]}
                      placeholder={t('asTemplate')}
                      onValue={(text) => {
                        const changed = changeRunningHead(layout[head], side, text);
                        set(head === 'header' ? { header: changed } : { footer: changed });
                      }}
                    />
                  )),
                )}
              </div>
              <p className="muted small">{t('tokens')}</p>
            </fieldset>

            <fieldset>
              <legend>{t('matter')}</legend>
              <div className="layout-row">
                <TriState label={t('cover')} value={layout.cover} onValue={(cover) => set({ cover })} />
                <TriState label={t('toc')} value={layout.toc} onValue={(toc) => set({ toc })} />
                <TriState label={t('index')} value={layout.index} onValue={(index) => set({ index })} />
              </div>
            </fieldset>

            <fieldset>
              <legend>{t('pagesAndProofs')}</legend>
              <div className="layout-row">
                <TriState label={t('facing')} value={layout.facing} onValue={(facing) => set({ facing })} />
                <Choice
                  label={t('missingPicture')}
                  value={layout.missingPicture}
                  options={(['placeholder', 'collapse'] as const).map((v) => ({
                    value: v,
                    label: t(`missing.${v}`),
                  }))}
                  onValue={(missingPicture) => set({ missingPicture })}
                />
                <Choice
                  label={t('proof')}
                  value={layout.proof}
                  options={(['across', 'slug'] as const).map((v) => ({ value: v, label: t(`proofs.${v}`) }))}
                  onValue={(proof) => set({ proof })}
                />
              </div>
            </fieldset>

            <fieldset>
              <legend>{t('output')}</legend>
              <div className="layout-row">
                <DebouncedText
                  label={t('catalogTitle')}
                  value={project.output.title}
                  placeholder={t('titlePlaceholder')}
                  onValue={(title) => dispatch({ type: 'output', output: { title: title || undefined } })}
                />
                <NumberField
                  label={t('bleed')}
                  unit="mm"
                  min={0}
                  max={10}
                  step={0.5}
                  placeholder={t('templateShort')}
                  value={project.output.bleed}
                  onValue={(bleed) => dispatch({ type: 'output', output: { bleed } })}
                />
                <TriState
                  label={t('marks')}
                  value={project.output.marks}
                  onValue={(marks) => dispatch({ type: 'output', output: { marks } })}
                />
              </div>
              <p className="muted small">{t('locale', { locale })}</p>
            </fieldset>
          </div>
        </div>

        <aside className="layout-preview" aria-label={t('livePreview', { n: livePage })}>
          <div className="layout-live-head">
            <h2 className="small muted">{t('livePreview', { n: livePage })}</h2>
            {/* The cover shows no grid: a designer turns to a page of products to judge a change. */}
            <button
              type="button"
              className="secondary"
              aria-label={t('previousPage')}
              disabled={livePage <= 1}
              onClick={() => setLivePage((n) => Math.max(1, n - 1))}
            >
              ‹
            </button>
            <button
              type="button"
              className="secondary"
              aria-label={t('nextPage')}
              disabled={livePages !== undefined && livePage >= livePages}
              onClick={() => setLivePage((n) => n + 1)}
            >
              ›
            </button>
          </div>
          <LivePage
            request={request}
            page={livePage}
            width={300}
            label={t('pageN', { n: livePage })}
            updatingLabel={t('updating')}
            waitingLabel={t('drawing')}
            onShown={onShown}
            onPages={setLivePages}
            footer={(pages) =>
              pages ? <span className="muted small">{t('pages', { count: pages })}</span> : null
            }
          />
        </aside>
      </div>
      <div className="step-actions">
        <button type="button" className="secondary" onClick={() => dispatch({ type: 'go', step: 'checks' })}>
          {common('back')}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'go', step: 'preview' })}>
          {common('next')}
        </button>
      </div>
    </section>
  );
}
