import type { ReactNode } from 'react';

export interface CheckLine {
  label: string;
  /** `ok`: works; `bad`: does not, with what to do in `text`; `unknown`: not tried yet. */
  state: 'ok' | 'bad' | 'unknown';
  text: string;
}

interface Props {
  title: string;
  lines: CheckLine[];
  /** The test button and its result, in plain words; technical details folded inside. */
  children: ReactNode;
}

/** The top of 接続: what works and what does not, one line each, before any setting. */
export function ConnectionCheck({ title, lines, children }: Props) {
  return (
    <div className="connection-check">
      <h3>{title}</h3>
      <ul className="check-lines">
        {lines.map((line) => (
          <li key={line.label} className={`check-${line.state}`}>
            <span className="check-label">{line.label}</span>
            <span className="check-text">{line.text}</span>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
