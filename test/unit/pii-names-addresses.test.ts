import { beforeAll, describe, expect, it } from 'vitest';
import { type PiiConfig, screenText } from '../../utils/pii/screen';
import type { DetectorId } from '../../utils/pii/types';
import { installNodeDictionaries } from '../support/pii-dictionaries';

const redactMode: PiiConfig = { mode: 'redact', bannedTerms: [], custom: [] };

beforeAll(() => installNodeDictionaries());

function found(text: string): [DetectorId, string, string][] {
  return screenText(text, redactMode).findings.map((finding) => {
    expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    return [finding.detector, finding.severity, finding.text];
  });
}

const high = (text: string, detector: DetectorId) =>
  found(text)
    .filter(([id, severity]) => id === detector && severity === 'high')
    .map(([, , value]) => value);

describe('residents’ names', () => {
  it.each([
    ['氏名：山田 太郎　住所：矢板市本町2-3', '山田 太郎'],
    ['相談者：鈴木　花子（70歳）', '鈴木 花子'.replace(' ', '　')],
    ['請求者氏名：小鳥遊ひなた', '小鳥遊ひなた'],
    ['山田太郎様が来庁した。', '山田太郎'],
    ['佐藤さくらさんから電話。', '佐藤さくら'],
    ['グエン・ヴァン・アン様の在留カードを確認。', 'グエン・ヴァン・アン'],
    ['フリガナ：ヤマダ タロウ', 'ヤマダ タロウ'],
    ['本日、高橋美咲が来庁し、転出届を提出した。', '高橋美咲'],
    ['本日、吉村陽翔が来庁した。', '吉村陽翔'],
  ])('finds the name in 「%s」', (text, name) => {
    expect(high(text, 'person-name')).toEqual([name]);
  });

  it('finds a letter’s salutation on its own line', () => {
    expect(high('勘解由小路　一郎　様\n\n納付書を送付します。', 'person-name')).toEqual(['勘解由小路　一郎']);
  });

  it('leaves titles, role words and kinship words alone', () => {
    const text =
      '市長、副市長、各課長が出席。お客様各位。担当者様。奥様と娘さんが来庁。皆様のご協力を。市民課の窓口。';
    expect(high(text, 'person-name')).toEqual([]);
  });

  it('leaves a bare surname in prose alone, and 様子 or 様式 are not honorifics', () => {
    expect(high('山田の件は様式第1号で処理した。様子を見る。', 'person-name')).toEqual([]);
  });
});

describe('addresses', () => {
  it.each([
    ['住所：栃木県矢板市本町2-3-4', '栃木県矢板市本町2-3-4'],
    ['送付先 矢板市本町１丁目２番３号 コーポ山田101号室', '矢板市本町１丁目２番３号 コーポ山田101号室'],
    ['那須郡那須町大字高久甲123番地 在住', '那須郡那須町大字高久甲123番地'],
    ['新住所は埼玉県さいたま市浦和区高砂3-14-15。', '埼玉県さいたま市浦和区高砂3-14-15'],
    ['東京都千代田区霞が関一丁目二番三号', '東京都千代田区霞が関一丁目二番三号'],
  ])('finds the address in 「%s」', (text, value) => {
    expect(high(text, 'address')).toEqual([value]);
  });

  it('does not take a city name, a date, a bill number or a phone number for an address', () => {
    const text = '矢板市の人口は3万人。令和7年12月1日、第3-2号議案を可決。電話 0287-43-1111。2025-12-01';
    expect(high(text, 'address')).toEqual([]);
  });

  it('reports a facility’s address as public information, not as personal data', () => {
    expect(found('会場：中央公民館（矢板市本町5-4）')).toEqual([['address', 'info', '矢板市本町5-4']]);
  });
});

describe('phone numbers in brackets and after labels', () => {
  it.each([
    ['相談者（03-3528-4540）', '03-3528-4540'],
    ['携帯(090-1234-5678)', '090-1234-5678'],
    ['（０９０３０６７９２５５）', '０９０３０６７９２５５'],
    ['TEL0287-43-1111（自宅）', '0287-43-1111'],
    ['携帯：090ー1234ー5678', '090ー1234ー5678'],
  ])('finds the number in 「%s」', (text, value) => {
    expect(high(text, 'phone')).toEqual([value]);
  });

  it('takes a department’s published number as public information', () => {
    expect(found('問い合わせ先 市民課 電話 0287-43-1111')).toEqual([['phone', 'info', '0287-43-1111']]);
    expect(high('市民課 相談者の携帯 090-1234-5678', 'phone')).toEqual(['090-1234-5678']);
  });
});
