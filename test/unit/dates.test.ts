import { describe, expect, it } from 'vitest';
import { fileStamp, formatDay, momentFormat } from '../../utils/dates';

describe('dates as staff read them', () => {
  it('writes a tip’s day in Japanese style, and in English for the English UI', () => {
    expect(formatDay('2025-11-25', 'ja')).toBe('2025年11月25日');
    expect(formatDay('2025-11-25', 'en')).toBe('25 November 2025');
    expect(formatDay('来週', 'ja')).toBe('来週');
  });

  it('names export files in the PC’s local time, not UTC', () => {
    // 17:32 on the PC, whatever its zone: the stamp says 1732.
    expect(fileStamp(new Date(2025, 10, 25, 17, 32))).toBe('20251125-1732');
  });

  it('shows a moment with the year, month and day in kanji', () => {
    expect(momentFormat('ja').format(new Date(2025, 5, 2, 9, 30))).toBe('2025年6月2日 9:30');
  });
});
