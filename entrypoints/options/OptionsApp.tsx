import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { GatewayPresetPicker } from '../../components/GatewayPresetPicker';
import { Notice } from '../../components/Notice';
import { SettingField } from '../../components/SettingField';
import { SettingsSourceTable } from '../../components/SettingsSourceTable';
import { ShortcutList } from '../../components/ShortcutList';
import { SignInArea } from '../../components/SignInArea';
import { SignInSetup } from '../../components/SignInSetup';
import { UsageStatsSection } from '../../components/UsageStatsSection';
import { useComfort } from '../../hooks/useComfort';
import { useRedirectUris } from '../../hooks/useRedirectUris';
import { useSettings, useTranslator, useUiLanguage } from '../../hooks/useSettings';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useUsageStats } from '../../hooks/useUsageStats';
import { ACTIONS } from '../../utils/actions/registry';
import type { GatewayError } from '../../utils/gateway/errors';
import { explainGatewayError } from '../../utils/gateway/explain';
import { checkConnection } from '../../utils/gateway/index';
import { listGatewayModels } from '../../utils/gateway/list-models';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
  withPermissionCause,
} from '../../utils/gateway/permission';
import { applyGatewayPreset, GATEWAY_PRESETS, type GatewayPreset } from '../../utils/gateway/presets';
import type { MessageKey } from '../../utils/i18n';
import { explainPolicyProblem } from '../../utils/policy/explain';
import { getPath, setPath } from '../../utils/policy/leaves';
import { describeSources } from '../../utils/policy/resolve';
import { saveUserSettings } from '../../utils/policy/storage';
import { addModelIds, modelsFromLines, modelsToLines } from '../../utils/settings/model-lines';
import {
  apiFormatSchema,
  type FontSize,
  fontSizeSchema,
  type Settings,
  uiLanguageSchema,
} from '../../utils/settings/schema';
import { defaultModelId, gatewayTargetFor } from '../../utils/settings/target';
import { CHROME_SHORTCUTS_URL } from '../../utils/shortcuts';
import { builtInTemplates } from '../../utils/templates/builtin';

const FONT_SIZE_LABELS: Record<FontSize, MessageKey> = {
  small: 'fontSize_small',
  medium: 'fontSize_medium',
  large: 'fontSize_large',
  'x-large': 'fontSize_xlarge',
};

type TestResult =
  | { state: 'running' }
  | { state: 'ok'; model: string }
  | { state: 'failed'; error: GatewayError };

const SOURCE_LABELS: Record<string, MessageKey> = {
  default: 'source_default',
  user: 'source_user',
  url: 'source_url',
  managed: 'source_managed',
};

