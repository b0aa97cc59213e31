// Pure geometry and text of the capability roadmap drawing: where each year, horizon, readiness stretch, risk note and
// scenario event goes in the SVG, the legend, the export file names and the deep link. Unit-tested on a hand-made
// roadmap (tests/web/roadmap-view.test.ts); Roadmap.svelte only draws what this returns.
import { legendRows } from '../../lib/graph/export-frame';
import { DEFAULT_STATE, formatUrlState } from '../../lib/state/url-codec';
import type { CapabilityRoadmapData, ReadinessState, RoadmapEvent, RoadmapLane, ScenarioEventType } from './roadmap.types';

/** Sizes of the drawing in SVG units; the SVG scales to its container through its viewBox. */
export const LAYOUT = {
  width: 1100,
  /** The column of technology names and their notes. */
  labelWidth: 270,
  right: 28,
  title: 64,
  axis: 36,
  lane: 60,
  /** Readiness bar: from this far below the lane's top, this tall. */
  barTop: 22,
  bar: 18,
  /** Scenario marks on one lane and year sit this far apart, so none hides another. */
  stack: 17,
  legendRow: 22,
  footer: 30,
  /** Characters of a technology name that fit the label column at 13 px. */
  nameChars: 28,
} as const;

export const STATE_COLOUR: Record<ReadinessState, string> = { DEPLOYABLE: '#2e7d32', DEVELOPING: '#e9a800', UNKNOWN: '#b8bec8' };
export const STATE_LABEL: Record<ReadinessState, string> = {
  DEPLOYABLE: 'Deployable (TRL ≥ 7)',
  DEVELOPING: 'Developing (known TRL < 7)',
  UNKNOWN: 'Readiness unknown',
};
export const EVENT_COLOUR: Record<ScenarioEventType, string> = { DISRUPTION: '#c62828', MATURATION: '#1565c0', SUBSTITUTE: '#6a1b9a', THREAT: '#d84315' };
export const RISK_COLOUR = '#b71c1c';
export const HORIZON_COLOUR = '#455a64';

export interface Mark {
  kind: 'event' | 'scenario-deployable';
  x: number;
  y: number;
  /** The event's number as shown (its position in the scenario, from 1); empty for the deployable mark. */
  text: string;
  colour: string;
  title: string;
  /** The event falls outside the timeline: drawn at its edge. */
  outside: 'before' | 'after' | null;
}

export interface LaneGeometry {
  id: string;
  y: number;
  name: string;
  fullName: string;
  note: string;
  riskNote: string;
  segments: { x: number; width: number; state: ReadinessState; label: string }[];
  marks: Mark[];
}

export interface RoadmapGeometry {
  width: number;
  height: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  years: { year: number; x: number; labelled: boolean }[];
  horizons: { year: number; x: number }[];
  lanes: LaneGeometry[];
  /** Events that touch none of the lanes, on a lane of their own (null when there are none). */
  elsewhere: LaneGeometry | null;
  legend: { x: number; y: number; colour: string; label: string; shape: 'bar' | 'hatch' | 'line' | 'dot' | 'diamond' | 'risk' }[];
}

/** Left edge of a year (the timeline runs from the start of currentYear to the end of endYear). */
export function yearX(year: number, from: number, to: number, x0: number, x1: number): number {
  return x0 + ((year - from) / (to + 1 - from)) * (x1 - x0);
}

