import { useEffect, useState } from 'react';
import { Notice } from '../../components/Notice';
import { useSettings, useTranslator } from '../../hooks/useSettings';
import type { GatewayError } from '../../utils/gateway/errors';
import { explainGatewayError } from '../../utils/gateway/explain';
import { checkConnection } from '../../utils/gateway/index';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
  withPermissionCause,
} from '../../utils/gateway/permission';
import { browserUiLanguage, resolveUiLanguage } from '../../utils/i18n';
import { apiFormatSchema, type Settings, uiLanguageSchema } from '../../utils/settings/schema';
import { saveSettings } from '../../utils/settings/store';
import { defaultModelId, gatewayTargetFor } from '../../utils/settings/target';

type TestResult =
  | { state: 'running' }
  | { state: 'ok'; model: string }
  | { state: 'failed'; error: GatewayError };

function modelsFromLines(lines: string): Settings['models'] {
  const ids = lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [...new Set(ids)].map((id) => ({ id }));
}

export function OptionsApp() {
  const loaded = useSettings();
  const t = useTranslator(loaded);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [modelLines, setModelLines] = useState('');
  const [saveState, setSaveState] = useState<{ ok: boolean; detail?: string } | null>(null);
  const [test, setTest] = useState<TestResult | null>(null);
  const [permission, setPermission] = useState<boolean | null>(null);

  useEffect(() => {
    if (loaded && !draft) {
      setDraft(loaded.settings);
      setModelLines(loaded.settings.models.map((model) => model.id).join('\n'));
    }
  }, [loaded, draft]);

  const baseUrl = draft?.gateway.baseUrl ?? '';
  const origin = gatewayOriginPattern(baseUrl);
  useEffect(() => {
    if (!origin) return setPermission(null);
    void hasGatewayPermission(baseUrl).then(setPermission);
  }, [origin, baseUrl]);

  useEffect(() => {
    document.documentElement.lang = resolveUiLanguage(
      loaded?.settings.uiLanguage ?? 'auto',
      browserUiLanguage(),
    );
  }, [loaded]);

  if (!draft) return null;
  const current: Settings = { ...draft, models: modelsFromLines(modelLines) };
  const update = (change: Partial<Settings>) => {
    setDraft({ ...draft, ...change });
    setSaveState(null);
  };
  const updateGateway = (change: Partial<Settings['gateway']>) =>
    update({ gateway: { ...draft.gateway, ...change } });

  const save = async () => {
    try {
      await saveSettings(current);
      setSaveState({ ok: true });
    } catch (error) {
      setSaveState({ ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const runTest = async () => {
    const model = defaultModelId(current);
    setTest({ state: 'running' });
    const result = await checkConnection(
      gatewayTargetFor(current, model),
      model,
      AbortSignal.timeout(30_000),
    );
    if (result.ok) return setTest({ state: 'ok', model });
    setTest({ state: 'failed', error: await withPermissionCause(result.error, current.gateway.baseUrl) });
  };

  return (
    <main className="options">
      <h1>{t('options_title')}</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('options_gateway')}</legend>
          <label>
            {t('options_baseUrl')}
            <input
              type="url"
              value={draft.gateway.baseUrl}
              onChange={(event) => updateGateway({ baseUrl: event.target.value.trim() })}
              placeholder="https://ai-gw.example.lg.jp/v1"
            />
            <small>{t('options_baseUrlHelp')}</small>
          </label>
          {origin && (
            <p className="permission">
              {permission ? t('permissionGranted', origin) : t('permissionMissing', origin)}{' '}
              {permission === false && (
                <button
                  type="button"
                  onClick={() =>
                    void requestGatewayPermission(baseUrl).then((granted) => {
                      setPermission(granted);
                      if (!granted) setSaveState({ ok: false, detail: t('permissionDenied') });
                    })
                  }
                >
                  {t('grantPermission')}
                </button>
              )}
            </p>
          )}
          <label>
            {t('options_apiFormat')}
            <select
              value={draft.gateway.apiFormat}
              onChange={(event) => updateGateway({ apiFormat: apiFormatSchema.parse(event.target.value) })}
            >
              {apiFormatSchema.options.map((format) => (
                <option key={format} value={format}>
                  {t(`apiFormat_${format}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('options_apiKey')}
            <input
              type="password"
              autoComplete="off"
              value={draft.apiKey}
              onChange={(event) => update({ apiKey: event.target.value.trim() })}
            />
            <small>{t('options_apiKeyHelp')}</small>
          </label>
          <label>
            {t('options_authHeader')}
            <input
              value={draft.gateway.auth.header}
              placeholder={draft.gateway.apiFormat === 'openai' ? 'Authorization' : 'x-api-key'}
              onChange={(event) =>
                updateGateway({ auth: { ...draft.gateway.auth, header: event.target.value.trim() } })
              }
            />
          </label>
          <label>
            {t('options_authScheme')}
            <input
              value={draft.gateway.auth.scheme}
              placeholder={draft.gateway.apiFormat === 'openai' ? 'Bearer' : ''}
              onChange={(event) =>
                updateGateway({ auth: { ...draft.gateway.auth, scheme: event.target.value.trim() } })
              }
            />
          </label>
          <label>
            {t('options_models')}
            <textarea rows={4} value={modelLines} onChange={(event) => setModelLines(event.target.value)} />
          </label>
          <label>
            {t('options_defaultModel')}
            <select
              value={current.defaultModel}
              onChange={(event) => update({ defaultModel: event.target.value })}
            >
              <option value="">—</option>
              {current.models.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.id}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <label>
          {t('options_language')}
          <select
            value={draft.uiLanguage}
            onChange={(event) => update({ uiLanguage: uiLanguageSchema.parse(event.target.value) })}
          >
            {uiLanguageSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`uiLanguage_${option}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="toolbar">
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => void runTest()} disabled={test?.state === 'running'}>
            {t('testConnection')}
          </button>
        </div>
      </form>
      {saveState && (
        <Notice tone={saveState.ok ? 'info' : 'error'}>
          {saveState.ok ? t('saved') : t('saveFailed', saveState.detail ?? '')}
        </Notice>
      )}
      {test?.state === 'running' && <Notice tone="info">{t('testing')}</Notice>}
      {test?.state === 'ok' && <Notice tone="info">{t('test_ok', test.model)}</Notice>}
      {test?.state === 'failed' && (
        <Notice tone="error" title={t('test_failed')}>
          <p>
            {explainGatewayError(test.error, t, {
              model: defaultModelId(current),
              gatewayOrigin: origin ?? baseUrl,
            })}
          </p>
          <p className="detail">{t('errorDetail', test.error.detail)}</p>
        </Notice>
      )}
    </main>
  );
}
