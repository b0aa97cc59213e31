// Followed saved scenarios: after map changes, each is rerun on the current map and its impact compared with what
// its followers last heard; a change raises SCENARIO_IMPACT_CHANGED. This runs in the background (startScenarioWatch),
// not in the map change's transaction: a rerun needs the committed map (the one supply graph is built per data
// version) and costs far more than a change should wait for. No notification is lost or doubled even so: each one is
// written in the same transaction as the follower's new summary, by compare-and-set (scenario-watch.repository.ts).
import type { Database } from '../db/database.js';
import { runSaved } from '../scenario/scenario.service.js';
import type { Logger } from '../logging/logger.js';
import { describeImpactChange, impactSummary, type ImpactSummary } from './scenario-watch.model.js';
import { findScenarioFollows, recordScenarioImpact } from './scenario-watch.repository.js';

/** Reruns every followed scenario once; returns how many notifications were raised. */
export async function checkFollowedScenarios(db: Database, thisYear: number): Promise<number> {
  const follows = await findScenarioFollows(db);
  const current = new Map<string, ImpactSummary | null>();
  let raised = 0;
  for (const follow of follows) {
    if (!current.has(follow.scenarioId)) {
      // A scenario deleted meanwhile, or whose events no longer fit the map, has no impact to report.
      current.set(follow.scenarioId, await runSaved(db, follow.scenarioId, thisYear).then(impactSummary, () => null));
    }
    const now = current.get(follow.scenarioId);
    if (!now) continue;
    const text = JSON.stringify(now);
    if (text === follow.summary) continue;
    const before = follow.summary ? (JSON.parse(follow.summary) as ImpactSummary) : null;
    const message = before ? describeImpactChange(follow.scenarioName, before, now) : null;
    if (await recordScenarioImpact(db, follow, text, message)) raised++;
  }
  return raised;
}

/** How often the watch looks for map changes: a scenario's followers hear of a changed impact within this time. */
export const SCENARIO_WATCH_MS = 60_000;

/** Checks after each change of the data version (or at start), every `intervalMs`; returns the timer to clear. */
export function startScenarioWatch(db: Database, logger: Logger, intervalMs = SCENARIO_WATCH_MS): NodeJS.Timeout {
  let checkedVersion: string | null | undefined;
  let running = false;
  const tick = async () => {
    const version = db.knownVersion;
    if (running || (version !== null && version === checkedVersion)) return;
    running = true;
    try {
      await checkFollowedScenarios(db, new Date().getUTCFullYear());
      checkedVersion = version;
    } catch (error) {
      logger.warn({ err: error }, 'followed-scenario check failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return timer;
}
