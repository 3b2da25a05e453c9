/**
 * The text the PII benchmarks screen: a deterministic 窓口記録 with phone numbers, マイナンバー, e-mail
 * addresses, dates, postal codes and near misses, and the policy a 市役所 would set. Shared by pii.bench.ts
 * (screening time in Node) and pii-ttft.bench.ts (time to first token in the extension).
 */
import type { PiiConfig } from '../utils/pii/screen';
import { random } from './corpus';

/** What a 市役所 would put in its policy: two banned terms and one receipt-number pattern. */
export const CONFIG: PiiConfig = {
  mode: 'redact',
  bannedTerms: ['取扱注意', '部外秘'],
  custom: [{ name: '受付番号', pattern: 'R\\d{2}-\\d{5}' }],
};

const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function digits(next: () => number, count: number): string {
  return Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
}

function myNumber(next: () => number, valid: boolean): string {
  const first = digits(next, 11);
  const sum = WEIGHTS.reduce((total, weight, index) => total + Number(first[index]) * weight, 0);
  const check = sum % 11 <= 1 ? 0 : 11 - (sum % 11);
  return `${first}${valid ? check : (check + 1) % 10}`;
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const NAMES = ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '山本', '中村', '小林', '加藤'];
const PLAIN = [
  '市民課窓口にて転入届を受理した。',
  '児童手当の認定請求について相談があった。',
  '住民票の写し2通を交付（手数料600円）。',
  '固定資産税の納付書の再発行を依頼された。',
  '必要書類（本人確認書類、印鑑）を案内した。',
  '後日、郵送で申請書を送付することとした。',
  '国民健康保険の資格確認書について説明した。',
  'マイナンバーカードの交付予約を受け付けた。',
  '窓口が混雑していたため、待ち時間は約40分だった。',
  '介護保険の要介護認定の申請方法を説明した。',
  '粗大ごみの収集日について問い合わせがあった。',
  '令和7年度の住民税の第1期納期限は6月30日。',
];

/** One line of a 窓口記録: mostly ordinary text, some lines with personal data or near misses. */
function recordLine(next: () => number): string {
  const name = pick(next, NAMES);
  const day = `${1 + Math.floor(next() * 12)}月${1 + Math.floor(next() * 28)}日`;
  const sentences = [pick(next, PLAIN), pick(next, PLAIN)];
  const roll = next();
  if (roll < 0.1) sentences.push(`連絡先は${name}様携帯 090-${digits(next, 4)}-${digits(next, 4)}。`);
  else if (roll < 0.15) sentences.push(`自宅 0287-${digits(next, 2)}-${digits(next, 4)}（日中不在）。`);
  else if (roll < 0.2) sentences.push(`個人番号 ${myNumber(next, true)} を番号確認した。`);
  else if (roll < 0.25) sentences.push(`受付番号 ${myNumber(next, false)}（申請システム）。`);
  else if (roll < 0.3) sentences.push(`メール ${name.length}k.${digits(next, 3)}@example.lg.jp へ送付。`);
  else if (roll < 0.34) sentences.push(`生年月日 昭和${10 + Math.floor(next() * 50)}年${day}。`);
  else if (roll < 0.38)
    sentences.push(`〒329-${digits(next, 4)} 矢板市本町${1 + Math.floor(next() * 20)}番。`);
  else if (roll < 0.41) sentences.push(`電話 ０８０－${digits(next, 4)}－${digits(next, 4)}（全角で記入）。`);
  else if (roll < 0.44) sentences.push(`振込先 普通 ${digits(next, 7)}。`);
  else if (roll < 0.46) sentences.push(`【取扱注意】受付 R07-${digits(next, 5)}。`);
  return `${day} ${name}様 ${sentences.join('')}`;
}

export function realisticText(length: number): string {
  const next = random(20250604);
  const lines: string[] = [];
  let size = 0;
  while (size < length) {
    const line = recordLine(next);
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, length);
}
