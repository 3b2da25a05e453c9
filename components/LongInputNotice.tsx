import { Notice } from './Notice';

interface Props {
  title: string;
  body: string;
  runLabel: string;
  onRunFirstPart(): void;
}

/** A selection longer than the model takes, for an action that cannot work in parts. */
export function LongInputNotice({ title, body, runLabel, onRunFirstPart }: Props) {
  return (
    <Notice tone="warning" title={title}>
      <p>{body}</p>
      <button type="button" onClick={onRunFirstPart}>
        {runLabel}
      </button>
    </Notice>
  );
}
