/**
 * Deterministic, realistic-looking history for the benchmark: what staff of a Japanese city hall ask
 * (70 % Japanese, 30 % English), 200–4,000 characters per conversation (log-uniform, as real use is
 * mostly short), topics that make some queries rare and some common.
 */
import type { HistoryExport } from '../utils/history/export';

type Conversation = HistoryExport['conversations'][number];

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JA_TOPICS: { title: string; page: string; sentences: string[] }[] = [
  {
    title: '議会答弁案',
    page: '令和7年第3回定例会 一般質問通告一覧',
    sentences: [
      'ご質問の件についてお答えいたします。',
      '本市では子育て支援の拡充を重点施策として位置付けております。',
      '令和7年第3回定例会の議会答弁案を作成してください。',
      '財源の確保については国の交付金を活用してまいります。',
      '今後も関係部署と連携し、検討を進めてまいります。',
    ],
  },
  {
    title: '住民税の納付',
    page: '住民税の納付について｜市役所',
    sentences: [
      '令和7年度の住民税（普通徴収）の第1期納付期限は6月30日です。',
      '口座振替をご利用の方は、納付期限の日に引き落とされます。',
      'コンビニエンスストアでも納付書で納付できます。',
      '納付が遅れると延滞金がかかる場合があります。',
    ],
  },
  {
    title: '窓口での苦情対応',
    page: '市民の声 回答一覧',
    sentences: [
      '窓口での待ち時間が長いとのご指摘をいただきました。',
      'ご不便をおかけし、誠に申し訳ございません。',
      '混雑が予想される時期は事前予約をおすすめしております。',
      '職員の説明が不十分だったとのご意見を真摯に受け止めます。',
    ],
  },
  {
    title: '国民健康保険の手続き',
    page: '国民健康保険｜加入・脱退の届出',
    sentences: [
      '会社を退職した場合は、14日以内に国民健康保険の加入手続きが必要です。',
      '保険証の切替えには本人確認書類をお持ちください。',
      '保険料は前年の所得をもとに計算されます。',
    ],
  },
  {
    title: 'マイナンバーカードの受け取り',
    page: 'マイナンバーカードの交付について',
    sentences: [
      'マイナンバーカードの受け取りには交付通知書と本人確認書類が必要です。',
      '受け取りは平日の午前8時30分から午後5時15分までです。',
      '暗証番号の設定をお願いします。',
    ],
  },
  {
    title: '防災訓練のお知らせ',
    page: '総合防災訓練の実施について',
    sentences: [
      '9月1日に総合防災訓練を実施します。',
      '避難所の開設手順を確認してください。',
      '防災無線で訓練放送を行います。',
      '非常持出品の点検をお願いします。',
    ],
  },
  {
    title: 'ごみ収集日の変更',
    page: 'ごみの出し方・分け方',
    sentences: [
      '年末年始はごみ収集日が変更になります。',
      '燃やせるごみは月曜日と木曜日に収集します。',
      '資源ごみは第2・第4水曜日です。',
      '粗大ごみは事前申込制です。',
    ],
  },
  {
    title: '保育園の入園申込',
    page: '令和8年度 保育園入園案内',
    sentences: [
      '令和8年度の保育園入園申込は11月から受け付けます。',
      '就労証明書の提出が必要です。',
      '保育料は世帯の所得により決まります。',
      '待機児童の解消に向けて定員を拡大します。',
    ],
  },
  {
    title: '介護保険の認定申請',
    page: '要介護認定の申請',
    sentences: [
      '介護保険の要介護認定の申請は地域包括支援センターでも受け付けます。',
      '認定調査員がご自宅を訪問します。',
      '主治医意見書が必要です。',
    ],
  },
  {
    title: '図書館の休館',
    page: '中央図書館 臨時休館のお知らせ',
    sentences: [
      '中央図書館は設備点検のため臨時休館します。',
      '返却は返却ポストをご利用ください。',
      '予約資料の取置期間を延長します。',
    ],
  },
  {
    title: '広報誌の校正',
    page: '広報やいた 12月号 原稿',
    sentences: [
      '広報誌12月号の原稿を校正してください。',
      '表記ゆれを統一してください。',
      '読みやすい公用文に直してください。',
    ],
  },
  {
    title: '補助金の交付要綱',
    page: '住宅リフォーム補助金 交付要綱',
    sentences: [
      '住宅リフォーム補助金の交付要綱を改正します。',
      '補助対象経費の2分の1を補助します。',
      '申請は工事着工前に行ってください。',
    ],
  },
];

