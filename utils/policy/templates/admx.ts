import {
  BROWSERS,
  extensionSettingsKeyPath,
  policyKeyPath,
  REGISTRY_ENTRIES,
  type RegistryEntry,
  TOOLBAR_PIN,
  type WindowsBrowser,
} from './registry-layout';

/**
 * Group Policy templates for Chrome and Edge, one category each: every policy key of the schema, and the
 * force-install entry. An ADMX names strings and presentations that each ADML (one per language) defines.
 */
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const idOf = (path: string) => `p_${path.replace(/\./g, '_')}`;
const optionId = (option: string) => `opt_${option.replace(/[^A-Za-z0-9]/g, '_')}`;
const WINDOWS_BROWSERS = Object.keys(BROWSERS) as WindowsBrowser[];

function leafPolicy(browser: WindowsBrowser, id: string, entry: RegistryEntry): string {
  const root = policyKeyPath(browser, id);
  const key = entry.key ? `${root}\\${entry.key}` : root;
  const name = `${browser}_${idOf(entry.path).slice(2)}`;
  const head = `<policy name="${name}" class="Both" displayName="$(string.${idOf(entry.path)})" explainText="$(string.${idOf(entry.path)}_Explain)" key="${xml(key)}"`;
  const tail = `<parentCategory ref="tatakidai_${browser}" /><supportedOn ref="SUPPORTED_CHROMIUM" />`;
  const withElements = (element: string) =>
    `    ${head} presentation="$(presentation.${idOf(entry.path)})">${tail}<elements>${element}</elements></policy>`;
  switch (entry.form.kind) {
    case 'boolean':
      return `    ${head} valueName="${entry.valueName}">${tail}<enabledValue><decimal value="1" /></enabledValue><disabledValue><decimal value="0" /></disabledValue></policy>`;
    case 'integer':
      return withElements(
        `<decimal id="value" valueName="${entry.valueName}" minValue="0" maxValue="2000000000" />`,
      );
    case 'choice':
      return withElements(
        `<enum id="value" valueName="${entry.valueName}">${entry.form.options
          .map(
            (option) =>
              `<item displayName="$(string.${optionId(option)})"><value><string>${xml(option)}</string></value></item>`,
          )
          .join('')}</enum>`,
      );
    case 'text-list':
      return withElements(`<list id="value" key="${xml(`${key}\\${entry.valueName}`)}" valuePrefix="" />`);
    case 'text-map':
      return withElements(
        `<list id="value" key="${xml(`${key}\\${entry.valueName}`)}" explicitValue="true" />`,
      );
    default:
      return withElements(`<text id="value" valueName="${entry.valueName}" maxLength="32000" />`);
  }
}

function installPolicy(browser: WindowsBrowser, id: string): string {
  const pin = TOOLBAR_PIN[browser];
  const unpinned = browser === 'chrome' ? 'default_unpinned' : 'default_shown';
  return [
    `    <policy name="${browser}_forceInstall" class="Machine" displayName="$(string.forceInstall)" explainText="$(string.forceInstall_Explain)" presentation="$(presentation.forceInstall)" key="${xml(extensionSettingsKeyPath(browser, id))}">`,
    `<parentCategory ref="tatakidai_${browser}" /><supportedOn ref="SUPPORTED_CHROMIUM" /><elements>`,
    '<enum id="installation_mode" valueName="installation_mode" required="true"><item displayName="$(string.mode_force)"><value><string>force_installed</string></value></item><item displayName="$(string.mode_normal)"><value><string>normal_installed</string></value></item></enum>',
    '<text id="update_url" valueName="update_url" required="true" maxLength="2048" />',
    '<boolean id="override_update_url" valueName="override_update_url"><trueValue><decimal value="1" /></trueValue><falseValue><decimal value="0" /></falseValue></boolean>',
    `<boolean id="toolbar" valueName="${pin.valueName}"><trueValue><string>${pin.value}</string></trueValue><falseValue><string>${unpinned}</string></falseValue></boolean>`,
    '</elements></policy>',
  ].join('');
}

