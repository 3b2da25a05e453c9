import { useCallback, useState } from 'react';
import { fileStamp, momentFormat } from '../utils/dates';
import type { ConversationRecord } from '../utils/history/db';
import { HistoryWriteError } from '../utils/history/errors';
import { exportHistory, exportToJson, exportToMarkdown } from '../utils/history/export';
import type { ImportProblem } from '../utils/history/import';
import { deleteAllHistory } from '../utils/history/store';
import type { Translator, UiLanguage } from '../utils/i18n';

export interface TransferNotice {
  tone: 'info' | 'error';
  text: string;
}

function problemText(problem: ImportProblem, t: Translator): string {
  switch (problem.kind) {
    case 'too-large':
      return t('historyImportTooLarge', String(Math.round(problem.maxBytes / 1024 / 1024)));
    case 'not-json':
      return t('historyImportNotJson', problem.detail);
    case 'forbidden-key':
      return t('historyImportForbiddenKey', problem.key);
    case 'wrong-format':
      return t('historyImportWrongFormat');
    case 'unsupported-version':
      return t('historyImportUnsupportedVersion', problem.version);
    case 'invalid':
      return t(
        'historyImportInvalid',
        problem.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      );
    case 'write-failed':
      return problem.cause === 'quota'
        ? t('historyQuotaExceeded')
        : t('historyImportWriteFailed', problem.cause);
  }
}

function download(text: string, type: string, extension: string): void {
  const stamp = fileStamp();
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `tatakidai-history-${stamp}.${extension}`;
  link.click();
  // The download has started by the next task; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export (JSON, Markdown), import and "delete all", with what happened in words. */
export function useHistoryTransfer(t: Translator, language: UiLanguage) {
  const [notice, setNotice] = useState<TransferNotice | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (work: () => Promise<TransferNotice | null>) => {
      setBusy(true);
      try {
        setNotice(await work());
      } catch (error) {
        const text =
          error instanceof HistoryWriteError && error.kind === 'quota'
            ? t('historyQuotaExceeded')
            : String(error instanceof Error ? error.message : error);
        setNotice({ tone: 'error', text });
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const exportJson = useCallback(
    (ids?: readonly string[]) =>
      run(async () => {
        download(exportToJson(await exportHistory(ids)), 'application/json', 'json');
        return null;
      }),
    [run],
  );

  const exportMarkdown = useCallback(
    (ids: readonly string[] | undefined, modelLabel: (id: string) => string) =>
      run(async () => {
        const dates = momentFormat(language);
        const markdown = exportToMarkdown(await exportHistory(ids), {
          you: t('you'),
          assistant: t('assistant'),
          page: t('historyMarkdownPage'),
          model: t('model'),
          changes: t('changesHeading'),
          modelLabel,
          formatDate: (timestamp) => dates.format(timestamp),
          status: (status: ConversationRecord['status']) =>
            status === 'complete' ? undefined : t(`status_${status}`),
        });
        download(markdown, 'text/markdown', 'md');
        return null;
      }),
    [run, t, language],
  );

  const importFile = useCallback(
    (file: Blob) =>
      run(async () => {
        // Loaded when needed: the import's validation schema is not needed to open the panel.
        const { importHistoryFile } = await import('../utils/history/import');
        const outcome = await importHistoryFile(file, language);
        if (!outcome.ok) return { tone: 'error', text: problemText(outcome.problem, t) };
        const counts = [outcome.added, outcome.updated, outcome.kept].map(String);
        return { tone: 'info', text: t('historyImportDone', ...counts) };
      }),
    [run, t, language],
  );

  const deleteAll = useCallback(
    () =>
      run(async () => {
        await deleteAllHistory();
        return { tone: 'info', text: t('historyDeletedAll') };
      }),
    [run, t],
  );

  return { notice, busy, exportJson, exportMarkdown, importFile, deleteAll };
}
