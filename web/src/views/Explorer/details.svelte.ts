// The details panel's channel of the Explorer: what is shown, whether it is loading or failed, and a cache so
// going back to an entity already read costs no request.
import type { EntityDetails, MapEntity } from '../../lib/graphql/types';
import { Request, type Status } from '../../lib/graphql/request.svelte';
import { loadDetails } from './explorer.api';

export type { Status };

export class DetailsChannel {
  current = $state.raw<EntityDetails | null>(null);

  #request = new Request();
  #cache = new Map<string, EntityDetails>();
  #retry: (() => void) | null = null;

  get status(): Status {
    return this.#request.status;
  }

  get error(): unknown {
    return this.#request.error;
  }

  /** Shows details that came with another request (a neighbourhood carries its centre's). */
  set(entity: EntityDetails): void {
    this.#cache.set(entity.id, entity);
    this.#request.settle();
    this.current = entity;
  }

  /** Shows an entity's details, from the cache or the API; `known` is shown while the rest loads. */
  show(known: MapEntity): void {
    const cached = this.#cache.get(known.id);
    if (cached) this.set(cached);
    else void this.#fetch(known);
  }

  clear(): void {
    this.#request.reset();
    this.current = null;
  }

  retry(): void {
    this.#retry?.();
  }

  /** Forgets every cached entity (the map changed); what is shown is reloaded by the caller. */
  invalidate(): void {
    this.#cache.clear();
  }

  dispose(): void {
    this.#request.abort();
  }

  async #fetch(known: MapEntity): Promise<void> {
    this.#retry = () => void this.#fetch(known);
    const request = this.#request.run(
      (signal) => loadDetails(known.id, { signal }),
      (entity) => {
        if (!entity) throw new Error(`No entity with id "${known.id}".`);
        this.#cache.set(entity.id, entity);
        this.current = entity;
      },
    );
    // The name and kind at once; the rest follows.
    this.current = { ...known, description: null, attributes: [], sources: [] };
    await request;
  }
}
