import { describe, expect, it } from 'vitest';
import { recurrenceDays } from './recurrence';

describe('recurrenceDays', () => {
  it.each<[string, number | null]>([
    // English
    ['Weekly on Thursday', 7],
    ['Weekly on Monday, Thursday', 7],
    ['Every 2 weeks on Friday', 14],
    ['Every 3 weeks on Tuesday, until Dec 31, 2026', 21],
    ['Daily', 1],
    ['Every weekday (Monday to Friday)', 1],
    ['Every 3 days', 3],
    ['Monthly on the second Tuesday', 30],
    ['Monthly on day 12', 30],
    ['Every 2 months on the first Monday', 60],
    ['Annually on June 12', 365],
    ['Weekly on Thursday, 10 times', 7],
    // German
    ['Wöchentlich am Donnerstag', 7],
    ['Alle 2 Wochen am Dienstag', 14],
    ['Täglich', 1],
    ['Alle 3 Tage', 3],
    ['Jeden Werktag (Montag bis Freitag)', 1],
    ['Monatlich am zweiten Dienstag', 30],
    ['Jährlich am 12. Juni', 365],
    // Japanese
    ['毎週 火曜日', 7],
    ['毎週木曜日', 7],
    ['2 週間ごとの 金曜日', 14],
    ['毎日', 1],
    ['3 日ごと', 3],
    ['毎月 第 2 火曜日', 30],
    ['毎月 12 日', 30],
    ['毎年 6 月 12 日', 365],
    // Not a recurrence line (the date line), or a language not covered
    ['Thursday, June 12⋅3:00 – 3:30pm', null],
    ['Dienstag, 10. Juni⋅14:00–14:30', null],
    ['6月10日 (火曜日)⋅14:00～14:30', null],
    ['Hebdomadaire le jeudi', null],
    ['', null],
  ])('%j → %s', (line, days) => {
    expect(recurrenceDays(line)).toBe(days);
  });
});
