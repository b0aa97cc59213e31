// The Atlas's shareable state, as a query string: ?view=explorer&focus=tech:facial-recognition&depth=2&kinds=Technology,Capability&q=facial
// Pure parse/format, so the rules are unit-tested (tests/web/elements.test.ts); url.svelte.ts wires them to the browser.
import { ENTITY_KINDS, isEntityKind, type EntityKind } from '../graphql/types';

export const DEFAULT_VIEW = 'explorer';
export const MIN_DEPTH = 1;
export const MAX_DEPTH = 3;

export type Depth = 1 | 2 | 3;

export interface AtlasUrlState {
  /** Which view is open: explorer, dependencies, scenarios, signals… */
  view: string;
  /** The entity in focus (selected), e.g. "tech:facial-recognition"; null when none. */
  focus: string | null;
  /** How many links out from the focus the map reaches. */
  depth: Depth;
  /** The kinds shown on the map; null means every kind. */
  kinds: EntityKind[] | null;
  /** The search text. */
  q: string;
  /** A second selection inside the focus, e.g. the chosen node of a dependency graph (?select=mat:gallium). */
  select?: string | null;
  /** Explorer: the entity the map was drawn around, when the analyst has since chosen another (focus). */
  centre?: string | null;
  /** Dependency view: the deepest level shown (absent: all levels). */
  levels?: number | null;
  /** Dependency view: only critical dependencies and the paths to them. */
  critical?: boolean;
  /** Entities opened on the map: the Explorer's expanded entities, the dependency view's opened supplier groups. */
  open?: string[];
  /** The tab of a view with several drawings, e.g. the dependency view's "flow" (absent: its first tab). */
  tab?: string | null;
  /** Explorer: link types hidden from the map, e.g. ["IN_KET_AREA"]. */
  hideLinks?: string[];
  /** Explorer: the layout chosen instead of the default. */
  layout?: string | null;
  /** Explorer: focus mode (fade all but the chosen entity's neighbours). */
  focusMode?: boolean;
  /** Radar: the ring rule, sector rule and size measure chosen instead of the defaults (e.g. "trl", "domain", "criticality"). */
  rings?: string | null;
  sectors?: string | null;
  size?: string | null;
  /** Radar: show movement since this day (YYYY-MM-DD). */
  since?: string | null;
  /** Radar: the filters, as ids (cap:…, case:…, ket:…) and "domain:<words-with-dashes>". */
  filter?: string[];
}

export const DEFAULT_STATE: AtlasUrlState = { view: DEFAULT_VIEW, focus: null, depth: 1, kinds: null, q: '' };

function parseDepth(raw: string | null): Depth {
  const n = Number(raw);
  if (!Number.isInteger(n)) return 1;
  return Math.min(MAX_DEPTH, Math.max(MIN_DEPTH, n)) as Depth;
}

/** Reads a query string (with or without the leading "?"). Anything malformed falls back to the default. */
export function parseUrlState(search: string): AtlasUrlState {
  const params = new URLSearchParams(search);
  const view = params.get('view')?.trim().toLowerCase();
  const focus = params.get('focus')?.trim();
  const select = params.get('select')?.trim();
  const kindsRaw = params.get('kinds');
  const kinds =
    kindsRaw === null
      ? null
      : // Keep the schema's order and drop unknown or repeated kinds, so equal filters give equal URLs.
        ENTITY_KINDS.filter((k) =>
          kindsRaw
            .split(',')
            .map((s) => s.trim())
            .filter(isEntityKind)
            .includes(k),
        );
  return {
    view: view && /^[a-z][a-z0-9-]*$/.test(view) ? view : DEFAULT_VIEW,
    focus: focus ? focus : null,
    depth: parseDepth(params.get('depth')),
    kinds: kinds && kinds.length === ENTITY_KINDS.length ? null : kinds,
    q: (params.get('q') ?? '').slice(0, 200),
    ...(select ? { select } : {}),
    ...parseExtras(params),
  };
}

const LIST_ITEM = /^[A-Za-z0-9_:.-]{1,120}$/;
/** A comma-separated list of ids or type names; anything else is dropped, duplicates too, at most 200 items. */
function parseList(raw: string | null): string[] | undefined {
  if (raw === null) return undefined;
  const items = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => LIST_ITEM.test(s)),
    ),
  ].slice(0, 200);
  return items.length ? items : undefined;
}

