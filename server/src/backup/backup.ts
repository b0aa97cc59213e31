// Export and import of the whole graph (docs/operations.md "Backup and restore").
// JSON format (version 1): { format, version, exportedAt, nodes: [{key, labels, props, types}], relationships: [{type, from, to, props, types}] }
// `key` is an export-local node key; `types` names the properties whose Neo4j type JSON cannot carry: temporal values
// (ISO strings in the file) and integers (JSON numbers, which the driver would send back as floats), so a restore
// gives them their type again. Excluded: sign-in sessions and API tokens (secrets), idempotency keys
// (short-lived), and users' password hashes unless includePasswordHashes (restored users must then be given a password).
import type { Database } from '../db/database.js';
import { DATA_VERSION_LABEL, IDEMPOTENCY_LABEL } from '../db/labels.js';
import {
  countNodes,
  createImportedNodes,
  createImportedRelationships,
  createImportIndex,
  dropImportIndex,
  identifier,
  readNodes,
  readRelationships,
  removeImportMarks,
  RESTORED_TYPES,
  setImportedNodeProperty,
} from './backup.repository.js';
import { ImportRefused } from './import-refused.js';

export const EXPORT_FORMAT = 'foresight-atlas-export';
export const EXPORT_VERSION = 1;
// The data version is this database's own bookkeeping: a restore starts its own.
export const EXCLUDED_LABELS = ['Session', 'ApiToken', IDEMPOTENCY_LABEL, DATA_VERSION_LABEL];
const SECRET_PROPS = ['passwordHash'];

export interface ExportedNode {
  key: string;
  labels: string[];
  props: Record<string, unknown>;
  types?: Record<string, string>;
}
export interface ExportedRelationship {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
  types?: Record<string, string>;
}
export interface GraphExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  nodes: ExportedNode[];
  relationships: ExportedRelationship[];
}

function typesMap(pairs: [string, string][]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, t] of pairs) if (RESTORED_TYPES[t]) out[k] = RESTORED_TYPES[t]!;
  return Object.keys(out).length ? out : undefined;
}

export async function exportGraph(db: Database, options: { includePasswordHashes?: boolean } = {}): Promise<GraphExport> {
  const nodes = await readNodes(db, EXCLUDED_LABELS);
  const keys = new Map<string, string>();
  const exported: ExportedNode[] = nodes.map((n, i) => {
    const key = `n${i}`;
    keys.set(n.key, key);
    const props = { ...n.props };
    if (!options.includePasswordHashes) for (const p of SECRET_PROPS) delete props[p];
    const types = typesMap(n.types);
    return { key, labels: [...n.labels].sort(), props, ...(types ? { types } : {}) };
  });
  const rels = await readRelationships(db, EXCLUDED_LABELS);
  const relationships: ExportedRelationship[] = rels.map((r) => {
    const types = typesMap(r.types);
    return { type: r.type, from: keys.get(r.from)!, to: keys.get(r.to)!, props: r.props, ...(types ? { types } : {}) };
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), nodes: exported, relationships };
}

export { ImportRefused };

export function checkExport(data: unknown): GraphExport {
  const d = data as GraphExport;
  if (!d || d.format !== EXPORT_FORMAT) throw new ImportRefused(`Not a Foresight Atlas export (format "${(d as any)?.format}").`);
  if (d.version !== EXPORT_VERSION) throw new ImportRefused(`Export format version ${d.version} is not supported (this build reads ${EXPORT_VERSION}).`);
  if (!Array.isArray(d.nodes) || !Array.isArray(d.relationships)) throw new ImportRefused('The export has no nodes/relationships lists.');
  return d;
}

export { countNodes };