/** A name cut to fit, with an ellipsis. */
export function fitText(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`;
}

/** The lane's second line: TRL, assessment year, horizon — "unknown" where the map says nothing. */
export function laneNote(lane: RoadmapLane): string {
  const trl = lane.trl === null ? 'TRL unknown' : `TRL ${lane.trl}${lane.trlYear ? ` (${lane.trlYear})` : ''}`;
  const horizon = lane.horizon ? `horizon ${lane.horizon}` : 'no horizon';
  return `${trl} · ${horizon}`;
}

/** "2 single points · 1 mostly non-EU", or empty. */
export function riskNote(lane: RoadmapLane): string {
  const spof = lane.risks.filter((r) => r.type === 'SINGLE_POINT_OF_FAILURE').length;
  const nonEu = lane.risks.filter((r) => r.type === 'NON_EU_SUPPLY').length;
  const parts = [spof ? `${spof} single point${spof === 1 ? '' : 's'}` : '', nonEu ? `${nonEu} >50 % non-EU` : ''].filter(Boolean);
  return parts.length ? `⚠ ${parts.join(' · ')}` : '';
}

/** Scenario marks of one lane: each at the middle of its year, the ones sharing a year side by side. */
export function laneMarks(
  events: readonly RoadmapEvent[],
  lane: RoadmapLane | null,
  data: Pick<CapabilityRoadmapData, 'currentYear' | 'endYear'>,
  x0: number,
  x1: number,
  y: number,
): Mark[] {
  const { currentYear: from, endYear: to } = data;
  const half = (x1 - x0) / (to + 1 - from) / 2;
  const place = (year: number) => {
    const clamped = Math.min(Math.max(year, from), to);
    return { x: yearX(clamped, from, to, x0, x1) + half, outside: year < from ? ('before' as const) : year > to ? ('after' as const) : null, clamped };
  };
  const raw: (Mark & { clamped: number })[] = events.map((e) => {
    const p = place(e.year);
    return {
      kind: 'event',
      x: p.x,
      y,
      text: String(e.index + 1),
      colour: EVENT_COLOUR[e.type],
      title: `Event ${e.index + 1}: ${e.summary}`,
      outside: p.outside,
      clamped: p.clamped,
    };
  });
  if (lane?.scenarioDeployableFrom !== null && lane?.scenarioDeployableFrom !== undefined) {
    const p = place(lane.scenarioDeployableFrom);
    raw.push({
      kind: 'scenario-deployable',
      x: p.x,
      y,
      text: '',
      colour: EVENT_COLOUR.MATURATION,
      title: `Deployable from ${lane.scenarioDeployableFrom} under the scenario`,
      outside: p.outside,
      clamped: p.clamped,
    });
  }
  // Marks of the same year spread around the year's middle, in order.
  const byYear = new Map<number, (Mark & { clamped: number })[]>();
  for (const m of raw) byYear.set(m.clamped, [...(byYear.get(m.clamped) ?? []), m]);
  const out: Mark[] = [];
  for (const group of byYear.values()) {
    group.forEach((m, i) => {
      const { clamped: _, ...mark } = m;
      out.push({ ...mark, x: mark.x + (i - (group.length - 1) / 2) * LAYOUT.stack });
    });
  }
  return out.sort((a, b) => a.x - b.x);
}

export function roadmapGeometry(data: CapabilityRoadmapData, width: number = LAYOUT.width): RoadmapGeometry {
  const x0 = LAYOUT.labelWidth;
  const x1 = width - LAYOUT.right;
  const { currentYear: from, endYear: to } = data;
  const top = LAYOUT.title + LAYOUT.axis;
  const perYear = (x1 - x0) / (to + 1 - from);
  const years = [];
  for (let year = from; year <= to; year++)
    years.push({ year, x: yearX(year, from, to, x0, x1), labelled: perYear >= 40 || (year - from) % 2 === 0 || year === to });
  const lanes: LaneGeometry[] = data.lanes.map((lane, i) => {
    const y = top + i * LAYOUT.lane;
    const events = data.events.filter((e) => e.laneIds.includes(lane.id));
    return {
      id: lane.id,
      y,
      name: fitText(lane.name, LAYOUT.nameChars),
      fullName: lane.name,
      note: laneNote(lane),
      riskNote: riskNote(lane),
      segments: lane.readiness.map((s) => {
        const a = yearX(Math.max(s.from, from), from, to, x0, x1);
        const b = yearX(Math.min(s.to, to + 1), from, to, x0, x1);
        return { x: a, width: Math.max(0, b - a), state: s.state, label: `${s.from}–${Math.min(s.to, to + 1) - 1}: ${s.label}` };
      }),
      marks: laneMarks(events, lane, data, x0, x1, y + LAYOUT.barTop + LAYOUT.bar / 2),
    };
  });
  const loose = data.events.filter((e) => e.laneIds.length === 0);
  const elsewhereY = top + lanes.length * LAYOUT.lane;
  const elsewhere: LaneGeometry | null = loose.length
    ? {
        id: 'elsewhere',
        y: elsewhereY,
        name: 'Elsewhere on the map',
        fullName: 'Scenario events that touch none of these technologies',
        note: 'events not below these technologies',
        riskNote: '',
        segments: [],
        marks: laneMarks(loose, null, data, x0, x1, elsewhereY + LAYOUT.barTop + LAYOUT.bar / 2),
      }
    : null;
  const bottom = elsewhereY + (elsewhere ? LAYOUT.lane : 0);

  const items: { colour: string; label: string; shape: RoadmapGeometry['legend'][number]['shape'] }[] = [
    { colour: STATE_COLOUR.DEPLOYABLE, label: STATE_LABEL.DEPLOYABLE, shape: 'bar' },
    { colour: STATE_COLOUR.DEVELOPING, label: STATE_LABEL.DEVELOPING, shape: 'bar' },
    { colour: STATE_COLOUR.UNKNOWN, label: STATE_LABEL.UNKNOWN, shape: 'hatch' },
    { colour: HORIZON_COLOUR, label: 'Horizon', shape: 'line' },
    { colour: RISK_COLOUR, label: 'Dependencies at risk (single points of failure, >50 % non-EU supply)', shape: 'risk' },
  ];
  if (data.scenario) {
    const types = [...new Set(data.events.map((e) => e.type))];
    for (const t of types) items.push({ colour: EVENT_COLOUR[t], label: `Scenario event: ${t.toLowerCase()}`, shape: 'dot' });
    if (data.lanes.some((l) => l.scenarioDeployableFrom !== null))
      items.push({ colour: EVENT_COLOUR.MATURATION, label: 'Deployable under the scenario', shape: 'diamond' });
  }
  const legendTop = bottom + 24;
  const placed = legendRows(items, width - 40, 7.2);
  const legend = placed.map((p, i) => ({ x: 20 + p.x, y: legendTop + p.row * LAYOUT.legendRow, colour: p.colour, label: p.label, shape: items[i]!.shape }));
  const rows = placed.length ? Math.max(...placed.map((p) => p.row)) + 1 : 0;
  return {
    width,
    height: legendTop + rows * LAYOUT.legendRow + LAYOUT.footer,
    x0,
    x1,
    top,
    bottom,
    years,
    horizons: data.horizons.filter((y) => y >= from && y <= to).map((year) => ({ year, x: yearX(year, from, to, x0, x1) })),
    lanes,
    elsewhere,
    legend,
  };
}

/** The export's title and subtitle. */
export function roadmapTitle(data: CapabilityRoadmapData, date: string): { title: string; subtitle: string } {
  return {
    title: `Capability roadmap: ${data.capability.name}`,
    subtitle: `${data.currentYear}–${data.endYear} · data as of ${date}${data.scenario ? ` · scenario: ${data.scenario.name}` : ' · no scenario overlaid'}`,
  };
}

/** e.g. "roadmap-border-surveillance-2026-12-02.svg" */
export function exportFileName(data: CapabilityRoadmapData, date: string, ext: 'svg' | 'png'): string {
  const slug = data.capability.id.replace(/^cap:/, '').replace(/[^a-z0-9-]+/gi, '-');
  return `roadmap-${slug}${data.scenario ? `-${data.scenario.id.replace(/^scn:/, '').replace(/[^a-z0-9-]+/gi, '-')}` : ''}-${date}.${ext}`;
}

/** The deep link of a roadmap: ?view=roadmap&focus=cap:…[&select=scn:…]. */
export function roadmapHref(capabilityId: string, scenarioId: string | null): string {
  return formatUrlState({ ...DEFAULT_STATE, view: 'roadmap', focus: capabilityId, ...(scenarioId ? { select: scenarioId } : {}) });
}

/** The dependency view on one entity (a risk row's drill-down). */
export function dependencyHref(id: string): string {
  return formatUrlState({ ...DEFAULT_STATE, view: 'dependencies', focus: id });
}

/** One dependency at risk with every lane it endangers (the table under the drawing lists each dependency once). */
export interface DependencyAtRisk {
  nodeId: string;
  nodeName: string;
  nodeKind: string;
  singlePoint: boolean;
  nonEuShare: number | null;
  technologies: string[];
  detail: string;
}

/** The lanes' risks merged per dependency: single points of failure first, then by non-EU share, then by name. */
export function dependenciesAtRisk(lanes: readonly RoadmapLane[]): DependencyAtRisk[] {
  const byNode = new Map<string, DependencyAtRisk>();
  for (const lane of lanes) {
    for (const r of lane.risks) {
      let row = byNode.get(r.nodeId);
      if (!row)
        byNode.set(
          r.nodeId,
          (row = {
            nodeId: r.nodeId,
            nodeName: r.nodeName,
            nodeKind: r.nodeKind,
            singlePoint: false,
            nonEuShare: r.nonEuShare,
            technologies: [],
            detail: r.detail,
          }),
        );
      if (r.type === 'SINGLE_POINT_OF_FAILURE' && !row.singlePoint) {
        row.singlePoint = true;
        row.detail = r.detail;
      }
      if (!row.technologies.includes(lane.name)) row.technologies.push(lane.name);
    }
  }
  return [...byNode.values()].sort(
    (a, b) => Number(b.singlePoint) - Number(a.singlePoint) || (b.nonEuShare ?? -1) - (a.nonEuShare ?? -1) || a.nodeName.localeCompare(b.nodeName),
  );
}

/** 0.7 → "70 %"; null → "unknown". */
export function shareText(share: number | null): string {
  return share === null ? 'unknown' : `${Math.round(share * 100)} %`;
}