const JA_COMMON = [
  '以下の文章を要約してください。',
  'よろしくお願いいたします。',
  '担当課までお問い合わせください。',
  '詳しくは市のホームページをご覧ください。',
  'ご理解とご協力をお願いいたします。',
  '市民の皆さまへのお知らせです。',
];

const EN_TOPICS: { title: string; page: string; sentences: string[] }[] = [
  {
    title: 'Garbage collection calendar',
    page: 'Garbage Collection | City Hall',
    sentences: [
      'Burnable garbage is collected on Mondays and Thursdays.',
      'Recyclable waste is collected on the second and fourth Wednesday.',
      'Oversized garbage requires an appointment.',
    ],
  },
  {
    title: 'Evacuation shelters',
    page: 'Disaster Preparedness Guide',
    sentences: [
      'Evacuation shelters open when an evacuation order is issued.',
      'Please check the nearest shelter on the hazard map.',
      'Bring water, food and medicine for three days.',
    ],
  },
  {
    title: 'Resident tax payment',
    page: 'Resident Tax | Taxation Division',
    sentences: [
      'The first installment of resident tax is due on June 30.',
      'You can pay at convenience stores with the payment slip.',
      'Late payment may incur a delinquency charge.',
    ],
  },
  {
    title: 'Library reopening',
    page: 'Central Library News',
    sentences: [
      'The central library will reopen after the inspection.',
      'Please use the book drop to return items.',
      'Reserved books will be held for two weeks.',
    ],
  },
  {
    title: 'Budget briefing',
    page: 'FY2026 Budget Overview',
    sentences: [
      'The general account budget increases by three percent.',
      'Childcare support is the top priority of the budget.',
      'The city will issue fewer municipal bonds.',
    ],
  },
  {
    title: 'Health insurance enrollment',
    page: 'National Health Insurance',
    sentences: [
      'Residents who leave their job must enroll within fourteen days.',
      'Bring your residence card to the counter.',
      'Premiums are based on last year income.',
    ],
  },
];

const EN_COMMON = [
  'Please summarize the following text.',
  'Thank you for your cooperation.',
  'For details, contact the division in charge.',
  'Please translate this notice for foreign residents.',
];

/** Everyday words of a city hall: drawn into generated sentences, so entries differ as real ones do. */
const JA_WORDS = (
  '市民 住民 窓口 申請 届出 証明書 手数料 納付書 口座振替 年金 介護 福祉 障害 子育て 保育 学童 児童手当 医療費 ' +
  '健診 予防接種 防災 避難 消防 水道 下水道 道路 公園 河川 除雪 ごみ 資源 環境 騒音 空き家 景観 都市計画 農業 林業 ' +
  '観光 商工 雇用 企業誘致 補助金 助成 交付金 予算 決算 監査 入札 契約 議会 委員会 請願 陳情 条例 規則 要綱 ' +
  '広報 広聴 情報公開 個人情報 選挙 戸籍 住民票 印鑑登録 転入 転出 国保 税務 固定資産税 軽自動車税 法人市民税 ' +
  '教育 学校 給食 図書館 公民館 体育館 文化財 生涯学習 人権 男女共同参画 国際交流 外国人 通訳 多文化共生 地域 ' +
  '自治会 ボランティア 高齢者 認知症 地域包括 生活保護 就労支援 相談 苦情 要望 回答 説明 通知 案内 周知 調査 ' +
  '統計 計画 方針 施策 事業 評価 報告 協議 調整 連携 職員 研修 人事 庶務 会計 財産 庁舎 電算 システム 業務改善'
).split(' ');
const JA_VERBS = [
  'を実施します',
  'を検討しています',
  'について説明します',
  'を受け付けます',
  'を見直しました',
  'が必要です',
  'をお願いします',
  'を延長します',
  'を周知します',
  'に変更はありません',
];
const EN_WORDS = (
  'resident application certificate fee payment pension welfare childcare nursery allowance medical checkup ' +
  'vaccination disaster evacuation water sewer road park river snow waste recycling noise housing tourism ' +
  'employment subsidy grant budget audit contract assembly committee petition ordinance regulation notice ' +
  'privacy election registry transfer property vehicle education school lunch museum community volunteer ' +
  'elderly dementia consultation complaint request answer survey statistics plan policy program report staff'
).split(' ');
const EN_VERBS = [
  'will be reviewed',
  'is now available',
  'must be submitted',
  'was extended',
  'remains unchanged',
  'is accepted at the counter',
];

