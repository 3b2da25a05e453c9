import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Template, templateSchema } from '../../utils/settings/schema';
import { BUILT_IN_TEMPLATES, builtInTemplates } from '../../utils/templates/builtin';
import { searchTemplates, templateCatalogue } from '../../utils/templates/catalogue';
import { missingFields, renderTemplate } from '../../utils/templates/render';

/** Realistic answers for every field name the library uses. */
const SAMPLE_VALUES: Record<string, string> = {
  question: '市内の公共交通空白地域における高齢者の移動手段の確保について、市の今後の方針を問う。',
  division: '総合政策課',
  direction: 'デマンド交通の実証運行を令和8年度に検討している旨を答弁する。',
  facts: '令和6年度 市民バス利用者数 48,200人（前年度比 3.1%減）',
  answerer: '市長',
  subject: '高齢者インフルエンザ予防接種の費用助成',
  audience: '市内在住の65歳以上の方',
  details: '期間: 10月1日（水）から1月31日（土）まで\n自己負担額: 1,500円',
  contact: '健康増進課 0287-43-0000',
  medium: '広報やいた10月号、市ホームページ',
  occasion: '令和7年度 矢板市敬老会',
  speaker: '市長',
  points: '長年の地域への貢献への感謝、健康寿命の延伸に向けた取組',
  length: '3分程度',
  season: '9月中旬',
  inquiry: '住民票の写しを取りに来たが、2時間待たされた。予約制にすべきだ。',
  channel: 'メール',
  options: 'コンビニ交付、オンライン申請',
  purpose: '子育て支援センターの利用状況と満足度を把握し、開館時間の見直しに生かす。',
  respondents: '市内の未就学児の保護者',
  count: '10問程度',
  method: 'オンラインフォーム',
  theme: '公共施設予約のオンライン化',
  background: '電話と窓口のみで予約を受けており、職員の負担が大きい。',
  peers: '人口3〜5万人、県内',
  minutes:
    '委員長: 本日の議題は路線バスの再編です。\n委員A: 朝の便を増やしてほしい。\n事務局: 次回までに案を示します。',
  meeting: '第2回 地域公共交通会議（10月3日）',
  readers: '部長への報告用',
  text: '申請書を提出して下さい。尚、期限は10月31日迄とします。',
  kind: '通知',
  table: '年度,人口,65歳以上\nR4,31500,9800\nR5,31200,9950\nR6,30900,10100',
  title: '年齢別人口（住民基本台帳、各年4月1日）',
  use: '総合計画の現状分析',
  goal: '生年月日から4月1日時点の年齢を計算したい。',
  layout: 'A列 氏名、B列 生年月日（2行目から）',
  version: 'Microsoft 365',
  topic: '市役所本庁舎に生成AIを活用した案内を導入する。',
  when: '令和8年4月1日から、本庁舎1階',
  point: '県内の市町で初めての取組',
};

const everyTemplate = (['ja', 'en'] as const).flatMap((language) =>
  builtInTemplates(language).map((template) => ({ language, template })),
);

describe('the built-in municipal template library', () => {
  it('has the twelve templates of issue #8 and the two for attached files in both languages, with the same fields', () => {
    expect(BUILT_IN_TEMPLATES).toHaveLength(14);
    for (const entry of BUILT_IN_TEMPLATES) {
      expect(entry.en.fields.map((field) => field.name)).toEqual(entry.ja.fields.map((field) => field.name));
      // A template either asks for something or works on the file the user attached.
      expect(entry.forFile || entry.ja.fields.some((field) => field.required)).toBe(true);
    }
    const titles = builtInTemplates('ja').map((template) => template.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '議会答弁案・想定問答',
        'やさしい日本語への書き換え',
        '報道発表資料（プレスリリース）',
        '表を読み取って傾向を説明',
        'アンケートの自由記述を分類',
      ]),
    );
  });

  it.each(everyTemplate.map(({ language, template }) => [language, template.title, template] as const))(
    '%s %s: is a valid template whose every field appears in the prompt',
    (_language, _title, template) => {
      expect(templateSchema.safeParse(template).success).toBe(true);
      for (const field of template.fields ?? []) expect(template.prompt).toContain(`{{${field.name}}}`);
    },
  );

  it.each(everyTemplate.map(({ language, template }) => [language, template.title, template] as const))(
    '%s %s: renders with every field filled and no placeholder left, saying it is a draft',
    (language, _title, template) => {
      const values = Object.fromEntries(
        (template.fields ?? []).map((field) => [field.name, SAMPLE_VALUES[field.name] ?? '']),
      );
      const rendered = renderTemplate(template, values);
      expect(rendered.ok).toBe(true);
      if (!rendered.ok) return;
      expect(rendered.prompt).not.toMatch(/\{\{/);
      for (const field of template.fields ?? [])
        expect(rendered.prompt).toContain(values[field.name]?.split('\n')[0]);
      expect(rendered.prompt).toContain(language === 'ja' ? 'たたき台' : 'first draft');
    },
  );

  const withFields = everyTemplate.filter(({ template }) => (template.fields ?? []).length > 0);
  it.each(withFields.map(({ language, template }) => [language, template.title, template] as const))(
    '%s %s: refuses to render while a required field is empty',
    (_language, _title, template) => {
      const required = (template.fields ?? []).filter((field) => field.required).map((field) => field.name);
      const rendered = renderTemplate(template, { [required[0] ?? '']: '   ' });
      expect(rendered).toEqual({ ok: false, missing: required });
    },
  );
});

