import { z } from 'zod';
import { perAction } from '../actions/registry';
import type { ActionId } from '../actions/types';
import { DEFAULT_MAX_BYTES, DOCUMENT_FORMATS } from '../documents/types';
import { isValidMatchPattern } from '../policy/site-rules';

/**
 * The one description of every setting. The same schema validates the user's own settings, the policy URL
 * and the enterprise policy, generates `public/managed_schema.json` and the admin guide's reference table.
 * Keys follow the policy contract in DESIGN.md: extend them, never rename one without a migration.
 *
 * `.meta()` carries the admin documentation (`ja`, `description` in English) and two flags:
 * `sensitive` (Chrome hides the value in chrome://policy) and `userOnly` (never taken from a policy).
 */
type Doc = {
  ja: string;
  description: string;
  sensitive?: boolean;
  userOnly?: boolean;
  example?: unknown;
};
const doc = (ja: string, en: string, extra: Omit<Doc, 'ja' | 'description'> = {}): Doc => ({
  ja,
  description: en,
  ...extra,
});

function isHttpUrlOrEmpty(value: string): boolean {
  if (value === '') return true;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
const httpUrl = () => z.string().refine(isHttpUrlOrEmpty, { message: 'an http:// or https:// URL' });

/**
 * The policy URL can change every rule, so it must come over https://; plain http:// only to this PC
 * (127.0.0.1, localhost), which never crosses a network.
 */
export function isSecurePolicyUrl(value: string): boolean {
  if (value === '') return true;
  try {
    const { protocol, hostname } = new URL(value);
    return (
      protocol === 'https:' ||
      (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname))
    );
  } catch {
    return false;
  }
}

export const apiFormatSchema = z.enum(['openai', 'anthropic']);
export type ApiFormat = z.infer<typeof apiFormatSchema>;

/** `oidc`: each person's own token from the organisation's identity provider (utils/auth/). */
export const authSourceSchema = z.enum(['user', 'policy', 'none', 'oidc']);
export type AuthSource = z.infer<typeof authSourceSchema>;

export const uiLanguageSchema = z.enum(['auto', 'ja', 'en']);
export type UiLanguagePreference = z.infer<typeof uiLanguageSchema>;

export const fontSizeSchema = z.enum(['small', 'medium', 'large', 'x-large']);
export type FontSize = z.infer<typeof fontSizeSchema>;

export const modelSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  purpose: z.string().optional(),
  apiFormat: apiFormatSchema.optional(),
  baseUrl: httpUrl().optional(),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .meta(
      doc(
        'このモデルへのリクエストだけに付ける追加ヘッダー（gateway.headers より優先）',
        "Extra headers sent only with this model's requests (override gateway.headers)",
        { example: { 'x-portkey-provider': 'anthropic' } },
      ),
    ),
  /** Longest text sent at once; longer selections are summarised in parts or cut (long-input.ts). */
  maxInputChars: z.number().int().min(1000).optional(),
});
export type ModelEntry = z.infer<typeof modelSchema>;

const actionPolicySchema = z.object({
  enabled: z.boolean().meta(doc('このアクションを使えるようにするか', 'Whether this action is offered')),
  model: z
    .string()
    .meta(
      doc(
        'このアクションで使うモデルID（空欄で既定のモデル）',
        'Model id for this action (empty: the default model)',
      ),
    ),
});

/** One blank of a template's form; the prompt names it as `{{name}}`. */
export const templateFieldSchema = z.object({
  name: z.string().regex(/^[\p{L}\p{N}_-]+$/u, { message: 'letters, digits, _ or -' }),
  label: z.string().min(1),
  required: z.boolean().optional(),
  multiline: z.boolean().optional(),
  placeholder: z.string().optional(),
});
export type TemplateField = z.infer<typeof templateFieldSchema>;

export const templateSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  category: z.string().optional(),
  /** With `fields`, `{{name}}` marks where each answer goes; without, the text is put in the message box. */
  prompt: z.string().min(1),
  description: z.string().optional(),
  fields: z.array(templateFieldSchema).optional(),
});
export type Template = z.infer<typeof templateSchema>;

export const piiModeSchema = z.enum(['off', 'warn', 'redact', 'block']);

export const tipSchema = z.object({
  date: z.string(),
  title: z.string(),
  body: z.string(),
  /** A template the tip suggests: the panel offers "try this". */
  templateId: z.string().optional(),
});
export type Tip = z.infer<typeof tipSchema>;

/**
 * Minutes a use saves, by what was used: each action, a chat, a template. Guesses an IT section can
 * defend (reading a long page ≈ 10 min, checking a memo ≈ 15, translating a notice ≈ 20); an admin
 * replaces them by policy with the organisation's own figures.
 */