/** Restores an export into an EMPTY database (else ImportRefused, unless force). Run applySchema first. */
export async function importGraph(db: Database, data: GraphExport, options: { force?: boolean; batchSize?: number; log?: (l: string) => void } = {}) {
  const { batchSize = 2000, log = () => {} } = options;
  checkExport(data);
  const existing = await countNodes(db);
  if (existing > 0 && !options.force)
    throw new ImportRefused(`The database is not empty (${existing} nodes); import only restores into an empty database (--force to merge anyway).`);
  await createImportIndex(db);
  // Nodes, grouped by label set (labels are identifiers, so one statement per set).
  const byLabels = new Map<string, ExportedNode[]>();
  for (const n of data.nodes) {
    const k = n.labels.map(identifier).join(':');
    byLabels.set(k, [...(byLabels.get(k) ?? []), n]);
  }
  for (const [labels, nodes] of byLabels) {
    for (let i = 0; i < nodes.length; i += batchSize) {
      const rows = nodes.slice(i, i + batchSize).map((n) => ({ key: n.key, props: n.props }));
      await createImportedNodes(db, labels, rows);
    }
  }
  // Typed node properties (temporal, integer), grouped by (property, type).
  const nodeTyped = new Map<string, { key: string; value: unknown }[]>();
  for (const n of data.nodes)
    for (const [p, t] of Object.entries(n.types ?? {}))
      nodeTyped.set(`${p}\u0000${t}`, [...(nodeTyped.get(`${p}\u0000${t}`) ?? []), { key: n.key, value: n.props[p] }]);
  for (const [pt, rows] of nodeTyped) {
    const [p, t] = pt.split('\u0000') as [string, string];
    await setImportedNodeProperty(db, p, t, rows);
  }
  // Relationships, grouped by type; typed properties set in the same statement.
  const byType = new Map<string, ExportedRelationship[]>();
  for (const r of data.relationships) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  for (const [type, rels] of byType) {
    const typedKeys = new Map<string, string>();
    for (const r of rels) for (const [p, t] of Object.entries(r.types ?? {})) typedKeys.set(p, t);
    for (let i = 0; i < rels.length; i += batchSize) {
      const rows = rels.slice(i, i + batchSize).map((r) => ({ from: r.from, to: r.to, props: r.props, types: r.types ?? {} }));
      await createImportedRelationships(db, type, typedKeys, rows);
    }
  }
  // Remove the import scaffolding, in batches.
  while ((await removeImportMarks(db)) > 0);
  await dropImportIndex(db);
  log(`Imported ${data.nodes.length} nodes and ${data.relationships.length} relationships.`);
  return { nodes: data.nodes.length, relationships: data.relationships.length };
}

// XML 1.0 forbids these control characters, so they are dropped from cells.
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const xml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(XML_FORBIDDEN, '');
const cell = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** GraphML (for Gephi, yEd): node ids are the entity ids (export keys for nodes without one); every property a data key. */
export function toGraphML(data: GraphExport): string {
  const nodeKeys = new Set<string>();
  const edgeKeys = new Set<string>();
  for (const n of data.nodes) for (const k of Object.keys(n.props)) nodeKeys.add(k);
  for (const r of data.relationships) for (const k of Object.keys(r.props)) edgeKeys.add(k);
  const idOf = new Map(data.nodes.map((n) => [n.key, typeof n.props.id === 'string' ? n.props.id : n.key]));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="labels" for="node" attr.name="labels" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    ...[...nodeKeys].sort().map((k) => `  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="string"/>`),
    ...[...edgeKeys].sort().map((k) => `  <key id="e_${xml(k)}" for="edge" attr.name="${xml(k)}" attr.type="string"/>`),
    '  <graph id="foresight-atlas" edgedefault="directed">',
  ];
  for (const n of data.nodes) {
    out.push(`    <node id="${xml(idOf.get(n.key)!)}">`, `      <data key="labels">${xml(n.labels.join(':'))}</data>`);
    for (const [k, v] of Object.entries(n.props)) out.push(`      <data key="n_${xml(k)}">${xml(cell(v))}</data>`);
    out.push('    </node>');
  }
  data.relationships.forEach((r, i) => {
    out.push(`    <edge id="e${i}" source="${xml(idOf.get(r.from)!)}" target="${xml(idOf.get(r.to)!)}">`, `      <data key="type">${xml(r.type)}</data>`);
    for (const [k, v] of Object.entries(r.props)) out.push(`      <data key="e_${xml(k)}">${xml(cell(v))}</data>`);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
