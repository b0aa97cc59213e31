import { describe, expect, it } from 'vitest';
import { isEmerging, signalTrend } from './signal.analysis.js';

describe('the emerging rule', () => {
  it('needs at least 3 recent signals and twice the previous window', () => {
    expect(isEmerging(3, 0)).toBe(true);
    expect(isEmerging(2, 0)).toBe(false);
    expect(isEmerging(4, 2)).toBe(true);
    expect(isEmerging(5, 3)).toBe(false);
    expect(isEmerging(6, 3)).toBe(true);
  });
});

describe('signals over time', () => {
  // As of 2026-11-15: recent window Jun–Nov 2026, previous window Dec 2025–May 2026.
  const asOf = '2026-11-15';

  it('counts per month, zero-filled from the start of the previous window to the as-of month', () => {
    const trend = signalTrend(['2026-11-02', '2026-09-30', '2026-09-01', '2026-01-10'], asOf);
    expect(trend.months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(trend.months.map((m) => m.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1]);
    expect(trend).toMatchObject({ recentCount: 3, previousCount: 1, emerging: true });
  });

  it('is not emerging when the pace is steady', () => {
    const trend = signalTrend(['2026-10-01', '2026-08-01', '2026-07-01', '2026-05-01', '2026-03-01'], asOf);
    // Recent: Oct, Aug, Jul = 3; previous: May, Mar = 2; 3 < 2 × 2.
    expect(trend).toMatchObject({ recentCount: 3, previousCount: 2, emerging: false });
  });

  it('starts at the first signal when older, and ignores days after as-of and missing days', () => {
    const trend = signalTrend(['2024-02-29', '2026-12-01', null, '2026-11-15'], asOf);
    expect(trend.months[0]).toEqual({ month: '2024-02', count: 1 });
    expect(trend.months).toHaveLength(34);
    expect(trend.months.at(-1)).toEqual({ month: '2026-11', count: 1 });
    expect(trend).toMatchObject({ recentCount: 1, previousCount: 0, emerging: false });
  });

  it('handles a window across a year boundary', () => {
    const trend = signalTrend(['2026-01-31', '2025-12-01', '2025-08-05', '2025-07-31'], '2026-01-31');
    // Recent: Aug 2025–Jan 2026 → 3; previous: Feb–Jul 2025 → 1.
    expect(trend).toMatchObject({ recentCount: 3, previousCount: 1, emerging: true });
  });
});
