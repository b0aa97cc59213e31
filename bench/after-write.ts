// "After one write" (issue #17): on the API as `npm start` runs it (result cache on), an analyst's single mapping write
// through GraphQL, then the FIRST request after it, timed, and the same request repeated (served from the cache).
// Writes rotate between linking a DEPENDS_ON, changing a technology's TRL and unlinking that DEPENDS_ON, all inside the
// hub capability's tree, so that every write really changes the graph the cached derivations are made from.
import { randomUUID } from 'node:crypto';
import { insertApiToken, insertUser } from '../server/src/user/user.repository.js';
import { gql, Timeout } from './client.js';
import { CRITICAL_QUERY, SCENARIO_QUERY, TREE_QUERY } from './queries.js';
import type { AfterWrite, AfterWriteRow } from './results.js';
import type { SizeContext } from './size.js';
import { ms, stats } from './support.js';

const LINK = `mutation($input: LinkInput!) { linkEntities(input: $input) { type } }`;
const UNLINK = `mutation($from: ID!, $to: ID!) { unlinkEntities(type: DEPENDS_ON, fromId: $from, toId: $to) { removed } }`;
const UPDATE = `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { revision } }`;

export interface AfterWritePlan {
  size: number;
  hub: string;
  typical: string;
  /** The scenario input section 4 runs. */
  scenarioInput: unknown;
  /** Raw Cypher medians of the trees (section 2), the baseline of the tree target. */
  rawTree: { hub: number; typical: number };
  /** Repetitions per request (each after its own write). */
  repeats: number;
  /** Per request: stop repeating once this is spent (never below 2 samples). */
  budgetMs: number;
  timeoutMs: number;
}

/** The analyst and the mapping writes: who writes, and the next write to make. */
async function analystWrites(ctx: SizeContext, hub: string) {
  const { b } = ctx;
  const user = await insertUser(b.db, {
    email: `bench-${randomUUID().slice(0, 8)}@atlas.test`,
    name: 'Bench Analyst',
    role: 'analyst',
    password: randomUUID(),
  });
  if (!user) throw new Error('after one write: could not create the analyst');
  const { secret } = await insertApiToken(b.db, user.id, 'bench');
  const headers = { authorization: `Bearer ${secret}` };
  // A technology that enables the hub, and a component it does not depend on yet: the new link lands in the hub's tree.
  const [pair] = await b.db.read<{ tech: string; component: string; source: string }>(
    `MATCH (t:Technology)-[:ENABLES]->(:Capability {id: $hub})
     WITH t ORDER BY t.id LIMIT 1
     MATCH (c:Component) WHERE NOT (t)-[:DEPENDS_ON]->(c)
     WITH t, c ORDER BY c.id LIMIT 1
     MATCH (s:Source) WITH t, c, s ORDER BY s.id LIMIT 1
     RETURN t.id AS tech, c.id AS component, s.id AS source`,
    { hub },
  );
  if (!pair) throw new Error(`after one write: no technology enabling ${hub} with a component to link`);
  let n = 0;
  const write = async (): Promise<number> => {
    const kind = n++ % 3;
    const t0 = performance.now();
    if (kind === 0)
      await gql(
        ctx.servers.ours,
        LINK,
        {
          input: {
            type: 'DEPENDS_ON',
            fromId: pair.tech,
            toId: pair.component,
            properties: { criticality: 0.6, substitutability: 0.3 },
            sourceIds: [pair.source],
          },
        },
        undefined,
        headers,
      );
    else if (kind === 1) {
      const [{ revision, trl }] = (await b.db.read(`MATCH (t:Technology {id: $id}) RETURN coalesce(t.revision, 0) AS revision, t.trl AS trl`, {
        id: pair.tech,
      })) as { revision: number; trl: number | null }[];
      await gql(ctx.servers.ours, UPDATE, { input: { id: pair.tech, expectedRevision: revision, attributes: { trl: trl === 6 ? 7 : 6 } } }, undefined, headers);
    } else await gql(ctx.servers.ours, UNLINK, { from: pair.tech, to: pair.component }, undefined, headers);
    return performance.now() - t0;
  };
  return { write, pair };
}

