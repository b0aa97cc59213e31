// Database.memo with `carry` and the write-change log, on a stand-in driver (no Neo4j): the computation gets the
// previous version's value and what every write since then changed, only when each of those writes recorded its
// changes here; otherwise (a write naming nothing, another process's write) it starts from scratch. memoAtHand tells,
// computing nothing, whether the next read would have its value without starting from scratch.
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Database, readChangesWith, type Carried } from './database.js';

/** A driver whose only state is the data version counter (epoch "e"); other statements return no rows. */
function fakeDriver() {
  const state = { n: 0 };
  const record = (o: Record<string, unknown>) => ({ toObject: () => o });
  const tx = {
    run: async (cypher: string) => {
      if (cypher.includes('SET v.n = v.n + 1')) return { records: [record({ version: `e:${++state.n}` })] };
      if (cypher.includes('OPTIONAL MATCH (v:')) return { records: [record({ version: state.n ? `e:${state.n}` : null })] };
      return { records: [] };
    },
  };
  const session = () => ({
    executeRead: (work: (t: typeof tx) => unknown) => work(tx),
    executeWrite: (work: (t: typeof tx) => unknown) => work(tx),
    run: tx.run,
    close: async () => {},
  });
  return { driver: { session } as unknown as Driver, state };
}

describe('memo with carry', () => {
  it('hands over the previous value and the recorded changes, and starts over when a write is unknown here', async () => {
    // The reader answers with the touched ids (the supply graph's reads its rows; any value will do here).
    readChangesWith(async (_tx, touched) => ({ touched }));
    const { driver, state } = fakeDriver();
    const db = new Database(driver, 'neo4j');
    const calls: (Carried<string> | undefined)[] = [];
    let made = 0;
    const read = () =>
      db.memo<string>(
        'k',
        async (prior) => {
          calls.push(prior);
          return `value ${++made}`;
        },
        { carry: true },
      );

    await db.write('CREATE (:Thing)'); // e:1, names nothing: unknown
    expect(await read()).toBe('value 1');
    expect(calls[0]).toBeUndefined();
    expect(await read()).toBe('value 1'); // same version: cached

    await db.writeTransaction(async (tx) => tx.touch!(['tech:a', null, 'cap:x'])); // e:2
    await db.writeTransaction(async (tx) => tx.touch!([])); // e:3: a known write touching nothing
    expect(await read()).toBe('value 2');
    expect(await calls[1]!.value).toBe('value 1');
    expect(calls[1]!.changes).toEqual([{ touched: ['tech:a', 'cap:x'] }, { touched: [] }]);

    await db.write('CREATE (:Thing)'); // e:4, names nothing
    expect(await read()).toBe('value 3');
    expect(calls[2]).toBeUndefined();

    await db.writeTransaction(async (tx) => tx.touch!(['mat:m'])); // e:5, recorded here
    state.n++; // e:6, written by another process: nothing recorded here
    expect(await read()).toBe('value 4');
    expect(calls[3]).toBeUndefined();
    expect(db.changesBetween('e:4', 'e:5')).toEqual([{ touched: ['mat:m'] }]);
    expect(db.changesBetween('e:4', 'e:6')).toBeNull();
    expect(db.changesBetween('other:4', 'e:5')).toBeNull();
  });

  it('says whether the value of the current version is at hand: cached, or carried by recorded changes', async () => {
    readChangesWith(async (_tx, touched) => ({ touched }));
    const { driver, state } = fakeDriver();
    const db = new Database(driver, 'neo4j');
    let made = 0;
    const read = () => db.memo<number>('k', async () => ++made, { carry: true });

    expect(await db.memoAtHand('k')).toBe(false); // no version yet: memo would not even cache
    await db.write('CREATE (:Thing)'); // e:1
    expect(await db.memoAtHand('k')).toBe(false); // never computed
    await read();
    expect(await db.memoAtHand('k')).toBe(true); // cached for e:1
    expect(await db.memoAtHand('other')).toBe(false);

    await db.writeTransaction(async (tx) => tx.touch!(['tech:a'])); // e:2, recorded
    expect(await db.memoAtHand('k')).toBe(true); // carried from e:1 by e:2's changes
    expect(made).toBe(1); // asking computed nothing

    await db.write('CREATE (:Thing)'); // e:3, names nothing: unknown
    expect(await db.memoAtHand('k')).toBe(false);
    await read();
    expect(made).toBe(2);
    state.n++; // e:4, another process's write
    expect(await db.memoAtHand('k')).toBe(false);
  });

  it('is not at hand while being computed (a whole fetch the caller need not wait for), nor carried from one', async () => {
    readChangesWith(async (_tx, touched) => ({ touched }));
    const { driver } = fakeDriver();
    const db = new Database(driver, 'neo4j');
    let finish!: (v: number) => void;
    await db.write('CREATE (:Thing)'); // e:1
    const first = db.memo<number>('k', () => new Promise<number>((resolve) => (finish = resolve)), { carry: true });
    expect(await db.memoAtHand('k')).toBe(false); // under way for e:1
    await db.writeTransaction(async (tx) => tx.touch!(['tech:a'])); // e:2, recorded
    expect(await db.memoAtHand('k')).toBe(false); // carried from a value not there yet
    finish(1);
    await first;
    expect(await db.memoAtHand('k')).toBe(true);
  });

  it('is never at hand with the result cache off: memo always computes from scratch then', async () => {
    const { driver } = fakeDriver();
    const db = new Database(driver, 'neo4j', undefined, { resultCache: false });
    await db.write('CREATE (:Thing)');
    await db.memo('k', async () => 1, { carry: true });
    expect(await db.memoAtHand('k')).toBe(false);
  });
});
