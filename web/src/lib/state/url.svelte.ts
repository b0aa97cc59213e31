// The URL as reactive application state. Read once on load; written with pushState for moves an analyst may
// want to step back from (opening another entity, another view) and replaceState for adjustments (typing,
// filters, depth). Back/forward re-read the URL and tell the views, which redraw to match.
import { DEFAULT_STATE, formatUrlState, parseUrlState, sameUrlState, type AtlasUrlState } from './url-codec';

export * from './url-codec';

export type HistoryMode = 'push' | 'replace';
type Listener = (state: AtlasUrlState) => void;

export class UrlState {
  /** The current state; replaced (never mutated) on every change, so `$derived`s of it stay cheap. */
  current = $state.raw<AtlasUrlState>(DEFAULT_STATE);
  #listeners = new Set<Listener>();
  #window: Window | undefined;

  constructor(win: Window | undefined = typeof window === 'undefined' ? undefined : window) {
    this.#window = win;
    if (!win) return;
    this.current = parseUrlState(win.location.search);
    // Normalise a hand-edited or legacy link (bad depth, unknown kinds) without adding a history entry.
    this.#write('replace');
    win.addEventListener('popstate', () => {
      this.current = parseUrlState(win.location.search);
      for (const listener of this.#listeners) listener(this.current);
    });
  }

  /** Changes part of the state and writes it to the address bar. No-op when nothing changes. */
  update(patch: Partial<AtlasUrlState>, mode: HistoryMode = 'replace'): void {
    const next = { ...this.current, ...patch };
    if (sameUrlState(next, this.current)) return;
    this.current = next;
    this.#write(mode);
  }

  /**
   * Moves to another view (or another entity in one): starts from the defaults, as the link's own href does, so
   * nothing the previous view kept in the URL (its open capability, its filters) leaks into the next one.
   */
  go(patch: Partial<AtlasUrlState>): void {
    const next = { ...DEFAULT_STATE, ...patch };
    if (sameUrlState(next, this.current)) return;
    this.current = next;
    this.#write('push');
  }

  /** Called after back/forward changed the URL; returns the unsubscribe function (use in $effect). */
  onnavigate(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The shareable link for the current state. */
  get href(): string {
    if (!this.#window) return formatUrlState(this.current);
    const { origin, pathname } = this.#window.location;
    return `${origin}${pathname}${formatUrlState(this.current)}`;
  }

  #write(mode: HistoryMode): void {
    const win = this.#window;
    if (!win) return;
    const url = `${win.location.pathname}${formatUrlState(this.current)}${win.location.hash}`;
    if (url === `${win.location.pathname}${win.location.search}${win.location.hash}`) return;
    if (mode === 'push') win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  }
}

/** The one URL state of the page, shared by the shell and every view. */
export const url = new UrlState();
