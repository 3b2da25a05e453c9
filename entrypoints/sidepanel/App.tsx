import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChatInput } from '../../components/ChatInput';
import { HistoryList } from '../../components/HistoryList';
import { ModelPicker } from '../../components/ModelPicker';
import { Notice } from '../../components/Notice';
import { useConversation } from '../../hooks/useConversation';
import { useHistoryList } from '../../hooks/useHistoryList';
import { usePanelJobs } from '../../hooks/usePanelJobs';
import { useSettings, useTranslator } from '../../hooks/useSettings';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
} from '../../utils/gateway/permission';
import { browserUiLanguage, type MessageKey, resolveUiLanguage } from '../../utils/i18n';
import type { PanelJob } from '../../utils/messages';
import { availableModels, defaultModelId, isGatewayConfigured } from '../../utils/settings/target';
import { ConversationView } from './ConversationView';

export function App() {
  const loaded = useSettings();
  const t = useTranslator(loaded);
  const settings = loaded?.settings ?? null;
  const language = resolveUiLanguage(settings?.uiLanguage ?? 'auto', browserUiLanguage());
  const conversation = useConversation(settings, language, t);
  const history = useHistoryList();
  const [model, setModel] = useState('');
  const [view, setView] = useState<'conversation' | 'history'>('conversation');
  const [job, setJob] = useState<PanelJob | null>(null);
  const [waitingJob, setWaitingJob] = useState<PanelJob | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [permissionMissing, setPermissionMissing] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // The picker follows the settings until the user picks; a model removed from the settings is dropped.
  useEffect(() => {
    if (!settings) return;
    const models = availableModels(settings);
    if (!models.some((entry) => entry.id === model)) setModel(defaultModelId(settings));
  }, [settings, model]);

  const baseUrl = settings?.gateway.baseUrl ?? '';
  useEffect(() => {
    if (!baseUrl || !gatewayOriginPattern(baseUrl)) return setPermissionMissing(false);
    void hasGatewayPermission(baseUrl).then((granted) => setPermissionMissing(!granted));
  }, [baseUrl]);

  usePanelJobs(
    useCallback((next: PanelJob) => {
      setView('conversation');
      if (next.problem) {
        setProblem(next.problem);
        return;
      }
      setProblem(null);
      setWaitingJob(next);
    }, []),
  );

  // A job can arrive before the settings are read; it runs as soon as both are there.
  useEffect(() => {
    if (!waitingJob || !settings || !model) return;
    setWaitingJob(null);
    setJob(waitingJob);
    void conversation.startAction(waitingJob, model);
  }, [waitingJob, settings, model, conversation.startAction]);

  if (!loaded || !settings) return null;
  const configured = isGatewayConfigured(settings);
  const streaming = conversation.state.streamingId !== null;

  return (
    <div className="panel">
      <header className="panel-header">
        <ModelPicker
          label={t('model')}
          models={availableModels(settings)}
          value={model}
          onChange={setModel}
        />
        <nav>
          <button
            type="button"
            onClick={() => {
              conversation.reset();
              setJob(null);
              setProblem(null);
              setView('conversation');
            }}
          >
            {t('newConversation')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'history'}
            onClick={() => setView(view === 'history' ? 'conversation' : 'history')}
          >
            {view === 'history' ? t('historyBack') : t('history')}
          </button>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </nav>
      </header>

      {loaded.resetKeys.length > 0 && (
        <Notice tone="warning">{t('invalidSettings', loaded.resetKeys.join(', '))}</Notice>
      )}
      {!configured && (
        <Notice tone="warning" title={t('noGatewayTitle')}>
          <p>{t('noGatewayBody')}</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </Notice>
      )}
      {configured && permissionMissing && (
        <Notice tone="warning" title={t('permissionNeededTitle')}>
          <p>{t('permissionNeededBody', gatewayOriginPattern(baseUrl) ?? baseUrl)}</p>
          <button
            type="button"
            onClick={() =>
              void requestGatewayPermission(baseUrl).then((granted) => setPermissionMissing(!granted))
            }
          >
            {t('grantPermission')}
          </button>
        </Notice>
      )}
      {problem && <Notice tone="error">{t(problem)}</Notice>}
      {conversation.state.saveProblem && (
        <Notice tone="warning">{t('historySaveFailed', conversation.state.saveProblem)}</Notice>
      )}

      <main className="panel-main">
        {view === 'history' ? (
          <HistoryList
            conversations={history}
            emptyText={t('historyEmpty')}
            deleteLabel={t('deleteConversation')}
            statusLabel={(status) => (status === 'complete' ? undefined : t(`status_${status}`))}
            formatDate={(timestamp) =>
              new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(timestamp)
            }
            onOpen={(id) => {
              setJob(null);
              void conversation.open(id).then(() => setView('conversation'));
            }}
            onDelete={(id) => {
              if (window.confirm(t('confirmDelete'))) void conversation.remove(id);
            }}
          />
        ) : (
          <ConversationView
            state={conversation.state}
            job={job}
            model={model}
            gatewayOrigin={gatewayOriginPattern(baseUrl) ?? baseUrl}
            language={language}
            t={t}
            onStop={conversation.stop}
            onRetry={() => void conversation.retry(model)}
            onRetranslate={(target) => void conversation.retranslate(target, model)}
            onContinue={() => inputRef.current?.focus()}
          />
        )}
      </main>

      <ChatInput
        label={t('chatInputLabel')}
        placeholder={t('chatPlaceholder')}
        sendLabel={t('send')}
        stopLabel={t('stop')}
        streaming={streaming}
        disabled={!configured}
        inputRef={inputRef}
        onSend={(text) => {
          setView('conversation');
          void conversation.sendChat(text, model);
        }}
        onStop={conversation.stop}
      />
    </div>
  );
}
