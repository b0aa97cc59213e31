// All Cypher that reads or writes capabilities.
import type { Database } from '../db/database.js';
import { int } from '../db/values.js';
import { toEntity } from '../entity/entity.repository.js';
import type { EntityRecord } from '../entity/entity.type.js';
import { checkReferences, createEntity, deleteEntity, updateEntity } from '../entity/entity.writes.repository.js';
import { idFromName } from '../entity/entity-id.js';
import type { Cursor } from '../graphql/connection.js';
import type { Actor } from '../history/history.model.js';
import type { CapabilityFilter, CapabilityInput, CapabilityUpdate } from './capability.type.js';

const FILTER = `($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($domain IS NULL OR c.domain = $domain)`;

export async function listCapabilities(db: Database, filter: CapabilityFilter, first: number, after: Cursor | null) {
  const [row] = await db.read<{ total: number; page: Record<string, unknown>[] }>(
    `CALL () { MATCH (c:Capability) WHERE ${FILTER} RETURN count(c) AS total }
     CALL () {
       MATCH (c:Capability) WHERE ${FILTER}
         AND ($afterName IS NULL OR c.name > $afterName OR (c.name = $afterName AND c.id > $afterId))
       WITH c ORDER BY c.name, c.id LIMIT $limit
       RETURN collect(properties(c)) AS page
     }
     RETURN total, page`,
    {
      nameContains: filter.nameContains ?? null,
      domain: filter.domain ?? null,
      afterName: after?.name ?? null,
      afterId: after?.id ?? null,
      limit: int(first + 1),
    },
  );
  return { total: row?.total ?? 0, rows: (row?.page ?? []).map((props) => toEntity({ kind: 'Capability', props })) };
}

function capabilityProps(input: CapabilityInput | CapabilityUpdate): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of ['name', 'description', 'domain'] as const) if (input[key] !== undefined) props[key] = input[key];
  if (typeof props.name === 'string') props.name = props.name.trim();
  return props;
}

export async function insertCapability(db: Database, input: CapabilityInput, actor: Actor): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [{ field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] }]);
    return createEntity(tx, 'Capability', input.id ?? idFromName('Capability', input.name), capabilityProps(input), input.sourceIds ?? [], actor);
  });
}

export async function modifyCapability(db: Database, id: string, input: CapabilityUpdate, actor: Actor): Promise<EntityRecord> {
  return db.writeTransaction(async (tx) => {
    await checkReferences(tx, [{ field: 'input.sourceIds', ids: input.sourceIds ?? [], kinds: ['Source'] }]);
    return updateEntity(tx, 'Capability', id, capabilityProps(input), input.sourceIds ?? undefined, actor);
  });
}

export async function removeCapability(db: Database, id: string, actor: Actor) {
  return db.writeTransaction((tx) => deleteEntity(tx, 'Capability', id, actor));
}