export const DEFAULT_MINUTES_SAVED = {
  summarize: 10,
  polite: 10,
  proofread: 15,
  translate: 20,
  chat: 5,
  template: 15,
} as const satisfies Record<ActionId | 'chat' | 'template', number>;
export type MinutesSavedKey = keyof typeof DEFAULT_MINUTES_SAVED;

const minutesFor = (ja: string, en: string) =>
  z
    .number()
    .min(0)
    .max(480)
    .meta(
      doc(
        `${ja}1回で削減できる時間の見込み（分）。利用状況の「今月の削減見込み」に使います`,
        `Minutes one ${en} saves, for the usage report's estimate of time saved this month`,
      ),
    );

export const settingsSchema = z.object({
  gateway: z.object({
    baseUrl: httpUrl().meta(
      doc(
        'AIゲートウェイのURL（OpenAI互換・Anthropic形式とも /v1 まで）',
        'AI gateway base URL (up to /v1 for both formats)',
        {
          example: 'https://ai-gw.example.lg.jp/v1',
        },
      ),
    ),
    apiFormat: apiFormatSchema.meta(
      doc(
        'API形式: openai（chat completions）または anthropic（Messages）',
        'API format: openai (chat completions) or anthropic (Messages)',
      ),
    ),
    auth: z.object({
      header: z
        .string()
        .meta(
          doc(
            'キーを送るヘッダー名（空欄: openai は Authorization、anthropic は x-api-key）',
            'Header carrying the key (empty: Authorization for openai, x-api-key for anthropic)',
          ),
        ),
      scheme: z
        .string()
        .meta(
          doc(
            'キーの前に付ける語（例: Bearer。空欄可）',
            'Word written before the key, e.g. Bearer (may be empty)',
          ),
        ),
      source: authSourceSchema.meta(
        doc(
          'キーの出どころ: user（各職員が入力）、policy（auth.value の組織キー）、none（キーなし。ネットワーク/SSOで認証）、oidc（各職員が組織のIDプロバイダーにサインインし、その人のトークンを送る。auth.oidc を設定）',
          'Where the key comes from: user (each person enters it), policy (the organisation key in auth.value), none (network/SSO authentication), oidc (each person signs in with the organisation identity provider and their own token is sent; set auth.oidc)',
        ),
      ),
      value: z.string().meta(
        doc('組織のAPIキー（source が policy のとき）', 'Organisation API key (when source is policy)', {
          sensitive: true,
        }),
      ),
      oidc: z.object({
        issuer: httpUrl().meta(
          doc(
            'IDプロバイダーの発行者URL（/.well-known/openid-configuration の手前まで。source が oidc のとき）',
            'Identity provider issuer URL (what precedes /.well-known/openid-configuration; when source is oidc)',
            { example: 'https://login.microsoftonline.com/<tenant-id>/v2.0' },
          ),
        ),
        clientId: z
          .string()
          .meta(
            doc(
              'IDプロバイダーに登録したこの拡張機能のクライアントID（シークレットは使いません）',
              'Client id registered for this extension at the identity provider (no secret is used)',
            ),
          ),
        scopes: z
          .array(z.string().min(1))
          .meta(
            doc(
              '求めるスコープ（openid は必須。更新トークンには offline_access）',
              'Scopes requested (openid is required; offline_access for refresh tokens)',
              { example: ['openid', 'profile', 'email', 'offline_access', 'api://ai-gateway/access'] },
            ),
          ),
        audience: z
          .string()
          .meta(
            doc(
              'audience パラメーターとして送る値（それを求めるIDプロバイダーだけ。空欄で送らない）',
              'Value sent as the audience parameter (only for providers that ask for it; empty: not sent)',
            ),
          ),
        resource: z
          .string()
          .meta(
            doc(
              'resource パラメーター（RFC 8707。AD FS などでゲートウェイを指す。空欄で送らない）',
              'Value sent as the resource parameter (RFC 8707; AD FS and others name the gateway with it; empty: not sent)',
              { example: 'https://ai-gw.example.lg.jp/' },
            ),
          ),
      }),
    }),
    headers: z.record(z.string(), z.string()).meta(
      doc('すべてのリクエストに付ける追加ヘッダー', 'Extra headers sent with every request', {
        example: { 'x-org-id': 'yaita' },
      }),
    ),
    userAttribution: z.object({
      header: z
        .string()
        .meta(
          doc(
            '利用者IDを送るヘッダー名（空欄で送らない）',
            'Header that carries the user id (empty: not sent)',
            { example: 'x-litellm-end-user-id' },
          ),
        ),
      bodyUser: z
        .boolean()
        .meta(
          doc(
            '利用者IDをリクエスト本文の user に入れるか',
            'Put the user id in the request body `user` field',
          ),
        ),
    }),
    firstByteTimeoutSeconds: z
      .number()
      .int()
      .min(1)
      .meta(
        doc(
          '回答の最初の文字を待つ最長の秒数（過ぎると停止して知らせます）',
          'Longest wait, in seconds, for the first piece of an answer before giving up',
        ),
      ),
    stallTimeoutSeconds: z
      .number()
      .int()
      .min(1)
      .meta(
        doc(
          '回答の途中で何も届かないまま待つ最長の秒数（過ぎると、届いた分を残して停止します）',
          'Longest silence, in seconds, in the middle of an answer before stopping with the part received',
        ),
      ),
  }),
  apiKey: z
    .string()
    .meta(
      doc(
        '職員が入力したAPIキー（ポリシーでは設定できません）',
        "The user's own API key (never from policy)",
        { sensitive: true, userOnly: true },
      ),
    ),
  userId: z
    .string()
    .meta(
      doc(
        'ゲートウェイの監査ログ用の利用者ID（例: 職員のメールアドレス）。ユーザー単位のポリシーで設定可',
        "User id for the gateway's audit log (e.g. the staff e-mail address); may be set by per-user policy",
      ),
    ),
  models: z
    .array(modelSchema)
    .meta(
      doc(
        '選べるモデルの一覧（id, label, purpose, 任意で apiFormat・baseUrl・headers・maxInputChars＝一度に送る最大文字数、既定 24000）',
        'Models offered (id, label, purpose, optional apiFormat, baseUrl, headers and maxInputChars)',
      ),
    ),
  defaultModel: z.string().meta(doc('既定のモデルID', 'Default model id')),
  actions: z.object(perAction(() => actionPolicySchema)),
  templates: z
    .array(templateSchema)
    .meta(
      doc(
        '組織のプロンプトテンプレート（id, title, category, prompt, 任意で description と入力欄 fields: name, label, required, multiline, placeholder。prompt の {{name}} に入力が入ります）',
        'Organisation prompt templates (id, title, category, prompt, optional description and form fields: name, label, required, multiline, placeholder; {{name}} in the prompt takes the answer)',
      ),
    ),
  hideBuiltInTemplates: z
    .boolean()
    .meta(
      doc(
        '内蔵の自治体向けテンプレート集を表示しない（組織のテンプレートだけにする）',
        'Hide the built-in municipal template library (offer only the organisation templates)',
      ),
    ),
  allowUserTemplates: z
    .boolean()
    .meta(doc('職員が自分のテンプレートを保存できるか', 'Whether staff may save their own templates')),
  pii: z.object({
    mode: piiModeSchema.meta(
      doc(
        '個人情報の扱い: off / warn（確認）/ redact（置き換えて送信）/ block（送信しない）',
        'Personal data handling: off / warn / redact / block',
      ),
    ),
    bannedTerms: z
      .array(z.string())
      .meta(doc('送信前に検出する語（例: 取扱注意）', 'Terms detected before sending (e.g. 取扱注意)')),
    custom: z
      .array(z.object({ name: z.string().min(1), pattern: z.string().min(1) }))
      .meta(
        doc(
          '独自の検出パターン（name と正規表現 pattern）',
          'Custom detection patterns (name and regular expression)',
        ),
      ),
  }),
  sites: z.object({
    blocked: z
      .array(
        z.string().refine(isValidMatchPattern, { message: 'a match pattern such as *://*.example.jp/*' }),
      )
      .meta(
        doc(
          '文章を送信してはならないサイト（マッチパターン）',
          'Sites whose text must never be sent (match patterns)',
          { example: ['*://*.lgwan.example.jp/*'] },
        ),
      ),
  }),
  files: z.object({
    enabled: z
      .boolean()
      .meta(
        doc(
          'ファイルの添付（PDF・Word・Excel・CSV・テキスト）と、タブで開いたPDFの読み取りを許可するか',
          'Whether staff may attach files (PDF, Word, Excel, CSV, text) and read a PDF open in a tab',
        ),
      ),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .meta(
        doc('読み取るファイルの最大サイズ（バイト）', 'Largest file read, in bytes', { example: 10485760 }),
      ),
    types: z
      .array(z.enum(DOCUMENT_FORMATS))
      .meta(
        doc(
          '添付できる形式: pdf / docx / xlsx / csv（TSVを含む）/ text（TXT・Markdown）',
          'Formats staff may attach: pdf / docx / xlsx / csv (TSV too) / text (TXT, Markdown)',
          { example: ['pdf', 'docx', 'xlsx', 'csv'] },
        ),
      ),
  }),
  history: z.object({
    enabled: z.boolean().meta(doc('履歴をこのPCに保存するか', 'Keep history on this PC')),
    retentionDays: z
      .number()
      .int()
      .min(0)
      .meta(doc('履歴を残す日数（0 は無期限）', 'Days to keep history (0: no limit)')),
    keepOriginals: z
      .boolean()
      .meta(
        doc(
          '履歴に個人情報の元の値を残すか（false: 置き換えた記号で保存）',
          'Keep the original personal data in history (false: keep the placeholders instead)',
        ),
      ),
  }),
  guideline: z.object({
    title: z.string().meta(doc('利用ガイドラインの題名', 'Title of the usage guideline')),
    url: httpUrl().meta(doc('ガイドラインのURL', 'Link to the guideline')),
    text: z.string().meta(doc('パネルに表示するガイドラインの要点', 'Key points shown in the panel')),
    version: z
      .string()
      .meta(doc('版（変えると全員に再同意を求めます）', 'Version (a new one asks everyone again)')),
    requireAcceptance: z
      .boolean()
      .meta(doc('同意するまで送信できないようにするか', 'Nothing can be sent until the user accepts')),
  }),
  disclosure: z.object({
    copySuffix: z
      .string()
      .meta(
        doc(
          'コピー・置き換え時に末尾へ付ける文（例: （生成AIを利用して作成））',
          'Appended when a result is copied or put into a page',
        ),
      ),
  }),
  tips: z
    .array(tipSchema)
    .meta(
      doc(
        '「今週のヒント」（date, title, body, 任意で試せるテンプレートの templateId）',
        '"Tip of the week" entries (date, title, body, optional templateId to try)',
      ),
    ),
  tipsUrl: httpUrl().meta(
    doc(
      'ヒントを配信するURL（JSON: ヒントの配列または { "tips": [...] }。ポリシーURLと同じく30分ごとに取得）',
      'URL publishing tips (JSON: an array of tips or { "tips": [...] }; fetched every 30 minutes like the policy URL)',
    ),
  ),
  policyUrl: z
    .string()
    .refine(isSecurePolicyUrl, { message: 'an https:// URL (http:// only for 127.0.0.1 or localhost)' })
    .meta(doc('追加のポリシーを取得するURL（JSON）', 'URL of an additional policy (JSON)')),
  usage: z.object({
    minutesSaved: z.object({
      summarize: minutesFor('要約', 'summary'),
      polite: minutesFor('丁寧な言い換え', 'polite rewrite'),
      proofread: minutesFor('校正', 'proofread'),
      translate: minutesFor('翻訳', 'translation'),
      chat: minutesFor('チャットの回答', 'chat answer'),
      template: minutesFor('テンプレートからの作成', 'answer from a template'),
    }),
  }),
  uiLanguage: uiLanguageSchema.meta(doc('表示言語: auto / ja / en', 'Display language: auto / ja / en')),
  fontSize: fontSizeSchema.meta(
    doc('文字の大きさ: small / medium / large / x-large', 'Text size: small / medium / large / x-large', {
      userOnly: true,
    }),
  ),
});
export type Settings = z.infer<typeof settingsSchema>;

