// The templates as cards: each with its first page on the user's data when it is drawn, its name and
// what it is for. A radio group, so arrows move between them as a user expects.
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../api/transport.ts';
import { useWords } from '../../state/app-context.tsx';

export function TemplatePicker(props: {
  templates: ChannelOutput<'templates'>;
  value: string;
  thumbnails: Record<string, string>;
  onChoose(id: string): void;
}) {
  const { t } = useTranslation('layout');
  const words = useWords();
  return (
    <fieldset className="layout-templates">
      <legend>{t('template')}</legend>
      <div className="layout-template-cards">
        {props.templates.map((template) => {
          const chosen = template.id === props.value;
          const url = props.thumbnails[template.id];
          return (
            <label key={template.id} className={`layout-template card${chosen ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="layout-template"
                className="visually-hidden"
                value={template.id}
                checked={chosen}
                onChange={() => props.onChoose(template.id)}
              />
              <span className="layout-thumb" aria-hidden="true">
                {url ? <img src={url} alt="" /> : <span className="layout-thumb-wait muted small">…</span>}
              </span>
              <span className="layout-template-name">{words(template.name)}</span>
              {template.description && <span className="muted small">{words(template.description)}</span>}
            </label>
          );
        })}
      </div>
      <p className="muted small">{t('templateNote')}</p>
    </fieldset>
  );
}
