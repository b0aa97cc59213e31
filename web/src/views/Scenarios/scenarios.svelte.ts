// The Scenarios view's state and actions, apart from its markup. The open scenario is ?focus=scn:…, the (up to five)
// it is compared with ?select=scn:…,scn:…; any other focus (an entity opened in the Explorer) is offered as a first event target.
// Each channel (list, open, run, save, compare, context graph) has its own status and error; newer requests win.
// List, compare and context are plain Requests; open, run and save stay by hand: opening runs the scenario on the
// open channel's signal but reports into the run's status, and a run or save refused before it starts must not drop
// the request in flight.
import { ApiError, isAbort } from '../../lib/graphql/client';
import { neighbourhoodToElements, type MapElement } from '../../lib/graph/elements';
import type { MapEntity } from '../../lib/graphql/types';
import type { AtlasUrlState, UrlState } from '../../lib/state/url.svelte';
import * as api from './scenarios.api';
import { draftFromScenario, draftProblems, emptyDraft, impactElements, newEvent, runKey, toScenarioInput } from './scenario-view';
import { comparedIds, toggleCompared } from './scenario-export';
import type { Comparison, Draft, EventType, Scenario, ScenarioRun, ScenarioSummary } from './scenarios.types';

import { Request, type Status } from '../../lib/graphql/request.svelte';

export type { Status };
type Channel = 'open' | 'run';

const isScenarioId = (id: string | null | undefined): id is string => !!id && id.startsWith('scn:');
const thisYear = () => new Date().getFullYear();

export class ScenariosModel {
  list = $state.raw<ScenarioSummary[]>([]);
  #list = new Request();
  get listStatus(): Status {
    return this.#list.status;
  }
  get listError(): unknown {
    return this.#list.error;
  }

  draft = $state<Draft>(emptyDraft(thisYear()));
  saved = $state.raw<Scenario | null>(null);
  openStatus = $state<Status>('idle');
  openError = $state.raw<unknown>(null);
  #savedKey = $state('');

  run = $state.raw<ScenarioRun | null>(null);
  runStatus = $state<Status>('idle');
  runError = $state.raw<unknown>(null);
  #runFor = $state('');
  #chosen = $state<string | null>(null);
  /** The capability whose paths the map draws; kept in the URL (?open=cap:…) so a reload draws the same. */
  get selectedCapability(): string | null {
    return this.#chosen;
  }
  set selectedCapability(id: string | null) {
    this.#chosen = id;
    if (this.#url.current.view === 'scenarios') this.#url.update({ open: id ? [id] : undefined });
  }
  /** After a run: the capability the URL names, if it changes, else the one that changes most. */
  #preferred(run: ScenarioRun | null): string | null {
    const wanted = this.#url.current.open?.[0];
    return run?.impacts.find((i) => i.capabilityId === wanted)?.capabilityId ?? run?.impacts[0]?.capabilityId ?? null;
  }

  saveStatus = $state<Status>('idle');
  saveError = $state.raw<unknown>(null);
  /** A short confirmation for the live region ("Saved …"). */
  notice = $state('');

  comparison = $state.raw<Comparison | null>(null);
  #compare = new Request();
  get compareStatus(): Status {
    return this.#compare.status;
  }
  get compareError(): unknown {
    return this.#compare.error;
  }

  /** The neighbourhood of an entity, drawn before anything is run so targets can be clicked. */
  context = $state.raw<readonly MapElement[]>([]);
  #context = new Request();
  get contextStatus(): Status {
    return this.#context.status;
  }
  get contextError(): unknown {
    return this.#context.error;
  }
  /** The entity chosen on the map or in the Explorer, offered as the target of a new event. */
  picked = $state.raw<MapEntity | null>(null);