describe('filling a template', () => {
  const gikai = builtInTemplates('ja')[0] as Template;
  const filled = {
    question: SAMPLE_VALUES.question ?? '',
    division: '総合政策課',
    direction: '実証運行を検討中と答える',
  };

  it('drops the heading and line of an optional field left empty', () => {
    const rendered = renderTemplate(gikai, filled);
    if (!rendered.ok) throw new Error('should render');
    expect(rendered.prompt).not.toContain('# 材料');
    expect(rendered.prompt).not.toContain('# 答弁者');
    expect(rendered.prompt).toContain('# 回答の方向性\n実証運行を検討中と答える');
  });

  it('names the required fields still missing', () => {
    expect(missingFields(gikai, { question: '交通について' })).toEqual(['division', 'direction']);
  });

  it('leaves a {{word}} that is not a field as written (an admin prompt may mention braces)', () => {
    const template: Template = {
      id: 'x',
      title: '通知文',
      prompt: '件名: {{subject}}\n書式の例: {{日付}}',
      fields: [{ name: 'subject', label: '件名', required: true }],
    };
    const rendered = renderTemplate(template, { subject: '説明会のご案内' });
    expect(rendered).toEqual({ ok: true, prompt: '件名: 説明会のご案内\n書式の例: {{日付}}' });
  });
});

describe('the template catalogue', () => {
  const organisation: Template = {
    id: 'gikai',
    title: '議会答弁案（矢板市様式）',
    category: '議会',
    prompt: '質問要旨: ',
  };
  const mine: Template = { id: 'user-1', title: '課内の定型メール', prompt: 'お世話になっております。' };

  it('offers the organisation’s templates, then the library, then the user’s own', () => {
    const entries = templateCatalogue({ ...DEFAULT_SETTINGS, templates: [organisation] }, [mine], 'ja');
    expect(entries[0]?.source).toBe('organisation');
    expect(entries.at(-1)).toEqual({ template: mine, source: 'user' });
    expect(entries.filter((entry) => entry.source === 'builtin')).toHaveLength(14);
  });

  it('hides the library and the user’s templates when the policy says so', () => {
    const entries = templateCatalogue(
      { templates: [organisation], hideBuiltInTemplates: true, allowUserTemplates: false },
      [mine],
      'ja',
    );
    expect(entries).toEqual([{ template: organisation, source: 'organisation' }]);
  });

  it('finds templates by any words of their title, category or description', () => {
    const entries = templateCatalogue(DEFAULT_SETTINGS, [], 'ja');
    expect(searchTemplates(entries, 'やさしい').map((entry) => entry.template.title)).toEqual([
      'やさしい日本語への書き換え',
    ]);
    expect(searchTemplates(entries, '議会 想定問答')).toHaveLength(1);
    expect(searchTemplates(entries, 'vba').map((entry) => entry.template.id)).toEqual(['builtin-excel']);
  });

  it('lists title and category matches before description-only ones: 「議会」 puts 公用文 last', () => {
    // The organisation's templates come first in the catalogue: this one only mentions 議会 in passing.
    const memo: Template = {
      id: 'memo',
      title: '課内メモの清書',
      description: '議会前の打合せメモにも使えます。',
      prompt: 'メモ: ',
    };
    const entries = templateCatalogue({ ...DEFAULT_SETTINGS, templates: [memo] }, [], 'ja');
    const found = searchTemplates(entries, '議会');
    const named = (entry: (typeof found)[number]) =>
      `${entry.template.title}${entry.template.category ?? ''}`.includes('議会');
    expect(found.length).toBeGreaterThan(2);
    expect(found.slice(0, -2).every(named)).toBe(true);
    expect(found.at(-2)?.template.id).toBe('memo');
    expect(found.at(-1)?.template.description).toContain('文化審議会');
  });
});
