// The radar's orchestration: validates the choices, reads the graph (memoised per data version), reuses the signal trend
// and the criticality scores, reads movement from history, saves and compares editions.
import type { Database } from '../db/database.js';
import { currentSupplyGraph } from '../supply-graph/supply-graph.service.js';
import { scoreNodes } from '../dependency/scores.js';
import { assertValid, badInput, notFound } from '../graphql/errors.js';
import { idFormat, oneOf, problems, requiredText } from '../graphql/validation.js';
import type { Actor } from '../history/history.model.js';
import { signalTrend } from '../signal/signal.analysis.js';
import { today } from '../signal/signal.text.js';
import { dayCheck } from '../signal/signal.validation.js';
import { CapabilityDomain, storedValues } from '../vocabulary/vocabularies.js';
import { buildRadar, type BuiltRadar } from './radar.build.js';
import {
  compareEditions,
  movementSince,
  type Movement,
  type RadarFilterValues,
  type RingRule,
  type SectorDef,
  type SectorRule,
  type SizeMeasure,
} from './radar.model.js';
import {
  existingIds,
  fetchAreaSectors,
  fetchFilterChoices,
  fetchRadarTechnologies,
  findEditions,
  insertEdition,
  listEditions,
  technologyChangesSince,
  type EditionRecord,
} from './radar.repository.js';

export interface RadarRequest {
  ringRule: RingRule;
  sectorRule: SectorRule;
  sizeMeasure: SizeMeasure;
  filter: RadarFilterValues | null;
  since: string | null;
}

const CAPABILITY_DOMAINS = storedValues(CapabilityDomain);

const technologies = (db: Database) => db.memo('radar:technologies', () => fetchRadarTechnologies(db));

async function sectorsFor(db: Database, rule: SectorRule): Promise<SectorDef[]> {
  if (rule === 'CAPABILITY_DOMAIN') return CAPABILITY_DOMAINS.map((d) => ({ id: d, name: d.charAt(0).toUpperCase() + d.slice(1) }));
  return db.memo(`radar:sectors:${rule}`, async () => {
    const areas = await fetchAreaSectors(db, rule);
    // Two frameworks may name an area alike (KET-2009 and KET-2018 both have "Advanced manufacturing technologies").
    const twice = (name: string) => areas.filter((a) => a.name === name).length > 1;
    return areas.map((a) => ({ id: a.id, name: twice(a.name) && a.framework ? `${a.name} (${a.framework})` : a.name }));
  });
}

/** Criticality per technology, from the same scores as criticalDependencies (whole graph, portfolio-wide reach). */
const criticality = (db: Database) =>
  db.memo('radar:criticality', async () => {
    const g = (await currentSupplyGraph(db)).supply;
    const ids = [...g.nodes.values()].filter((n) => n.kind === 'Technology').map((n) => n.id);
    return new Map(scoreNodes(g, ids).map((s) => [s.node.id, s.score]));
  });

async function validateFilter(db: Database, filter: RadarFilterValues | null, path: string): Promise<void> {
  if (!filter) return;
  assertValid(
    problems(
      oneOf(`${path}.domain`, filter.domain ?? null, CAPABILITY_DOMAINS),
      idFormat(`${path}.capabilityId`, filter.capabilityId, 'cap'),
      idFormat(`${path}.caseStudyId`, filter.caseStudyId, 'case'),
      idFormat(`${path}.ketAreaId`, filter.ketAreaId, 'ket'),
    ),
  );
  const found = await existingIds(db, filter);
  const missing = (['capabilityId', 'caseStudyId', 'ketAreaId'] as const).filter((k) => filter[k] && !found.has(filter[k]!));
  if (missing.length) {
    throw badInput(missing.map((k) => ({ field: `${path}.${k}`, message: `no such entity "${filter[k]}"; choose one from the radar's filter lists.` })));
  }
}

export async function radar(db: Database, req: RadarRequest, now: Date = new Date()): Promise<BuiltRadar> {
  assertValid(problems(dayCheck('since', req.since)));
  await validateFilter(db, req.filter, 'filter');
  const asOf = today(now);
  const [techs, sectors] = await Promise.all([technologies(db), sectorsFor(db, req.sectorRule)]);
  let measure: (id: string) => { size: number; emerging: boolean };
  if (req.sizeMeasure === 'CRITICALITY') {
    const scores = await criticality(db);
    measure = (id) => ({ size: scores.get(id) ?? 0, emerging: false });
  } else {
    const byId = new Map(techs.map((t) => [t.id, t.signalDays]));
    measure = (id) => {
      const trend = signalTrend(byId.get(id) ?? [], asOf);
      return { size: trend.recentCount, emerging: trend.emerging };
    };
  }
  const movement: Map<string, Movement> = req.since ? movementSince(req.ringRule, techs, await technologyChangesSince(db, req.since)) : new Map();
  return buildRadar(techs, sectors, { ...req, filter: req.filter ?? {}, asOf }, measure, movement);
}

export async function saveEdition(db: Database, actor: Actor, input: { title: string } & Omit<RadarRequest, 'since'>): Promise<EditionRecord> {
  assertValid(problems(requiredText('input.title', input.title, 120)));
  await validateFilter(db, input.filter, 'input.filter');
  const built = await radar(db, { ...input, since: null });
  return insertEdition(db, actor, {
    title: input.title.trim(),
    ringRule: input.ringRule,
    sectorRule: input.sectorRule,
    sizeMeasure: input.sizeMeasure,
    filter: {
      domain: input.filter?.domain ?? null,
      caseStudyId: input.filter?.caseStudyId ?? null,
      capabilityId: input.filter?.capabilityId ?? null,
      ketAreaId: input.filter?.ketAreaId ?? null,
    },
    blips: built.blips.map((b) => ({ id: b.id, name: b.name, ring: b.ring, sector: b.sectorId })),
  });
}

export const editions = (db: Database, first: number) => {
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput({ field: 'first', message: `must be a whole number from 1 to 200, got ${first}.` });
  return listEditions(db, first);
};

export async function compare(db: Database, fromId: string, toId: string) {
  const found = await findEditions(db, [fromId, toId]);
  const from = found.find((e) => e.id === fromId);
  const to = found.find((e) => e.id === toId);
  if (!from) throw notFound('radar edition', fromId, 'fromId');
  if (!to) throw notFound('radar edition', toId, 'toId');
  const diff = compareEditions(from.blips, to.blips);
  const blip = (b: { id: string; name: string; ring: string; sector: string }) => ({ id: b.id, name: b.name, ring: b.ring, sectorId: b.sector });
  return {
    from,
    to,
    moved: diff.moved.map((m) => ({ ...m, fromSectorId: m.fromSector, toSectorId: m.toSector })),
    added: diff.added.map(blip),
    removed: diff.removed.map(blip),
  };
}

export async function filterChoices(db: Database) {
  return { domains: [...CAPABILITY_DOMAINS], ...(await db.memo('radar:filter-choices', () => fetchFilterChoices(db))) };
}
