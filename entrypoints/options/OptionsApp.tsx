import { type ReactNode, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { type CheckLine, ConnectionCheck } from '../../components/ConnectionCheck';
import { GatewayPresetPicker } from '../../components/GatewayPresetPicker';
import { Notice } from '../../components/Notice';
import { OptionsNav } from '../../components/OptionsNav';
import { type Lock, ReadOnlySetting, SettingField } from '../../components/SettingField';
import { SettingsSourceTable } from '../../components/SettingsSourceTable';
import { BrowserShortcutList } from '../../components/ShortcutList';
import { SignInArea } from '../../components/SignInArea';
import { SignInSetup } from '../../components/SignInSetup';
import { UsageReport } from '../../components/UsageReport';
import { useComfort } from '../../hooks/useComfort';
import { useRedirectUris } from '../../hooks/useRedirectUris';
import { useSectionHash } from '../../hooks/useSectionHash';
import { useSettings, useTranslator, useUiLanguage } from '../../hooks/useSettings';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useUsageStats } from '../../hooks/useUsageStats';
import { ACTION_ORDER, ACTIONS } from '../../utils/actions/registry';
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
import {
  applyGatewayPreset,
  GATEWAY_PRESETS,
  type GatewayPreset,
  PRESET_PATHS,
} from '../../utils/gateway/presets';
import type { MessageKey } from '../../utils/i18n';
import { explainPolicyProblem } from '../../utils/policy/explain';
import { findLeaf, getPath, setPath } from '../../utils/policy/leaves';
import { describeSources } from '../../utils/policy/resolve';
import { saveUserSettings } from '../../utils/policy/storage';
import { describeValue } from '../../utils/settings/describe-value';
import { addModelIds, modelsFromLines, modelsToLines } from '../../utils/settings/model-lines';
import {
  apiFormatSchema,
  DEFAULT_MINUTES_SAVED,
  type FontSize,
  fontSizeSchema,
  type MinutesSavedKey,
  type Settings,
  uiLanguageSchema,
} from '../../utils/settings/schema';
import type { SettingMatch } from '../../utils/settings/search';
import { leavesOf, PLACEMENTS, type SectionId, settingLabel } from '../../utils/settings/sections';
import { defaultModelId, gatewayTargetFor } from '../../utils/settings/target';
import { builtInTemplates } from '../../utils/templates/builtin';
import { csvBytes, usageCsv } from '../../utils/usage/report';

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

const MINUTES_KEYS = Object.keys(DEFAULT_MINUTES_SAVED) as MinutesSavedKey[];
const MINUTES_PATHS = MINUTES_KEYS.map((key) => `usage.minutesSaved.${key}`);

/** Settings this page edits with a control of its own; every other leaf is shown read-only in its section. */
const EDITED = new Set([
  'gateway.baseUrl',
  'apiKey',
  'userId',
  'gateway.apiFormat',
  'gateway.auth.header',
  'gateway.auth.scheme',
  'models',
  'defaultModel',
  'history.enabled',
  'history.retentionDays',
  'uiLanguage',
  'fontSize',
  'policyUrl',
  'tipsUrl',
  ...MINUTES_PATHS,
]);

/** A short local-time stamp for file names: staff in Japan expect 1732, not UTC's 0832. */
function localStamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