export function admxFile(id: string): string {
  const policies = WINDOWS_BROWSERS.flatMap((browser) => [
    installPolicy(browser, id),
    ...REGISTRY_ENTRIES.map((entry) => leafPolicy(browser, id, entry)),
  ]);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<policyDefinitions revision="1.0" schemaVersion="1.0" xmlns="${NS}">`,
    '  <policyNamespaces>',
    `    <target prefix="tatakidai" namespace="Tatakidai.Policies.${id}" />`,
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn><definitions><definition name="SUPPORTED_CHROMIUM" displayName="$(string.SUPPORTED_CHROMIUM)" /></definitions></supportedOn>',
    '  <categories>',
    ...WINDOWS_BROWSERS.map(
      (browser) =>
        `    <category name="tatakidai_${browser}" displayName="$(string.tatakidai_${browser})" />`,
    ),
    '  </categories>',
    '  <policies>',
    ...policies,
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\r\n');
}

type Language = 'ja-JP' | 'en-US';

const WORDS = {
  'ja-JP': {
    title: 'Tatakidai（生成AIアシスタント）',
    description:
      'Tatakidai のポリシー。npm run policy:generate / package:selfhost がスキーマから生成（手で編集しない）。',
    supported: 'Google Chrome / Microsoft Edge（Chromium 版）',
    category: (label: string) => `Tatakidai（${label}）`,
    forceInstall: '拡張機能を組織のサーバーから強制インストールする',
    forceInstallExplain: (id: string) =>
      `拡張機能 ${id} を、組織のWebサーバーの update.xml から強制インストールします（ExtensionSettings）。Windows ではドメイン参加（AD / Entra）または一元管理された PC でのみストア外の拡張機能を強制インストールできます。`,
    modeForce: '強制インストール（職員は外せません）',
    modeNormal: 'インストール（職員が外せます）',
    updateUrl: '更新マニフェストのURL（update.xml）',
    override: 'この更新URLだけを使う（override_update_url）',
    toolbar: 'ツールバーにボタンを常に表示する',
    explain: (entry: RegistryEntry, where: string) =>
      `${entry.ja}\n\nキー: ${entry.path}\nレジストリ: ${where}${entry.form.kind === 'json' ? '\n値は JSON テキスト（1行）で入力します。' : ''}${entry.sensitive ? '\n秘密の値です（chrome://policy では隠されます）。' : ''}`,
    value: '値',
  },
  'en-US': {
    title: 'Tatakidai (AI assistant)',
    description:
      'Tatakidai policies, generated from the schema by npm run policy:generate / package:selfhost (do not edit).',
    supported: 'Google Chrome / Microsoft Edge (Chromium)',
    category: (label: string) => `Tatakidai (${label})`,
    forceInstall: "Force-install the extension from the organisation's server",
    forceInstallExplain: (id: string) =>
      `Force-installs extension ${id} from update.xml on the organisation's web server (ExtensionSettings). On Windows, off-store extensions are force-installed only on domain-joined (AD / Entra) or centrally managed PCs.`,
    modeForce: 'Force-installed (staff cannot remove it)',
    modeNormal: 'Installed (staff can remove it)',
    updateUrl: 'Update manifest URL (update.xml)',
    override: 'Use only this update URL (override_update_url)',
    toolbar: 'Always show the button on the toolbar',
    explain: (entry: RegistryEntry, where: string) =>
      `${entry.description}\n\nKey: ${entry.path}\nRegistry: ${where}${entry.form.kind === 'json' ? '\nEnter the value as JSON text on one line.' : ''}${entry.sensitive ? '\nA secret value (hidden in chrome://policy).' : ''}`,
    value: 'Value',
  },
} as const;

function presentation(entry: RegistryEntry, label: string): string | undefined {
  const id = idOf(entry.path);
  switch (entry.form.kind) {
    case 'boolean':
      return undefined;
    case 'integer':
      return `<presentation id="${id}"><decimalTextBox refId="value">${xml(label)}</decimalTextBox></presentation>`;
    case 'choice':
      return `<presentation id="${id}"><dropdownList refId="value">${xml(label)}</dropdownList></presentation>`;
    case 'text-list':
    case 'text-map':
      return `<presentation id="${id}"><listBox refId="value">${xml(label)}</listBox></presentation>`;
    default:
      return `<presentation id="${id}"><textBox refId="value"><label>${xml(label)}</label></textBox></presentation>`;
  }
}

export function admlFile(language: Language, options: { id: string; updateUrl: string }): string {
  const words = WORDS[language];
  const strings: [string, string][] = [
    ['SUPPORTED_CHROMIUM', words.supported],
    ...WINDOWS_BROWSERS.map((browser): [string, string] => [
      `tatakidai_${browser}`,
      words.category(BROWSERS[browser].label),
    ]),
    ['forceInstall', words.forceInstall],
    ['forceInstall_Explain', words.forceInstallExplain(options.id)],
    ['mode_force', words.modeForce],
    ['mode_normal', words.modeNormal],
  ];
  const options_ = new Set<string>();
  for (const entry of REGISTRY_ENTRIES) {
    const where = `…\\3rdparty\\extensions\\${options.id}\\policy${entry.key ? `\\${entry.key}` : ''} → ${entry.valueName}`;
    strings.push(
      [idOf(entry.path), entry.path],
      [`${idOf(entry.path)}_Explain`, words.explain(entry, where)],
    );
    if (entry.form.kind === 'choice') for (const option of entry.form.options) options_.add(option);
  }
  for (const option of options_) strings.push([optionId(option), option]);
  const presentations = [
    `<presentation id="forceInstall"><dropdownList refId="installation_mode" defaultItem="0">${xml(words.modeForce)}</dropdownList><textBox refId="update_url"><label>${xml(words.updateUrl)}</label><defaultValue>${xml(options.updateUrl)}</defaultValue></textBox><checkBox refId="override_update_url" defaultChecked="true">${xml(words.override)}</checkBox><checkBox refId="toolbar" defaultChecked="true">${xml(words.toolbar)}</checkBox></presentation>`,
    ...REGISTRY_ENTRIES.map((entry) => presentation(entry, `${entry.path}: ${words.value}`)).filter(
      (item): item is string => item !== undefined,
    ),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<policyDefinitionResources revision="1.0" schemaVersion="1.0" xmlns="${NS}">`,
    `  <displayName>${xml(words.title)}</displayName>`,
    `  <description>${xml(words.description)}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations.map((item) => `      ${item}`),
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\r\n');
}
