// The single gateway to Neo4j: every query names its database, reads go through executeRead,
// writes through executeWrite (retried by the driver on transient errors), and rows come back plain.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toPlain } from './values.js';

export type Row = Record<string, any>;
export type Params = Record<string, unknown>;

/** A transaction handed to multi-statement writes; every statement inside commits or rolls back together. */
export interface WriteTx {
  run<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
}

export class Database {
  /** Round trips made through this handle; per-request handles let tests prove there is no N+1. */
  queryCount = 0;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly parent?: Database,
  ) {}

  /** A handle sharing the driver with its own round-trip counter (one per GraphQL request). */
  scoped(): Database {
    return new Database(this.driver, this.name, this);
  }

  private count() {
    this.queryCount++;
    if (this.parent) this.parent.queryCount++;
  }

  async read<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    this.count();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => runPlain<T>(tx, cypher, params));
    } finally {
      await session.close();
    }
  }

  async write<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(cypher, params));
  }

  /** Several statements in one transaction. `work` may be retried, so it must not have outside side effects. */
  async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    this.count();
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work({ run: (cypher, params = {}) => runPlain(tx, cypher, params) }));
    } finally {
      await session.close();
    }
  }
}

async function runPlain<T extends Row>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => toPlain(record.toObject()) as T);
}
