// The de-duplication keys in the database: stored on every signal (canonicalUrl, contentHash, both indexed)
// and looked up in bulk inside a write transaction. Signals loaded by the seed get theirs on first use.
import type { WriteTx } from '../db/database.js';
import { ENTITY_LABEL, type EntityKind } from '../db/labels.js';
import { KIND_OF } from '../entity/entity.repository.js';
import type { ExistingKeys } from './signal.intake.js';
import { canonicalUrl, contentHash } from './signal.text.js';

/**
 * Gives signals without keys (loaded by the seed, or written before keys existed) their canonical URL and content
 * hash. With `write` false it only computes them (a dry run writes nothing) and returns them for the lookup.
 * Both keys are unique (db/indexes-and-constraints.repository.ts): a key another signal already holds — a seeded signal repeating an imported
 * one — is not written, so that signal stays without it and the holder remains the one duplicates point to.
 */
export async function ensureDedupKeys(tx: WriteTx, write: boolean): Promise<{ id: string; canonicalUrl: string; contentHash: string }[]> {
  const missing = await tx.run<{
    id: string;
    url: string | null;
    name: string | null;
    description: string | null;
    storedUrl: string | null;
    storedHash: string | null;
  }>(
    `MATCH (s:Signal) WHERE s.canonicalUrl IS NULL OR s.contentHash IS NULL
     RETURN s.id AS id, s.url AS url, s.name AS name, s.description AS description,
            s.canonicalUrl AS storedUrl, s.contentHash AS storedHash
     ORDER BY s.id`,
  );
  if (missing.length === 0) return [];
  const rows = missing.map((m) => ({
    id: m.id,
    // A stored URL that does not parse still needs a key; its trimmed text is the best we have.
    canonicalUrl: m.storedUrl ?? canonicalUrl(m.url) ?? (m.url ?? '').trim(),
    contentHash: m.storedHash ?? contentHash(m.name, m.description),
  }));
  if (write) {
    const [held] = await tx.run<{ urls: string[]; hashes: string[] }>(
      `CALL () { UNWIND $urls AS u MATCH (:Signal {canonicalUrl: u}) RETURN collect(DISTINCT u) AS urls }
       CALL () { UNWIND $hashes AS h MATCH (:Signal {contentHash: h}) RETURN collect(DISTINCT h) AS hashes }
       RETURN urls, hashes`,
      { urls: rows.map((r) => r.canonicalUrl), hashes: rows.map((r) => r.contentHash) },
    );
    const urls = new Set(held?.urls ?? []);
    const hashes = new Set(held?.hashes ?? []);
    // In id order, the first signal to need a free key gets it.
    const writes = missing.map((m, i) => {
      const row = rows[i]!;
      const url = m.storedUrl ?? (urls.has(row.canonicalUrl) ? null : row.canonicalUrl);
      const hash = m.storedHash ?? (hashes.has(row.contentHash) ? null : row.contentHash);
      if (url !== null) urls.add(url);
      if (hash !== null) hashes.add(hash);
      return { id: row.id, canonicalUrl: url, contentHash: hash };
    });
    await tx.run(`UNWIND $rows AS row MATCH (s:Signal {id: row.id}) SET s.canonicalUrl = row.canonicalUrl, s.contentHash = row.contentHash`, { rows: writes });
  }
  return rows;
}

export interface KeyQuery {
  urls: string[];
  hashes: string[];
  candidateIds: string[];
  targetIds: string[];
  /** A signal to leave out (the one being edited). */
  excludeId?: string | null;
}

/** One round trip: stored signals with these URLs or hashes, which candidate ids are taken, and the kinds of link targets. */
export async function findExistingKeys(
  tx: WriteTx,
  query: KeyQuery,
  computed: { id: string; canonicalUrl: string; contentHash: string }[] = [],
): Promise<ExistingKeys> {
  const [row] = await tx.run<{ byUrl: [string, string][]; byHash: [string, string][]; taken: string[]; targets: [string, EntityKind][] }>(
    `CALL () { UNWIND $urls AS u MATCH (s:Signal {canonicalUrl: u}) WHERE s.id <> coalesce($excludeId, '')
               WITH u, s ORDER BY s.id RETURN collect([u, s.id]) AS byUrl }
     CALL () { UNWIND $hashes AS h MATCH (s:Signal {contentHash: h}) WHERE s.id <> coalesce($excludeId, '')
               WITH h, s ORDER BY s.id RETURN collect([h, s.id]) AS byHash }
     CALL () { UNWIND $ids AS i MATCH (n:${ENTITY_LABEL} {id: i}) RETURN collect(i) AS taken }
     CALL () { UNWIND $targets AS t MATCH (n:${ENTITY_LABEL} {id: t}) RETURN collect([t, ${KIND_OF('n')}]) AS targets }
     RETURN byUrl, byHash, taken, targets`,
    { urls: query.urls, hashes: query.hashes, ids: query.candidateIds, targets: query.targetIds, excludeId: query.excludeId ?? null },
  );
  const byUrl = new Map<string, string>();
  const byHash = new Map<string, string>();
  // Keys computed in a dry run are not stored yet; they count as stored for the lookup.
  for (const c of computed) {
    if (c.id === query.excludeId) continue;
    if (query.urls.includes(c.canonicalUrl) && !byUrl.has(c.canonicalUrl)) byUrl.set(c.canonicalUrl, c.id);
    if (query.hashes.includes(c.contentHash) && !byHash.has(c.contentHash)) byHash.set(c.contentHash, c.id);
  }
  // The first (lowest) id wins when several stored signals share a key.
  for (const [u, id] of [...(row?.byUrl ?? [])].reverse()) byUrl.set(u, id);
  for (const [h, id] of [...(row?.byHash ?? [])].reverse()) byHash.set(h, id);
  return {
    byUrl,
    byHash,
    takenIds: new Set(row?.taken ?? []),
    targetKinds: new Map(row?.targets ?? []),
  };
}
