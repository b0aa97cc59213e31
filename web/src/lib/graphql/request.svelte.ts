// One thing a view loads: its status, its error and the request in flight. A new request aborts the one before, and
// an aborted or replaced request changes nothing, so a slow old answer never overwrites a newer one.
import { isAbort } from './client';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

export class Request {
  status = $state<Status>('idle');
  error = $state.raw<unknown>(null);
  #controller: AbortController | null = null;

  /** `initial` 'loading' for what starts loading as soon as it is shown (no flash of "nothing here"). */
  constructor(initial: Status = 'idle') {
    this.status = initial;
  }

  /**
   * Runs `load` with a fresh abort signal; `done` gets the answer unless a newer request or an abort came first.
   * `quiet` (a refresh of what is shown) keeps status and error as they are until the answer: no spinner, no flash.
   */
  async run<T>(load: (signal: AbortSignal) => Promise<T>, done: (value: T) => void, { quiet = false } = {}): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    if (!quiet) {
      this.status = 'loading';
      this.error = null;
    }
    try {
      const value = await load(controller.signal);
      if (controller.signal.aborted) return;
      done(value);
      this.error = null;
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
  }

  /** Abandons the request in flight (its answer will be ignored); status and error stay. */
  abort(): void {
    this.#controller?.abort();
    this.#controller = null;
  }

  /** Abandons the request in flight and shows nothing: back to idle. */
  reset(): void {
    this.abort();
    this.status = 'idle';
    this.error = null;
  }

  /** Shows the failure of an action on what was loaded, in its place (until the next request). */
  fail(error: unknown): void {
    this.abort();
    this.error = error;
    this.status = 'error';
  }

  /** Shows an answer that came some other way (e.g. with another request): ready, and any request in flight dropped. */
  settle(): void {
    this.abort();
    this.status = 'ready';
    this.error = null;
  }
}
