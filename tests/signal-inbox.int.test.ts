// The signals inbox and a technology's signals through the GraphQL API against a real Neo4j: filters, full-text
// search restricted to signals, counts per status, cursor paging, the trend with its emerging flag, and the bound
// on round trips for a nested list. Expected values are worked out by hand from the fixture below.
import { describe, expect, it } from 'vitest';
import type { SeedData } from '../graph-seed/seed-data.js';
import { seedFixture } from './support/seed-builder.js';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, type TestUser } from './support/auth.js';

// Twelve signals. Drones (tech:drones) is indicated by s01–s07 and s09: five in Jun–Nov 2026 and one in Feb 2026
// (so as of 2026-11-15 recent = 5 ≥ 3 and ≥ 2 × 1 → emerging), plus two in 2025. Lasers (tech:lasers) by s08–s09.
const SIGNALS: [id: string, title: string, day: string, steep: string, status: string, targets: string[]][] = [
  ['s01', 'Drone swarm probes border', '2026-11-02', 'technological', 'new', ['tech:drones']],
  ['s02', 'Prison drone deliveries double', '2026-09-30', 'social', 'new', ['tech:drones']],
  ['s03', 'Drone detection radar tender', '2026-09-01', 'economic', 'assessed', ['tech:drones']],
  ['s04', 'Cargo drones certified', '2026-06-15', 'economic', 'linked', ['tech:drones']],
  ['s05', 'Drone rules tightened', '2026-02-10', 'political', 'linked', ['tech:drones']],
  ['s06', 'Hobby drone sales fall', '2025-07-01', 'economic', 'archived', ['tech:drones']],
  ['s07', 'Drone racing league', '2025-03-03', 'social', 'archived', ['tech:drones']],
  ['s08', 'Laser dazzling of pilots', '2026-10-10', 'social', 'new', ['tech:lasers']],
  ['s09', 'Laser weapons against drones', '2026-08-08', 'technological', 'assessed', ['tech:lasers', 'tech:drones']],
  ['s10', 'Heatwave strains power grid', '2026-07-07', 'environmental', 'new', []],
  ['s11', 'Grid operators share outage data', '2026-05-05', 'environmental', 'new', []],
  ['s12', 'Election deepfakes reported', '2026-04-04', 'political', 'assessed', []],
];

function fixture(): SeedData {
  return seedFixture()
    .nodes('Technology', [
      { id: 'tech:drones', name: 'Drones' },
      { id: 'tech:lasers', name: 'Lasers' },
    ])
    .nodes(
      'Signal',
      SIGNALS.map(([id, title, day, steep, status]) => ({
        id: `sig:${id}`,
        title,
        summary: `${title}, as reported.`,
        url: `https://inbox.example.org/${id}`,
        publishedAt: day,
        steep,
        status,
      })),
    )
    .links(
      'INDICATES',
      SIGNALS.flatMap(([id, , , , , targets]) => targets.map((to) => ({ from: `sig:${id}`, to, relevance: 0.5 }))),
    )
    .build();
}

let db: Database;
let server: RunningServer;
/** Signed in as a test analyst (an API token): every call authenticates. */
let caller: TestUser;
const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(caller.token));
const ids = (data: any) => data.signals.edges.map((e: any) => e.node.id.slice(4));

useSeededApi(fixture, 'analyst', (api) => ({ db, server, caller } = api));

const LIST =
  'query($filter: SignalFilter, $first: Int!, $after: String) { signals(filter: $filter, first: $first, after: $after) { ' +
  'totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }';