/** Common kanji: random pairs stand in for the long tail of names, places and terms in real text. */
const KANJI =
  '日本市区町村役所課係長部局県国民住生活福祉保健医療介護子育教学校園館場所地域道路川山田中村上下東西南北新古高低' +
  '大小長短前後内外左右金土火水木月年時分期間計画事業予算決定議会委員条例規則要綱申請届出証明交付付納税料額費用';

function noun(next: () => number): string {
  if (next() < 0.5) return pick(next, JA_WORDS);
  return `${pick(next, [...KANJI])}${pick(next, [...KANJI])}`;
}

function wordSentence(next: () => number, english: boolean): string {
  if (english) {
    return `The ${pick(next, EN_WORDS)} ${pick(next, EN_WORDS)} for ${pick(next, EN_WORDS)} ${pick(next, EN_VERBS)}.`;
  }
  return `${noun(next)}の${noun(next)}に関する${noun(next)}${pick(next, JA_VERBS)}。`;
}

const ACTIONS = ['summarize', 'polite', 'proofread', 'translate'] as const;
const MODELS = ['gpt-4.1-mini', 'claude-sonnet-4-5', 'plamo-2.1-prime'];
const START = Date.UTC(2024, 3, 1);
const SPAN = 2 * 365 * 24 * 60 * 60 * 1000;

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function text(
  next: () => number,
  topic: { sentences: string[] },
  common: string[],
  length: number,
  glue: string,
) {
  let out = '';
  const english = glue === ' ';
  while (out.length < length) {
    const roll = next();
    const sentence =
      roll < 0.2
        ? pick(next, topic.sentences)
        : roll < 0.3
          ? pick(next, common)
          : wordSentence(next, english);
    // Numbers and names vary, as they do in real notices.
    out += sentence.replace(/\d+/u, String(1 + Math.floor(next() * 28))) + glue;
    if (next() < 0.08) out += `（整理番号${Math.floor(next() * 1_000_000)}）`;
  }
  return out.slice(0, length);
}

/** Conversation number `index` of the benchmark history (same index, same conversation). */
export function benchConversation(index: number): Conversation {
  const next = random(index * 7919 + 13);
  const english = next() < 0.3;
  const topic = pick(next, english ? EN_TOPICS : JA_TOPICS);
  const common = english ? EN_COMMON : JA_COMMON;
  const glue = english ? ' ' : '';
  const total = Math.round(200 * 20 ** next());
  const isAction = next() < 0.6;
  const action = isAction ? pick(next, ACTIONS) : undefined;
  const model = pick(next, MODELS);
  const updatedAt = START + Math.floor((index / 60_000) * SPAN) + Math.floor(next() * 60_000);
  const id = `bench-${String(index).padStart(6, '0')}`;
  const inputLength = Math.round(total * 0.6);
  const input = text(next, topic, common, inputLength, glue);
  const answer = text(next, topic, common, total - inputLength, glue);
  const title = isAction
    ? `${action}: ${topic.title}`
    : `${topic.title}${english ? ' question' : 'について'}`;
  return {
    id,
    kind: isAction ? 'action' : 'chat',
    ...(action ? { action } : {}),
    title,
    model,
    ...(isAction
      ? { pageUrl: `https://www.city.example.lg.jp/page/${index}.html`, pageTitle: topic.page, input }
      : {}),
    system: 'You help staff of a Japanese municipal office draft and check documents.',
    status: next() < 0.05 ? 'interrupted' : 'complete',
    createdAt: updatedAt - 30_000,
    updatedAt,
    messages: [
      {
        id: `${id}-q`,
        role: 'user',
        content: isAction ? `<document>\n${input}\n</document>` : input,
        model,
        status: 'complete',
        seq: (updatedAt - 30_000) * 1000,
        createdAt: updatedAt - 30_000,
        updatedAt: updatedAt - 30_000,
      },
      {
        id: `${id}-a`,
        role: 'assistant',
        content: answer,
        model,
        status: 'complete',
        seq: (updatedAt - 29_000) * 1000,
        createdAt: updatedAt - 29_000,
        updatedAt,
      },
    ],
  };
}

/** 20 fixed queries of 2–6 characters: rare and common, Japanese and English. */
export const BENCH_QUERIES = [
  '議会答弁',
  '住民税',
  '窓口',
  '子育て支援',
  '防災無線',
  'ごみ',
  '保育料',
  'マイナンバー',
  '国民健康保険',
  '納付期限',
  '延滞金',
  '避難所',
  '要介護認定',
  '臨時休館',
  '公用文',
  'budget',
  'shelter',
  'garbage',
  'library',
  'tax',
];