  readonly dirty = $derived(JSON.stringify(toScenarioInput(this.draft)) !== this.#savedKey);
  readonly runStale = $derived(this.run !== null && runKey(this.draft) !== this.#runFor);
  readonly eventTargets = $derived(new Set(this.draft.events.flatMap((e) => [e.target?.id, e.replaces?.id]).filter((x): x is string => !!x)));
  // After a run the map draws only the chosen capability's paths (the ranked chart beside it compares them all).
  readonly elements: readonly MapElement[] = $derived(
    this.run ? impactElements(this.run, this.eventTargets, { capabilityId: this.selectedCapability, boxed: true }) : this.context,
  );

  #url: UrlState;
  #aborts = new Map<Channel, AbortController>();

  constructor(url: UrlState) {
    this.#url = url;
    this.#savedKey = JSON.stringify(toScenarioInput(this.draft));
  }

  /** The saved scenarios the open one is compared with (?select=scn:…,scn:…), at most five; empty when none. */
  get compared(): string[] {
    const focus = this.#url.current.focus;
    return comparedIds(this.#url.current.select, isScenarioId(focus) ? focus : null);
  }

  #start(channel: Channel): AbortSignal {
    this.#aborts.get(channel)?.abort();
    const controller = new AbortController();
    this.#aborts.set(channel, controller);
    return controller.signal;
  }

  dispose(): void {
    for (const c of this.#aborts.values()) c.abort();
    for (const r of [this.#list, this.#compare, this.#context]) r.abort();
  }

  /** Brings the view in line with the URL: on first load and after back/forward. */
  restore(state: AtlasUrlState): void {
    if (this.listStatus === 'idle') void this.loadList();
    const id = isScenarioId(state.focus) ? state.focus : null;
    if (id && id !== this.saved?.id) void this.open(id);
    if (!id && (this.saved || this.draft.id)) this.#reset();
    if (!id && state.focus && this.picked?.id !== state.focus) void this.showContext({ id: state.focus, name: state.focus, kind: 'Technology' }, true);
    const others = comparedIds(state.select, id);
    if (id && others.length) void this.compare([id, ...others]);
    else this.comparison = null;
  }

  loadList(): Promise<void> {
    return this.#list.run(
      (signal) => api.listScenarios({ signal }),
      (page) => (this.list = page.items),
    );
  }

  /** Loads a saved scenario and runs it, both at once; the scenario shows as soon as it arrives, its result after. */
  async open(id: string): Promise<void> {
    const signal = this.#start('open');
    this.openStatus = 'loading';
    this.openError = null;
    const running = api.runSaved(id, { signal });
    running.catch(() => {}); // awaited below; a failure there is the run's, not the opening's
    try {
      const scenario = await api.loadScenario(id, { signal });
      if (!scenario) throw new ApiError(`No saved scenario has the id “${id}”. It may have been deleted; pick one from the list.`, 'NOT_FOUND');
      this.#show(scenario, null);
      this.openStatus = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.openError = error;
      this.openStatus = 'error';
      return;
    }
    this.runStatus = 'loading';
    try {
      const run = await running;
      this.run = run;
      this.#runFor = runKey(this.draft);
      this.runStatus = 'ready';
      this.selectedCapability = this.#preferred(run);
    } catch (error) {
      if (isAbort(error)) return;
      this.runError = error;
      this.runStatus = 'error';
    }
  }

  #show(scenario: Scenario, run: ScenarioRun | null): void {
    this.saved = scenario;
    this.draft = draftFromScenario(scenario);
    this.#savedKey = JSON.stringify(toScenarioInput(this.draft));
    this.run = run;
    this.#runFor = run ? runKey(this.draft) : '';
    this.runStatus = run ? 'ready' : 'idle';
    this.runError = null;
    // Shown before its run arrives: keep the URL's capability for when it does.
    if (run) this.selectedCapability = this.#preferred(run);
    else this.#chosen = null;
    this.saveError = null;
  }

  #reset(): void {
    this.#aborts.get('open')?.abort();
    this.saved = null;
    this.draft = emptyDraft(thisYear());
    this.#savedKey = JSON.stringify(toScenarioInput(this.draft));
    this.run = null;
    this.#runFor = '';
    this.runStatus = 'idle';
    this.runError = null;
    this.saveError = null;
    this.openStatus = 'idle';
    this.openError = null;
    this.selectedCapability = null;
    this.comparison = null;
  }

  /** Opens a saved scenario (a step in history). */
  openScenario(id: string): void {
    this.#url.update({ focus: id, select: null }, 'push');
    this.comparison = null;
    void this.open(id);
  }

  newScenario(): void {
    this.#url.update({ focus: null, select: null }, 'push');
    this.#reset();
    this.notice = 'New scenario.';
  }

  addEvent(type: EventType, target: MapEntity | null = null): void {
    this.draft.events.push(newEvent(type, target, this.draft.horizon));
  }

  removeEvent(key: number): void {
    this.draft.events = this.draft.events.filter((e) => e.key !== key);
  }

  async runNow(): Promise<void> {
    const problems = draftProblems(this.draft);
    if (problems.length) {
      this.runError = new ApiError(problems.join(' '), 'BAD_USER_INPUT');
      this.runStatus = 'error';
      return;
    }
    const signal = this.#start('run');
    const key = runKey(this.draft);
    this.runStatus = 'loading';
    this.runError = null;
    try {
      const run = await api.runDraft(this.draft, { signal });
      this.run = run;
      this.#runFor = key;
      this.runStatus = 'ready';
      if (!run.impacts.some((i) => i.capabilityId === this.selectedCapability)) this.selectedCapability = this.#preferred(run);
      this.notice = run.impacts.length ? `${run.impacts.length} of ${run.capabilityCount} capabilities change.` : 'No capability changes.';
    } catch (error) {
      if (isAbort(error)) return;
      this.runError = error;
      this.runStatus = 'error';
    }
  }

  async save(): Promise<void> {
    if (draftProblems(this.draft).length) {
      this.saveError = new ApiError(draftProblems(this.draft).join(' '), 'BAD_USER_INPUT');
      this.saveStatus = 'error';
      return;
    }
    const isNew = !this.draft.id;
    this.saveStatus = 'loading';
    this.saveError = null;
    try {
      const scenario = await api.saveScenario(this.draft);
      const run = this.run && !this.runStale ? this.run : null;
      this.#show(scenario, run);
      this.#url.update({ focus: scenario.id }, isNew ? 'push' : 'replace');
      this.saveStatus = 'ready';
      this.notice = `Saved “${scenario.name}”.`;
      void this.loadList();
    } catch (error) {
      this.saveError = error;
      this.saveStatus = 'error';
    }
  }

  async duplicate(): Promise<void> {
    if (!this.saved) return;
    this.saveStatus = 'loading';
    try {
      const copy = await api.duplicateScenario(this.saved.id);
      this.saveStatus = 'ready';
      this.notice = `Duplicated as “${copy.name}”.`;
      void this.loadList();
      this.openScenario(copy.id);
    } catch (error) {
      this.saveError = error;
      this.saveStatus = 'error';
    }
  }

  async remove(): Promise<void> {
    if (!this.saved) return;
    const name = this.saved.name;
    this.saveStatus = 'loading';
    try {
      await api.deleteScenario(this.saved.id);
      this.saveStatus = 'ready';
      this.newScenario();
      this.notice = `Deleted “${name}”.`;
      void this.loadList();
    } catch (error) {
      this.saveError = error;
      this.saveStatus = 'error';
    }
  }

  /** Adds another saved scenario to the comparison with the open one, or takes it out (a step in history). */
  toggleCompare(otherId: string): void {
    if (!this.saved || otherId === this.saved.id) return;
    const select = toggleCompared(this.compared, otherId);
    if (!select) return this.closeCompare();
    this.#url.update({ select }, 'push');
    void this.compare([this.saved.id, ...this.compared]);
  }

  closeCompare(): void {
    this.#url.update({ select: null }, 'push');
    this.#compare.reset();
    this.comparison = null;
  }

  compare(ids: string[]): Promise<void> {
    return this.#compare.run(
      (signal) => api.compareScenarios(ids, { signal }),
      (comparison) => (this.comparison = comparison),
    );
  }

  /** A tap on the map: a changed capability shows its paths; any other entity is offered as an event target. */
  pickOnMap(id: string | null): void {
    if (!id) {
      this.picked = null;
      return;
    }
    if (this.run?.impacts.some((i) => i.capabilityId === id)) {
      this.selectedCapability = id;
      return;
    }
    const node = this.elements.find((e) => e.group === 'nodes' && e.data.id === id);
    if (node && node.group === 'nodes')
      this.picked = { id, name: String((node.data as { name?: string }).name ?? node.data.label).replace(/ [−+±][\d.]+ pts$/, ''), kind: node.data.kind };
  }

  /** Draws an entity's neighbourhood so its neighbours can be picked (before a run replaces the map). */
  showContext(entity: MapEntity, fromUrl = false): Promise<void> {
    return this.#context.run(
      (signal) => api.loadNeighbourhood(entity.id, { signal }),
      (neighbourhood) => {
        this.context = neighbourhoodToElements(neighbourhood);
        this.picked = fromUrl ? neighbourhood.centre : entity;
      },
    );
  }

  /** Clears the drawn result, back to the picking map. */
  clearRun(): void {
    this.run = null;
    this.#runFor = '';
    this.runStatus = 'idle';
  }
}