function parseExtras(params: URLSearchParams): Partial<AtlasUrlState> {
  const extras: Partial<AtlasUrlState> = {};
  const centre = params.get('centre')?.trim();
  if (centre && LIST_ITEM.test(centre)) extras.centre = centre;
  const levels = Number(params.get('levels'));
  if (params.has('levels') && Number.isInteger(levels) && levels >= 1 && levels <= 20) extras.levels = levels;
  if (params.get('critical') === '1') extras.critical = true;
  const open = parseList(params.get('open'));
  if (open) extras.open = open;
  const tab = params.get('tab')?.trim().toLowerCase();
  if (tab && /^[a-z][a-z0-9-]{0,30}$/.test(tab)) extras.tab = tab;
  const hideLinks = parseList(params.get('hide'));
  if (hideLinks) extras.hideLinks = [...hideLinks].sort();
  const layout = params.get('layout')?.trim().toLowerCase();
  if (layout && /^[a-z][a-z0-9-]{0,30}$/.test(layout)) extras.layout = layout;
  if (params.get('fm') === '1') extras.focusMode = true;
  for (const key of ['rings', 'sectors', 'size'] as const) {
    const value = params.get(key)?.trim().toLowerCase();
    if (value && /^[a-z][a-z0-9-]{0,30}$/.test(value)) extras[key] = value;
  }
  const since = params.get('since')?.trim();
  if (since && /^\d{4}-\d{2}-\d{2}$/.test(since)) extras.since = since;
  const filter = parseList(params.get('filter'));
  if (filter) extras.filter = [...filter].sort();
  return extras;
}

// Ids contain ":" and kind lists ","; both are legal in a query string, and links stay readable unescaped.
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%20/g, '+');
}

/** Writes the state as a query string ("" when everything is default), omitting defaults so links stay short. */
export function formatUrlState(state: AtlasUrlState): string {
  const parts: string[] = [];
  if (state.view !== DEFAULT_VIEW) parts.push(`view=${encode(state.view)}`);
  if (state.focus) parts.push(`focus=${encode(state.focus)}`);
  if (state.depth !== 1) parts.push(`depth=${state.depth}`);
  if (state.kinds !== null && state.kinds.length < ENTITY_KINDS.length) parts.push(`kinds=${encode(state.kinds.join(','))}`);
  if (state.q) parts.push(`q=${encode(state.q)}`);
  if (state.select) parts.push(`select=${encode(state.select)}`);
  if (state.centre) parts.push(`centre=${encode(state.centre)}`);
  if (state.levels) parts.push(`levels=${state.levels}`);
  if (state.critical) parts.push('critical=1');
  if (state.open?.length) parts.push(`open=${encode(state.open.join(','))}`);
  if (state.tab) parts.push(`tab=${encode(state.tab)}`);
  if (state.hideLinks?.length) parts.push(`hide=${encode([...state.hideLinks].sort().join(','))}`);
  if (state.layout) parts.push(`layout=${encode(state.layout)}`);
  if (state.focusMode) parts.push('fm=1');
  for (const key of ['rings', 'sectors', 'size', 'since'] as const) if (state[key]) parts.push(`${key}=${encode(state[key]!)}`);
  if (state.filter?.length) parts.push(`filter=${encode([...state.filter].sort().join(','))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function sameUrlState(a: AtlasUrlState, b: AtlasUrlState): boolean {
  return formatUrlState(a) === formatUrlState(b);
}

/** The state of another view: what the views share (focus, selection, depth, kinds, search) carries over, the
 * settings of one view (levels, opened entities, tab, hidden links, layout, focus mode) do not. */
export function switchView(state: AtlasUrlState, view: string): AtlasUrlState {
  const {
    centre: _e,
    levels: _l,
    critical: _c,
    open: _o,
    tab: _t,
    hideLinks: _h,
    layout: _y,
    focusMode: _f,
    rings: _r,
    sectors: _s,
    size: _z,
    since: _n,
    filter: _i,
    ...shared
  } = state;
  return { ...shared, view };
}
