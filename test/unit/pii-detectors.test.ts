import { describe, expect, it } from 'vitest';
import { type PiiConfig, screenText } from '../../utils/pii/screen';
import type { DetectorId } from '../../utils/pii/types';

const warn: PiiConfig = { mode: 'warn', bannedTerms: [], custom: [] };

/** What the user would see highlighted: detector and the exact characters of the original text. */
function found(text: string, config: PiiConfig = warn): [DetectorId, string][] {
  return screenText(text, config).findings.map((finding) => {
    // The offsets must point into the original text, not the normalised copy.
    expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    return [finding.detector, finding.text];
  });
}

/** The rule from 総務省令, written out independently of the implementation. */
function withMyNumberCheckDigit(eleven: string): string {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(eleven.charAt(index)), 0);
  const remainder = sum % 11;
  return `${eleven}${remainder <= 1 ? 0 : 11 - remainder}`;
}

/** 国税庁: check = 9 − (Σ digit × (1 or 2, alternating from the lowest digit) mod 9), written first. */
function withCorporateCheckDigit(twelve: string): string {
  let sum = 0;
  [...twelve].reverse().forEach((digit, index) => {
    sum += Number(digit) * (index % 2 === 0 ? 1 : 2);
  });
  return `${9 - (sum % 9)}${twelve}`;
}

