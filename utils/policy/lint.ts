import { z } from 'zod';
import { compileCustomPattern } from '../pii/custom-pattern';
import { settingsSchema } from '../settings/schema';

/**
 * Mistakes that are valid JSON of the right types, so the browser and the schema let them through, but
 * that fail in use: found before deployment by `policy:check`. Each names the entry and field.
 */
export interface PolicyFinding {
  level: 'error' | 'warning';
  /** `models[2].purpos`, `pii.custom[0].pattern`… */
  where: string;
  ja: string;
  en: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Edit distance, for "did you mean": a misspelt key is one or two keystrokes from the real one. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (row[j - 1] ?? 0) + 1,
        (previous[j] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[b.length] ?? 0;
}

export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const found = distance(key.toLowerCase(), candidate.toLowerCase());
    if (found < bestDistance) [best, bestDistance] = [candidate, found];
  }
  return best;
}

const unwrap = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;

/** Unknown keys inside list entries (zod drops them silently): `models[2].purpos`. */
function unknownEntryKeys(value: unknown, schema: z.ZodType, where: string, into: PolicyFinding[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    for (const [index, item] of value.entries())
      unknownEntryKeys(item, inner.element as z.ZodType, `${where}[${index}]`, into);
  } else if (inner instanceof z.ZodObject && isObject(value)) {
    const known = Object.keys(inner.shape);
    for (const [key, item] of Object.entries(value)) {
      const path = `${where}.${key}`;
      if (!known.includes(key)) {
        const guess = closestKey(key, known);
        into.push({
          level: 'warning',
          where: path,
          ja: `知らないキーです（無視されます）${guess ? `。${guess} の誤りではありませんか？` : ''}`,
          en: `unknown key (ignored)${guess ? ` — did you mean ${guess}?` : ''}`,
        });
      } else unknownEntryKeys(item, inner.shape[key] as z.ZodType, path, into);
    }
  }
}

const isPlainHttp = (url: unknown) => {
  if (typeof url !== 'string') return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
};

const ENDPOINT = /\/(chat\/completions|messages|completions)\/?$/;

export function lintPolicy(policy: unknown): PolicyFinding[] {
  if (!isObject(policy)) return [];
  const findings: PolicyFinding[] = [];
  const error = (where: string, ja: string, en: string) => findings.push({ level: 'error', where, ja, en });
  const gateway = isObject(policy.gateway) ? policy.gateway : {};
  const auth = isObject(gateway.auth) ? gateway.auth : {};
  const models = Array.isArray(policy.models) ? policy.models.filter(isObject) : undefined;

  for (const key of ['models', 'templates', 'tips'] as const)
    unknownEntryKeys(policy[key], settingsSchema.shape[key], key, findings);
  if (isObject(policy.pii))
    unknownEntryKeys(policy.pii.custom, settingsSchema.shape.pii.shape.custom, 'pii.custom', findings);

  const patterns = isObject(policy.pii) && Array.isArray(policy.pii.custom) ? policy.pii.custom : [];
  patterns.forEach((entry, index) => {
    if (!isObject(entry) || typeof entry.pattern !== 'string') return;
    const compiled = compileCustomPattern({ name: String(entry.name ?? ''), pattern: entry.pattern });
    if (compiled.ok) return;
    const where = `pii.custom[${index}].pattern`;
    if (compiled.problem.kind === 'invalid')
      error(
        where,
        `正規表現として読めません（${compiled.problem.detail}）`,
        `not a valid regular expression (${compiled.problem.detail})`,
      );
    else
      error(
        where,
        '処理に時間がかかりすぎるおそれがある（入れ子の繰り返しなど）か長すぎるため、使われません。繰り返しを入れ子にしない形に書き直してください',
        'could take too long on some text (a repeat inside a repeat, or too long), so it is not used: rewrite it without nested repeats',
      );
  });

  if (models) {
    const ids = models.map((model) => model.id).filter((id): id is string => typeof id === 'string');
    const checkRef = (where: string, id: unknown) => {
      if (typeof id !== 'string' || id === '' || ids.includes(id)) return;
      const guess = closestKey(id, ids);
      error(
        where,
        `「${id}」は models にないモデルです${guess ? `（${guess} の誤りではありませんか？）` : ''}`,
        `"${id}" is not in models${guess ? ` — did you mean ${guess}?` : ''}`,
      );
    };
    checkRef('defaultModel', policy.defaultModel);
    if (isObject(policy.actions))
      for (const [action, setting] of Object.entries(policy.actions))
        if (isObject(setting)) checkRef(`actions.${action}.model`, setting.model);
  }

  if (auth.source === 'policy' && (typeof auth.value !== 'string' || auth.value === ''))
    error(
      'gateway.auth.value',
      'auth.source が policy ですが、組織のキー（auth.value）がありません。キーを入れるか、source を user / none にしてください',
      'auth.source is policy but there is no organisation key (auth.value): add it, or set source to user or none',
    );

  const baseUrls: [string, unknown][] = [['gateway.baseUrl', gateway.baseUrl]];
  for (const [index, model] of (models ?? []).entries())
    baseUrls.push([`models[${index}].baseUrl`, model.baseUrl]);
  for (const [where, url] of baseUrls)
    if (typeof url === 'string' && ENDPOINT.test(new URL(url, 'http://x').pathname))
      error(
        where,
        'エンドポイントまで書かれています。/v1 までにしてください（/chat/completions や /messages は拡張機能が付けます）',
        'ends in an endpoint: stop at /v1 (the extension adds /chat/completions or /messages)',
      );

  if (isObject(policy.pii) && policy.pii.mode === 'off' && baseUrls.some(([, url]) => isPlainHttp(url)))
    error(
      'pii.mode',
      '個人情報の確認を切った（off）うえで、暗号化されない http:// のゲートウェイへ送る設定です。https:// にするか、pii.mode を warn / redact にしてください',
      'personal-data checks are off and text goes to a gateway over unencrypted http://: use https:// or set pii.mode to warn or redact',
    );
  return findings;
}
