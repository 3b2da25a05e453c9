/**
 * A generated corpus for the recall/precision benchmark of the PII screen (bench/pii-recall.bench.ts).
 * Values come from @faker-js/faker's Japanese locale and from lists kept here (rare surnames, kana given
 * names, foreign residents' katakana names, real municipalities and towns), placed into many shapes of
 * 窓口記録, 電話メモ, 申請書 and letters. Every inserted value is recorded with its span. The detectors never
 * read faker's lists or these: the figure measures the detector, not the list.
 */
import { fakerJA as faker } from '@faker-js/faker';

export type Category = 'name' | 'address' | 'phone' | 'my-number' | 'email' | 'postal-code' | 'birth-date';

export interface Inserted {
  category: Category;
  start: number;
  end: number;
  value: string;
}

export interface CorpusRecord {
  template: string;
  text: string;
  inserted: Inserted[];
}

type Part = string | { category: Category; value: string };

const RARE_SURNAMES = [
  '小鳥遊',
  '勘解由小路',
  '月見里',
  '四月一日',
  '栗花落',
  '東海林',
  '薬袋',
  '九十九',
  '五百旗頭',
  '百目鬼',
];
const KANA_GIVEN = [
  'さくら',
  'ひなた',
  'あおい',
  'みのり',
  'ゆうき',
  'ハルカ',
  'ユウキ',
  'こはる',
  'まこと',
  'しずく',
];
const FOREIGN_NAMES = [
  'グエン・ヴァン・アン',
  'マリア・サントス',
  'ワン ウェイ',
  'ホセ・ガルシア',
  'キム ミンジュン',
  'シルバ ジョアン',
  'チャン・ティ・ラン',
  'スミス ジョン',
];
/** Real municipalities and towns (a sample; the detector does not read it). */
const PLACES: [string, string, string][] = [
  ['栃木県', '矢板市', '本町'],
  ['栃木県', '宇都宮市', '旭'],
  ['東京都', '千代田区', '霞が関'],
  ['東京都', '世田谷区', '太子堂'],
  ['埼玉県', 'さいたま市浦和区', '高砂'],
  ['茨城県', 'つくば市', '竹園'],
  ['北海道', '札幌市中央区', '北一条西'],
  ['大阪府', '大阪市北区', '梅田'],
  ['福岡県', '北九州市小倉北区', '城内'],
  ['長野県', '北佐久郡軽井沢町', '大字軽井沢'],
  ['静岡県', '伊豆の国市', '長岡'],
  ['宮城県', '仙台市青葉区', '国分町'],
  ['沖縄県', '那覇市', '泉崎'],
  ['広島県', '広島市中区', '基町'],
];
const BUILDINGS = ['コーポ山田', 'ハイツ青葉', 'メゾン桜', 'グランドハイツ', 'サンハイツ', '第二コーポ'];
const HONORIFICS = ['様', 'さん', '氏', '様', 'さん', '殿'];
const LABELS = ['氏名', '来庁者', '相談者', '申請者', '届出人', '世帯主'];

const pick = <T>(items: readonly T[]): T => items[faker.number.int(items.length - 1)] as T;
const digits = (count: number) => faker.string.numeric({ length: count, allowLeadingZeros: true });

function fullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z-]/g, (c) =>
    c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

function kanji(number: number): string {
  const units = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (number < 10) return units[number] ?? '';
  const tens = Math.floor(number / 10);
  return `${tens === 1 ? '' : units[tens]}十${units[number % 10]}`;
}

function surname(): string {
  return faker.number.int(9) === 0 ? pick(RARE_SURNAMES) : faker.person.lastName();
}

function givenName(): string {
  return faker.number.int(6) === 0 ? pick(KANA_GIVEN) : faker.person.firstName();
}

/** A person's name as municipal text writes it. */
function personName(): string {
  if (faker.number.int(9) === 0) return pick(FOREIGN_NAMES);
  const separator = pick(['', ' ', '　', '　']);
  return `${surname()}${separator}${givenName()}`;
}

