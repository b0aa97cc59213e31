// Backup round trip: the real seed plus annotations (with revisions) and a scenario (with events), exported to JSON,
// the database wiped, the export imported, and a full fingerprint compared (every node's labels + properties, every
// relationship's type + endpoints + properties, each value with its Neo4j type: an integer restored as a float or a
// datetime restored as a string fails). Also: import refuses a non-empty database; GraphML is well-formed XML
// (fast-xml-parser's validator, always run) with every node and relationship.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDir } from '../../graph-seed/index.js';
import { startServer, type RunningServer } from '../../server/src/app.js';
import { exportGraph, importGraph, ImportRefused, toGraphML } from '../../server/src/backup/backup.js';
import type { Database } from '../../server/src/db/database.js';
import { applySchema } from '../../server/src/db/indexes-and-constraints.repository.js';
import { closeTestDatabase, resetDatabase, testDatabase } from '../support/db.js';
import { postGraphQL } from '../support/graphql.js';
import { graphSnapshot } from '../support/fingerprint.js';
import { callerHeaders } from './support.js';

let db: Database;
let server: RunningServer;
// Sign-in secrets and idempotency keys are deliberately not exported (docs/operations.md).
const EXCLUDE = ['Session', 'ApiToken', 'IdempotencyKey'];

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await loadSeedDir(db);
  server = await startServer({ db, port: 0 });
  const headers = await callerHeaders(db, 'analyst');
  for (const [targetId, text] of [
    ['tech:machine-learning', 'Edge inference makes this cheaper to deploy at borders.'],
    ['mat:gallium', 'Export controls announced; watch prices.'],
  ]) {
    const { errors } = await postGraphQL(
      server.url,
      'mutation($i: AnnotationInput!) { annotate(input: $i) { id } }',
      { i: { targetId, text, impact: 4, tags: ['watch'] } },
      headers,
    );
    expect(errors).toBeUndefined();
  }
  const { errors } = await postGraphQL(
    server.url,
    'mutation($i: ScenarioInput!) { createScenario(input: $i) { id } }',
    { i: { name: 'Gallium squeeze', horizon: 2030, drivers: ['export controls'], events: [{ type: 'DISRUPTION', targetId: 'mat:gallium', fraction: 0.6 }] } },
    headers,
  );
  expect(errors).toBeUndefined();
}, 180_000);
afterAll(async () => {
  await server?.close();
  await closeTestDatabase();
});

describe('export, wipe, import', () => {
  it('restores every node, relationship and property exactly', async () => {
    const beforeWithoutUsers = await graphSnapshot(db, { ignoreLabels: [...EXCLUDE, 'User'] });
    // The graph holds every kind of value the comparison must keep apart: integers (an annotation's version and
    // impact), floats (shares, strengths), datetimes (createdAt) and lists (tags, sourceIds).
    const all = beforeWithoutUsers.nodes.join('\n') + beforeWithoutUsers.relationships.join('\n');
    for (const tag of ['{"int":', '{"float":', '{"datetime":', '{"list":']) expect(all, tag).toContain(tag);
    const usersWithoutSecrets = () => db.read('MATCH (u:User) RETURN u {.*, passwordHash: null} AS u ORDER BY u.id');
    const usersBefore = await usersWithoutSecrets();
    expect(usersBefore.length).toBe(1);
    const [{ annotations, scenarios, revisions }] = (await db.read(
      'MATCH (a:Annotation) WITH count(a) AS annotations MATCH (s:Scenario) WITH annotations, count(s) AS scenarios MATCH ' +
        '(r:AnnotationRevision) RETURN annotations, scenarios, count(r) AS revisions',
    )) as any[];
    expect({ annotations, scenarios, revisions }).toEqual({ annotations: 2, scenarios: 1, revisions: 2 });
    const data = JSON.parse(JSON.stringify(await exportGraph(db))); // as written to and read from the file
    expect(data.format).toBe('foresight-atlas-export');
    expect(data.version).toBe(1);
    expect(data.nodes.some((n: any) => 'passwordHash' in n.props)).toBe(false);
    expect(data.nodes.some((n: any) => n.labels.includes('ApiToken') || n.labels.includes('Session'))).toBe(false);

    await expect(importGraph(db, data)).rejects.toBeInstanceOf(ImportRefused); // not empty

    await db.write('MATCH (n) DETACH DELETE n');
    await applySchema(db);
    await importGraph(db, data);
    // Users come back without their password hash (by design): compare them on what is kept, and everything else exactly.
    const after = await graphSnapshot(db, { ignoreLabels: [...EXCLUDE, 'User'] });
    // Line by line first, so a difference names the node or relationship; then the hash over everything.
    expect(after.nodes.filter((line) => !beforeWithoutUsers.nodes.includes(line))).toEqual([]);
    expect(after.relationships.filter((line) => !beforeWithoutUsers.relationships.includes(line))).toEqual([]);
    expect(after.hash).toBe(beforeWithoutUsers.hash);
    expect(await usersWithoutSecrets()).toEqual(usersBefore);
    // Temporal values come back as temporal values (not strings).
    const [{ type }] = (await db.read('MATCH (a:Annotation) RETURN valueType(a.createdAt) AS type LIMIT 1')) as any[];
    expect(type).toBe('ZONED DATETIME NOT NULL');
    // A second export of the restored graph has the same size.
    const again = await exportGraph(db);
    expect([again.nodes.length, again.relationships.length]).toEqual([data.nodes.length, data.relationships.length]);
  }, 120_000);

  it('writes GraphML with every node and relationship', async () => {
    const data = await exportGraph(db);
    const graphml = toGraphML(data);
    expect(graphml).toMatch(/^<\?xml version="1.0"/);
    expect(graphml.match(/<node /g)?.length).toBe(data.nodes.length);
    expect(graphml.match(/<edge /g)?.length).toBe(data.relationships.length);
    expect(graphml).toContain('<node id="tech:machine-learning">');
    // Well-formed XML, checked by a parser (never skipped), and the parsed document holds every node and edge.
    expect(XMLValidator.validate(graphml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['node', 'edge', 'data', 'key'].includes(name) }).parse(graphml);
    const graph = parsed.graphml.graph;
    expect(graph.node).toHaveLength(data.nodes.length);
    expect(graph.edge).toHaveLength(data.relationships.length);
    const gallium = graph.node.find((n: any) => n['@_id'] === 'mat:gallium');
    expect(gallium.data.find((d: any) => d['@_key'] === 'labels')['#text']).toBe('Entity:Material');
    // A broken document is caught: the validator is not a formality.
    expect(XMLValidator.validate(graphml.replace('</graph>', ''))).not.toBe(true);
  });
});
