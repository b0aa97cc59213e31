// Signed-in callers for tests: users and API tokens written straight through the user repository (no HTTP), and the
// header that sends a token. The e2e setup uses `seedUser` for the analyst every browser test signs in as.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Database } from '../../server/src/db/database.js';
import type { Role } from '../../server/src/auth/roles.js';
import { insertApiToken, insertUser, type UserRecord } from '../../server/src/user/user.repository.js';

export interface TestUser {
  user: UserRecord;
  email: string;
  password: string;
  token: string;
}

/** A user with the role, a known password and an API token. Names default to "Test <role>"; emails are unique. */
export async function createUserWithToken(db: Database, role: Role, options: { name?: string; email?: string; password?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@atlas.test`;
  const password = options.password ?? `pw-${randomUUID()}`;
  const user = await insertUser(db, { email, name: options.name ?? `Test ${role}`, role, password });
  if (!user) throw new Error(`The test user ${email} already exists.`);
  const { secret } = await insertApiToken(db, user.id, 'tests');
  return { user, email, password, token: secret };
}

export function authHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Signs in over HTTP and returns the session cookie ("atlas_session=…") to send back. */
export async function loginCookie(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }',
      variables: { e: email, p: password },
    }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`Sign-in failed: ${body.errors[0]!.message}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('atlas_session='));
  if (!cookie) throw new Error('Sign-in set no session cookie.');
  return cookie.split(';', 1)[0]!;
}

/** Signs in through the real login page (the page the app shows when there is no session) and waits for the name. */
export async function signInThroughPage(page: Page, atlasUrl: string, user: { email: string; password: string; name: string }): Promise<void> {
  await page.goto(atlasUrl);
  await page.getByRole('heading', { name: 'Sign in to Foresight Atlas' }).waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').getByText(user.name).waitFor();
}
