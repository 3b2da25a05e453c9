import type { ReactNode } from 'react';

export interface OnboardingLabels {
  greeting: string;
  intro: string;
  steps: { title: string; body: string }[];
  sampleTitle: string;
  sampleIntro: string;
  sampleText: string;
  sampleNeedsGateway: string;
  openSettings: string;
  close: string;
}

interface Props {
  labels: OnboardingLabels;
  /** The actions the sample can be run with (only those the organisation has switched on). */
  sampleActions: { id: string; label: string }[];
  /** False until a gateway is configured: the sample explains where to set it instead of failing. */
  canRun: boolean;
  /** The keyboard shortcuts, shown as part of the tour. */
  shortcuts?: ReactNode;
  onRunSample(actionId: string): void;
  onOpenSettings(): void;
  onClose(): void;
}

/** The first-run tour: three steps, and a sample paragraph to try an action on straight away. */
export function Onboarding({ labels, sampleActions, canRun, shortcuts, ...handlers }: Props) {
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">{labels.greeting}</h2>
      <p>{labels.intro}</p>
      <ol className="tour-steps">
        {labels.steps.map((step) => (
          <li key={step.title}>
            <h3>{step.title}</h3>
            <p>{step.body}</p>
          </li>
        ))}
      </ol>
      <section className="tour-sample" aria-labelledby="tour-sample-title">
        <h3 id="tour-sample-title">{labels.sampleTitle}</h3>
        <p>{labels.sampleIntro}</p>
        <blockquote className="sample-text">{labels.sampleText}</blockquote>
        <div className="toolbar">
          {sampleActions.map((action) => (
            <button
              key={action.id}
              type="button"
              disabled={!canRun}
              onClick={() => handlers.onRunSample(action.id)}
            >
              {action.label}
            </button>
          ))}
        </div>
        {!canRun && (
          <p className="hint">
            {labels.sampleNeedsGateway}{' '}
            <button type="button" onClick={handlers.onOpenSettings}>
              {labels.openSettings}
            </button>
          </p>
        )}
      </section>
      {shortcuts}
      <button type="button" className="tour-close" onClick={handlers.onClose}>
        {labels.close}
      </button>
    </section>
  );
}
