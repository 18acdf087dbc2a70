// The steps of one project, in order: the current one marked, the reached ones clickable, the rest
// shown but not yet reachable. A list of buttons, so it is keyboard-reachable as it is.
import { useTranslation } from 'react-i18next';
import { STEPS, type StepId } from '../state/project.ts';

export function Stepper(props: {
  step: StepId;
  reached: StepId;
  onGo(step: StepId): void;
  /** The project's flow (the price-grid one is shorter); the catalog's when absent. */
  steps?: readonly StepId[];
}) {
  const { t } = useTranslation();
  const steps = props.steps ?? STEPS;
  const reachedIndex = steps.indexOf(props.reached);
  return (
    <nav
      className="stepper"
      aria-label={t('stepOf', { n: steps.indexOf(props.step) + 1, total: steps.length })}
    >
      <ol>
        {steps.map((step, i) => {
          const current = step === props.step;
          const done = i < reachedIndex || (i <= reachedIndex && !current);
          return (
            <li key={step} className={current ? 'current' : done ? 'done' : 'todo'}>
              <button
                type="button"
                data-step={step}
                aria-current={current ? 'step' : undefined}
                disabled={i > reachedIndex && !current}
                onClick={() => props.onGo(step)}
              >
                <span className="step-number" aria-hidden="true">
                  {done ? '✓' : i + 1}
                </span>
                {t(`steps.${step}`)}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
