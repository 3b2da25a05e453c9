import type { ReactNode } from 'react';

export interface ResultCardLabels {
  stop: string;
  copy: string;
  replace: string;
  insert: string;
  retry: string;
  continueInChat: string;
  sourceText: string;
}

interface Props {
  title: string;
  source?: string;
  input: string;
  streaming: boolean;
  hasAnswer: boolean;
  /** Only a selection made in an editable field can be written back. */
  canReplace: boolean;
  labels: ResultCardLabels;
  /** The answer's state when it is not complete, e.g. "中断" for a cut-off answer. */
  badge?: string;
  /** Extra controls shown in the header, e.g. the translation target. */
  controls?: ReactNode;
  /** More controls for a finished answer (try another model, compare). */
  moreActions?: ReactNode;
  /** Says what Copy, Replace and Insert add (the organisation's disclosure note), next to them. */
  copyNote?: string;
  /** Feedback after a button (copied, replaced, could not replace…). */
  feedback?: ReactNode;
  children: ReactNode;
  onStop(): void;
  onCopy(): void;
  onReplace(): void;
  onInsert(): void;
  onRetry(): void;
  onContinue(): void;
}

/** The answer to a right-click action, with what the user can do with it. */
export function ResultCard(props: Props) {
  const { labels, streaming, hasAnswer } = props;
  return (
    <article className="result-card" aria-busy={streaming}>
      <header>
        <h2>
          {props.title}
          {props.badge && <span className="badge">{props.badge}</span>}
        </h2>
        {props.source && <p className="source">{props.source}</p>}
        {props.controls}
      </header>
      <details className="input-text">
        <summary>{labels.sourceText}</summary>
        <p>{props.input}</p>
      </details>
      <div className="result-body">{props.children}</div>
      <footer className="toolbar">
        {streaming && (
          <button type="button" className="stop" onClick={props.onStop}>
            {labels.stop}
          </button>
        )}
        <button type="button" onClick={props.onCopy} disabled={streaming || !hasAnswer}>
          {labels.copy}
        </button>
        {props.canReplace && (
          <button type="button" onClick={props.onReplace} disabled={streaming || !hasAnswer}>
            {labels.replace}
          </button>
        )}
        <button type="button" onClick={props.onInsert} disabled={streaming || !hasAnswer}>
          {labels.insert}
        </button>
        <button type="button" onClick={props.onRetry} disabled={streaming}>
          {labels.retry}
        </button>
        <button type="button" onClick={props.onContinue} disabled={streaming}>
          {labels.continueInChat}
        </button>
      </footer>
      {props.copyNote && hasAnswer && !streaming && <p className="hint copy-note">{props.copyNote}</p>}
      {props.feedback}
      {props.moreActions}
    </article>
  );
}
