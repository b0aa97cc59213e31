// The details panel's channel of the Explorer: what is shown, whether it is loading or failed, and a cache so
// going back to an entity already read costs no request.
import { isAbort } from '../../lib/graphql/client';
import type { EntityDetails, MapEntity } from '../../lib/graphql/types';
import { loadDetails } from './explorer.api';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

export class DetailsChannel {
  current = $state.raw<EntityDetails | null>(null);
  status = $state<Status>('idle');
  error = $state.raw<unknown>(null);

  #cache = new Map<string, EntityDetails>();
  #abort: AbortController | null = null;
  #retry: (() => void) | null = null;

  /** Shows details that came with another request (a neighbourhood carries its centre's). */
  set(entity: EntityDetails): void {
    this.#cache.set(entity.id, entity);
    this.#abort?.abort();
    this.current = entity;
    this.status = 'ready';
    this.error = null;
  }

  /** Shows an entity's details, from the cache or the API; `known` is shown while the rest loads. */
  show(known: MapEntity): void {
    const cached = this.#cache.get(known.id);
    if (cached) this.set(cached);
    else void this.#fetch(known);
  }

  clear(): void {
    this.#abort?.abort();
    this.current = null;
    this.status = 'idle';
    this.error = null;
  }

  retry(): void {
    this.#retry?.();
  }

  /** Forgets every cached entity (the map changed); what is shown is reloaded by the caller. */
  invalidate(): void {
    this.#cache.clear();
  }

  dispose(): void {
    this.#abort?.abort();
  }

  async #fetch(known: MapEntity): Promise<void> {
    this.#abort?.abort();
    const controller = new AbortController();
    this.#abort = controller;
    this.status = 'loading';
    this.error = null;
    // The name and kind at once; the rest follows.
    this.current = { ...known, description: null, attributes: [], sources: [] };
    try {
      const entity = await loadDetails(known.id, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (!entity) throw new Error(`No entity with id "${known.id}".`);
      this.#cache.set(entity.id, entity);
      this.current = entity;
      this.status = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.error = error;
      this.status = 'error';
      this.#retry = () => void this.#fetch(known);
    }
  }
}