// A function, not a shared object: structuredClone keeps shared references, so one action's change
// would otherwise change them all.
const enabledAction = () => ({ enabled: true, model: '' });

export const DEFAULT_SETTINGS: Settings = {
  gateway: {
    baseUrl: '',
    apiFormat: 'openai',
    auth: {
      header: '',
      scheme: '',
      source: 'user',
      value: '',
      oidc: {
        issuer: '',
        clientId: '',
        scopes: ['openid', 'profile', 'email', 'offline_access'],
        audience: '',
        resource: '',
      },
    },
    headers: {},
    userAttribution: { header: '', bodyUser: false },
    firstByteTimeoutSeconds: 60,
    stallTimeoutSeconds: 60,
  },
  apiKey: '',
  userId: '',
  models: [],
  defaultModel: '',
  actions: perAction(enabledAction),
  templates: [],
  hideBuiltInTemplates: false,
  allowUserTemplates: true,
  pii: { mode: 'warn', bannedTerms: [], custom: [] },
  sites: { blocked: [] },
  files: { enabled: true, maxBytes: DEFAULT_MAX_BYTES, types: [...DOCUMENT_FORMATS] },
  history: { enabled: true, retentionDays: 0, keepOriginals: true },
  guideline: { title: '', url: '', text: '', version: '', requireAcceptance: false },
  disclosure: { copySuffix: '' },
  tips: [],
  tipsUrl: '',
  policyUrl: '',
  usage: { minutesSaved: { ...DEFAULT_MINUTES_SAVED } },
  uiLanguage: 'auto',
  fontSize: 'medium',
};

export type GatewaySettings = Settings['gateway'];
