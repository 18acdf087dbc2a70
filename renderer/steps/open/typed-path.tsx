// Browser mode's other way in: the path of a file already on this computer (no upload, no copy).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TypedPath(props: { disabled: boolean; onPath(path: string): void }) {
  const { t } = useTranslation('open');
  const [path, setPath] = useState('');
  const id = useId();
  return (
    <form
      className="open-typed"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) props.onPath(path.trim());
      }}
    >
      <label htmlFor={id} className="muted">
        {t('typedPathLabel')}
      </label>
      <div className="open-typed-row">
        <input
          id={id}
          type="text"
          value={path}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('typedPathPlaceholder')}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" className="secondary" disabled={props.disabled || !path.trim()}>
          {t('typedPathOpen')}
        </button>
      </div>
    </form>
  );
}