function withLuhnDigit(partial: string): string {
  for (let check = 0; check <= 9; check += 1) {
    const candidate = `${partial}${check}`;
    let sum = 0;
    [...candidate].reverse().forEach((character, index) => {
      let digit = Number(character);
      if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** Any other last digit than the valid one. */
function withWrongLastDigit(valid: string): string {
  const last = Number(valid.slice(-1));
  return `${valid.slice(0, -1)}${(last + 3) % 10}`;
}

describe('マイナンバー', () => {
  it('finds a hand-checked valid number in a counter record', () => {
    // 1·6 + 2·5 + 3·4 + 4·3 + 5·2 + 6·7 + 7·6 + 8·5 + 9·4 + 0·3 + 1·2 = 212; 212 mod 11 = 3; 11 − 3 = 8.
    expect(found('窓口の記録：個人番号カードの写しを確認（番号 123456789018）。')).toEqual([
      ['my-number', '123456789018'],
    ]);
  });

  it.each(['31415926535', '27182818284', '00000000001', '98765432109', '55555555555'])(
    'finds a number whose check digit follows the rule (%s…)',
    (eleven) => {
      const number = withMyNumberCheckDigit(eleven);
      expect(found(`申請書の写し　個人番号 ${number}`)).toEqual([['my-number', number]]);
    },
  );

  it('leaves a 12-digit order number with a wrong check digit alone', () => {
    expect(found('注文番号 123456789012 の物品が納品されました。')).toEqual([]);
    const wrong = withWrongLastDigit(withMyNumberCheckDigit('31415926535'));
    expect(found(`受付番号 ${wrong}`)).toEqual([]);
  });

  it('finds the number grouped 4-4-4 by spaces or hyphens', () => {
    expect(found('番号: 1234 5678 9018 で照会')).toEqual([['my-number', '1234 5678 9018']]);
    expect(found('番号: 1234-5678-9018 で照会')).toEqual([['my-number', '1234-5678-9018']]);
  });

  it('finds full-width digits and highlights exactly them in the original text', () => {
    const text = '個人番号：１２３４－５６７８－９０１８（本人確認済み）';
    const [finding] = screenText(text, warn).findings;
    expect(finding?.detector).toBe('my-number');
    expect(finding?.start).toBe(text.indexOf('１'));
    expect(finding?.end).toBe(text.indexOf('（'));
  });

  it('finds a number typed with ideographic spaces and zero-width spaces', () => {
    const text = 'ﾏｲﾅﾝﾊﾞｰは１２３４\u3000５６７８\u3000９０１８、電話は090\u200b1234\u200b5678';
    expect(found(text)).toEqual([
      ['my-number', '１２３４\u3000５６７８\u3000９０１８'],
      ['phone', '090\u200b1234\u200b5678'],
    ]);
  });

  it('does not take 12 digits out of a longer number', () => {
    expect(found('整理番号 91234567890189')).toEqual([]);
    expect(found('管理コード A123456789018')).toEqual([]);
  });
});

describe('法人番号', () => {
  it('reports the hand-checked number of 国税庁 as public information', () => {
    const [finding] = screenText('発注先 法人番号 7000012050002', warn).findings;
    expect(finding).toMatchObject({ detector: 'corporate-number', severity: 'info', text: '7000012050002' });
  });

  it('finds generated numbers and is not confused with a マイナンバー', () => {
    const number = withCorporateCheckDigit('123456789012');
    expect(found(`株式会社たたき台（法人番号 ${number}）`)).toEqual([['corporate-number', number]]);
  });

  it('ignores 13 digits whose first digit is not the check digit', () => {
    const valid = withCorporateCheckDigit('020001008109');
    const wrongFirst = `${(Number(valid.charAt(0)) % 9) + 1}${valid.slice(1)}`;
    expect(found(`法人番号 ${wrongFirst}`)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['03-1234-5678', '東京の固定電話'],
    ['0287-43-1111', '市役所代表'],
    ['04992-2-1234', '5桁の市外局番'],
    ['090-1234-5678', '携帯'],
    ['080 1234 5678', '携帯（空白区切り）'],
    ['070(1234)5678', '携帯（括弧）'],
    ['060-1234-5678', '060'],
    ['050-3123-4567', 'IP電話'],
    ['0120-123-456', 'フリーダイヤル'],
    ['0800-123-4567', 'フリーダイヤル0800'],
    ['0570-064-123', 'ナビダイヤル'],
    ['(03)1234-5678', '市外局番を括弧'],
    ['+81-90-1234-5678', '国際表記'],
    ['+81 3 1234 5678', '国際表記（空白）'],
    ['+81(0)287-43-1111', '国際表記（(0)付き）'],
    ['09012345678', '区切りなし'],
  ])('finds %s (%s)', (number) => {
    expect(found(`窓口の記録：折り返し先 ${number} まで連絡。`)).toEqual([['phone', number]]);
  });

  it('finds full-width numbers and numbers typed with ー between the digits', () => {
    expect(found('連絡先：０２８７－４３－１１１１')).toEqual([['phone', '０２８７－４３－１１１１']]);
    expect(found('携帯０９０ー１２３４ー５６７８です')).toEqual([['phone', '０９０ー１２３４ー５６７８']]);
  });

  it('does not take dates, amounts or short codes for phone numbers', () => {
    expect(found('令和6年度の申請期限は2024-04-01、予算額は1234567890円。')).toEqual([]);
    expect(found('受付番号 12-3456-7890、内線 090-123-456')).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('finds an address in running Japanese text', () => {
    expect(found('返信はtaro.yaita+soudan@city.yaita.tochigi.jpまでお願いします。')).toEqual([
      ['email', 'taro.yaita+soudan@city.yaita.tochigi.jp'],
    ]);
  });

  it('finds an address typed with a full-width ＠ and full-width letters', () => {
    expect(found('メール：ｓｕｚｕｋｉ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ（鈴木様）')).toEqual([
      ['email', 'ｓｕｚｕｋｉ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ'],
      ['person-name', '鈴木'],
    ]);
  });

  it('leaves social media handles and addresses without a domain alone', () => {
    expect(found('市の公式アカウント @yaita_city と admin@localhost を参照')).toEqual([]);
  });
});

describe('postal codes', () => {
  it('finds a postal code after 〒, 郵便番号 or 住所', () => {
    expect(found('〒329-2192 栃木県矢板市本町5-4')).toEqual([
      ['postal-code', '329-2192'],
      ['address', '栃木県矢板市本町5-4'],
    ]);
    expect(found('郵便番号：3292192')).toEqual([['postal-code', '3292192']]);
    expect(found('住所 ３２９－２１９２ 矢板市本町')).toEqual([['postal-code', '３２９－２１９２']]);
  });

  it('leaves a 3-4 number without an address nearby alone', () => {
    expect(found('受付番号 329-2192 の件は処理済みです。')).toEqual([]);
  });
});

describe('payment card numbers', () => {
  it('finds card numbers that pass Luhn, with spaces or hyphens', () => {
    expect(found('カード番号 4111 1111 1111 1111 にて決済')).toEqual([
      ['card-number', '4111 1111 1111 1111'],
    ]);
    expect(found('カード 5555-5555-5555-4444')).toEqual([['card-number', '5555-5555-5555-4444']]);
    expect(found('Amex 378282246310005')).toEqual([['card-number', '378282246310005']]);
    const generated = withLuhnDigit('353011133330000'.slice(0, 15));
    expect(found(`JCB ${generated}`)).toEqual([['card-number', generated]]);
  });

  it('leaves a 16-digit number that fails Luhn alone', () => {
    expect(found('カード番号 4111 1111 1111 1112')).toEqual([]);
    expect(found(`伝票番号 ${withWrongLastDigit(withLuhnDigit('411111111111111'))}`)).toEqual([]);
  });
});

describe('bank accounts', () => {
  it('finds a 7-digit account number next to 口座, 普通, 当座 or 支店', () => {
    expect(found('振込先：足利銀行 矢板支店 普通 1234567')).toEqual([['bank-account', '1234567']]);
    expect(found('口座番号：７６５４３２１（当座）')).toEqual([['bank-account', '７６５４３２１']]);
  });

  it('leaves a 7-digit number without those words alone', () => {
    expect(found('整理番号 1234567 の書類を受領しました。')).toEqual([]);
  });

  it('leaves amounts in budget papers alone even after 普通', () => {
    expect(found('普通交付税 1234567千円、普通会計の職員数 1234567人')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    ['生年月日：1985年4月1日', '1985年4月1日'],
    ['生年月日 1985/04/01', '1985/04/01'],
    ['昭和60年4月1日生まれの方', '昭和60年4月1日'],
    ['生年月日：S60.4.1', 'S60.4.1'],
    ['平成元年1月8日生', '平成元年1月8日'],
    ['誕生日は令和2年5月1日です', '令和2年5月1日'],
    ['大正15年12月1日生まれ', '大正15年12月1日'],
    ['生年月日\n㍼60年４月１日', '㍼60年４月１日'],
  ])('finds the date of birth in 「%s」', (text, date) => {
    expect(found(text)).toEqual([['birth-date', date]]);
  });

  it('leaves dates that are not said to be a birth date alone', () => {
    expect(found('この要綱は令和6年4月1日から施行する。申請日 2024/04/01')).toEqual([]);
    expect(found('生年月日：1985年4月1日、申請日：2024年4月1日')).toEqual([['birth-date', '1985年4月1日']]);
    expect(found('4月1日生活保護の相談あり（令和6年4月1日生活福祉課）')).toEqual([]);
  });
});
