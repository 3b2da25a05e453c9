import { useCallback, useEffect, useMemo, useState } from 'react';
import '../../components/history.css';
import { HistoryList, type HistoryRow } from '../../components/HistoryList';
import { HistorySearchBar } from '../../components/HistorySearchBar';
import { HistoryToolbar } from '../../components/HistoryToolbar';
import { Notice } from '../../components/Notice';
import { useHistoryPages } from '../../hooks/useHistoryPages';
import { useHistorySearch } from '../../hooks/useHistorySearch';
import { useHistoryTransfer } from '../../hooks/useHistoryTransfer';
import { ACTION_ORDER, ACTIONS } from '../../utils/actions/registry';
import { momentFormat } from '../../utils/dates';
import type { ConversationRecord } from '../../utils/history/db';
import { KIND_KEYS, type KindKey, kindKeyOf } from '../../utils/history/index-format';
import { type HistoryFilters, modelsInHistory } from '../../utils/history/search';
import { loadSearchIndex } from '../../utils/history/search-index';
import type { Snippet } from '../../utils/history/text';
import type { Translator, UiLanguage } from '../../utils/i18n';
import { modelLabel } from '../../utils/settings/model-choice';
import type { ModelEntry } from '../../utils/settings/schema';

interface Props {
  t: Translator;
  language: UiLanguage;
  /** `history.keepOriginals`: whether this PC's history holds personal data or its placeholders. */
  keepsOriginals: boolean;
  /** The models the policy offers, for their labels. */
  offered: readonly ModelEntry[];
  onOpen(id: string): void;
  onDelete(id: string): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WARM_DELAY_MS = 1000;

/** `YYYY-MM-DD` from a date input, as local midnight. */
function localMidnight(date: string): number | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getTime();
}

/** `title` without `prefix` (the action's name, shown on the date line), its search hits moved along. */
function withoutPrefix(title: Snippet, prefix: string): Snippet {
  if (!title.text.startsWith(prefix) || title.text.length === prefix.length) return title;
  const cut = prefix.length;
  return {
    text: title.text.slice(cut),
    ranges: title.ranges
      .filter(([, end]) => end > cut)
      .map(([start, end]): [number, number] => [Math.max(0, start - cut), end - cut]),
  };
}

function isKindKey(value: string): value is KindKey {
  return (KIND_KEYS as readonly string[]).includes(value);
}

