// Annotations on a signal through the GraphQL API over HTTP against a real Neo4j: validation that writes nothing,
// edits that keep earlier versions, soft delete, the history, and the spread of several analysts' ratings.
// Expected values are worked out by hand from the fixture (tests/support/signals-fixture.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../server/src/app.js';
import type { Database } from '../server/src/db/database.js';
import { postGraphQL } from './support/graphql.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { signalsFixture } from './support/signals-fixture.js';

let db: Database;
let server: RunningServer;
/** Analysts signed in with API tokens: Ana, Ben and Cem rate and edit; `caller` is anyone else. */
let caller: TestUser;
let ana: TestUser;
let ben: TestUser;
let cem: TestUser;
const gql = (query: string, variables?: Record<string, unknown>, as?: TestUser) => postGraphQL(server.url, query, variables, authHeaders((as ?? caller).token));

useSeededApi(signalsFixture, 'analyst', (api) => ({ db, server, caller } = api));
beforeAll(async () => {
  [ana, ben, cem] = await Promise.all(['Ana', 'Ben', 'Cem'].map((name) => createUserWithToken(db, 'analyst', { name })));
});

describe('annotations', () => {
  const SIGNAL = 'sig:2026-03-02-drone-drops-into-prisons';
  const ANNOTATE = `mutation($input: AnnotationInput!) {
    annotate(input: $input) { id text impact likelihood horizonYear reliability credibility confidence tags author version deleted target { id } }
  }`;
  const annotationCount = async () => (await db.read<{ n: number }>('MATCH (a:Annotation) RETURN count(a) AS n'))[0]!.n;
  const revisionCount = async () => (await db.read<{ n: number }>('MATCH (r:AnnotationRevision) RETURN count(r) AS n'))[0]!.n;

  it('refuses a rating out of range, empty text, a half Admiralty code or an unknown target, writing nothing', async () => {
    const before = [await annotationCount(), await revisionCount()];
    const range = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: 'Fine', impact: 6, likelihood: 0 } });
    expect(range.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.impact' });
    expect(range.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.impact', 'input.likelihood']);
    const empty = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: '   ' } });
    expect(empty.errors?.[0]?.extensions?.field).toBe('input.text');
    const half = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: 'Fine', reliability: 'B' } });
    expect(half.errors?.[0]?.extensions?.field).toBe('input.credibility');
    const grade = await gql(ANNOTATE, { input: { targetId: SIGNAL, text: 'Fine', reliability: 'G', credibility: 7 } });
    expect(grade.errors?.[0]?.extensions?.fields.map((f: any) => f.field)).toEqual(['input.reliability', 'input.credibility']);
    const unknown = await gql(ANNOTATE, { input: { targetId: 'sig:nope', text: 'Fine' } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetId[0]' });
    const wrongKind = await gql(ANNOTATE, { input: { targetId: 'src:doc', text: 'Fine' } });
    expect(wrongKind.errors?.[0]?.extensions?.field).toBe('input.targetId[0]');
    expect([await annotationCount(), await revisionCount()]).toEqual(before);
  });

  it('annotates, edits (keeping the earlier version), soft-deletes, and shows it all in the history', async () => {
    const created = await gql(
      ANNOTATE,
      {
        input: {
          targetId: SIGNAL,
          text: 'Organised crime is scaling drone logistics.',
          impact: 4,
          likelihood: 3,
          horizonYear: 2035,
          reliability: 'B',
          credibility: 2,
          tags: ['Drones', 'prisons', 'drones'],
        },
      },
      ana,
    );
    expect(created.errors).toBeUndefined();
    const annotation = created.data.annotate;
    expect(annotation).toMatchObject({
      impact: 4,
      confidence: 'B2',
      tags: ['drones', 'prisons'],
      author: 'Ana',
      version: 1,
      deleted: false,
      target: { id: SIGNAL },
    });
    expect(annotation.id).toMatch(/^ann:/);

    const EDIT =
      'mutation($id: ID!, $v: Int, $input: AnnotationEdit!) { editAnnotation(id: $id, input: $input, expectedVersion: $v) { ' +
      'text impact likelihood version updatedBy author } }';
    // Another analyst may not change Ana's ratings (they are her vote in the spread), nor delete her note.
    const byBen = await gql(EDIT, { id: annotation.id, v: 1, input: { impact: 5, likelihood: null } }, ben);
    expect(byBen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byBen.errors?.[0]?.message).toContain('only its author');
    const byCem = await gql('mutation($id: ID!) { deleteAnnotation(id: $id) { deleted } }', { id: annotation.id }, cem);
    expect(byCem.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const edited = await gql(EDIT, { id: annotation.id, v: 1, input: { impact: 5, likelihood: null } }, ana);
    expect(edited.data.editAnnotation).toEqual({
      text: 'Organised crime is scaling drone logistics.',
      impact: 5,
      likelihood: null,
      version: 2,
      updatedBy: 'Ana',
      author: 'Ana',
    });
    const stale = await gql(EDIT, { id: annotation.id, v: 1, input: { impact: 3 } }, ana);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
    const badEdit = await gql(EDIT, { id: annotation.id, v: 2, input: { impact: 9 } }, ana);
    expect(badEdit.errors?.[0]?.extensions?.field).toBe('input.impact');

    const deleted = await gql(
      'mutation($id: ID!) { deleteAnnotation(id: $id, reason: "duplicate of a colleague\'s note") { deleted deletedBy version } }',
      { id: annotation.id },
      ana,
    );
    expect(deleted.data.deleteAnnotation).toEqual({ deleted: true, deletedBy: 'Ana', version: 3 });
    const afterDelete = await gql(EDIT, { id: annotation.id, input: { text: 'Again' } }, ana);
    expect(afterDelete.errors?.[0]?.extensions?.field).toBe('id');

    const history = await gql(
      'query($id: ID!) { annotation(id: $id) { deleted history { version action author reason text impact likelihood confidence moderated } } }',
      { id: annotation.id },
    );
    expect(history.data.annotation.history).toEqual([
      {
        version: 1,
        action: 'created',
        author: 'Ana',
        reason: null,
        text: 'Organised crime is scaling drone logistics.',
        impact: 4,
        likelihood: 3,
        confidence: 'B2',
        moderated: false,
      },
      {
        version: 2,
        action: 'edited',
        author: 'Ana',
        reason: null,
        text: 'Organised crime is scaling drone logistics.',
        impact: 5,
        likelihood: null,
        confidence: 'B2',
        moderated: false,
      },
      {
        version: 3,
        action: 'deleted',
        author: 'Ana',
        reason: "duplicate of a colleague's note",
        text: 'Organised crime is scaling drone logistics.',
        impact: 5,
        likelihood: null,
        confidence: 'B2',
        moderated: false,
      },
    ]);

    const lists = await gql('query($id: ID!) { visible: annotations(targetId: $id) { id } all: annotations(targetId: $id, includeDeleted: true) { id } }', {
      id: SIGNAL,
    });
    expect(lists.data).toEqual({ visible: [], all: [{ id: annotation.id }] });
  });

  it("shows the spread of several analysts' ratings, each analyst counted once", async () => {
    const rate = (as: TestUser, impact: number, likelihood: number) =>
      gql(ANNOTATE, { input: { targetId: 'tech:uncrewed-aircraft-systems', text: `${as.user.name} rates it`, impact, likelihood } }, as);
    await rate(ana, 2, 4);
    await rate(ben, 4, 4);
    await rate(cem, 5, 1);
    // Ana rates again later: her new impact 3 replaces her 2.
    await rate(ana, 3, 4);
    const anonymous = await gql(ANNOTATE, { input: { targetId: 'tech:uncrewed-aircraft-systems', text: 'No ratings, just a note' } });
    // The author is the signed-in user (here "Test analyst"), never a name the client sends.
    expect(anonymous.data.annotate.author).toBe('Test analyst');

    const { data } = await gql(`{ technology(id: "tech:uncrewed-aircraft-systems") {
      annotations { author }
      ratings { raters impact { count mean min max standardDeviation histogram { value count } } likelihood { count mean min max standardDeviation } }
    } }`);
    expect(data.technology.annotations).toHaveLength(5);
    // Impact: Ana 3, Ben 4, Cem 5 → mean 4, population SD √(2/3) ≈ 0.816.
    expect(data.technology.ratings.raters).toBe(3);
    expect(data.technology.ratings.impact).toEqual({
      count: 3,
      mean: 4,
      min: 3,
      max: 5,
      standardDeviation: 0.816,
      histogram: [
        { value: 1, count: 0 },
        { value: 2, count: 0 },
        { value: 3, count: 1 },
        { value: 4, count: 1 },
        { value: 5, count: 1 },
      ],
    });
    // Likelihood: Ana 4, Ben 4, Cem 1 → mean 3, SD √2 ≈ 1.414.
    expect(data.technology.ratings.likelihood).toEqual({ count: 3, mean: 3, min: 1, max: 4, standardDeviation: 1.414 });
  });
});
