// What a followed scenario's impact is, for comparing reruns: the capabilities whose score it changes, rounded to two
// decimals (smaller moves are noise of the map, not news), and the words of a notification when that changes. Pure.
import type { ScenarioResult } from '../scenario/run.js';

/** [capabilityId, name, delta] of every capability it moves by 0.01 or more, largest change first (as the run orders them). */
export type ImpactSummary = [string, string, number][];

export function impactSummary(result: Pick<ScenarioResult, 'impacts'>): ImpactSummary {
  return result.impacts.map((i): [string, string, number] => [i.capabilityId, i.name, Math.round(i.delta * 100) / 100]).filter(([, , d]) => d !== 0);
}

const signed = (d: number) => `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(2)}`;

/** "The impact of “Gallium cut” changed after map changes: Detection at borders −0.30 (was −0.20); …" (at most 3 named). */
export function describeImpactChange(scenarioName: string, before: ImpactSummary, after: ImpactSummary): string {
  const was = new Map(before.map(([id, , d]) => [id, d]));
  const now = new Map(after.map(([id, , d]) => [id, d]));
  const names = new Map([...before, ...after].map(([id, name]) => [id, name]));
  const moved = [...names.keys()]
    .filter((id) => (was.get(id) ?? 0) !== (now.get(id) ?? 0))
    .sort((a, b) => Math.abs((now.get(b) ?? 0) - (was.get(b) ?? 0)) - Math.abs((now.get(a) ?? 0) - (was.get(a) ?? 0)) || a.localeCompare(b));
  const parts = moved
    .slice(0, 3)
    .map((id) => `${names.get(id)} ${now.has(id) ? signed(now.get(id)!) : 'no longer affected'} (was ${was.has(id) ? signed(was.get(id)!) : 'unaffected'})`);
  const more = moved.length > 3 ? `; and ${moved.length - 3} more` : '';
  return `The impact of “${scenarioName}” changed after map changes: ${parts.join('; ')}${more}.`;
}
