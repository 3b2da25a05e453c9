import { describe, expect, it } from 'vitest';
import { HAN, hanAndKatakanaRuns, KATAKANA, scriptAt, scriptOfUnit } from '../../utils/pii/scripts';

/** The runs as the text they cover, with their length in characters. */
function runTexts(text: string, runs: { start: number; end: number; characters: number }[]): string[] {
  return runs.map((run) => `${text.slice(run.start, run.end)}:${run.characters}`);
}

describe('the script table the name and address detectors read', () => {
  it('tells kanji, katakana and the marks written inside names apart from kana and punctuation', () => {
    expect(scriptAt('山', 0)).toBe(HAN);
    expect(scriptAt('々', 0)).toBe(HAN);
    expect(scriptAt('〆', 0)).toBe(HAN);
    expect(scriptAt('ー', 0)).toBe(KATAKANA);
    // ヶ is katakana by Unicode and written inside kanji place names (霞ヶ関): both.
    expect(scriptAt('ヶ', 0)).toBe(HAN | KATAKANA);
    expect(scriptAt('・', 0)).toBe(0);
    expect(scriptAt('、', 0)).toBe(0);
    expect(scriptAt('A', 0)).toBe(0);
    expect(scriptAt('の', 0) & (HAN | KATAKANA)).toBe(0);
  });

  it('reads a kanji outside the basic plane (𠮷) as one kanji, and each half of it alone as nothing', () => {
    const text = '𠮷田';
    expect(scriptAt(text, 0)).toBe(HAN);
    expect(scriptOfUnit(text.charCodeAt(0))).toBe(0);
    expect(scriptOfUnit(text.charCodeAt(1))).toBe(0);
    expect(scriptAt('\ud842', 0)).toBe(0);
  });

  it('finds every whole run of kanji and of katakana in one pass, counting characters, not code units', () => {
    const text = '𠮷田 太郎さんはヤマダ・タロウ、霞ヶ関1-2';
    const { han, katakana } = hanAndKatakanaRuns(text);
    expect(runTexts(text, han)).toEqual(['𠮷田:2', '太郎:2', '霞ヶ関:3']);
    expect(runTexts(text, katakana)).toEqual(['ヤマダ:3', 'タロウ:3', 'ヶ:1']);
  });
});
