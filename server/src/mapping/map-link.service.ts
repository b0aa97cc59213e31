// linkEntities / unlinkEntities: validate against the model, then one write transaction (inline sources, the link,
// its history record).
import type { AuthUser } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { assertValid, badInput } from '../graphql/errors.js';
import { optionalText, problems, requiredText } from '../graphql/validation.js';
import type { Actor } from '../history/history.model.js';
import { removeLink, writeLink, type LinkRecord } from './link.writes.repository.js';
import { normaliseFields } from './mapping-fields.validation.js';
import { linkProblems } from './mapping.input.validation.js';
import { LINK_SPEC, type LinkType } from './mapping-model.js';
import { createNewSources } from './map-entity.service.js';
import type { LinkInput } from './map-entity.type.js';

const actorOf = (user: AuthUser): Actor => ({ id: user.id, name: user.name });

export async function linkMapEntities(db: Database, input: LinkInput, user: AuthUser): Promise<LinkRecord> {
  assertValid(linkProblems(input));
  const spec = LINK_SPEC.get(input.type)!;
  const actor = actorOf(user);
  return db.writeTransaction(async (tx) => {
    const newIds = await createNewSources(tx, input.newSources, actor);
    const properties = normaliseFields(spec.properties, input.properties, false);
    return writeLink(
      tx,
      { type: input.type, fromId: input.fromId, toId: input.toId, properties, sourceIds: [...(input.sourceIds ?? []), ...newIds] },
      actor,
      undefined,
      {
        comment: input.comment,
      },
    );
  });
}

export async function unlinkMapEntities(db: Database, type: LinkType, fromId: string, toId: string, comment: string | null | undefined, user: AuthUser) {
  assertValid(problems(requiredText('fromId', fromId), requiredText('toId', toId), optionalText('comment', comment, 2000)));
  if (!LINK_SPEC.has(type)) throw badInput({ field: 'type', message: 'is not a link type analysts map.' });
  return db.writeTransaction((tx) => removeLink(tx, type, fromId, toId, actorOf(user), { comment }));
}