/** The history: search-as-you-type with filters, a virtualised list, export, import and "delete all". */
export function HistoryView({ t, language, keepsOriginals, offered, onOpen, onDelete }: Props) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [model, setModel] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [models, setModels] = useState<string[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const filters: HistoryFilters = useMemo(() => {
    const until = localMidnight(to);
    return {
      kind: isKindKey(kind) ? kind : undefined,
      model: model || undefined,
      from: localMidnight(from),
      to: until === undefined ? undefined : until + DAY_MS,
    };
  }, [kind, model, from, to]);
  const searching = query.trim() !== '' || kind !== '' || model !== '' || from !== '' || to !== '';
  const pages = useHistoryPages();
  const search = useHistorySearch(query, filters, searching);
  const transfer = useHistoryTransfer(t, language);

  // The list needs no index. The index is read a second after the list is on screen, when the page is idle
  // (or at once when the search box gets focus): its reads then never queue before the list's own in
  // IndexedDB, nor before those of a panel opened again right after closing.
  const warm = useCallback(() => {
    void loadSearchIndex().then(() => modelsInHistory().then(setModels));
  }, []);
  const listShown = pages.rows !== undefined;
  useEffect(() => {
    if (!listShown) return;
    let idle: number | undefined;
    const timer = setTimeout(() => {
      idle = requestIdleCallback(warm, { timeout: 1000 });
    }, WARM_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [listShown, warm]);

  const kindLabel = useCallback(
    (conversation: ConversationRecord) => {
      const key = kindKeyOf(conversation);
      return key === 'chat' ? t('kind_chat') : t(ACTIONS[key].title);
    },
    [t],
  );
  // The date line names the action: the title keeps only what tells rows apart (「要約する: 」 goes).
  const rows: HistoryRow[] = useMemo(() => {
    const listed: HistoryRow[] = searching
      ? search.hits
      : (pages.rows ?? []).map((conversation) => ({
          conversation,
          title: { text: conversation.title, ranges: [] },
        }));
    return listed.map((row) => ({
      ...row,
      title: withoutPrefix(row.title, `${kindLabel(row.conversation)}: `),
    }));
  }, [searching, search.hits, pages.rows, kindLabel]);
  const dates = useMemo(() => momentFormat(language), [language]);
  const labelOf = useCallback((id: string) => modelLabel(offered, id), [offered]);
  const selection = selected.size > 0 ? [...selected] : undefined;
  const emptyText = searching ? (search.searching ? '' : t('historyNoResults')) : t('historyEmpty');

  return (
    <section className="history-view">
      <p className="hint history-privacy">
        {t(keepsOriginals ? 'history_keepsOriginals' : 'history_keepsPlaceholders')}
      </p>
      <HistorySearchBar
        query={query}
        kind={kind}
        model={model}
        from={from}
        to={to}
        kinds={[
          { value: '', label: t('historyFilterAll') },
          { value: 'chat', label: t('kind_chat') },
          ...ACTION_ORDER.map((id) => ({ value: id, label: t(ACTIONS[id].title) })),
        ]}
        models={[
          { value: '', label: t('historyFilterAll') },
          ...models.map((id) => ({ value: id, label: labelOf(id) })),
        ]}
        labels={{
          search: t('historySearchLabel'),
          placeholder: t('historySearchPlaceholder'),
          kind: t('historyFilterKind'),
          model: t('model'),
          from: t('historyFilterFrom'),
          to: t('historyFilterTo'),
        }}
        onQuery={setQuery}
        onKind={setKind}
        onModel={setModel}
        onFrom={setFrom}
        onTo={setTo}
        onFocus={warm}
      />
      <HistoryToolbar
        busy={transfer.busy}
        selectedText={selection && t('historySelectedCount', String(selection.length))}
        labels={{
          exportJson: t('historyExportJson'),
          exportMarkdown: t('historyExportMarkdown'),
          import: t('historyImport'),
          deleteAll: t('historyDeleteAll'),
          clearSelection: t('historyClearSelection'),
        }}
        onExportJson={() => void transfer.exportJson(selection)}
        onExportMarkdown={() => void transfer.exportMarkdown(selection, labelOf)}
        onImport={(file) => void transfer.importFile(file)}
        onDeleteAll={() => {
          if (!window.confirm(t('historyConfirmDeleteAll'))) return;
          setSelected(new Set());
          void transfer.deleteAll();
        }}
        onClearSelection={() => setSelected(new Set())}
      />
      {transfer.notice && <Notice tone={transfer.notice.tone}>{transfer.notice.text}</Notice>}
      {(pages.rows !== undefined || searching) && (
        <HistoryList
          rows={rows}
          hasMore={searching ? search.hasMore : pages.hasMore}
          emptyText={emptyText}
          selected={selected}
          labels={{ delete: t('deleteConversation'), select: (title) => t('historySelect', title) }}
          statusLabel={(status) => (status === 'complete' ? undefined : t(`status_${status}`))}
          kindLabel={kindLabel}
          formatDate={(timestamp) => dates.format(timestamp)}
          modelLabel={labelOf}
          onNeedMore={searching ? search.loadMore : pages.loadMore}
          onOpen={onOpen}
          onDelete={onDelete}
          onToggle={(id) =>
            setSelected((previous) => {
              const next = new Set(previous);
              if (!next.delete(id)) next.add(id);
              return next;
            })
          }
        />
      )}
    </section>
  );
}
