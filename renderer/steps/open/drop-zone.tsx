// The big target a workbook is dropped on, with the way to choose one without dragging: the native
// dialog on the desktop, an upload field in browser mode (styled as a button, still a real input so
// the keyboard and screen readers reach it).
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPTED = '.xlsx,.xlsm,.csv';

export function DropZone(props: {
  mode: 'desktop' | 'browser';
  disabled: boolean;
  onFile(file: File): void;
  onChoose(): void;
}) {
  const { t } = useTranslation('open');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A file dropped beside the target must not replace the page with the file (the browser's default).
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  const dragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !props.disabled) props.onFile(file);
  };

  return (
    <div
      className={`open-drop${over ? ' over' : ''}`}
      onDragOver={dragOver}
      onDragEnter={dragOver}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <svg className="open-drop-icon" viewBox="0 0 48 48" aria-hidden="true">
        <path d="M12 4h17l11 11v29H12z" fill="#fff" stroke="currentColor" strokeWidth="2" />
        <path d="M29 4v11h11" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M17 24h18M17 30h18M17 36h18M23 20v20M29 20v20" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <p className="open-drop-title">{over ? t('dropActive') : t('drop')}</p>
      <p className="muted open-drop-or">{t('or')}</p>
      {props.mode === 'desktop' ? (
        <button type="button" onClick={props.onChoose} disabled={props.disabled}>
          {t('choose')}
        </button>
      ) : (
        <label className={`button open-upload${props.disabled ? ' disabled' : ''}`}>
          <input
            ref={input}
            type="file"
            accept={ACCEPTED}
            className="visually-hidden"
            disabled={props.disabled}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so that choosing the same file again (fixed in Excel meanwhile) opens it again.
              if (input.current) input.current.value = '';
              if (file) props.onFile(file);
            }}
          />
          {t('choose')}
        </label>
      )}
      <p className="muted small open-drop-formats">{t('formats')}</p>
    </div>
  );
}
