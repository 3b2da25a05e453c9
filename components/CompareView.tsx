import type { ReactNode } from 'react';
import type { MessageRecord } from '../utils/history/db';
import { type PiiReplacement, restoreOutsideUrls } from '../utils/pii/redact';
import { Markdown } from './Markdown';

interface Props {
  heading: string;
  question: string;
  answers: MessageRecord[];
  streamingIds: string[];
  labels: { stop: string; keep: string };
  modelTitle(modelId: string): string;
  /** Shown under an answer: its usage, its error. */
  footer(answer: MessageRecord): ReactNode;
  /** Placeholders the models saw, shown as the values they stand for (never inside a link). */
  mapping: readonly PiiReplacement[];
  onStop(): void;
  onKeep(answerId: string): void;
}

/** Two or three answers to one question, streaming at the same time, stacked for the narrow panel. */
export function CompareView({ heading, question, answers, streamingIds, labels, ...props }: Props) {
  const streaming = streamingIds.length > 0;
  return (
    <section className="compare" aria-label={heading}>
      <header>
        <h2>{heading}</h2>
        <p className="user-text">{restoreOutsideUrls(question, props.mapping)}</p>
        {streaming && (
          <button type="button" className="stop" onClick={props.onStop}>
            {labels.stop}
          </button>
        )}
      </header>
      {answers.map((answer) => {
        const busy = streamingIds.includes(answer.id);
        return (
          <article key={answer.id} className="compare-answer" aria-busy={busy} data-model={answer.model}>
            <h3>{props.modelTitle(answer.model)}</h3>
            <div className="message-body">
              <Markdown text={answer.content} mapping={props.mapping} />
            </div>
            {props.footer(answer)}
            <button
              type="button"
              disabled={streaming || answer.content === ''}
              onClick={() => props.onKeep(answer.id)}
            >
              {labels.keep}
            </button>
          </article>
        );
      })}
    </section>
  );
}
