import { useCallback, useEffect, useRef, useState } from 'react';
import { DOCUMENT_PROBLEMS } from '../utils/documents/describe';
import { DocumentError } from '../utils/documents/types';
import type { MessageKey } from '../utils/i18n';
import type { Settings } from '../utils/settings/schema';
import { documentPage, type PageContext } from './usePageQuestion';

export type DocumentInputState =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string; done: number; total: number }
  | { status: 'problem'; problem: MessageKey };

/**
 * Files staff attach, by the button or by dropping them on the panel: read here, in the panel, and handed
 * over as a page to ask about. Nothing happens when the policy switches files off.
 */
export function useDocumentInput(files: Settings['files'] | undefined, onReady: (page: PageContext) => void) {
  const [state, setState] = useState<DocumentInputState>({ status: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);
  const enabled = files?.enabled ?? false;

  const attach = useCallback(
    async (file: File) => {
      if (!files?.enabled) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setState({ status: 'reading', fileName: file.name, done: 0, total: 0 });
      try {
        // The readers (pdf.js, mammoth, read-excel-file, papaparse) load only when a file is attached.
        const { extractDocument } = await import('../utils/documents/extract');
        const bytes = new Uint8Array(await file.arrayBuffer());
        const document = await extractDocument(bytes, file.name, {
          maxBytes: files.maxBytes,
          formats: files.types,
          signal: controller.signal,
          onProgress: (done, total) => setState({ status: 'reading', fileName: file.name, done, total }),
        });
        if (controller.signal.aborted) return;
        setState({ status: 'idle' });
        onReady(documentPage(document));
      } catch (error) {
        if (controller.signal.aborted) return;
        const kind = error instanceof DocumentError ? error.kind : 'corrupt';
        setState({ status: 'problem', problem: DOCUMENT_PROBLEMS[kind] });
      }
    },
    [files, onReady],
  );

  // A file dropped anywhere on the panel is attached; without this the browser would open it in the panel.
  useEffect(() => {
    if (!enabled) return;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void attach(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, attach]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, enabled, attach, dismiss };
}