function address(withPrefecture = faker.datatype.boolean()): string {
  const [prefecture, city, town] =
    faker.number.int(4) === 0 ? [faker.location.state(), faker.location.city(), '中央'] : pick(PLACES);
  const a = faker.number.int({ min: 1, max: 9 });
  const b = faker.number.int({ min: 1, max: 30 });
  const c = faker.number.int({ min: 1, max: 20 });
  const street = pick([
    `${a}-${b}-${c}`,
    `${a}丁目${b}番${c}号`,
    fullWidth(`${a}丁目${b}番${c}号`),
    `${kanji(a)}丁目${kanji(b)}番${kanji(c)}号`,
    `${faker.number.int({ min: 100, max: 2999 })}番地`,
    `${faker.number.int({ min: 100, max: 2999 })}番地${b}`,
    `${a}丁目${b}-${c}`,
    fullWidth(`${a}-${b}-${c}`),
  ]);
  const building =
    faker.number.int(3) === 0
      ? `${pick(['', ' ', '　'])}${pick(BUILDINGS)}${faker.number.int({ min: 101, max: 805 })}${pick(['号室', '', '号室'])}`
      : '';
  return `${withPrefecture ? prefecture : ''}${city}${town}${street}${building}`;
}

/** A subscriber number never starts with 0 or 1. */
function subscriber(count: number): string {
  return `${faker.number.int({ min: 2, max: 9 })}${digits(count - 1)}`;
}

function phone(): string {
  const mobile = `0${pick(['90', '80', '70'])}`;
  const shapes = [
    `${mobile}-${digits(4)}-${digits(4)}`,
    `${mobile}${digits(8)}`,
    `03-${subscriber(4)}-${digits(4)}`,
    `0287-${subscriber(2)}-${digits(4)}`,
    `(0287)${subscriber(2)}-${digits(4)}`,
    fullWidth(`${mobile}-${digits(4)}-${digits(4)}`),
    `${mobile} ${digits(4)} ${digits(4)}`,
    `06-${subscriber(4)}-${digits(4)}`,
  ];
  return pick(shapes);
}

const MY_NUMBER_WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function myNumber(): string {
  const first = digits(11);
  const sum = MY_NUMBER_WEIGHTS.reduce((total, weight, index) => total + Number(first[index]) * weight, 0);
  const check = sum % 11 <= 1 ? 0 : 11 - (sum % 11);
  const value = `${first}${check}`;
  return pick([value, `${value.slice(0, 4)} ${value.slice(4, 8)} ${value.slice(8)}`, fullWidth(value)]);
}

function email(): string {
  return `${faker.internet
    .username()
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '')}${digits(2)}@${pick(['example.jp', 'mail.example.ne.jp', 'example.com'])}`;
}

function postalCode(): string {
  return pick([`${digits(3)}-${digits(4)}`, fullWidth(`${digits(3)}-${digits(4)}`)]);
}

function birthDate(): string {
  const year = faker.number.int({ min: 1940, max: 2020 });
  const month = faker.number.int({ min: 1, max: 12 });
  const day = faker.number.int({ min: 1, max: 28 });
  return pick([
    `${year}年${month}月${day}日`,
    `昭和${faker.number.int({ min: 20, max: 63 })}年${month}月${day}日`,
    `平成${faker.number.int({ min: 1, max: 30 })}年${month}月${day}日`,
    `${year}/${month}/${day}`,
  ]);
}

const v = (category: Category, value: string): Part => ({ category, value });

/** Templates: each gives the parts of one record. */
const TEMPLATES: Record<string, () => Part[]> = {
  窓口記録: () => [
    `【窓口記録】${faker.number.int({ min: 1, max: 12 })}月${faker.number.int({ min: 1, max: 28 })}日 市民課\n`,
    `${pick(LABELS)}：`,
    v('name', personName()),
    `　生年月日：`,
    v('birth-date', birthDate()),
    '\n住所：',
    v('address', address()),
    '\n連絡先：',
    v('phone', phone()),
    `\n転入届を受理。本人確認書類を確認した。`,
  ],
  電話メモ: () => {
    const [open, close] = pick([
      ['（', '）'],
      ['(', ')'],
      ['：', ''],
      [' ', ''],
      ['TEL', ''],
    ]);
    return [
      '電話メモ（福祉課）\n',
      v('name', personName()),
      pick(HONORIFICS),
      'より電話あり。児童手当の件で折り返し希望。\n携帯',
      open,
      v('phone', phone()),
      `${close}\n`,
    ];
  },
  申請書: () => [
    '児童手当 認定請求書\n',
    `請求者${pick(['氏名', ''])}：`,
    v('name', personName()),
    '\n個人番号：',
    v('my-number', myNumber()),
    '\n〒',
    v('postal-code', postalCode()),
    ' ',
    v('address', address(true)),
    '\n電話番号：',
    v('phone', phone()),
    '　メール：',
    v('email', email()),
    '\n',
  ],
  お知らせ: () => [
    v('name', personName()),
    ` ${pick(['様', '殿'])}\n\n`,
    '国民健康保険料の納付についてお知らせします。下記の住所あてに納付書を送付しました。\n送付先：',
    v('address', address()),
    '\n',
  ],
  相談記録: () => [
    '相談記録\n',
    v('name', personName()),
    `${pick(HONORIFICS)}（`,
    v('phone', phone()),
    '）が来庁。',
    `${pick(['', '在住地は'])}`,
    v('address', address()),
    '在住。生活保護の相談。\n',
  ],
  本文中: () => [
    '本日、',
    v('name', `${faker.person.lastName()}${faker.person.firstName()}`),
    'が来庁し、転出届を提出した。新住所は',
    v('address', address(true)),
    '。\n',
  ],
};

