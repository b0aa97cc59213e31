// Who is signed in, for the whole web app. The session itself is an HttpOnly cookie the browser sends with every
// same-origin request; this store only knows the user the server reports (`me`) and the server's access settings.
// When any request answers UNAUTHENTICATED (the session expired or was revoked), the user is cleared and the shell
// shows the sign-in page in place of the view; after signing in the same view (same URL) comes back.
import type * as Api from '../graphql/api-types';
import { gql, onUnauthenticated } from '../graphql/client';
import { ROLE_WORDS, valuesOf, type Role } from '../graphql/vocabulary';
import { LOGIN, LOGOUT, SESSION_QUERY } from './session.operations';

export type { Role };
/** The signed-in user (generated from the session query). */
export type SessionUser = NonNullable<Api.SessionQuery['me']>;

/** A role's rank: the roles are listed from fewest rights to most. */
const rank = (role: Role): number => valuesOf(ROLE_WORDS).indexOf(role);

class Session {
  /** null when signed out. */
  user = $state.raw<SessionUser | null>(null);
  /** The first `me` answered. */
  loaded = $state(false);
  readOnly = $state(false);
  publicRead = $state(false);
  /** A request was refused for want of a session (expired, revoked). */
  expired = $state(false);
  /** An anonymous reader (public reads) asked to sign in. */
  requested = $state(false);

  /** Signed out and reads need sign-in (or a session just expired): the shell shows the sign-in page. */
  get needsSignIn(): boolean {
    return this.loaded && !this.user && (!this.publicRead || this.expired || this.requested);
  }

  /** Whether the signed-in user may do what needs `role` (and the Atlas is not a read-only demo). */
  can(role: Role): boolean {
    return !this.readOnly && !!this.user && rank(this.user.role) >= rank(role);
  }

  /** Analysts and admins may map, annotate, triage, import and save scenarios. */
  get canWrite(): boolean {
    return this.can('ANALYST');
  }

  async load(): Promise<void> {
    try {
      const data = await gql<Api.SessionQuery, Api.SessionQueryVariables>(SESSION_QUERY);
      this.user = data.me as SessionUser | null;
      this.readOnly = data.access.readOnly;
      this.publicRead = data.access.publicRead;
    } catch {
      this.user = null;
    } finally {
      this.loaded = true;
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const data = await gql<Api.LoginMutation, Api.LoginMutationVariables>(LOGIN, { email, password });
    this.user = data.login.user as SessionUser;
    this.expired = false;
    this.requested = false;
  }

  async signOut(): Promise<void> {
    try {
      await gql<Api.LogoutMutation, Api.LogoutMutationVariables>(LOGOUT);
    } finally {
      this.user = null;
      this.expired = false;
    }
  }
}

export const session = new Session();

onUnauthenticated(() => {
  session.user = null;
  session.expired = true;
});
