// Cypher of the saved-scenario watch: what each follower of a scenario last heard of its impact is kept on their
// FOLLOWS relationship (`impactSummary`, JSON), so a rerun is compared with what that follower knows.
import type { WriteTx, Database } from '../db/database.js';
import { AUTH_LABELS, WATCH_LINKS } from '../db/labels.js';
import { NotificationKind } from '../vocabulary/vocabularies.js';
import { insertNotifications } from './notification.repository.js';

const { USER } = AUTH_LABELS;
const { FOLLOWS } = WATCH_LINKS;

export interface ScenarioFollow {
  scenarioId: string;
  scenarioName: string;
  userId: string;
  summary: string | null;
}

export const FOLLOWED_SCENARIOS_QUERY = `MATCH (u:${USER})-[f:${FOLLOWS}]->(s:Scenario)
  WHERE coalesce(u.status, 'active') <> 'deleted'
  RETURN s.id AS scenarioId, coalesce(s.name, s.id) AS scenarioName, u.id AS userId, f.impactSummary AS summary
  ORDER BY s.id, u.id`;

export async function findScenarioFollows(db: Database): Promise<ScenarioFollow[]> {
  return db.read<ScenarioFollow>(FOLLOWED_SCENARIOS_QUERY);
}

/**
 * Stores the new summary for the follower, and notifies them, in one transaction, only when what they last heard is
 * still `expected` (compare-and-set: two API processes checking at once notify once). A first summary (expected null)
 * is stored without a notification: it is the baseline the next change is measured against.
 */
export const SET_SUMMARY_QUERY = `MATCH (:${USER} {id: $userId})-[f:${FOLLOWS}]->(s:Scenario {id: $scenarioId})
  WHERE (f.impactSummary IS NULL AND $expected IS NULL) OR f.impactSummary = $expected
  SET f.impactSummary = $summary
  RETURN count(f) AS changed`;

export async function recordScenarioImpact(db: Database, follow: ScenarioFollow, summary: string, message: string | null): Promise<boolean> {
  return db.writeTransaction(async (tx: WriteTx) => {
    const [row] = await tx.run<{ changed: number }>(SET_SUMMARY_QUERY, {
      userId: follow.userId,
      scenarioId: follow.scenarioId,
      expected: follow.summary,
      summary,
    });
    if (!row?.changed || message === null) return false;
    await insertNotifications(tx, { id: '', name: 'Foresight Atlas' }, [
      {
        userId: follow.userId,
        kind: NotificationKind.SCENARIO_IMPACT_CHANGED,
        subjectId: follow.scenarioId,
        subjectKind: 'Scenario',
        subjectName: follow.scenarioName,
        message,
      },
    ]);
    return true;
  });
}
