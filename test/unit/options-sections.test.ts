import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { translatorFor } from '../../utils/i18n';
import { SETTING_LEAVES } from '../../utils/policy/leaves';
import { searchSettings } from '../../utils/settings/search';
import { leavesOf, PLACEMENTS, SECTION_IDS, settingLabel } from '../../utils/settings/sections';

const catalogue = { ja, en } as Record<'ja' | 'en', Record<string, { message: string } | undefined>>;

describe('every setting of the schema has a place on the options page', () => {
  it.each(SETTING_LEAVES.map((leaf) => leaf.path))(
    '%s has a section and a name in Japanese and English',
    (path) => {
      const placement = PLACEMENTS[path];
      expect(placement, `${path} has no section in utils/settings/sections.ts`).toBeDefined();
      expect(SECTION_IDS).toContain(placement?.section);
      for (const language of ['ja', 'en'] as const) {
        for (const key of [placement?.label, placement?.labelArg].filter(Boolean) as string[]) {
          expect(catalogue[language][key]?.message.trim(), `${key} missing in ${language}`).toBeTruthy();
        }
      }
    },
  );

  it('places nothing that is not a setting (a renamed key fails here)', () => {
    const leaves = new Set(SETTING_LEAVES.map((leaf) => leaf.path));
    expect(Object.keys(PLACEMENTS).filter((path) => !leaves.has(path))).toEqual([]);
  });

  it('gives every section a title in both languages', () => {
    for (const section of SECTION_IDS) {
      expect(ja[`section_${section}` as keyof typeof ja]?.message).toBeTruthy();
      expect(en[`section_${section}` as keyof typeof en]?.message).toBeTruthy();
    }
  });

  it('keeps the technical gateway settings in the admin part, and the staff ones in plain view', () => {
    const connection = leavesOf('connection');
    const admin = connection.filter((leaf) => PLACEMENTS[leaf.path]?.admin).map((leaf) => leaf.path);
    expect(admin).toEqual(
      expect.arrayContaining(['gateway.auth.header', 'gateway.auth.scheme', 'gateway.apiFormat']),
    );
    expect(admin).not.toContain('apiKey');
    expect(admin).not.toContain('gateway.baseUrl');
  });

  it('names per-action settings after the action, in the UI language', () => {
    expect(settingLabel('actions.proofread.enabled', translatorFor('ja'))).toBe('「校正する」を使える');
    expect(settingLabel('usage.minutesSaved.translate', translatorFor('en'))).toContain('Translate');
  });
});

describe('searching the settings', () => {
  const paths = (query: string) => searchSettings(query).map((match) => match.path);

  it('finds a setting by a Japanese word of its name', () => {
    expect(paths('個人情報')).toContain('pii.mode');
    expect(paths('個人情報')[0]).toBe('pii.mode');
  });

  it('finds the same setting by an English word, whatever the UI language', () => {
    expect(paths('personal data')).toContain('pii.mode');
    expect(paths('retention')).toEqual(['history.retentionDays']);
  });

  it('matches full-width letters and the description, names first', () => {
    expect(paths('ＡＰＩキー')[0]).toBe('apiKey');
    // 「マッチパターン」 is only in the description of the blocked sites.
    expect(paths('マッチパターン')).toEqual(['sites.blocked']);
  });

  it('requires every word and returns nothing for an empty query or an unknown word', () => {
    expect(paths('')).toEqual([]);
    expect(paths('履歴 日数')).toEqual(['history.retentionDays']);
    expect(paths('宇宙船')).toEqual([]);
  });

  it('tells which results are admin settings, so the page can open that part', () => {
    expect(searchSettings('Bearer').map((match) => [match.path, match.admin])).toContainEqual([
      'gateway.auth.scheme',
      true,
    ]);
  });
});
