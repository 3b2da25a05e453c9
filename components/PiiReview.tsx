import { useId } from 'react';
import type { PiiFinding } from '../utils/pii/types';

interface Props {
  /** The text exactly as the user wrote or selected it; findings' offsets point into it. */
  text: string;
  findings: readonly PiiFinding[];
  /** Which of each finding's labels to show. */
  language: 'ja' | 'en';
  /** Block mode: nothing may be sent, so only Cancel and the `blocked` message are offered. */
  blocked: boolean;
  labels: {
    title: string;
    intro: string;
    found: string;
    /** Shown after info findings (法人番号), which are public and are not redacted. */
    publicInfo: string;
    /** What the screen looks for and what it does not, in plain words. */
    scope: string;
    blocked: string;
    sendAnyway: string;
    redactAndSend: string;
    cancel: string;
  };
  onSendAnyway: () => void;
  onRedactAndSend: () => void;
  onCancel: () => void;
}

type Segment = { kind: 'plain'; text: string } | { kind: 'finding'; text: string; finding: PiiFinding };

/** Cuts the text into plain runs and findings, in order; a finding overlapping an earlier one is skipped. */
function segmentsOf(text: string, findings: readonly PiiFinding[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < cursor || finding.end > text.length || finding.end <= finding.start) continue;
    if (finding.start > cursor) segments.push({ kind: 'plain', text: text.slice(cursor, finding.start) });
    segments.push({ kind: 'finding', text: text.slice(finding.start, finding.end), finding });
    cursor = finding.end;
  }
  if (cursor < text.length) segments.push({ kind: 'plain', text: text.slice(cursor) });
  return segments;
}

/** Each distinct label and value once, in the order they appear. */
function distinctFindings(findings: readonly PiiFinding[]): PiiFinding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => a.start - b.start)
    .filter((finding) => {
      const key = `${finding.label.ja}\u0000${finding.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** What the screen found in the text about to be sent, and the user's choice of what to do about it. */
export function PiiReview({
  text,
  findings,
  language,
  blocked,
  labels,
  onSendAnyway,
  onRedactAndSend,
  onCancel,
}: Props) {
  const titleId = useId();
  return (
    <section className="pii-review" aria-labelledby={titleId}>
      <h3 id={titleId}>{labels.title}</h3>
      {blocked ? (
        <p className="pii-review-blocked" role="alert">
          {labels.blocked}
        </p>
      ) : (
        <p>{labels.intro}</p>
      )}
      <div className="pii-review-text" style={{ whiteSpace: 'pre-wrap' }}>
        {segmentsOf(text, findings).map((segment) =>
          segment.kind === 'plain' ? (
            segment.text
          ) : (
            <mark
              key={segment.finding.start}
              className={`pii-mark pii-${segment.finding.severity}`}
              title={segment.finding.label[language]}
            >
              {segment.text}
            </mark>
          ),
        )}
      </div>
      <p className="pii-review-scope">{labels.scope}</p>
      <h4>{labels.found}</h4>
      <ul className="pii-review-list">
        {distinctFindings(findings).map((finding) => (
          <li key={finding.start} className={`pii-${finding.severity}`}>
            <span className="pii-review-label">{finding.label[language]}</span>{' '}
            <span className="pii-review-value">{finding.text}</span>
            {finding.severity === 'info' && <span className="pii-review-note"> {labels.publicInfo}</span>}
          </li>
        ))}
      </ul>
      <div className="pii-review-actions">
        {!blocked && (
          <>
            <button type="button" onClick={onSendAnyway}>
              {labels.sendAnyway}
            </button>
            <button type="button" onClick={onRedactAndSend}>
              {labels.redactAndSend}
            </button>
          </>
        )}
        <button type="button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </section>
  );
}
