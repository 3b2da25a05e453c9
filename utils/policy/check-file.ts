import { z } from 'zod';
import { EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../extension-ids';
import { settingsSchema } from '../settings/schema';
import { closestKey, lintPolicy } from './lint';
import { splitPolicyKeys } from './policy-keys';
import { type PolicyProblem, validateLeaves } from './validate';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Finds the extension's policy inside the shapes admins actually write: Chrome/Edge's policy file
 * (`3rdparty.extensions.<id>`), Firefox's policies.json (`policies.3rdparty.Extensions.<id>`), the Google
 * Admin console's `{"key": {"Value": …}}` form, or the bare policy object.
 */
export function unwrapPolicy(
  document: unknown,
  chromeId: string = EXTENSION_ID,
): { policy: unknown; shape: string } {
  if (!isObject(document)) return { policy: document, shape: 'bare' };
  const chrome = (document['3rdparty'] as Record<string, Record<string, unknown>> | undefined)?.extensions?.[
    chromeId
  ];
  if (chrome !== undefined) return { policy: chrome, shape: 'chrome' };
  const firefox = isObject(document.policies)
    ? (document.policies['3rdparty'] as Record<string, Record<string, unknown>> | undefined)?.Extensions?.[
        FIREFOX_EXTENSION_ID
      ]
    : undefined;
  if (firefox !== undefined) return { policy: firefox, shape: 'firefox' };
  const values = Object.values(document);
  if (
    values.length > 0 &&
    values.every((value) => isObject(value) && Object.keys(value).join() === 'Value')
  ) {
    return {
      policy: Object.fromEntries(
        Object.entries(document).map(([key, value]) => [key, (value as { Value: unknown }).Value]),
      ),
      shape: 'google-admin',
    };
  }
  return { policy: document, shape: 'bare' };
}

export type AdminLanguage = 'ja' | 'en';

/** Known keys next to an unknown one, for "did you mean". */
function siblingKeys(path: string): string[] {
  const parent = path.split('.').slice(0, -1);
  let section: z.ZodType = settingsSchema;
  for (const key of parent) {
    if (!(section instanceof z.ZodObject)) return [];
    section = section.shape[key] as z.ZodType;
  }
  return section instanceof z.ZodObject ? Object.keys(section.shape) : [];
}

export function describeProblem(problem: PolicyProblem, language: AdminLanguage = 'en'): string {
  const where = problem.path || (language === 'ja' ? '（ポリシー全体）' : '(the whole policy)');
  switch (problem.kind) {
    case 'unknown': {
      const guess = closestKey(problem.path.split('.').at(-1) ?? '', siblingKeys(problem.path));
      if (language === 'ja')
        return `${where}: 知らないキーです（無視されます）${guess ? `。${guess} の誤りではありませんか？` : '。docs/admin.md でつづりを確認してください'}`;
      return `unknown key ${where} (ignored; ${guess ? `did you mean ${guess}?` : 'check the spelling against docs/admin.md'})`;
    }
    case 'user-only':
      return language === 'ja'
        ? `${where}: ポリシーでは設定できません（各職員が入力します）`
        : `${where} cannot be set by policy (each user enters it)`;
    default:
      return language === 'ja'
        ? `${where}: 値が正しくありません（必要: ${problem.expected}、実際: ${problem.found}）`
        : `${where}: expected ${problem.expected}, found ${problem.found}`;
  }
}

export interface CheckOptions {
  language?: AdminLanguage;
  /** The ID the organisation's own key gives (package:selfhost prints it); the project's ID by default. */
  chromeId?: string;
}

export function checkPolicyFile(text: string, options: CheckOptions = {}): { ok: boolean; lines: string[] } {
  const language = options.language ?? 'en';
  const chromeId = options.chromeId ?? EXTENSION_ID;
  const ja = language === 'ja';
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, lines: [ja ? `JSON として読めません: ${detail}` : `not valid JSON: ${detail}`] };
  }
  const { policy, shape } = unwrapPolicy(document, chromeId);
  // A browser policy file for another extension ID (the usual copy-paste slip) would reach nobody.
  const wrongId =
    shape === 'bare' &&
    isObject(document) &&
    (Object.hasOwn(document, '3rdparty') || Object.hasOwn(document, 'policies'));
  const { values, problems } = validateLeaves(splitPolicyKeys(policy).policy, 'managed');
  const findings = lintPolicy(policy);
  const failed =
    problems.some((problem) => problem.kind !== 'unknown') ||
    findings.some((finding) => finding.level === 'error');
  const label = (level: 'error' | 'warning') => (ja ? (level === 'error' ? '誤り' : '注意') : level);
  const lines = [
    ja
      ? `読み取り: ${shape} 形式のポリシー。正しいキー ${values.size} 個`
      : `read as: ${shape} policy; ${values.size} valid key(s)`,
    ...(wrongId
      ? [
          ja
            ? `${label('error')}: このファイルには拡張機能のID（${chromeId} / ${FIREFOX_EXTENSION_ID}）のポリシーがありません。自組織の鍵で作った場合は --id <package:selfhost が表示したID> を付けてください`
            : `error: no policy for this extension's ID (${chromeId} / ${FIREFOX_EXTENSION_ID}) in this file; packed with your own key? run with --id <the ID package:selfhost printed>`,
        ]
      : []),
    ...problems.map(
      (problem) =>
        `${label(problem.kind === 'unknown' ? 'warning' : 'error')}: ${describeProblem(problem, language)}`,
    ),
    ...findings.map(
      (finding) => `${label(finding.level)}: ${finding.where}: ${ja ? finding.ja : finding.en}`,
    ),
  ];
  const ok = !failed && !wrongId;
  if (ok) lines.push('OK');
  return { ok, lines };
}
