// The header bell's unread count, shared by the bell and the notification centre (which refreshes it after marking
// read). It is re-read on every navigation and every POLL_MS while someone is signed in: notifications are raised by
// other analysts' changes, which this page cannot otherwise hear of.
import { Request } from '../graphql/request.svelte';
import { notificationCounts } from './watch.api';

/** How often the count is re-read while the page is open: a minute is soon enough for "someone linked a signal". */
export const POLL_MS = 60_000;

class Bell {
  unread = $state(0);
  total = $state(0);
  readonly request = new Request();

  refresh(): Promise<void> {
    return this.request.run(
      (signal) => notificationCounts(signal),
      (counts) => {
        this.unread = counts.unread;
        this.total = counts.total;
      },
    );
  }

  /** After the centre marked some read: the answer of the mutation is the new count. */
  set(counts: { unread: number; total: number }): void {
    this.request.settle();
    this.unread = counts.unread;
    this.total = counts.total;
  }

  clear(): void {
    this.request.reset();
    this.unread = 0;
    this.total = 0;
  }
}

export const bell = new Bell();
