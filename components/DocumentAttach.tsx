import { useId } from 'react';
import type { DocumentInputState } from '../hooks/useDocumentInput';
import { Notice } from './Notice';

interface Props {
  state: DocumentInputState;
  labels: { attach: string; attachLabel: string; reading: string; problem: string };
  onFile(file: File): void;
}

/** Extensions the file picker offers; the reader checks the content anyway. */
const ACCEPT = '.pdf,.docx,.xlsx,.csv,.tsv,.txt,.md,.markdown';

/** The "attach a file" button, and what happens to the file: reading, or why it cannot be read. */
export function DocumentAttach({ state, labels, onFile }: Props) {
  const id = useId();
  return (
    <>
      <label className="document-attach" htmlFor={id} title={labels.attachLabel}>
        {labels.attach}
        <input
          id={id}
          type="file"
          className="visually-hidden"
          accept={ACCEPT}
          aria-label={labels.attachLabel}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared so that choosing the same file again is a new choice.
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      {state.status === 'reading' && <Notice tone="info">{labels.reading}</Notice>}
      {state.status === 'problem' && <Notice tone="error">{labels.problem}</Notice>}
    </>
  );
}
