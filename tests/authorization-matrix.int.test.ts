// The authorization matrix, built from the schema: every Mutation field is sent signed out, as a viewer, in read-only
// mode and (admin-only ones) as an analyst, with arguments of the right shape made from its argument types. Each must
// be refused with UNAUTHENTICATED or FORBIDDEN, and the whole graph (every property, every link) must be unchanged.
// Nothing here names the mutations, so mutations added later are covered too; only the allow-list below is written
// by hand, each entry with its reason. A mutation with no guard fails here.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSeed } from '../graph-seed/write.js';
import { startServer, type RunningServer } from '../server/src/app.js';
import type { Role } from '../server/src/auth/roles.js';
import type { Database } from '../server/src/db/database.js';
import { createSchema } from '../server/src/graphql/schema.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { closeTestDatabase, resetDatabase, testDatabase } from './support/db.js';
import { graphFingerprint } from './support/fingerprint.js';
import { postGraphQL } from './support/graphql.js';

/** Mutations a caller may run without the role the matrix otherwise expects, and why. */
const OPEN_TO_EVERYONE: Record<string, string> = {
  login: 'signing in is how one gets a role',
  logout: 'ends only the caller’s own session (nothing when signed out)',
  resetPassword: 'proves itself with a one-time code from an admin instead of a session',
};
const OPEN_TO_VIEWERS: Record<string, string> = {
  ...OPEN_TO_EVERYONE,
  createApiToken: 'every user manages their own tokens',
  revokeApiToken: 'every user manages their own tokens (admins: anyone’s)',
  changeMyPassword: 'every user changes their own password',
  follow: 'a watchlist is the reader’s own: viewers follow what they read (docs/notifications.md)',
  unfollow: 'a watchlist is the reader’s own',
  saveSearch: 'a saved search is the reader’s own, and followed',
  deleteSavedSearch: 'only the caller’s own saved searches',
  markNotificationsRead: 'only the caller’s own notifications',
  markAllNotificationsRead: 'only the caller’s own notifications',
};
/** Still allowed in a read-only demo: signing in and out (docs/security.md "Demo mode"). */
const OPEN_WHEN_READ_ONLY: Record<string, string> = { login: OPEN_TO_EVERYONE.login!, logout: OPEN_TO_EVERYONE.logout! };

const REFUSED = ['UNAUTHENTICATED', 'FORBIDDEN'];
/** An id that exists in the fixture, so a mutation that slipped through would really change something. */
const EXISTING_ID = 'tech:t000';

/** A value of the input type, as a variable would carry it: every required field filled, optional ones left out. */
function sampleValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, depth);
  if (isListType(type)) return [sampleValue(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    if (depth > 5) throw new Error(`${type.name} nests too deep to sample.`);
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = sampleValue(field.type, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 0.5;
      case 'Boolean':
        return true;
      case 'ID':
        return EXISTING_ID;
      default:
        return 'x';
    }
  }
  throw new Error(`No sample for ${String(type)}.`);
}

