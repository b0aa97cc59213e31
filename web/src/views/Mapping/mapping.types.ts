// Shapes of the mapping API the web app reads (see mapping.operations.ts); they mirror its selections.
import type { FieldSpec } from '../../lib/forms/field-spec';
import type { EntityKind, SourceRef } from '../../lib/graphql/types';

export interface KindSpec {
  kind: EntityKind;
  label: string;
  idPrefix: string;
  adminOnly: boolean;
  fields: FieldSpec[];
}

export interface LinkSpec {
  type: string;
  label: string;
  fromKinds: EntityKind[];
  toKinds: EntityKind[];
  properties: FieldSpec[];
}

export interface MappingModel {
  kinds: KindSpec[];
  linkTypes: LinkSpec[];
}

/** A source to cite that does not exist yet: created with the fact that cites it. */
export interface NewSource {
  title: string;
  publisher: string;
  year: number | null;
  url: string;
  page: string | null;
  quote: string | null;
  accessed: string | null;
}

/** What the sources picker holds: sources already in the Atlas, and new ones to create. */
export interface SourceChoice {
  existing: SourceRef[];
  created: NewSource[];
}

/** An entity as the edit form opens it. */
export interface EditableEntity {
  id: string;
  kind: EntityKind;
  name: string;
  description: string | null;
  aliases: string[];
  revision: number;
  attributes: { key: string; value: string }[];
  sources: SourceRef[];
}

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
  type: string;
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

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ChangeEntry {
  id: string;
  kind: 'CREATE' | 'UPDATE' | 'DELETE' | 'LINK' | 'UNLINK' | 'MERGE' | 'RESTORE';
  at: string;
  byName: string;
  comment: string | null;
  entityId: string | null;
  entityName: string | null;
  linkType: string | null;
  fromId: string | null;
  toId: string | null;
  fields: FieldChange[];
  restorable: boolean;
}
