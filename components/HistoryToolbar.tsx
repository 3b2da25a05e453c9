import { useRef } from 'react';

interface Props {
  busy: boolean;
  selectedText?: string;
  labels: {
    exportJson: string;
    exportMarkdown: string;
    import: string;
    deleteAll: string;
    clearSelection: string;
  };
  onExportJson(): void;
  onExportMarkdown(): void;
  onImport(file: File): void;
  onDeleteAll(): void;
  onClearSelection(): void;
}

export function HistoryToolbar({ busy, selectedText, labels, ...on }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="history-toolbar">
      {selectedText && (
        <p className="history-selected">
          {selectedText}{' '}
          <button type="button" onClick={on.onClearSelection}>
            {labels.clearSelection}
          </button>
        </p>
      )}
      <button type="button" disabled={busy} onClick={on.onExportJson}>
        {labels.exportJson}
      </button>
      <button type="button" disabled={busy} onClick={on.onExportMarkdown}>
        {labels.exportMarkdown}
      </button>
      <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
        {labels.import}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={labels.import}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) on.onImport(file);
        }}
      />
      <button type="button" className="danger" disabled={busy} onClick={on.onDeleteAll}>
        {labels.deleteAll}
      </button>
    </div>
  );
}