describe('the inbox', () => {
  it('lists newest first and pages with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { data, errors }: any = await gql(LIST, { first: 5, after });
      expect(errors).toBeUndefined();
      expect(data.signals.totalCount).toBe(12);
      seen.push(...ids(data));
      if (!data.signals.pageInfo.hasNextPage) break;
      after = data.signals.pageInfo.endCursor;
    }
    expect(seen).toEqual(['s01', 's08', 's02', 's03', 's09', 's10', 's04', 's11', 's12', 's05', 's06', 's07']);
  });

  it('filters by status, STEEP, technology and publication dates', async () => {
    const byStatus = await gql(LIST, { first: 50, filter: { status: 'NEW' } });
    expect(ids(byStatus.data)).toEqual(['s01', 's08', 's02', 's10', 's11']);
    const bySteep = await gql(LIST, { first: 50, filter: { steep: 'ECONOMIC' } });
    expect(ids(bySteep.data)).toEqual(['s03', 's04', 's06']);
    const byTechnology = await gql(LIST, { first: 50, filter: { targetId: 'tech:lasers' } });
    expect(ids(byTechnology.data)).toEqual(['s08', 's09']);
    const byDates = await gql(LIST, { first: 50, filter: { targetId: 'tech:drones', publishedFrom: '2026-01-01', publishedTo: '2026-09-30' } });
    expect(ids(byDates.data)).toEqual(['s02', 's03', 's09', 's04', 's05']);
    const bad = await gql(LIST, { first: 50, filter: { status: 'DONE', publishedFrom: '2026-02-30' } });
    expect(bad.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['filter.status']);
    const badDay = await gql(LIST, { first: 50, filter: { publishedFrom: '2026-02-30' } });
    expect(badDay.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['filter.publishedFrom']);
  });

  it('searches the full-text index, restricted to signals, combined with filters', async () => {
    const text = await gql(LIST, { first: 50, filter: { text: 'grid' } });
    expect(ids(text.data)).toEqual(['s10', 's11']);
    // "drone" matches names and summaries by prefix ("drones"); "Drones" the technology is not a signal.
    const drone = await gql(LIST, { first: 50, filter: { text: 'drone', status: 'ARCHIVED' } });
    expect(ids(drone.data)).toEqual(['s06', 's07']);
    const nothing = await gql(LIST, { first: 50, filter: { text: '***' } });
    expect(nothing.data.signals.totalCount).toBe(0);
  });

  it('counts per status (the other filters applied) and per STEEP category', async () => {
    const { data } = await gql('{ signalCounts(filter: { targetId: "tech:drones", status: NEW }) { total byStatus { value count } bySteep { value count } } }');
    // Drones: s01 new, s02 new, s03 assessed, s04 linked, s05 linked, s06 archived, s07 archived, s09 assessed.
    expect(data.signalCounts).toEqual({
      total: 2,
      byStatus: [
        { value: 'NEW', count: 2 },
        { value: 'ASSESSED', count: 2 },
        { value: 'LINKED', count: 2 },
        { value: 'ARCHIVED', count: 2 },
      ],
      bySteep: [
        { value: 'SOCIAL', count: 1 },
        { value: 'TECHNOLOGICAL', count: 1 },
        { value: 'ECONOMIC', count: 0 },
        { value: 'ENVIRONMENTAL', count: 0 },
        { value: 'POLITICAL', count: 0 },
      ],
    });
  });
});

describe('a technology and its signals', () => {
  it('lists its signals newest first and flags it emerging when they accelerate', async () => {
    const { data, errors } = await gql(`{
      drones: technology(id: "tech:drones") {
        signalCount signals { signal { id } } signalTrend(asOf: "2026-11-15") { recentCount previousCount emerging months { month count } }
      }
      lasers: technology(id: "tech:lasers") { signalCount signalTrend(asOf: "2026-11-15") { recentCount previousCount emerging } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.drones.signalCount).toBe(8);
    expect(data.drones.signals.map((l: any) => l.signal.id.slice(4))).toEqual(['s01', 's02', 's03', 's09', 's04', 's05', 's06', 's07']);
    // Recent window Jun–Nov 2026: s01, s02, s03, s09, s04 = 5; previous Dec 2025–May 2026: s05 = 1. 5 ≥ 3 and 5 ≥ 2.
    expect(data.drones.signalTrend).toMatchObject({ recentCount: 5, previousCount: 1, emerging: true });
    // From the first signal (March 2025) to November 2026: 21 months.
    expect(data.drones.signalTrend.months).toHaveLength(21);
    expect(data.drones.signalTrend.months[0]).toEqual({ month: '2025-03', count: 1 });
    expect(data.drones.signalTrend.months.find((m: any) => m.month === '2026-09')).toEqual({ month: '2026-09', count: 2 });
    // Lasers: 2 recent signals are fewer than the 3 the rule needs.
    expect(data.lasers).toEqual({ signalCount: 2, signalTrend: { recentCount: 2, previousCount: 0, emerging: false } });
    const bad = await gql('{ technology(id: "tech:drones") { signalTrend(asOf: "15/11/2026") { emerging } } }');
    expect(bad.errors?.[0]?.extensions?.field).toBe('asOf');
  });

  it('costs a bounded number of round trips for a nested list (no N+1)', async () => {
    for (const [id] of SIGNALS.slice(0, 6)) {
      await gql('mutation($id: ID!) { annotate(input: { targetId: $id, text: "Worth watching", impact: 3 }) { id } }', { id: `sig:${id}` });
    }
    const before = db.queryCount;
    const { data, errors } = await gql(`{ signals(first: 12) { edges { node {
      id title indicates { relevance target { id name } }
      annotations { text history { version } target { id } }
      ratings { raters impact { mean } }
      sources { id }
    } } } }`);
    expect(errors).toBeUndefined();
    expect(data.signals.edges).toHaveLength(12);
    // list, indicates, annotations (shared with ratings), history, annotation targets, sources: one batch each.
    expect(db.queryCount - before).toBeLessThanOrEqual(6);
  });
});
