// A panel about one thing (a signal, an entity, a scenario) starts over when that thing changes, and only then.
// A prop written `subjectId={signal.id}` is re-read each time the parent replaces `signal` (every refresh after a
// save), so an effect that read it directly would start over on each refresh: drafts, edits in progress, the
// "Linked to …" confirmation and the keyboard focus were wiped. The derived value settles that: equal ids do not
// re-run the effect.
import { untrack } from 'svelte';

/** Calls `start(id)` now and whenever `subject()` gives a different id; `start` runs untracked. */
export function onSubjectChange(subject: () => string, start: (id: string) => void): void {
  const current = $derived(subject());
  $effect(() => {
    const id = current;
    untrack(() => start(id));
  });
}
