import { ACTION_ORDER, ACTIONS } from '../actions/registry';
import type { MessageKey, Translator } from '../i18n';
import { SETTING_LEAVES, type SettingLeaf } from '../policy/leaves';
import { DEFAULT_MINUTES_SAVED, type MinutesSavedKey } from './schema';

/**
 * Where each setting of the schema appears on the options page, and its short name. Data, not layout
 * code: a unit test fails when a leaf of `SETTING_LEAVES` has no place here or no name in both languages,
 * so a new setting cannot be left off the page.
 */
export const SECTION_IDS = [
  'connection',
  'models',
  'pii',
  'sites',
  'history',
  'templates',
  'display',
  'shortcuts',
  'policy',
  'usage',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

export interface Placement {
  section: SectionId;
  /** The setting's short name; `$1` is filled with `labelArg` (an action's or a use's name). */
  label: MessageKey;
  labelArg?: MessageKey;
  /** Technical: shown under 「管理者向けの設定」, folded, not among what staff read first. */
  admin?: boolean;
}

const MINUTES_LABEL: Record<MinutesSavedKey, MessageKey> = {
  ...Object.fromEntries(ACTION_ORDER.map((id) => [id, ACTIONS[id].title])),
  chat: 'usage_chat',
  template: 'setting_minutesSavedTemplate',
} as Record<MinutesSavedKey, MessageKey>;

export const PLACEMENTS: Readonly<Record<string, Placement>> = {
  'gateway.baseUrl': { section: 'connection', label: 'setting_gatewayBaseUrl' },
  apiKey: { section: 'connection', label: 'setting_apiKey' },
  userId: { section: 'connection', label: 'setting_userId' },
  'gateway.apiFormat': { section: 'connection', label: 'setting_apiFormat', admin: true },
  'gateway.auth.header': { section: 'connection', label: 'setting_authHeader', admin: true },
  'gateway.auth.scheme': { section: 'connection', label: 'setting_authScheme', admin: true },
  'gateway.auth.source': { section: 'connection', label: 'setting_authSource', admin: true },
  'gateway.auth.value': { section: 'connection', label: 'setting_authValue', admin: true },
  'gateway.auth.oidc.issuer': { section: 'connection', label: 'setting_oidcIssuer', admin: true },
  'gateway.auth.oidc.clientId': { section: 'connection', label: 'setting_oidcClientId', admin: true },
  'gateway.auth.oidc.scopes': { section: 'connection', label: 'setting_oidcScopes', admin: true },
  'gateway.auth.oidc.audience': { section: 'connection', label: 'setting_oidcAudience', admin: true },
  'gateway.auth.oidc.resource': { section: 'connection', label: 'setting_oidcResource', admin: true },
  'gateway.headers': { section: 'connection', label: 'setting_gatewayHeaders', admin: true },
  'gateway.userAttribution.header': {
    section: 'connection',
    label: 'setting_attributionHeader',
    admin: true,
  },
  'gateway.userAttribution.bodyUser': {
    section: 'connection',
    label: 'setting_attributionBody',
    admin: true,
  },
  'gateway.firstByteTimeoutSeconds': {
    section: 'connection',
    label: 'setting_firstByteTimeout',
    admin: true,
  },
  'gateway.stallTimeoutSeconds': { section: 'connection', label: 'setting_stallTimeout', admin: true },
  models: { section: 'models', label: 'setting_models', admin: true },
  defaultModel: { section: 'models', label: 'setting_defaultModel' },
  templates: { section: 'templates', label: 'setting_templates' },
  hideBuiltInTemplates: { section: 'templates', label: 'setting_hideBuiltInTemplates' },
  allowUserTemplates: { section: 'templates', label: 'setting_allowUserTemplates' },
  'pii.mode': { section: 'pii', label: 'setting_piiMode' },
  'pii.bannedTerms': { section: 'pii', label: 'setting_piiBannedTerms' },
  'pii.custom': { section: 'pii', label: 'setting_piiCustom', admin: true },
  'sites.blocked': { section: 'sites', label: 'setting_sitesBlocked' },
  'files.enabled': { section: 'sites', label: 'setting_filesEnabled' },
  'files.maxBytes': { section: 'sites', label: 'setting_filesMaxBytes', admin: true },
  'files.types': { section: 'sites', label: 'setting_filesTypes' },
  'history.enabled': { section: 'history', label: 'setting_historyEnabled' },
  'history.retentionDays': { section: 'history', label: 'setting_historyRetentionDays' },
  'history.keepOriginals': { section: 'history', label: 'setting_historyKeepOriginals' },
  'guideline.title': { section: 'policy', label: 'setting_guidelineTitle' },
  'guideline.url': { section: 'policy', label: 'setting_guidelineUrl' },
  'guideline.text': { section: 'policy', label: 'setting_guidelineText' },
  'guideline.version': { section: 'policy', label: 'setting_guidelineVersion' },
  'guideline.requireAcceptance': { section: 'policy', label: 'setting_guidelineRequireAcceptance' },
  'disclosure.copySuffix': { section: 'policy', label: 'setting_disclosureCopySuffix' },
  tips: { section: 'templates', label: 'setting_tips' },
  tipsUrl: { section: 'templates', label: 'setting_tipsUrl', admin: true },
  policyUrl: { section: 'policy', label: 'setting_policyUrl', admin: true },
  uiLanguage: { section: 'display', label: 'setting_uiLanguage' },
  fontSize: { section: 'display', label: 'setting_fontSize' },
  ...Object.fromEntries(
    ACTION_ORDER.flatMap((id) => [
      [
        `actions.${id}.enabled`,
        { section: 'models', label: 'setting_actionEnabled', labelArg: ACTIONS[id].title },
      ],
      [
        `actions.${id}.model`,
        { section: 'models', label: 'setting_actionModel', labelArg: ACTIONS[id].title, admin: true },
      ],
    ]),
  ),
  ...Object.fromEntries(
    (Object.keys(DEFAULT_MINUTES_SAVED) as MinutesSavedKey[]).map((key) => [
      `usage.minutesSaved.${key}`,
      { section: 'usage', label: 'setting_minutesSaved', labelArg: MINUTES_LABEL[key] },
    ]),
  ),
};

export function placementOf(path: string): Placement | undefined {
  return PLACEMENTS[path];
}

/** A setting's short name in the language given. */
export function settingLabel(path: string, t: Translator): string {
  const placement = PLACEMENTS[path];
  if (!placement) return path;
  return placement.labelArg ? t(placement.label, t(placement.labelArg)) : t(placement.label);
}

/** The leaves of one section, in schema order. */
export function leavesOf(section: SectionId): SettingLeaf[] {
  return SETTING_LEAVES.filter((leaf) => PLACEMENTS[leaf.path]?.section === section);
}