/**
 * Times requests after writes: `run(request)` makes one write, sends the request (first), again (cached repeat) and
 * once with a `__typename` more (response built); `repeats` times, within `budgetMs` (never below 2 samples).
 * `catchUp` is sent once, untimed, first: the analyst was created through the bench's own driver, a write the API
 * process did not see happen, so its next read fetches the whole graph once — not what an analyst's write costs.
 */
export async function afterWrites(
  ctx: SizeContext,
  plan: Pick<AfterWritePlan, 'hub' | 'repeats' | 'budgetMs' | 'timeoutMs'>,
  catchUp: (timeoutMs: number) => Promise<unknown>,
) {
  const { write, pair } = await analystWrites(ctx, plan.hub);
  await catchUp(plan.timeoutMs);
  const writeSamples: number[] = [];
  const run = async (request: (timeoutMs: number, responseNotCached?: boolean) => Promise<unknown>): Promise<AfterWriteRow> => {
    const first: number[] = [];
    const repeat: number[] = [];
    const built: number[] = [];
    const started = performance.now();
    for (let i = 0; i < plan.repeats; i++) {
      writeSamples.push(await write());
      try {
        let t0 = performance.now();
        await request(plan.timeoutMs);
        first.push(performance.now() - t0);
        t0 = performance.now();
        await request(plan.timeoutMs);
        repeat.push(performance.now() - t0);
        t0 = performance.now();
        await request(plan.timeoutMs, true);
        built.push(performance.now() - t0);
      } catch (error) {
        if (!(error instanceof Timeout)) throw error;
        return row(first, repeat, built, true);
      }
      if (i + 1 >= 2 && performance.now() - started > plan.budgetMs) break;
    }
    return row(first, repeat, built, false);
  };
  return { run, writes: () => stats(writeSamples), linked: `${pair.tech} → ${pair.component}` };
}

export async function measureAfterWrite(ctx: SizeContext, plan: AfterWritePlan): Promise<AfterWrite> {
  const { servers, log } = ctx;
  const { run, writes, linked } = await afterWrites(ctx, plan, (timeout) => gql(servers.ours, CRITICAL_QUERY, { rootId: plan.hub }, timeout));
  const scenario = await run((timeout, built) => gql(servers.ours, variant(SCENARIO_QUERY, built), { input: plan.scenarioInput }, timeout));
  const critical = await run((timeout, built) => gql(servers.ours, variant(CRITICAL_QUERY, built), { rootId: plan.hub }, timeout));
  const treeHub = await run((timeout, built) => gql(servers.ours, variant(TREE_QUERY, built), { rootId: plan.hub }, timeout));
  const treeTypical = await run((timeout, built) => gql(servers.ours, variant(TREE_QUERY, built), { rootId: plan.typical }, timeout));
  const result: AfterWrite = {
    writes: writes(),
    linked,
    scenario,
    critical,
    treeHub: { ...treeHub, raw: plan.rawTree.hub, rawRatio: treeHub.first.median / plan.rawTree.hub },
    treeTypical: { ...treeTypical, raw: plan.rawTree.typical, rawRatio: treeTypical.first.median / plan.rawTree.typical },
  };
  const cell = (r: AfterWriteRow) => (r.timedOut ? 'timed out' : `first ${ms(r.first.median)} ms vs cached ${ms(r.repeat.median)} ms → ${r.ratio.toFixed(2)}×`);
  log(
    `size ${plan.size}: after one write (write ${ms(result.writes.median)} ms): scenario ${cell(scenario)}; criticalDependencies ` +
      `${cell(critical)}; tree hub ${cell(treeHub)}, ${result.treeHub.rawRatio.toFixed(2)}× raw; tree typical ` +
      `${cell(treeTypical)}, ${result.treeTypical.rawRatio.toFixed(2)}× raw`,
  );
  return result;
}

function row(first: number[], repeat: number[], built: number[], timedOut: boolean): AfterWriteRow {
  const f = stats(first);
  const r = stats(repeat);
  return { first: f, repeat: r, built: stats(built), ratio: f.median / r.median, timedOut };
}

/** The same operation with a `__typename` more: another response-cache entry, the same derivations. */
export const variant = (query: string, built = false) => (built ? query.replace(/\) \{/, ') { __typename ') : query);