function download(bytes: Uint8Array<ArrayBuffer>, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OptionsApp() {
  const effective = useSettings();
  const t = useTranslator(effective);
  const language = useUiLanguage(effective);
  const usage = useUsageStats();
  const [gatewayNotice, setGatewayNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [modelLines, setModelLines] = useState('');
  const [saveState, setSaveState] = useState<{ at: string; ok: boolean; detail?: string } | null>(null);
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

  const section = useSectionHash(Boolean(draft), (arrived) => {
    // The panel's 「APIキーを入力」 opens `options.html#connection` (a contract with the panel): with the key
    // missing, staff land in the key field.
    const key = document.querySelector<HTMLInputElement>('#setting-apiKey input');
    if (arrived === 'connection' && key && !key.value && !key.disabled) {
      key.scrollIntoView({ block: 'center' });
      key.focus();
    } else if (location.hash) {
      document.getElementById(arrived)?.scrollIntoView();
    }
  });

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

  const baseUrl = current?.gateway.baseUrl ?? '';
  const origin = gatewayOriginPattern(baseUrl);
  useEffect(() => {
    if (!origin) return setPermission(null);
    void hasGatewayPermission(baseUrl).then(setPermission);
  }, [origin, baseUrl]);

  if (!draft || !effective || !current) return null;
  const isLocked = (path: string) => Boolean(effective.forced[path]);
  const lockOf = (path: string): Lock | undefined => {
    const source = effective.forced[path];
    return source
      ? { text: t(source === 'url' ? 'lockedBy_url' : 'lockedBy_managed'), keyName: path }
      : undefined;
  };
  const shownValue = (path: string) => getPath(isLocked(path) ? current : draft, path);
  const update = (path: string, value: unknown) => {
    const next = structuredClone(draft);
    setPath(next as unknown as Record<string, unknown>, path, value);
    setDraft(next);
    setSaveState(null);
  };

  const save = async (where: string) => {
    try {
      await saveUserSettings({ ...draft, models: modelsFromLines(modelLines, draft.models) });
      setSaveState({ at: where, ok: true });
    } catch (error) {
      setSaveState({
        at: where,
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      });
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
    const result = applyGatewayPreset(draft.gateway, preset, values, isLocked);
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

  const labelOf = (path: string) => settingLabel(path, t);
  const modelName = (id: string) => current.models.find((model) => model.id === id)?.label ?? id;

  const text = (path: string, options: { type?: string; help?: MessageKey; placeholder?: string } = {}) => (
    <SettingField
      key={path}
      path={path}
      label={labelOf(path)}
      help={options.help && t(options.help)}
      lock={lockOf(path)}
    >
      <input
        type={options.type ?? 'text'}
        autoComplete="off"
        value={String(shownValue(path) ?? '')}
        placeholder={options.placeholder}
        disabled={isLocked(path)}
        readOnly={isLocked(path)}
        onChange={(event) => update(path, event.target.value.trim())}
      />
    </SettingField>
  );

  const select = (
    path: string,
    choices: { value: string; label: string }[],
    parse: (v: string) => unknown,
  ) => (
    <SettingField key={path} path={path} label={labelOf(path)} lock={lockOf(path)}>
      <select
        value={String(shownValue(path) ?? '')}
        disabled={isLocked(path)}
        onChange={(event) => update(path, parse(event.target.value))}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </SettingField>
  );

  const number = (path: string, min: number, max?: number) => (
    <SettingField key={path} path={path} label={labelOf(path)} lock={lockOf(path)}>
      <input
        type="number"
        min={min}
        max={max}
        value={Number(shownValue(path) ?? 0)}
        disabled={isLocked(path)}
        readOnly={isLocked(path)}
        onChange={(event) => {
          const value = Math.max(min, Math.floor(Number(event.target.value) || 0));
          update(path, max === undefined ? value : Math.min(max, value));
        }}
      />
    </SettingField>
  );

  /** The section's settings without a control of their own, shown with their value and lock. */
  const readOnly = (where: SectionId, admin: boolean) =>
    leavesOf(where)
      .filter((leaf) => !EDITED.has(leaf.path) && Boolean(PLACEMENTS[leaf.path]?.admin) === admin)
      .map((leaf) => (
        <ReadOnlySetting
          key={leaf.path}
          path={leaf.path}
          label={labelOf(leaf.path)}
          value={describeValue(leaf, getPath(current, leaf.path), t)}
          help={language === 'ja' ? leaf.ja : leaf.description}
          lock={lockOf(leaf.path)}
        />
      ));

  const adminPart = (where: SectionId, children: ReactNode) => (
    <details className="admin-settings" id={`admin-${where}`}>
      <summary>{t('options_adminSettings')}</summary>
      <p className="hint">{t('options_adminSettingsHint')}</p>
      {children}
      {readOnly(where, true)}
    </details>
  );

  /** Save covers what the section edits: with all of it locked, there is nothing to save. */
  const saveBar = (where: string, paths: string[]) => (
    <div className="section-footer">
      <div className="toolbar">
        <button type="submit" disabled={paths.every(isLocked)} onClick={() => void save(where)}>
          {t('save')}
        </button>
      </div>
      {saveState?.at === where && (
        <Notice tone={saveState.ok ? 'info' : 'error'}>
          {saveState.ok ? t('saved') : t('saveFailed', saveState.detail ?? '')}
        </Notice>
      )}
    </div>
  );

  const sectionBox = (id: SectionId, children: ReactNode, intro?: MessageKey) => (
    <section id={id} className="options-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(`section_${id}`)}</h2>
      {intro && <p className="hint">{t(intro)}</p>}
      {children}
    </section>
  );

  const jump = (match: SettingMatch) => {
    if (match.admin) document.getElementById(`admin-${match.section}`)?.setAttribute('open', '');
    if (location.hash !== `#${match.section}`) history.pushState(null, '', `#${match.section}`);
    const target = document.getElementById(`setting-${match.path}`);
    target?.scrollIntoView({ block: 'center' });
    target?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    target?.classList.add('found');
    setTimeout(() => target?.classList.remove('found'), 2000);
  };

  const authSource = current.gateway.auth.source;
  const checkLines: CheckLine[] = [
    baseUrl
      ? { label: t('check_address'), state: 'ok', text: t('check_addressSet') }
      : { label: t('check_address'), state: 'bad', text: t('check_addressMissing') },
    authSource === 'user'
      ? current.apiKey
        ? { label: t('check_key'), state: 'ok', text: t('check_keySet') }
        : { label: t('check_key'), state: 'bad', text: t('check_keyMissing') }
      : { label: t('check_key'), state: 'ok', text: t(`check_keyBy_${authSource}`) },
    ...(origin && permission !== null
      ? [
          permission
            ? { label: t('check_permission'), state: 'ok' as const, text: t('check_permissionGranted') }
            : { label: t('check_permission'), state: 'bad' as const, text: t('check_permissionMissing') },
        ]
      : []),
    test?.state === 'ok'
      ? { label: t('check_answer'), state: 'ok', text: t('check_answerOk') }
      : test?.state === 'failed'
        ? {
            label: t('check_answer'),
            state: 'bad',
            text: explainGatewayError(test.error, t, {
              model: modelName(defaultModelId(current)),
              gatewayOrigin: origin ?? baseUrl,
            }),
          }
        : {
            label: t('check_answer'),
            state: 'unknown',
            text: test?.state === 'running' ? t('testing') : t('check_answerUntested'),
          },
  ];

  const testDetails =
    test?.state === 'ok' || test?.state === 'failed' ? (
      <details className="test-details">
        <summary>{t('check_details')}</summary>
        <ul>
          <li>{t('check_detailAddress', baseUrl || '—')}</li>
          <li>{t('check_detailModel', defaultModelId(current) || '—')}</li>
          <li>{t('check_detailFormat', current.gateway.apiFormat)}</li>
          {test.state === 'failed' && test.error.status !== undefined && (
            <li>{t('check_detailStatus', String(test.error.status))}</li>
          )}
          {test.state === 'failed' && <li>{t('errorDetail', test.error.detail)}</li>}
        </ul>
      </details>
    ) : null;

  const presetLocked = PRESET_PATHS.every(isLocked);
  const sourceRows = describeSources(effective).map(({ leaf, value, source }) => ({
    path: leaf.path,
    value: leaf.sensitive && value ? '••••••' : JSON.stringify(value),
    source: t(SOURCE_LABELS[source] ?? 'source_default'),
    locked: source === 'url' || source === 'managed',
  }));
  const forcedPaths = Object.keys(effective.forced);
  const templates = [...current.templates, ...builtInTemplates(language)];
  const nameOfUse = (key: string) => {
    if (key === 'chat') return t('usage_chat');
    if (key === 'template') return t('usage_templates');
    if (key.startsWith('template:'))
      return t(
        'usage_template',
        templates.find((template) => template.id === key.slice(9))?.title ?? key.slice(9),
      );
    return key in ACTIONS ? t(ACTIONS[key as keyof typeof ACTIONS].title) : key;
  };

  const exportCsv = (weeks: string[]) => {
    const csv = usageCsv(
      usage.stats,
      weeks,
      {
        header: [
          t('csv_kind'),
          t('csv_week'),
          t('csv_weekStart'),
          t('csv_name'),
          t('csv_count'),
          t('usage_inputTokens'),
          t('usage_outputTokens'),
        ],
        useRow: t('csv_useRow'),
        modelRow: t('csv_modelRow'),
      },
      nameOfUse,
      (id) => (modelName(id) === id ? id : `${modelName(id)} (${id})`),
    );
    download(csvBytes(csv), `tatakidai-usage-${localStamp(new Date())}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <div className="options-page">
      <OptionsNav current={section} t={t} onJump={jump} />
      <main className="options">
        <h1>{t('options_title')}</h1>
        {effective.problems.length > 0 && (
          <Notice tone="warning" title={t('policyProblemTitle')}>
            <a href="#policy">{t('options_seeProblems')}</a>
          </Notice>
        )}
        <form onSubmit={(event) => event.preventDefault()}>
          {sectionBox(
            'connection',
            <>
              <ConnectionCheck title={t('check_title')} lines={checkLines}>
                <div className="toolbar">
                  <button type="button" onClick={() => void runTest()} disabled={test?.state === 'running'}>
                    {t('testConnection')}
                  </button>
                </div>
                {testDetails}
              </ConnectionCheck>
              {text('gateway.baseUrl', {
                type: 'url',
                help: 'options_baseUrlHelp',
                placeholder: 'https://ai-gw.example.lg.jp/v1',
              })}
              {origin && permission === false && (
                <p className="permission">
                  {t('permissionMissing', origin)}{' '}
                  <button
                    type="button"
                    onClick={() =>
                      void requestGatewayPermission(baseUrl).then((granted) => {
                        setPermission(granted);
                        if (!granted)
                          setSaveState({ at: 'connection', ok: false, detail: t('permissionDenied') });
                      })
                    }
                  >
                    {t('grantPermission')}
                  </button>
                </p>
              )}
              {authSource === 'oidc' && <SignInArea required t={t} />}
              {authSource === 'user' && text('apiKey', { type: 'password', help: 'options_apiKeyHelp' })}
              {/* With sign-in the gateway reads who asked from the token, so no user id is asked for. */}
              {authSource !== 'oidc' && text('userId', { help: 'options_userIdHelp' })}
              {saveBar('connection', [
                'gateway.baseUrl',
                ...(authSource === 'user' ? ['apiKey'] : []),
                ...(authSource === 'oidc' ? [] : ['userId']),
              ])}
              {adminPart(
                'connection',
                <>
                  <fieldset className="preset" disabled={presetLocked}>
                    <GatewayPresetPicker
                      presets={GATEWAY_PRESETS}
                      language={language}
                      labels={{
                        preset: t('options_preset'),
                        custom: t('options_presetCustom'),
                        apply: t('options_presetApply'),
                        help: presetLocked ? t('options_presetAllLocked') : t('options_presetHelp'),
                      }}
                      onApply={applyPreset}
                    />
                  </fieldset>
                  {gatewayNotice && (
                    <Notice tone={gatewayNotice.ok ? 'info' : 'error'}>{gatewayNotice.text}</Notice>
                  )}
                  {select(
                    'gateway.apiFormat',
                    apiFormatSchema.options.map((format) => ({
                      value: format,
                      label: t(`apiFormat_${format}`),
                    })),
                    (value) => apiFormatSchema.parse(value),
                  )}
                  {text('gateway.auth.header', {
                    placeholder: current.gateway.apiFormat === 'openai' ? 'Authorization' : 'x-api-key',
                  })}
                  {text('gateway.auth.scheme', {
                    placeholder: current.gateway.apiFormat === 'openai' ? 'Bearer' : '',
                  })}
                  {authSource === 'oidc' && (
                    <SignInSetup
                      title={t('signIn_adminTitle')}
                      issuerLine={t('signIn_adminIssuer', current.gateway.auth.oidc.issuer || '—')}
                      clientLine={t('signIn_adminClient', current.gateway.auth.oidc.clientId || '—')}
                      redirectLabel={t('signIn_adminRedirect', browser.runtime.id)}
                      redirectUri={redirectUris.inUse}
                      otherLines={redirectUris.others.map((uri) => t('signIn_adminOther', uri))}
                    />
                  )}
                  {saveBar('connection-admin', [
                    'gateway.apiFormat',
                    'gateway.auth.header',
                    'gateway.auth.scheme',
                  ])}
                </>,
              )}
            </>,
          )}

          {sectionBox(
            'models',
            <>
              {select(
                'defaultModel',
                [
                  { value: '', label: '—' },
                  ...current.models.map((model) => ({ value: model.id, label: model.label ?? model.id })),
                ],
                (value) => value,
              )}
              {readOnly('models', false)}
              {saveBar('models', ['defaultModel', 'models'])}
              {adminPart(
                'models',
                <>
                  <SettingField
                    path="models"
                    label={labelOf('models')}
                    help={isLocked('models') ? undefined : t('options_modelsHelp')}
                    lock={lockOf('models')}
                  >
                    <textarea
                      rows={4}
                      value={isLocked('models') ? modelsToLines(current.models) : modelLines}
                      disabled={isLocked('models')}
                      readOnly={isLocked('models')}
                      onChange={(event) => setModelLines(event.target.value)}
                    />
                  </SettingField>
                  {!isLocked('models') && current.gateway.apiFormat === 'openai' && (
                    <button type="button" onClick={() => void fetchModels()}>
                      {t('options_fetchModels')}
                    </button>
                  )}
                </>,
              )}
            </>,
          )}

          {sectionBox(
            'pii',
            <>
              {readOnly('pii', false)}
              {adminPart('pii', null)}
            </>,
            'options_piiIntro',
          )}
          {sectionBox(
            'sites',
            <>
              {readOnly('sites', false)}
              {adminPart('sites', null)}
            </>,
            'options_sitesIntro',
          )}

          {sectionBox(
            'history',
            <>
              <SettingField
                path="history.enabled"
                label={labelOf('history.enabled')}
                lock={lockOf('history.enabled')}
              >
                <input
                  type="checkbox"
                  checked={current.history.enabled}
                  disabled={isLocked('history.enabled')}
                  onChange={(event) => update('history.enabled', event.target.checked)}
                />
              </SettingField>
              {number('history.retentionDays', 0)}
              {readOnly('history', false)}
              {saveBar('history', ['history.enabled', 'history.retentionDays'])}
            </>,
          )}

          {sectionBox(
            'templates',
            <>
              {readOnly('templates', false)}
              {adminPart('templates', text('tipsUrl', { type: 'url' }))}
              {saveBar('templates', ['tipsUrl'])}
            </>,
          )}

          {sectionBox(
            'display',
            <>
              {select(
                'uiLanguage',
                uiLanguageSchema.options.map((option) => ({
                  value: option,
                  label: t(`uiLanguage_${option}`),
                })),
                (value) => uiLanguageSchema.parse(value),
              )}
              <SettingField path="fontSize" label={labelOf('fontSize')}>
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
              {saveBar('display', ['uiLanguage', 'fontSize'])}
            </>,
          )}
        </form>

        {sectionBox('shortcuts', <BrowserShortcutList t={t} rows={shortcuts} />)}

        {sectionBox(
          'policy',
          <>
            {effective.problems.length > 0 ? (
              <Notice tone="warning" title={t('policyProblemTitle')}>
                <ul className="policy-problems">
                  {effective.problems.map((problem) => (
                    <li key={`${problem.source}:${problem.path}:${problem.kind}`}>
                      {explainPolicyProblem(problem, effective, t)}
                    </li>
                  ))}
                </ul>
              </Notice>
            ) : (
              <p className="hint">{t('options_noProblems')}</p>
            )}
            {readOnly('policy', false)}
            <table className="effective-policy">
              <caption>{t('options_effectivePolicy')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settingKey')}</th>
                  <th scope="col">{t('settingValue')}</th>
                  <th scope="col">{t('settingSource')}</th>
                </tr>
              </thead>
              <tbody>
                {forcedPaths.length === 0 ? (
                  <tr>
                    <td colSpan={3}>{t('options_noPolicy')}</td>
                  </tr>
                ) : (
                  forcedPaths.map((path) => {
                    const leaf = findLeaf(path);
                    return (
                      <tr key={path}>
                        <th scope="row">
                          {labelOf(path)}
                          <br />
                          <code>{path}</code>
                        </th>
                        <td>{leaf ? describeValue(leaf, getPath(current, path), t) : ''}</td>
                        <td>{t(SOURCE_LABELS[effective.forced[path] ?? 'managed'] ?? 'source_managed')}</td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            </table>
            {adminPart(
              'policy',
              <form onSubmit={(event) => event.preventDefault()}>
                {text('policyUrl', { type: 'url', help: 'options_policyUrlHelp' })}
                {saveBar('policy', ['policyUrl'])}
              </form>,
            )}
            <SettingsSourceTable
              title={t('allSettings')}
              labels={{ key: t('settingKey'), value: t('settingValue'), source: t('settingSource') }}
              rows={sourceRows}
            />
          </>,
        )}

        {sectionBox(
          'usage',
          <>
            <UsageReport
              stats={usage.stats}
              now={new Date()}
              minutesSaved={current.usage.minutesSaved}
              kindOrder={[...ACTION_ORDER, 'chat', 'template']}
              language={language}
              t={t}
              nameOfUse={nameOfUse}
              nameOfModel={modelName}
              onExportCsv={exportCsv}
              onReset={() => void usage.reset()}
            />
            <details className="minutes-settings no-print">
              <summary>{t('options_minutesSaved')}</summary>
              <form onSubmit={(event) => event.preventDefault()}>
                {MINUTES_PATHS.map((path) => number(path, 0, 480))}
                {saveBar('usage', MINUTES_PATHS)}
              </form>
            </details>
          </>,
        )}
      </main>
    </div>
  );
}
