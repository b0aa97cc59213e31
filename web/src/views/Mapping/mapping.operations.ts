// The GraphQL documents of the mapping screens (New…, edit, link, delete, history, data quality). Each export is
// validated against /schema.graphql by tests/web-operations.test.ts.

const FIELD_SPEC = /* GraphQL */ `
  fragment FieldSpecForForm on FieldSpec {
    name
    label
    type
    choices
    required
    min
    max
    help
  }
`;

/** The kinds, their fields and the link types: the forms are built from it. */
export const MAPPING_MODEL = /* GraphQL */ `
  query MappingModel {
    mappingModel {
      kinds { kind label idPrefix adminOnly fields { ...FieldSpecForForm } }
      linkTypes { type label fromKinds toKinds properties { ...FieldSpecForForm } }
    }
  }
  ${FIELD_SPEC}
`;

/** An entity as the edit form opens it, with the revision it saves against. */
export const ENTITY_FOR_EDIT = /* GraphQL */ `
  query EntityForEdit($id: ID!) {
    entity(id: $id) {
      id
      kind
      name
      description
      aliases
      revision
      attributes { key value }
      sources { id name publisher year url }
    }
  }
`;

export const CREATE_ENTITY = /* GraphQL */ `
  mutation CreateEntity($input: CreateEntityInput!) {
    createEntity(input: $input) { id name kind revision }
  }
`;

export const UPDATE_ENTITY = /* GraphQL */ `
  mutation UpdateEntity($input: UpdateEntityInput!) {
    updateEntity(input: $input) { id name kind revision }
  }
`;

const LINK = /* GraphQL */ `
  fragment LinkOfEntity on Link {
    type
    from { id name kind }
    to { id name kind }
    properties
    sources { id }
    unsourced
  }
`;

export const DELETION_IMPACT = /* GraphQL */ `
  query DeletionImpact($id: ID!) {
    deletionImpact(id: $id) {
      canDelete
      reason
      links { ...LinkOfEntity }
      scenarios { id name }
      capabilities { id name }
    }
  }
  ${LINK}
`;

/** An entity's links with their properties and sources, for listing, unlinking and citing. */
export const ENTITY_LINKS = /* GraphQL */ `
  query EntityLinks($id: ID!) {
    entity(id: $id) { id links { ...LinkOfEntity } }
  }
  ${LINK}
`;

export const DELETE_ENTITY = /* GraphQL */ `
  mutation DeleteEntity($id: ID!, $comment: String) {
    deleteEntity(id: $id, comment: $comment) { changeId }
  }
`;

export const LINK_ENTITIES = /* GraphQL */ `
  mutation LinkEntities($input: LinkInput!) {
    linkEntities(input: $input) { type }
  }
`;

export const UNLINK_ENTITIES = /* GraphQL */ `
  mutation UnlinkEntities($type: LinkType!, $fromId: ID!, $toId: ID!, $comment: String) {
    unlinkEntities(type: $type, fromId: $fromId, toId: $toId, comment: $comment) { changeId }
  }
`;

const CHANGE = /* GraphQL */ `
  fragment ChangeForHistory on Change {
    id
    kind
    at
    byName
    comment
    entityId
    entityName
    linkType
    fromId
    toId
    fields { field before after }
    restorable
  }
`;

export const HISTORY = /* GraphQL */ `
  query EntityHistory($id: ID!, $first: Int!) {
    history(id: $id, first: $first) { changes { ...ChangeForHistory } }
  }
  ${CHANGE}
`;

export const MERGE_ENTITIES = /* GraphQL */ `
  mutation MergeEntities($keepId: ID!, $mergeId: ID!, $comment: String) {
    mergeEntities(keepId: $keepId, mergeId: $mergeId, comment: $comment) { id name kind revision }
  }
`;

export const RESTORE = /* GraphQL */ `
  mutation RestoreChange($changeId: ID!) {
    restore(changeId: $changeId) { id name kind }
  }
`;

export const DATA_QUALITY = /* GraphQL */ `
  query DataQuality($first: Int!) {
    dataQuality(first: $first) {
      unsourcedEntities { ...QualityItems }
      unsourcedLinks { total items { type fromId fromKind fromName toId toKind toName } }
      unknownSupply { ...QualityItems }
      unknownTrl { ...QualityItems }
    }
  }
  fragment QualityItems on DataQualityItems {
    total
    items { id kind name }
  }
`;

/** Sources to cite, by title, publisher or URL (sources are not in the full-text search). */
export const FIND_SOURCES = /* GraphQL */ `
  query FindSources($text: String!, $first: Int!) {
    findSources(text: $text, first: $first) { id name kind }
  }
`;
