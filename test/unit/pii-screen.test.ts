import { describe, expect, it } from 'vitest';
import { type PiiConfig, screenText } from '../../utils/pii/screen';

const record = [
  '【取扱注意】窓口の記録（市民課）',
  '来庁者：矢板 花子様　生年月日：昭和60年4月1日',
  '個人番号 1234 5678 9018 を確認。連絡先 090-1234-5678',
  '勤務先：株式会社たたき台（法人番号 7000012050002）',
  '住民番号 Ｊ１２３４５６７８ で照会済み',
].join('\n');

function config(mode: PiiConfig['mode'], extra: Partial<PiiConfig> = {}): PiiConfig {
  return { mode, bannedTerms: ['取扱注意'], custom: [{ name: '住民番号', pattern: 'J\\d{8}' }], ...extra };
}

describe('what each mode decides', () => {
  it('finds nothing at all when screening is off', () => {
    expect(screenText(record, config('off'))).toEqual({
      mode: 'off',
      decision: 'send',
      findings: [],
      actionable: [],
      patternProblems: [],
    });
  });

  it('asks the user to review in warn mode, redacts in redact mode and stops in block mode', () => {
    expect(screenText(record, config('warn')).decision).toBe('review');
    expect(screenText(record, config('redact')).decision).toBe('redact');
    expect(screenText(record, config('block')).decision).toBe('block');
  });

  it('lists every finding in text order, but acts only on the ones that are not public', () => {
    const screening = screenText(record, config('block'));
    expect(screening.findings.map((finding) => [finding.detector, finding.text])).toEqual([
      ['banned-term', '取扱注意'],
      ['person-name', '矢板 花子'],
      ['birth-date', '昭和60年4月1日'],
      ['my-number', '1234 5678 9018'],
      ['phone', '090-1234-5678'],
      ['corporate-number', '7000012050002'],
      ['custom', 'Ｊ１２３４５６７８'],
    ]);
    expect(screening.actionable.map((finding) => finding.detector)).not.toContain('corporate-number');
    expect(screening.actionable).toHaveLength(6);
  });

  it('sends a text whose only finding is a 法人番号, even in block mode', () => {
    const screening = screenText('契約の相手方：法人番号 7000012050002', config('block'));
    expect(screening.findings).toHaveLength(1);
    expect(screening.actionable).toEqual([]);
    expect(screening.decision).toBe('send');
  });

  it('sends an ordinary notice without bothering the user', () => {
    const notice =
      '市民の皆様へ：令和6年度の住民税の申告は3月15日までです。詳しくは市ホームページをご覧ください。';
    expect(screenText(notice, config('block'))).toMatchObject({ decision: 'send', findings: [] });
  });

  it('labels findings in both languages, the custom ones with the admin’s name', () => {
    const labels = screenText(record, config('warn')).findings.map((finding) => finding.label);
    expect(labels).toContainEqual({ ja: 'マイナンバー', en: 'Individual Number (My Number)' });
    expect(labels).toContainEqual({ ja: '住民番号', en: '住民番号' });
  });
});

describe('overlapping findings', () => {
  it('reports a phone number used as a mail address once, as the address', () => {
    const findings = screenText('携帯メール 09012345678@docomo.ne.jp', config('warn')).findings;
    expect(findings.map((finding) => [finding.detector, finding.text])).toEqual([
      ['email', '09012345678@docomo.ne.jp'],
    ]);
  });

  it('reports a banned term listed twice only once per place', () => {
    const findings = screenText(
      '取扱注意の資料です',
      config('warn', { bannedTerms: ['取扱注意', '取扱注意', ''] }),
    ).findings;
    expect(findings.map((finding) => [finding.start, finding.end])).toEqual([[0, 4]]);
  });

  it('never hides a custom finding behind a longer public 法人番号', () => {
    const custom = [{ name: '取引先コード', pattern: '0000120' }];
    const findings = screenText('法人番号 7000012050002', config('warn', { custom })).findings;
    expect(findings.map((finding) => finding.detector)).toEqual(['custom']);
  });
});

describe('banned terms', () => {
  it('finds 取扱注意 and 秘, also written as the circled ㊙ or in full width', () => {
    const text = '㊙ 人事異動案（ＣＯＮＦＩＤＥＮＴＩＡＬ）';
    const findings = screenText(text, config('warn', { bannedTerms: ['秘', 'CONFIDENTIAL'] })).findings;
    expect(findings.map((finding) => finding.text)).toEqual(['㊙', 'ＣＯＮＦＩＤＥＮＴＩＡＬ']);
  });
  it('highlights a term typed in half-width kana with its sound marks, which change length when read', () => {
    const text = '職員用ﾏﾆｭｱﾙ（ｶﾞｲﾄﾞﾗｲﾝ）を添付';
    const findings = screenText(text, config('warn', { bannedTerms: ['ガイド'] })).findings;
    expect(findings.map((finding) => finding.text)).toEqual(['ｶﾞｲﾄﾞ']);
  });
});