export function OptionsApp() {
  const effective = useSettings();
  const t = useTranslator(effective);
  const language = useUiLanguage(effective);
  const usage = useUsageStats();
  const [gatewayNotice, setGatewayNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [modelLines, setModelLines] = useState('');
  const [saveState, setSaveState] = useState<{ ok: boolean; detail?: string } | null>(null);
  const [test, setTest] = useState<TestResult | null>(null);
  const [permission, setPermission] = useState<boolean | null>(null);
  const shortcuts = useShortcuts(t);
  const redirectUris = useRedirectUris();
  // The text size shows at once, before saving, so the user can judge it.
  useComfort(useUiLanguage(effective), draft?.fontSize ?? effective?.settings.fontSize);

  useEffect(() => {
    if (effective && !draft) {
      setDraft(effective.user);
      setModelLines(modelsToLines(effective.user.models));
    }
  }, [effective, draft]);

  // What is in force if the user saves now: their draft, with every key the policy sets overridden.
  const current = (() => {
    if (!draft || !effective) return null;
    const merged = structuredClone({ ...draft, models: modelsFromLines(modelLines, draft.models) });
    for (const path of Object.keys(effective.forced)) {
      setPath(
        merged as unknown as Record<string, unknown>,
        path,
        structuredClone(getPath(effective.settings, path)),
      );
    }
    return merged;
  })();

  // The panel's "enter the API key" button opens `options.html#connection` (a contract with the panel):
  // the empty key field is where the user lands, once, when the page has drawn it.
  const keyMissing = current?.gateway.auth.source === 'user' && current.apiKey === '';
  useEffect(() => {
    if (!keyMissing || location.hash !== '#connection') return;
    const field = document.querySelector<HTMLInputElement>('input[data-setting="apiKey"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }, [keyMissing]);

  const baseUrl = current?.gateway.baseUrl ?? '';
  const origin = gatewayOriginPattern(baseUrl);
  useEffect(() => {
    if (!origin) return setPermission(null);
    void hasGatewayPermission(baseUrl).then(setPermission);
  }, [origin, baseUrl]);

  if (!draft || !effective || !current) return null;
  const locked = (path: string) => (effective.forced[path] ? t('lockedByAdmin') : undefined);
  const update = (path: string, value: unknown) => {
    const next = structuredClone(draft);
    setPath(next as unknown as Record<string, unknown>, path, value);
    setDraft(next);
    setSaveState(null);
  };

  const save = async () => {
    try {
      await saveUserSettings({ ...draft, models: modelsFromLines(modelLines, draft.models) });
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

  const applyPreset = (preset: GatewayPreset, values: Record<string, string>) => {
    const result = applyGatewayPreset(draft.gateway, preset, values, (path) =>
      Boolean(effective.forced[path]),
    );
    if (!result.ok) {
      const names = result.missing.map((name) => preset.placeholders[name]?.[language] ?? name);
      return setGatewayNotice({ ok: false, text: t('options_presetMissing', names.join('、')) });
    }
    setDraft({ ...draft, gateway: result.gateway });
    setSaveState(null);
    const applied = t('options_presetApplied', preset.name);
    setGatewayNotice({
      ok: true,
      text:
        result.kept.length > 0 ? `${applied} ${t('options_presetLocked', result.kept.join(', '))}` : applied,
    });
  };

  const fetchModels = async () => {
    const result = await listGatewayModels(
      gatewayTargetFor(current, defaultModelId(current)),
      AbortSignal.timeout(30_000),
    );
    if (!result.ok) {
      const error = await withPermissionCause(result.error, current.gateway.baseUrl);
      const reason = explainGatewayError(error, t, { model: '', gatewayOrigin: origin ?? baseUrl });
      return setGatewayNotice({ ok: false, text: t('options_fetchModelsFailed', reason) });
    }
    const next = addModelIds(modelLines, result.ids);
    setModelLines(next.lines);
    setGatewayNotice({
      ok: true,
      text: next.added > 0 ? t('options_fetchModelsDone', String(next.added)) : t('options_fetchModelsNone'),
    });
  };

  const text = (
    path: string,
    label: MessageKey,
    options: { type?: string; help?: MessageKey; placeholder?: string } = {},
  ) => (
    <SettingField label={t(label)} help={options.help && t(options.help)} lockedLabel={locked(path)}>
      <input
        type={options.type ?? 'text'}
        data-setting={path}
        autoComplete="off"
        value={String(getPath(effective.forced[path] ? current : draft, path) ?? '')}
        placeholder={options.placeholder}
        disabled={Boolean(effective.forced[path])}
        onChange={(event) => update(path, event.target.value.trim())}
      />
    </SettingField>
  );

  const sourceRows = describeSources(effective).map(({ leaf, value, source }) => ({
    path: leaf.path,
    value: leaf.sensitive && value ? '••••••' : JSON.stringify(value),
    source: t(SOURCE_LABELS[source] ?? 'source_default'),
    locked: source === 'url' || source === 'managed',
  }));

  return (
    <main className="options">
      <h1>{t('options_title')}</h1>
      {effective.problems.length > 0 && (
        <Notice tone="warning" title={t('policyProblemTitle')}>
          <ul className="policy-problems">
            {effective.problems.map((problem) => (
              <li key={`${problem.source}:${problem.path}:${problem.kind}`}>
                {explainPolicyProblem(problem, effective, t)}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('options_gateway')}</legend>
          <GatewayPresetPicker
            presets={GATEWAY_PRESETS}
            language={language}
            labels={{
              preset: t('options_preset'),
              custom: t('options_presetCustom'),
              apply: t('options_presetApply'),
              help: t('options_presetHelp'),
            }}
            onApply={applyPreset}
          />
          {gatewayNotice && <Notice tone={gatewayNotice.ok ? 'info' : 'error'}>{gatewayNotice.text}</Notice>}
          {text('gateway.baseUrl', 'options_baseUrl', {
            type: 'url',
            help: 'options_baseUrlHelp',
            placeholder: 'https://ai-gw.example.lg.jp/v1',
          })}
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
          <SettingField label={t('options_apiFormat')} lockedLabel={locked('gateway.apiFormat')}>
            <select
              value={current.gateway.apiFormat}
              disabled={Boolean(effective.forced['gateway.apiFormat'])}
              onChange={(event) => update('gateway.apiFormat', apiFormatSchema.parse(event.target.value))}
            >
              {apiFormatSchema.options.map((format) => (
                <option key={format} value={format}>
                  {t(`apiFormat_${format}`)}
                </option>
              ))}
            </select>
          </SettingField>
          {current.gateway.auth.source === 'oidc' && (
            <>
              <SignInArea required t={t} />
              <SignInSetup
                title={t('signIn_adminTitle')}
                issuerLine={t('signIn_adminIssuer', current.gateway.auth.oidc.issuer || '—')}
                clientLine={t('signIn_adminClient', current.gateway.auth.oidc.clientId || '—')}
                redirectLabel={t('signIn_adminRedirect', browser.runtime.id)}
                redirectUri={redirectUris.inUse}
                otherLines={redirectUris.others.map((uri) => t('signIn_adminOther', uri))}
              />
            </>
          )}
          {current.gateway.auth.source === 'user' &&
            text('apiKey', 'options_apiKey', { type: 'password', help: 'options_apiKeyHelp' })}
          {text('gateway.auth.header', 'options_authHeader', {
            placeholder: current.gateway.apiFormat === 'openai' ? 'Authorization' : 'x-api-key',
          })}
          {text('gateway.auth.scheme', 'options_authScheme', {
            placeholder: current.gateway.apiFormat === 'openai' ? 'Bearer' : '',
          })}
          <SettingField
            label={t('options_models')}
            help={effective.forced.models ? undefined : t('options_modelsHelp')}
            lockedLabel={locked('models')}
          >
            {effective.forced.models ? (
              <ul className="forced-models">
                {current.models.map((model) => (
                  <li key={model.id}>
                    {model.label ?? model.id}
                    {model.purpose && ` — ${model.purpose}`}
                  </li>
                ))}
              </ul>
            ) : (
              <textarea rows={4} value={modelLines} onChange={(event) => setModelLines(event.target.value)} />
            )}
          </SettingField>
          {!effective.forced.models && current.gateway.apiFormat === 'openai' && (
            <button type="button" onClick={() => void fetchModels()}>
              {t('options_fetchModels')}
            </button>
          )}
          <SettingField label={t('options_defaultModel')} lockedLabel={locked('defaultModel')}>
            <select
              value={current.defaultModel}
              disabled={Boolean(effective.forced.defaultModel)}
              onChange={(event) => update('defaultModel', event.target.value)}
            >
              <option value="">—</option>
              {current.models.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.label ?? model.id}
                </option>
              ))}
            </select>
          </SettingField>
          {/* With sign-in the gateway reads who asked from the token, so no user id is asked for. */}
          {current.gateway.auth.source !== 'oidc' && text('userId', 'options_userId')}
        </fieldset>
        <fieldset>
          <legend>{t('options_historySection')}</legend>
          <SettingField label={t('options_history')} lockedLabel={locked('history.enabled')}>
            <input
              type="checkbox"
              checked={current.history.enabled}
              disabled={Boolean(effective.forced['history.enabled'])}
              onChange={(event) => update('history.enabled', event.target.checked)}
            />
          </SettingField>
          <SettingField label={t('options_retentionDays')} lockedLabel={locked('history.retentionDays')}>
            <input
              type="number"
              min={0}
              value={current.history.retentionDays}
              disabled={Boolean(effective.forced['history.retentionDays'])}
              onChange={(event) =>
                update('history.retentionDays', Math.max(0, Math.floor(Number(event.target.value) || 0)))
              }
            />
          </SettingField>
        </fieldset>
        <SettingField label={t('options_language')} lockedLabel={locked('uiLanguage')}>
          <select
            value={current.uiLanguage}
            disabled={Boolean(effective.forced.uiLanguage)}
            onChange={(event) => update('uiLanguage', uiLanguageSchema.parse(event.target.value))}
          >
            {uiLanguageSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`uiLanguage_${option}`)}
              </option>
            ))}
          </select>
        </SettingField>
        <fieldset>
          <legend>{t('options_comfort')}</legend>
          <SettingField label={t('options_fontSize')}>
            <select
              value={draft.fontSize}
              onChange={(event) => update('fontSize', fontSizeSchema.parse(event.target.value))}
            >
              {fontSizeSchema.options.map((option) => (
                <option key={option} value={option}>
                  {t(FONT_SIZE_LABELS[option])}
                </option>
              ))}
            </select>
          </SettingField>
        </fieldset>
        {text('policyUrl', 'options_policyUrl', { type: 'url' })}
        {text('tipsUrl', 'options_tipsUrl', { type: 'url' })}
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
      <ShortcutList
        title={t('shortcutsTitle')}
        rows={shortcuts}
        changeLabel={t('shortcutsChange')}
        changeHint={import.meta.env.FIREFOX ? t('shortcutsFirefoxHint') : undefined}
        onChange={
          import.meta.env.FIREFOX ? undefined : () => void browser.tabs.create({ url: CHROME_SHORTCUTS_URL })
        }
      />
      <UsageStatsSection
        stats={usage.stats}
        now={new Date()}
        minutesPerUse={usage.minutesPerUse}
        language={language}
        t={t}
        actionTitle={(action) => t(ACTIONS[action].title)}
        templateTitle={(id) =>
          [...current.templates, ...builtInTemplates(language)].find((template) => template.id === id)
            ?.title ?? id
        }
        onMinutesPerUse={usage.setMinutesPerUse}
        onReset={() => void usage.reset()}
      />
      <SettingsSourceTable
        title={t('allSettings')}
        labels={{ key: t('settingKey'), value: t('settingValue'), source: t('settingSource') }}
        rows={sourceRows}
      />
    </main>
  );
}
