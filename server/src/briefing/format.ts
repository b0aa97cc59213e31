// How briefings print values: shares as whole percentages, unknowns as "unknown" (never 0), dates as YYYY-MM-DD.
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? 'unknown' : `${Math.round(x * 100)}%`);
export const signedPct = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(Math.round(x * 1000) / 10)} pts`;
export const dateOf = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 10) : '');
