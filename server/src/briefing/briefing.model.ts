// A briefing as plain data: what the services gather and the renderer (briefing.html.ts) turns into one HTML page, which
// Chromium also prints as the PDF. Numbers carry the ids of the Source entities behind them; the renderer numbers the
// sources in the order they are first cited and lists them at the end.

export const BRIEFING_KINDS = ['capability', 'technology', 'scenario', 'comparison'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

export const isBriefingKind = (kind: string): kind is BriefingKind => (BRIEFING_KINDS as readonly string[]).includes(kind);

/** The source ids behind a figure shown (Source entities of the map). */
export type Cited = readonly string[];

export interface Cell {
  text: string;
  sources?: Cited;
  /** `risk` marks a bad outcome (a lost capability, a single point of failure), `muted` an unknown. */
  tone?: 'risk' | 'good' | 'muted';
}

export interface TableBlock {
  type: 'table';
  caption: string;
  columns: string[];
  /** Columns holding numbers (right-aligned), by index. */
  numeric?: number[];
  rows: Cell[][];
  /** Shown instead of an empty table: why there is nothing. */
  empty: string;
  /** More rows exist than are shown. */
  omitted?: number;
}

export interface AnalystNote {
  text: string;
  author: string;
  date: string;
  /** What it is about, when the briefing covers several entities. */
  about: string;
  rating: string | null;
  tags: string[];
  references: string[];
}

export type Block =
  | { type: 'paragraph'; text: string; sources?: Cited }
  | { type: 'facts'; items: { label: string; value: string; sources?: Cited }[] }
  | TableBlock
  | { type: 'figure'; caption: string; svg: string; sources?: Cited }
  | { type: 'list'; items: { text: string; sources?: Cited }[]; empty: string }
  | { type: 'notes'; notes: AnalystNote[]; empty: string };

export interface Section {
  /** Anchor id, e.g. "single-points". */
  id: string;
  title: string;
  blocks: Block[];
}

export interface SourceInfo {
  id: string;
  title: string;
  publisher: string | null;
  year: number | null;
  url: string | null;
}

export interface Briefing {
  kind: BriefingKind;
  /** The id as it appears in the URL (for comparisons: the scenario ids joined by commas). */
  id: string;
  title: string;
  subtitle: string;
  generatedAt: Date;
  /** Where the analyst came from, for the "back" link. */
  view: { href: string; label: string };
  sections: Section[];
  /** Every source that may be cited, by id; ids cited but missing here are listed as "not found". */
  sources: ReadonlyMap<string, SourceInfo>;
}
