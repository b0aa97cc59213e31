// Typed calls of the mapping API: one function per analyst action, one round trip each.
import { gql } from '../../lib/graphql/client';
import type * as Api from '../../lib/graphql/api-types';
import * as ops from './mapping.operations';
import type { ChangeEntry, EditableEntity, EntityInput, LinkInput, MappingModel } from './mapping.types';
import type { UndoAction } from './mapping-view';

type Options = { signal?: AbortSignal };

export async function loadMappingModel(options: Options = {}): Promise<MappingModel> {
  const data = await gql<Api.MappingModelQuery, Api.MappingModelQueryVariables>(ops.MAPPING_MODEL, {}, options);
  return data.mappingModel;
}

export async function loadEditable(id: string, options: Options = {}): Promise<EditableEntity | null> {
  const data = await gql<Api.EntityForEditQuery, Api.EntityForEditQueryVariables>(ops.ENTITY_FOR_EDIT, { id }, options);
  return data.entity;
}

export type Saved = Api.CreateEntityMutation['createEntity'];

export async function createEntity(input: EntityInput): Promise<Saved> {
  const data = await gql<Api.CreateEntityMutation, Api.CreateEntityMutationVariables>(ops.CREATE_ENTITY, { input });
  return data.createEntity;
}

export async function updateEntity(input: Omit<EntityInput, 'kind' | 'id'> & { id: string; expectedRevision: number }): Promise<Saved> {
  const data = await gql<Api.UpdateEntityMutation, Api.UpdateEntityMutationVariables>(ops.UPDATE_ENTITY, { input });
  return data.updateEntity;
}

/** A link of the map as the API returns it, with its properties and whether a source backs it. */
export type EntityLink = Api.LinkOfEntityFragment;
export type DeletionImpact = Api.DeletionImpactQuery['deletionImpact'];

export async function deletionImpact(id: string, options: Options = {}): Promise<DeletionImpact> {
  const data = await gql<Api.DeletionImpactQuery, Api.DeletionImpactQueryVariables>(ops.DELETION_IMPACT, { id }, options);
  return data.deletionImpact;
}

/** Deletes; returns the change id that restores it. */
export async function deleteEntity(id: string, comment: string | null): Promise<string | null> {
  const data = await gql<Api.DeleteEntityMutation, Api.DeleteEntityMutationVariables>(ops.DELETE_ENTITY, { id, comment });
  return data.deleteEntity.changeId;
}

export async function linkEntities(input: LinkInput): Promise<void> {
  await gql<Api.LinkEntitiesMutation, Api.LinkEntitiesMutationVariables>(ops.LINK_ENTITIES, { input });
}

export async function unlinkEntities(type: Api.LinkType, fromId: string, toId: string, comment: string | null = null): Promise<void> {
  await gql<Api.UnlinkEntitiesMutation, Api.UnlinkEntitiesMutationVariables>(ops.UNLINK_ENTITIES, { type, fromId, toId, comment });
}

export async function loadHistory(id: string, options: Options = {}): Promise<ChangeEntry[]> {
  const data = await gql<Api.EntityHistoryQuery, Api.EntityHistoryQueryVariables>(ops.HISTORY, { id, first: 100 }, options);
  return data.history.changes;
}

export async function restoreChange(changeId: string): Promise<void> {
  await gql<Api.RestoreChangeMutation, Api.RestoreChangeMutationVariables>(ops.RESTORE, { changeId });
}

/** Merges a duplicate into the entity kept (same kind); the duplicate's id is gone afterwards. */
export async function mergeEntities(keepId: string, mergeId: string, comment: string | null): Promise<Saved> {
  const data = await gql<Api.MergeEntitiesMutation, Api.MergeEntitiesMutationVariables>(ops.MERGE_ENTITIES, { keepId, mergeId, comment });
  return data.mergeEntities;
}

export type DataQuality = Api.DataQualityQuery['dataQuality'];
export type QualityItems = Api.QualityItemsFragment;
export type QualityLinks = DataQuality['unsourcedLinks'];

/** Gaps listed per section at most (the totals count them all). */
export const QUALITY_PAGE = 200;

export async function loadDataQuality(options: Options = {}): Promise<DataQuality> {
  const data = await gql<Api.DataQualityQuery, Api.DataQualityQueryVariables>(ops.DATA_QUALITY, { first: QUALITY_PAGE }, options);
  return data.dataQuality;
}

/** The entity's own links with their properties and sources, for listing, unlinking and citing. */
export async function loadLinks(id: string, options: Options = {}): Promise<EntityLink[]> {
  const data = await gql<Api.EntityLinksQuery, Api.EntityLinksQueryVariables>(ops.ENTITY_LINKS, { id }, options);
  return data.entity?.links ?? [];
}

/** Sources offered in a sources picker at once. */
const SOURCE_CHOICES = 10;

export async function findSources(text: string, options: Options = {}) {
  const data = await gql<Api.FindSourcesQuery, Api.FindSourcesQueryVariables>(ops.FIND_SOURCES, { text, first: SOURCE_CHOICES }, options);
  return data.findSources;
}

/** Runs the inverse of a change made in this session. */
export async function undo(action: UndoAction): Promise<void> {
  switch (action.kind) {
    case 'delete':
      await gql<Api.DeleteEntityMutation, Api.DeleteEntityMutationVariables>(ops.DELETE_ENTITY, { id: action.id, comment: 'Undo' });
      return;
    case 'update':
      await gql<Api.UpdateEntityMutation, Api.UpdateEntityMutationVariables>(ops.UPDATE_ENTITY, {
        input: { id: action.id, expectedRevision: action.revision, newSources: [], ...action.before, comment: 'Undo' },
      });
      return;
    case 'unlink':
      await unlinkEntities(action.type, action.fromId, action.toId, 'Undo');
      return;
    case 'link':
      await linkEntities({
        type: action.type,
        fromId: action.fromId,
        toId: action.toId,
        properties: action.properties,
        sourceIds: action.sourceIds,
        newSources: [],
        comment: 'Undo',
      });
      return;
    case 'restore':
      await restoreChange(action.changeId);
      return;
    default:
      throw new Error(`Unknown undo ${(action as { kind: string }).kind}`);
  }
}
