// The window: the project bar (name, unsaved mark, language), the stepper, and the current step.
import { useTranslation } from 'react-i18next';
import { ProjectBar } from './components/project-bar.tsx';
import { Stepper } from './components/stepper.tsx';
import { ErrorBox } from './components/error-box.tsx';
import { useApp } from './state/app-context.tsx';
import { useMenuCommands } from './state/use-menu-commands.ts';
import { STEP_SCREENS } from './steps/registry.ts';
import { GridOffer } from './steps/resellers/grid-offer.tsx';
import { stepsOf } from './state/project.ts';
import type { Lang } from './i18n/i18n.ts';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function App() {
  const { t } = useTranslation();
  const { state, dispatch, lang, setLang } = useApp();
  const Screen = STEP_SCREENS[state.step];
  const menuOpen = useMenuCommands();
  const name = state.projectPath
    ? baseName(state.projectPath)
    : state.project.file
      ? baseName(state.project.file)
      : undefined;
  return (
    <div className="app">
      <header className="app-bar">
        <span className="app-name">{t('appName')}</span>
        {name && (
          <span className="project-name">
            {name}
            {state.dirty && (
              <span className="dirty" title={t('unsaved')} aria-label={t('unsaved')}>
                {' '}
                •
              </span>
            )}
          </span>
        )}
        <span className="spacer" />
        <ProjectBar />
        <label className="lang">
          <span className="visually-hidden">{t('language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('language')}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <Stepper
        step={state.step}
        reached={state.reached}
        steps={stepsOf(state.project)}
        onGo={(step) => dispatch({ type: 'go', step })}
      />
      <main className="step" id="step" data-step={state.step}>
        {menuOpen.error && state.step !== 'open' && <ErrorBox error={menuOpen.error.payload} />}
        <GridOffer />
        <Screen />
      </main>
    </div>
  );
}
