// Pure analysis of a technology's signals over time: counts per month and the "emerging" rule.
// No GraphQL, no I/O; unit-tested in signal.analysis.test.ts and documented in docs/signals.md.

export interface EmergingRule {
  windowMonths: number;
  factor: number;
  minimumSignals: number;
}

/** The emerging rule's parameters, named so the docs and the API can state them. */
export const EMERGING_RULE: EmergingRule = {
  /** Length of each of the two windows compared, in calendar months. */
  windowMonths: 6,
  /** The recent window must have at least this many times the previous window's count… */
  factor: 2,
  /** …and at least this many signals. */
  minimumSignals: 3,
};

export const EMERGING_RULE_TEXT =
  `Emerging when the last ${EMERGING_RULE.windowMonths} calendar months (the as-of month included) hold at least ` +
  `${EMERGING_RULE.minimumSignals} signals and at least ${EMERGING_RULE.factor}× as many as the ${EMERGING_RULE.windowMonths} months before.`;

export interface MonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}

export interface SignalTrend {
  asOf: string;
  months: MonthCount[];
  recentCount: number;
  previousCount: number;
  emerging: boolean;
  rule: string;
}

/** "2024-05-17" → months since year 0, so windows are plain integer ranges. */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function monthLabel(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The rule alone: recent ≥ minimum and recent ≥ factor × previous. */
export function isEmerging(recentCount: number, previousCount: number, rule: EmergingRule = EMERGING_RULE): boolean {
  return recentCount >= rule.minimumSignals && recentCount >= rule.factor * previousCount;
}

/** The longest month list a trend returns: older signals still count in no window, so only the list is cut. */
export const MAX_TREND_MONTHS = 240;

/**
 * Counts per month from the first signal's month (at most MAX_TREND_MONTHS back) (or the start of the two windows, whichever is earlier) to the
 * as-of month, zero-filled, and the emerging flag. Days after asOf are ignored (not yet happened as of then).
 */
export function signalTrend(days: readonly (string | null | undefined)[], asOf: string, rule: EmergingRule = EMERGING_RULE): SignalTrend {
  const end = monthIndex(asOf);
  const recentStart = end - rule.windowMonths + 1;
  const previousStart = recentStart - rule.windowMonths;
  const counts = new Map<number, number>();
  for (const day of days) {
    if (!day || day > asOf) continue;
    const index = monthIndex(day);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const first = Math.max(end - MAX_TREND_MONTHS + 1, Math.min(previousStart, ...counts.keys()));
  const months: MonthCount[] = [];
  for (let index = first; index <= end; index++) months.push({ month: monthLabel(index), count: counts.get(index) ?? 0 });
  const sum = (from: number, to: number) => months.filter((_, i) => first + i >= from && first + i <= to).reduce((n, m) => n + m.count, 0);
  const recentCount = sum(recentStart, end);
  const previousCount = sum(previousStart, recentStart - 1);
  return { asOf, months, recentCount, previousCount, emerging: isEmerging(recentCount, previousCount, rule), rule: EMERGING_RULE_TEXT };
}
