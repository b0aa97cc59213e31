// All Cypher of the capability roadmap: the capability and what the map says of each technology enabling it.
// The supply subgraph and saved scenarios come from their own domains (supply-graph.service.ts, scenario.repository.ts).
import type { Database } from '../db/database.js';
import type { EntityKind, RelationshipType } from '../db/labels.js';
import type { LaneFact } from './roadmap.analysis.js';

const CAPABILITY: EntityKind = 'Capability';
const TECHNOLOGY: EntityKind = 'Technology';
const ENABLES: RelationshipType = 'ENABLES';

/** The capability's name and its enabling technologies' readiness facts; null when no capability has that id. */
export async function findCapabilityLanes(db: Database, capabilityId: string): Promise<{ id: string; name: string; lanes: LaneFact[] } | null> {
  const [row] = await db.read<{ id: string; name: string; lanes: LaneFact[] }>(
    `MATCH (c:${CAPABILITY} {id: $capabilityId})
     RETURN c.id AS id, c.name AS name,
            [(t:${TECHNOLOGY})-[e:${ENABLES}]->(c) | {
              id: t.id, name: t.name, strength: e.strength, trl: t.trl, trlYear: t.trlYear, horizon: t.horizon
            }] AS lanes`,
    { capabilityId },
  );
  if (!row) return null;
  const lanes = row.lanes.map((l) => ({
    id: l.id,
    name: l.name,
    strength: l.strength ?? null,
    trl: l.trl ?? null,
    trlYear: l.trlYear ?? null,
    horizon: l.horizon ?? null,
  }));
  return { id: row.id, name: row.name, lanes };
}