describe('custom patterns from the policy', () => {
  it('reports a pattern that is not a regular expression instead of failing, and still runs the others', () => {
    const custom = [
      { name: '壊れたパターン', pattern: '([' },
      { name: '住民番号', pattern: 'J\\d{8}' },
    ];
    const screening = screenText(record, config('warn', { custom }));
    expect(screening.patternProblems).toEqual([
      expect.objectContaining({ name: '壊れたパターン', pattern: '([', kind: 'invalid' }),
    ]);
    expect(screening.findings.some((finding) => finding.detector === 'custom')).toBe(true);
  });

  it('refuses a pattern that could freeze the browser and returns at once on hostile text', () => {
    const custom = [{ name: '危険', pattern: '(a+)+$' }];
    // Long enough to freeze the tab for seconds if the pattern ran; the test's own timeout catches a hang.
    const longRecord = `${record}\n`.repeat(2000);
    const hostile = `${longRecord}${'a'.repeat(28)}b`;
    const screening = screenText(hostile, config('warn', { custom }));
    expect(screening.patternProblems).toEqual([{ name: '危険', pattern: '(a+)+$', kind: 'unsafe' }]);
  });

  it.each(['(a|aa)+$', '(\\d*-?)*x', '(.*a){12}', '\\d+\\d+\\d+x'])('refuses %s', (pattern) => {
    const screening = screenText('a', config('warn', { custom: [{ name: 'p', pattern }] }));
    expect(screening.patternProblems.map((problem) => problem.kind)).toEqual(['unsafe']);
  });

  it('keeps sensible patterns an admin would write', () => {
    const custom = [
      { name: '宛名番号', pattern: '宛名番号\\s*\\d+' },
      { name: '保険証', pattern: '(\\d{3}-){2}\\d{4}' },
      { name: '記号', pattern: '[A-Z]+-\\d+-\\d+' },
    ];
    const text = '宛名番号 00123 / 保険証 123-456-7890 / 記号 AB-12-345';
    const screening = screenText(text, config('warn', { custom, bannedTerms: [] }));
    expect(screening.patternProblems).toEqual([]);
    expect(screening.findings.map((finding) => finding.text)).toEqual([
      '宛名番号 00123',
      '123-456-7890',
      'AB-12-345',
    ]);
  });

  it('stops a slow pattern when its time is up and says the text was not fully checked', () => {
    let clock = 0;
    const now = () => {
      clock += 60;
      return clock;
    };
    const custom = [{ name: '遅いパターン', pattern: '.*.*=' }];
    const text = '記録\n'.repeat(100);
    const screening = screenText(text, config('warn', { custom }), { budgetMs: 100, now });
    expect(screening.patternProblems).toEqual([
      { name: '遅いパターン', pattern: '.*.*=', kind: 'timed-out' },
    ]);
  });

  it('does not loop on a pattern that matches the empty string', () => {
    const screening = screenText(
      '窓口 J12345678',
      config('warn', { custom: [{ name: '空', pattern: 'x*' }] }),
    );
    expect(screening.findings.filter((finding) => finding.detector === 'custom')).toEqual([]);
  });
});

describe('hostile text', () => {
  const hostile: [string, string][] = [
    ['a long run of digits', '1'.repeat(200_000)],
    ['digits and spaces', '1 '.repeat(100_000)],
    ['digits and hyphens', '1-'.repeat(100_000)],
    ['a long word', 'a'.repeat(200_000)],
    ['at signs', 'a@'.repeat(100_000)],
    ['full-width digits and dashes', '１２３４－'.repeat(40_000)],
    ['combining marks', 'か\u3099'.repeat(100_000)],
    ['zero-width spaces between digits', '0\u200b'.repeat(100_000)],
    ['era names without dates', '生年月日 昭和1年1月'.repeat(20_000)],
    ['open brackets and parentheses', '[(+81 '.repeat(40_000)],
  ];

  it.each(hostile)('screens 200 KB of %s without hanging', { timeout: 5000 }, (_name, text) => {
    const screening = screenText(text, config('block'));
    expect(Array.isArray(screening.findings)).toBe(true);
  });

  it('still finds a phone number hidden with bidi controls and soft hyphens', () => {
    const text = '連絡先\u202e090\u00ad1234\u00ad5678\u202c まで';
    const [finding] = screenText(text, config('warn')).findings;
    expect(finding?.detector).toBe('phone');
    expect(finding?.text).toBe('090\u00ad1234\u00ad5678');
  });

  it('does not break on lone surrogates and emoji around a number', () => {
    const text = '\ud800😀📞090-1234-5678\udfff';
    const [finding] = screenText(text, config('warn')).findings;
    expect(finding?.text).toBe('090-1234-5678');
  });
});
