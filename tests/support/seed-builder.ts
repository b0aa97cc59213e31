// Seed fixtures for tests, without repeating the source: every record cites the fixture's one source unless it names
// its own `sources`, and each group's file is named as the seed folder would name it (nodes/<kind file>.json,
// links/<TYPE>.json), so validation messages in tests read like real ones.
//   const data = seedFixture().nodes('Technology', [{ id: 'tech:a', name: 'A' }]).links('ENABLES', [{ from: 'tech:a', to: 'cap:x', strength: 1 }]).build();
import type { SeedData, SeedRecord } from '../../graph-seed/seed-data.js';
import { NODE_SPECS } from '../../graph-seed/spec.js';
import type { EntityKind, RelationshipType } from '../../server/src/db/labels.js';

/** The document most fixtures cite. */
export const FIXTURE_SOURCE: SeedRecord = { id: 'src:doc', title: 'A document', publisher: 'JRC', year: 2024, url: 'https://example.org/doc' };

export class SeedFixture {
  private readonly data: SeedData;
  private readonly sourceIds: string[];

  constructor(source: SeedRecord = FIXTURE_SOURCE) {
    this.sourceIds = [String(source.id)];
    this.data = { nodes: [{ kind: 'Source', file: fileOf('Source'), records: [source] }], links: [] };
  }

  private cite = (record: SeedRecord): SeedRecord => ('sources' in record ? record : { ...record, sources: this.sourceIds });

  /** Records of one kind (added to the kind's group when it exists, so a kind is one group as in a seed folder). */
  nodes(kind: EntityKind, records: SeedRecord[]): this {
    const group = this.data.nodes.find((g) => g.kind === kind);
    if (group) group.records.push(...records.map(this.cite));
    else this.data.nodes.push({ kind, file: fileOf(kind), records: records.map(this.cite) });
    return this;
  }

  /** Links of one type, each `{ from, to, ...properties }`. */
  links(type: RelationshipType, records: SeedRecord[]): this {
    const group = this.data.links.find((g) => g.type === type);
    if (group) group.records.push(...records.map(this.cite));
    else this.data.links.push({ type, file: `links/${type}.json`, records: records.map(this.cite) });
    return this;
  }

  build(): SeedData {
    return this.data;
  }
}

const fileOf = (kind: EntityKind) => `nodes/${NODE_SPECS[kind]?.file ?? `${kind}.json`}`;

/** A fixture citing `source` (by default FIXTURE_SOURCE). */
export const seedFixture = (source?: SeedRecord) => new SeedFixture(source);
