// Against the throwaway Neo4j: a signal recorded by hand gets its id from day and title (or the alternative when a
// deleted signal holds it), refuses a duplicate URL or content, is edited, triaged with history, linked and unlinked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, resetDatabase, testDatabase } from '../../../tests/support/db.js';
import { QueryRecorder } from '../../../tests/support/query-recorder.js';
import type { Database } from '../db/database.js';
import { alternativeId, checkRecord } from './signal.intake.js';
import type { SignalDraft } from './signal.model.js';
import { contentHash } from './signal.text.js';
import { changeStatus, findSignalForEdit, insertSignal, linkSignal, modifySignal, unlinkSignal } from './signal.writes.repository.js';

const queries = new QueryRecorder('signal/signal.writes.repository');
let db: Database;
const ANA = { id: 'user:ana', name: 'Ana' };
const SWARMS = 'sig:2026-01-10-drone-swarms-tested';

const draft = (title: string, url: string, publishedAt = '2026-01-10', summary = 'Trials at sea'): SignalDraft =>
  checkRecord({ position: 1, line: null, title, summary, url, publishedAt }, { steep: 'technological', status: 'new', observedAt: '2026-02-01' }).draft!;
const changes = (entityId: string) =>
  db.read<{ kind: string; fields: string }>('MATCH (c:Change {entityId: $entityId}) RETURN c.kind AS kind, c.fields AS fields ORDER BY c.seq', {
    entityId,
  });
const links = (id: string) =>
  db.read<{ to: string; relevance: number }>('MATCH (:Signal {id: $id})-[r:INDICATES]->(t) RETURN t.id AS to, r.relevance AS relevance ORDER BY to', { id });

beforeAll(async () => {
  db = queries.wrap(await testDatabase());
  await resetDatabase(db);
  await db.write(
    `CREATE (:Entity:Technology {id: 'tech:drones', name: 'Drones'}), (:Entity:Capability {id: 'cap:defence', name: 'Defence'}),
            (:DeletedSignal {id: 'sig:2026-01-11-drone-law', name: 'Drone law'})`,
  );
});
afterAll(closeTestDatabase);

describe('signal writes', () => {
  it('insert a signal with its links and a CREATE in history; a deleted signal’s id is never reused', async () => {
    const swarms = await insertSignal(db, draft('Drone swarms tested', 'https://news.example.org/swarms'), [{ targetId: 'tech:drones', relevance: 0.8 }], ANA);
    expect(swarms).toMatchObject({ id: SWARMS, kind: 'Signal', name: 'Drone swarms tested', status: 'new', createdBy: 'Ana' });
    expect(await links(SWARMS)).toEqual([{ to: 'tech:drones', relevance: 0.8 }]);
    expect((await changes(SWARMS)).map((c) => c.kind)).toEqual(['CREATE']);
    const law = draft('Drone law', 'https://news.example.org/law', '2026-01-11');
    expect((await insertSignal(db, law, [], ANA)).id).toBe(alternativeId(law));
  });

  it('refuse a second signal with the same URL or the same title and summary, and unknown link targets', async () => {
    await expect(insertSignal(db, draft('Another title', 'https://news.example.org/swarms'), [], ANA)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.url' },
    });
    await expect(insertSignal(db, draft('Drone swarms tested', 'https://other.example.org/x'), [], ANA)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.title' },
    });
    await expect(insertSignal(db, draft('Fresh', 'https://news.example.org/fresh'), [{ targetId: 'tech:nope', relevance: 0.5 }], ANA)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.links[0]' },
    });
    expect(await db.read('MATCH (s:Signal) RETURN s.id')).toHaveLength(2);
  });

  it('read a signal back as a draft to edit, or say it is not there', async () => {
    const current = await db.writeTransaction((tx) => findSignalForEdit(tx, SWARMS));
    expect(current).toEqual({ ...draft('Drone swarms tested', 'https://news.example.org/swarms'), targetIds: [] });
    await expect(db.writeTransaction((tx) => findSignalForEdit(tx, 'sig:nope'))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('edit a signal, refusing a title and summary another signal has', async () => {
    const retitle = (name: string) => (c: SignalDraft) => ({ ...c, name, contentHash: contentHash(name, c.description) });
    expect(await modifySignal(db, SWARMS, retitle('Drone swarms tested at sea'))).toMatchObject({ id: SWARMS, name: 'Drone swarms tested at sea' });
    await expect(modifySignal(db, SWARMS, retitle('Drone law'))).rejects.toMatchObject({ extensions: { field: 'input.title' } });
    expect((await db.writeTransaction((tx) => findSignalForEdit(tx, SWARMS))).name).toBe('Drone swarms tested at sea');
  });

  it('triage several signals at once, with an UPDATE only where the status really changes', async () => {
    const law = alternativeId(draft('Drone law', 'https://news.example.org/law', '2026-01-11'));
    await changeStatus(db, [law], 'archived', ANA);
    const changed = await changeStatus(db, [SWARMS, law], 'archived', ANA);
    expect(changed.map((s) => [s.id, s.status, s.statusBy])).toEqual([
      [SWARMS, 'archived', 'Ana'],
      [law, 'archived', 'Ana'],
    ]);
    expect((await changes(law)).map((c) => c.kind)).toEqual(['CREATE', 'UPDATE']);
    expect(JSON.parse((await changes(SWARMS))[1]!.fields)).toEqual([{ field: 'status', before: 'new', after: 'archived' }]);
    await expect(changeStatus(db, ['sig:nope'], 'new', ANA)).rejects.toMatchObject({ extensions: { field: 'ids[0]' } });
  });

  it('link a signal (a new one becomes linked, an archived one stays archived) and unlink it', async () => {
    const archived = await linkSignal(db, SWARMS, 'cap:defence', 0.6, ANA);
    expect([archived.signal.status, archived.target.id, archived.relevance]).toEqual(['archived', 'cap:defence', 0.6]);
    await changeStatus(db, [SWARMS], 'new', ANA);
    const relinked = await linkSignal(db, SWARMS, 'cap:defence', null, ANA);
    expect([relinked.signal.status, relinked.relevance]).toEqual(['linked', 0.5]);
    expect(await links(SWARMS)).toEqual([
      { to: 'cap:defence', relevance: 0.5 },
      { to: 'tech:drones', relevance: 0.8 },
    ]);
    expect(await unlinkSignal(db, SWARMS, 'cap:defence', ANA)).toEqual({ removed: true });
    expect(await unlinkSignal(db, SWARMS, 'cap:defence', ANA)).toEqual({ removed: false });
    expect(await links(SWARMS)).toEqual([{ to: 'tech:drones', relevance: 0.8 }]);
  });

  queries.snapshotTest();
});