/** Builds `count` records from the templates in turn, reproducibly (`seed`). */
export function generateCorpus(count: number, seed = 2026): CorpusRecord[] {
  faker.seed(seed);
  const names = Object.keys(TEMPLATES);
  const records: CorpusRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = names[index % names.length] ?? '';
    const parts = TEMPLATES[template]?.() ?? [];
    let text = '';
    const inserted: Inserted[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
      } else {
        inserted.push({
          category: part.category,
          start: text.length,
          end: text.length + part.value.length,
          value: part.value,
        });
        text += part.value;
      }
    }
    records.push({ template, text, inserted });
  }
  return records;
}

/** Public administrative prose: nothing in it is personal data. */
const CLEAN = [
  '令和7年第3回矢板市議会定例会は、9月2日から9月19日までの会期で開催されます。',
  '本会議の日程：9月2日（火）午前10時開会、一般質問は9月8日から10日まで。',
  '令和7年度一般会計予算の総額は215億3,000万円で、前年度比2.4％の増となりました。',
  '本市の人口は令和7年4月1日現在で30,512人、世帯数は12,847世帯です。',
  '矢板市税条例の一部を改正する条例（令和7年条例第12号）を公布しました。',
  '第3-2号議案 矢板市手数料条例の一部改正について審議しました。',
  '問い合わせ先：市民課 住民係 電話 0287-43-1111（内線215）',
  'お問い合わせ 総務課 TEL 0287-43-1112 FAX 0287-43-6211',
  '会場：矢板市文化会館（矢板市本町5番4号）',
  '施設の所在地：矢板市中央公民館（矢板市本町2-3）',
  '市役所の所在地は矢板市本町5-4です。駐車場は庁舎東側をご利用ください。',
  '会議日時：令和7年10月15日（水）午後1時30分から午後3時まで',
  '担当：健康増進課 成人保健係',
  '市長、副市長、教育長が出席し、各課長が説明を行いました。',
  '市民の皆様のご意見をお待ちしています。パブリックコメントの募集期間は11月30日までです。',
  '受付時間は平日の午前8時30分から午後5時15分までです（祝日・年末年始を除く）。',
  '矢板市、さくら市、塩谷町の2市1町で広域ごみ処理の協議会を設置しています。',
  '保育所の入所申込みは、子ども課の窓口または電子申請で受け付けます。',
  '固定資産税の第2期納期限は12月25日です。口座振替の方は前日までに残高をご確認ください。',
  '避難所一覧：矢板小学校、泉小学校、片岡公民館、矢板市体育館',
  '予算書12ページから15ページまでに主要事業の概要を掲載しています。',
  '国の補助金（地方創生臨時交付金）を活用し、3,200万円の事業を実施しました。',
  '議員定数は18人、常任委員会は総務、文教福祉、産業建設の3委員会です。',
  '様式第1号（第4条関係）により申請してください。各種様式は市ホームページからダウンロードできます。',
  'お客様各位　システム更新のため、10月5日はコンビニ交付サービスを停止します。',
  '担当者様におかれましては、関係書類の提出をお願いいたします。',
  '市民課長、税務課長、保険年金課長が答弁しました。',
  '都道府県・市区町村の窓口で手続きができます。',
];

/** About `chars` characters of clean public prose (sentences repeated in a shuffled order). */
export function cleanText(chars: number, seed = 7): string {
  faker.seed(seed);
  const lines: string[] = [];
  let length = 0;
  while (length < chars) {
    const line = pick(CLEAN);
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}
