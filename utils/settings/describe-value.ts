import type { Translator } from '../i18n';
import type { SettingLeaf } from '../policy/leaves';

const PII_MODE_WORDS = {
  off: 'value_piiMode_off',
  warn: 'value_piiMode_warn',
  redact: 'value_piiMode_redact',
  block: 'value_piiMode_block',
} as const;

/** What an item of a list is called: a template's title, a tip's title, a pattern's name. */
function itemName(item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && item !== null) {
    const named = item as { title?: unknown; name?: unknown; label?: unknown; id?: unknown };
    for (const field of [named.label, named.title, named.name, named.id])
      if (typeof field === 'string' && field) return field;
  }
  return JSON.stringify(item);
}

/** A setting's value in words staff can read: はい/いいえ, a list by its names, never raw JSON where avoidable. */
export function describeValue(leaf: SettingLeaf, value: unknown, t: Translator): string {
  if (leaf.sensitive) return value ? '••••••' : t('value_empty');
  if (leaf.path === 'pii.mode' && typeof value === 'string' && value in PII_MODE_WORDS)
    return t(PII_MODE_WORDS[value as keyof typeof PII_MODE_WORDS]);
  if (typeof value === 'boolean') return t(value ? 'value_yes' : 'value_no');
  if (Array.isArray(value)) return value.length === 0 ? t('value_none') : value.map(itemName).join('、');
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0
      ? t('value_none')
      : entries.map(([key, inner]) => `${key}: ${inner}`).join('、');
  }
  if (value === '' || value === undefined || value === null) return t('value_empty');
  return String(value);
}