interface MutationRequest {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

function requestFor(field: GraphQLField<unknown, unknown>): MutationRequest {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return {
    name: field.name,
    query: `mutation Matrix${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)])),
  };
}

/** The lowest role each mutation's @Authorized asks for (type-graphql's metadata); undefined: no guard at all. */
function neededRoles(): Map<string, Role | undefined> {
  const storage = getMetadataStorage();
  const order: Role[] = ['viewer', 'analyst', 'admin'];
  return new Map(
    storage.mutations.map((m) => {
      const guard =
        storage.authorizedFields.find((a) => a.target === m.target && a.fieldName === m.methodName) ??
        storage.authorizedResolver.find((a) => a.target === m.target);
      const roles = (guard?.roles ?? []) as Role[];
      const lowest = guard ? (order.find((r) => roles.includes(r)) ?? 'viewer') : undefined;
      return [m.schemaName, lowest];
    }),
  );
}

let db: Database;
let server: RunningServer;
let readOnlyServer: RunningServer;
let viewer: TestUser;
let analyst: TestUser;
let admin: TestUser;
let mutations: MutationRequest[];

/** Generous limits: the matrix sends every mutation several times and must not meet the rate limit instead. */
const limits = { mutationBurst: 100_000, mutationsPerSecond: 100_000 };

beforeAll(async () => {
  db = await testDatabase();
  await resetDatabase(db);
  await writeSeed(db, mappingFixture(3));
  viewer = await createUserWithToken(db, 'viewer', { name: 'Vera Viewer' });
  analyst = await createUserWithToken(db, 'analyst', { name: 'Ana Analyst' });
  admin = await createUserWithToken(db, 'admin', { name: 'Adam Admin' });
  server = await startServer({ db, port: 0, limits });
  readOnlyServer = await startServer({ db, port: 0, limits, auth: { readOnly: true } });
  const schema = await createSchema();
  mutations = Object.values(schema.getMutationType()!.getFields()).map(requestFor);
});
afterAll(async () => {
  await server?.close();
  await readOnlyServer?.close();
  await closeTestDatabase();
});

/** Sends each mutation and returns those not refused with UNAUTHENTICATED or FORBIDDEN (with what they got). */
async function sweep(url: string, headers: Record<string, string>, requests: MutationRequest[]) {
  const leaks: { name: string; got: unknown }[] = [];
  for (const request of requests) {
    const body = await postGraphQL(url, request.query, request.variables, headers);
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    if (codes.length === 0 || !codes.every((c) => REFUSED.includes(c))) leaks.push({ name: request.name, got: body.errors?.[0] ?? body.data });
  }
  return leaks;
}

describe('authorization matrix (every Mutation field of the schema)', () => {
  it('finds the mutations in the schema, each with a guard or an allow-list entry', () => {
    expect(mutations.length).toBeGreaterThan(30);
    const roles = neededRoles();
    const unguarded = mutations.map((m) => m.name).filter((name) => roles.get(name) === undefined && !(name in OPEN_TO_EVERYONE));
    expect(unguarded).toEqual([]);
    // Every allow-list entry is a real mutation (a renamed one must not leave a stale exception behind).
    expect(Object.keys(OPEN_TO_VIEWERS).filter((name) => !mutations.some((m) => m.name === name))).toEqual([]);
  });

  it('refuses every mutation signed out, and the graph is unchanged', async () => {
    const before = await graphFingerprint(db);
    expect(
      await sweep(
        server.url,
        {},
        mutations.filter((m) => !(m.name in OPEN_TO_EVERYONE)),
      ),
    ).toEqual([]);
    expect(await graphFingerprint(db)).toBe(before);
  });

  it('refuses every mutation to a viewer, except their own tokens, password, watchlist and notifications', async () => {
    const before = await graphFingerprint(db);
    expect(
      await sweep(
        server.url,
        authHeaders(viewer.token),
        mutations.filter((m) => !(m.name in OPEN_TO_VIEWERS)),
      ),
    ).toEqual([]);
    expect(await graphFingerprint(db)).toBe(before);
  });

  it('refuses every admin-only mutation to an analyst', async () => {
    const roles = neededRoles();
    const adminOnly = mutations.filter((m) => roles.get(m.name) === 'admin');
    expect(adminOnly.map((m) => m.name)).toEqual(
      expect.arrayContaining(['createUser', 'updateUserRole', 'deleteTechnology', 'disableUser', 'deleteUser', 'issuePasswordResetCode']),
    );
    const before = await graphFingerprint(db);
    expect(await sweep(server.url, authHeaders(analyst.token), adminOnly)).toEqual([]);
    expect(await graphFingerprint(db)).toBe(before);
  });

  it('refuses every mutation in read-only mode, even to an admin', async () => {
    const before = await graphFingerprint(db);
    expect(
      await sweep(
        readOnlyServer.url,
        authHeaders(admin.token),
        mutations.filter((m) => !(m.name in OPEN_WHEN_READ_ONLY)),
      ),
    ).toEqual([]);
    expect(await graphFingerprint(db)).toBe(before);
  });
});
