// Shapes of the mapping API the web app reads: the generated result types of mapping.operations.ts (npm run codegen),
// named for this view, and what the forms hold before they become an input.
import type { FieldSpec } from '../../lib/forms/field-spec';
import type * as Api from '../../lib/graphql/api-types';
import type { EntityKind, SourceRef } from '../../lib/graphql/types';

type Model = Api.MappingModelQuery['mappingModel'];
/** A kind as the forms use it: its fields as form specs (which the generated field shape satisfies). */
export type KindSpec = Omit<Model['kinds'][number], 'fields'> & { fields: FieldSpec[] };
export type LinkSpec = Omit<Model['linkTypes'][number], 'properties'> & { properties: FieldSpec[] };
export interface MappingModel {
  kinds: KindSpec[];
  linkTypes: LinkSpec[];
}
export type LinkType = Api.LinkType;

/** A source to cite that does not exist yet: created with the fact that cites it. */
export type NewSource = Api.NewSourceInput;

/** What the sources picker holds: sources already in the Atlas, and new ones to create. */
export interface SourceChoice {
  existing: SourceRef[];
  created: NewSource[];
}

/** An entity as the edit form opens it. */
export type EditableEntity = NonNullable<Api.EntityForEditQuery['entity']>;

export interface EntityInput {
  kind: EntityKind;
  id?: string;
  name: string;
  description: string | null;
  aliases: string[];
  attributes: Record<string, unknown>;
  sourceIds: string[];
  newSources: NewSource[];
  comment: string | null;
}

export interface LinkInput {
  type: LinkType;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
  sourceIds: string[];
  newSources: NewSource[];
  comment: string | null;
}

/** One field changed by someone else since the form was opened (a CONFLICT's extensions.changes). */
export interface ConflictChange {
  field: string;
  before: unknown;
  after: unknown;
  by: string;
  at: string;
}

export type ChangeEntry = Api.ChangeForHistoryFragment;
export type FieldChange = ChangeEntry['fields'][number];
