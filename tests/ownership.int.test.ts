// Ownership over real HTTP against a real Neo4j: annotations (and so ratings) change only by their author; admins may
// moderate the words, recorded in the history, never the ratings; scenarios change only by their owner or an admin,
// and others duplicate them to get a copy of their own. Refusals write nothing.
import { describe, expect, it } from 'vitest';
import type { Database } from '../server/src/db/database.js';
import type { RunningServer } from '../server/src/app.js';
import { mappingFixture } from './fixtures/mapping-fixture.js';
import { useSeededApi } from './support/api.js';
import { authHeaders, createUserWithToken, type TestUser } from './support/auth.js';
import { graphFingerprint } from './support/fingerprint.js';
import { postGraphQL } from './support/graphql.js';

let db: Database;
let server: RunningServer;
let ana: TestUser;
let ben: TestUser;
let admin: TestUser;
useSeededApi(
  () => mappingFixture(3),
  'analyst',
  async (api) => {
    ({ db, server, caller: ana } = api);
  },
);

const as = (who: TestUser, query: string, variables?: Record<string, unknown>) => postGraphQL(server.url, query, variables, authHeaders(who.token));
const authoredFingerprint = () => graphFingerprint(db);

const ANNOTATE = 'mutation($input: AnnotationInput!) { annotate(input: $input) { id } }';
const EDIT = 'mutation($id: ID!, $input: AnnotationEdit!) { editAnnotation(id: $id, input: $input) { text impact version author updatedBy } }';
const SPREAD = '{ ratingSpread(targetId: "tech:t000") { raters impact { count mean histogram { value count } } } }';

describe('annotations and ratings', () => {
  it('are changed only by their author: another analyst is refused with what to do, and nothing changes', async () => {
    ben = await createUserWithToken(db, 'analyst', { name: 'Ben' });
    admin = await createUserWithToken(db, 'admin', { name: 'Adam Admin' });
    const id = (await as(ana, ANNOTATE, { input: { targetId: 'tech:t001', text: 'Ana’s view', impact: 4 } })).data.annotate.id;
    const before = await authoredFingerprint();

    const edit = await as(ben, EDIT, { id, input: { impact: 1 } });
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(edit.errors?.[0]?.message).toBe(
      'This annotation is by Test analyst; only its author (or an administrator) can change it. Write your own annotation to ' +
        'give your view, or ask an administrator to moderate this one.',
    );
    const remove = await as(ben, 'mutation($id: ID!) { deleteAnnotation(id: $id) { deleted } }', { id });
    expect(remove.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await authoredFingerprint()).toBe(before);

    const own = await as(ana, EDIT, { id, input: { impact: 5 } });
    expect(own.data.editAnnotation).toEqual({ text: 'Ana’s view', impact: 5, version: 2, author: 'Test analyst', updatedBy: 'Test analyst' });
  });

  it('may be moderated by an admin (words only), recorded in the history, and the spread keeps counting the author’s own vote', async () => {
    // Ana rates tech:t000 twice: impact 2, later impact 4 (her current vote). Ben rates 5.
    const older = (await as(ana, ANNOTATE, { input: { targetId: 'tech:t000', text: 'First look', impact: 2 } })).data.annotate.id;
    await as(ana, ANNOTATE, { input: { targetId: 'tech:t000', text: 'Second look', impact: 4 } });
    await as(ben, ANNOTATE, { input: { targetId: 'tech:t000', text: 'Ben’s look', impact: 5 } });
    // Votes: Ana 4, Ben 5 → mean 4.5.
    const expected = { raters: 2, impact: { count: 2, mean: 4.5, histogram: [1, 2, 3, 4, 5].map((value) => ({ value, count: value >= 4 ? 1 : 0 })) } };
    expect((await as(ana, SPREAD)).data.ratingSpread).toEqual(expected);

    // The admin redacts Ana's older note. It becomes the most recently updated of hers, but her vote stays 4.
    const moderated = await as(admin, EDIT, { id: older, input: { text: 'First look (name of a source removed)' } });
    expect(moderated.data.editAnnotation).toEqual({
      text: 'First look (name of a source removed)',
      impact: 2,
      version: 2,
      author: 'Test analyst',
      updatedBy: 'Adam Admin',
    });
    expect((await as(ana, SPREAD)).data.ratingSpread).toEqual(expected);

    const history = await as(admin, 'query($id: ID!) { annotation(id: $id) { history { version action author moderated } } }', { id: older });
    expect(history.data.annotation.history).toEqual([
      { version: 1, action: 'created', author: 'Test analyst', moderated: false },
      { version: 2, action: 'edited', author: 'Adam Admin', moderated: true },
    ]);

    // A moderator cannot cast the author's vote.
    const before = await authoredFingerprint();
    const rating = await as(admin, EDIT, { id: older, input: { impact: 5 } });
    expect(rating.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', fields: ['input.impact'] });
    expect(rating.errors?.[0]?.message).toContain('Delete the annotation to remove the vote.');
    expect(await authoredFingerprint()).toBe(before);

    // Moderating by deletion is recorded too.
    const removed = await as(
      admin,
      'mutation($id: ID!) { deleteAnnotation(id: $id, reason: "off topic") { deleted deletedBy history { action author moderated reason } } }',
      { id: older },
    );
    expect(removed.data.deleteAnnotation.deletedBy).toBe('Adam Admin');
    expect(removed.data.deleteAnnotation.history.at(-1)).toEqual({ action: 'deleted', author: 'Adam Admin', moderated: true, reason: 'off topic' });
  });
});

describe('scenarios', () => {
  const UPDATE = 'mutation($id: ID!) { updateScenario(id: $id, input: { description: "changed" }) { description updatedBy } }';
  const DELETE = 'mutation($id: ID!) { deleteScenario(id: $id) { id } }';

  it('are changed only by their owner or an admin; others read them and duplicate them into their own', async () => {
    const id = (await as(ana, 'mutation { createScenario(input: { name: "Gallium cut", horizon: 2031 }) { id } }')).data.createScenario.id;
    const before = await authoredFingerprint();

    const update = await as(ben, UPDATE, { id });
    expect(update.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(update.errors?.[0]?.message).toBe(
      'This scenario is by Test analyst; only its author (or an administrator) can change it. Duplicate it (duplicateScenario) to change your own copy.',
    );
    expect((await as(ben, DELETE, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await authoredFingerprint()).toBe(before);
    expect((await as(ben, 'query($id: ID!) { scenario(id: $id) { name author } }', { id })).data.scenario).toEqual({
      name: 'Gallium cut',
      author: 'Test analyst',
    });

    const copy = (await as(ben, 'mutation($id: ID!) { duplicateScenario(id: $id) { id name author } }', { id })).data.duplicateScenario;
    expect(copy).toEqual({ id: expect.any(String), name: 'Gallium cut (copy)', author: 'Ben' });
    expect((await as(ben, UPDATE, { id: copy.id })).data.updateScenario).toEqual({ description: 'changed', updatedBy: 'Ben' });
    // The original's owner has no say over Ben's copy.
    expect((await as(ana, UPDATE, { id: copy.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect((await as(admin, UPDATE, { id })).data.updateScenario).toEqual({ description: 'changed', updatedBy: 'Adam Admin' });
    expect((await as(ana, DELETE, { id })).data.deleteScenario).toEqual({ id });
    expect((await as(admin, DELETE, { id: copy.id })).data.deleteScenario).toEqual({ id: copy.id });
  });
});
