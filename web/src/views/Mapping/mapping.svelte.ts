// The mapping state the whole app shares: the model (fetched once), a counter that every write bumps so open
// views reload what they show, the last change's "Undo" toast, and an edit asked for from elsewhere (the data
// quality screen opens an entity in edit mode).
import { describeError } from '../../lib/graphql/client';
import { url } from '../../lib/state/url.svelte';
import type { MappingModel } from './mapping.types';
import type { Mode, UndoAction } from './mapping-view';
import { loadMappingModel, undo as runUndo } from './mapping.api';

export interface Toast {
  message: string;
  undo: UndoAction | null;
  /** Set while undoing, or after an undo failed. */
  status: 'idle' | 'undoing' | 'undone' | 'failed';
  error: string;
}

class MappingState {
  model = $state.raw<MappingModel | null>(null);
  modelError = $state.raw<unknown>(null);
  /** Bumped after every write: views showing map data reload when it changes. */
  version = $state(0);
  toast = $state.raw<Toast | null>(null);
  /** An entity to open on a mapping tab (edit, links) when the Explorer shows it. */
  pendingEdit = $state.raw<{ id: string; mode: Mode } | null>(null);

  #loading: Promise<MappingModel | null> | null = null;

  /** The model, loaded on first use and kept: it changes only with a new server version. */
  ensureModel(): Promise<MappingModel | null> {
    this.#loading ??= loadMappingModel().then(
      (model) => (this.model = model),
      (error: unknown) => {
        this.modelError = error;
        this.#loading = null;
        return null;
      },
    );
    return this.#loading;
  }

  /** Something on the map changed: open views reload; `undo` offers to revert it. */
  changed(message: string, undo: UndoAction | null = null): void {
    this.version++;
    this.toast = { message, undo, status: 'idle', error: '' };
  }

  dismissToast(): void {
    this.toast = null;
  }

  async undoLast(): Promise<void> {
    const toast = this.toast;
    if (!toast?.undo || toast.status === 'undoing') return;
    this.toast = { ...toast, status: 'undoing' };
    try {
      await runUndo(toast.undo);
      // Undoing a create deletes the entity: the Explorer must not stay focused on it.
      if (toast.undo.kind === 'delete' && url.current.focus === toast.undo.id) url.update({ focus: null }, 'replace');
      this.version++;
      this.toast = { message: `Undone: ${toast.message}`, undo: null, status: 'undone', error: '' };
    } catch (error) {
      this.toast = { ...toast, status: 'failed', error: describeError(error) };
    }
  }
}

export const mapping = new MappingState();
