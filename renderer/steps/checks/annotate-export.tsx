// "Export the annotated workbook": the user's own file with each problem cell coloured and commented,
// written into the output folder, then shown in its folder (desktop) or offered for download (browser).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../api/transport.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useApp } from '../../state/app-context.tsx';
import { sourceRequest } from '../../state/requests.ts';
import { baseName, refusalOf } from '../open/refusal.ts';

export function useAnnotateExport() {
  const { state, dispatch, api, shell, lang } = useApp();
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string>();
  const [error, setError] = useState<ErrorPayload>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    setWritten(undefined);
    try {
      let out = state.project.output.out ?? (await shell.defaultOutputs?.());
      if (!out && shell.chooseFolder) {
        out = await shell.chooseFolder();
        // Chosen once: the Export step starts from the same folder.
        if (out) dispatch({ type: 'output', output: { out } });
      }
      if (!out) return;
      const answer = await api.call('annotate', { ...sourceRequest(state.project), out, lang });
      setWritten(answer.file);
    } catch (e) {
      setError(refusalOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, written, error, run };
}

export function AnnotateButton(props: { busy: boolean; disabled: boolean; onClick(): void }) {
  const { t } = useTranslation('checks');
  return (
    <button
      type="button"
      className="secondary"
      disabled={props.busy || props.disabled}
      onClick={props.onClick}
    >
      {props.busy ? t('export.running') : t('export.button')}
    </button>
  );
}

export function AnnotateResult(props: { written?: string; error?: ErrorPayload; onRetry(): void }) {
  const { t } = useTranslation('checks');
  const { shell } = useApp();
  if (props.error) return <ErrorBox error={props.error} onRetry={props.onRetry} />;
  if (!props.written) return null;
  const path = props.written;
  const name = baseName(path);
  return (
    <div className="banner checks-written" role="status">
      <span>
        {t('export.done')} <code title={path}>{shell.mode === 'desktop' ? path : name}</code>
      </span>
      <span className="spacer" />
      {shell.mode === 'desktop' && shell.showInFolder ? (
        <button type="button" className="secondary" onClick={() => void shell.showInFolder!(path)}>
          {t('export.show')}
        </button>
      ) : shell.downloadUrl ? (
        <a className="button secondary" href={shell.downloadUrl(path)} download={name}>
          {t('export.download')}
        </a>
      ) : null}
    </div>
  );
}
