// The colleagues to mention or assign, loaded once per page and shared by every thread and assign form on it.
import { Request } from '../graphql/request.svelte';
import { loadColleagues, type Colleague } from './discussion.api';

class Colleagues {
  list = $state.raw<Colleague[]>([]);
  request = new Request();

  /** Loads the list the first time it is needed (and again after a failure). */
  ensure(): void {
    if (this.request.status === 'ready' || this.request.status === 'loading') return;
    void this.request.run(
      (signal) => loadColleagues({ signal }),
      (list) => (this.list = list),
    );
  }

  /** Who fits what was typed after "@": handles starting with it first, then names with a word starting with it. */
  matching(typed: string, limit = 6): Colleague[] {
    const q = typed.toLowerCase();
    const byHandle = this.list.filter((c) => c.handle.startsWith(q));
    const byName = this.list.filter(
      (c) =>
        !byHandle.includes(c) &&
        c.name
          .toLowerCase()
          .split(/\s+/)
          .some((w) => w.startsWith(q)),
    );
    return [...byHandle, ...byName].slice(0, limit);
  }
}

export const colleagues = new Colleagues();
