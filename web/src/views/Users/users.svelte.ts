// The state of the admins' "Users" screen: the users, the one-time secret just issued (generated password or reset
// code), and the tokens of the user whose tokens are open. One round trip per action; the list is patched in place.
import type * as Api from '../../lib/graphql/api-types';
import { gql } from '../../lib/graphql/client';
import { Request, type Status } from '../../lib/graphql/request.svelte';
import { ROLE_WORDS, valuesOf, type Role } from '../../lib/graphql/vocabulary';
import type { ApiToken } from '../Tokens/tokens.api';
import {
  CREATE_USER,
  DELETE_USER,
  DISABLE_USER,
  ENABLE_USER,
  ISSUE_RESET_CODE,
  REVOKE_USER_TOKEN,
  UPDATE_USER_ROLE,
  USER_TOKENS,
  USERS,
} from './users.operations';

export type { Role };
export const ROLES: readonly Role[] = valuesOf(ROLE_WORDS);

export type AtlasUser = Api.UsersQuery['users'][number];
export type OwnedToken = Api.UserApiTokensQuery['userApiTokens'][number];

export interface OneTimeSecret {
  label: string;
  value: string;
  hint: string;
}

export class UsersModel {
  users = $state.raw<AtlasUser[]>([]);
  // Loading from the start: the screen loads the list as soon as it is shown.
  #load = new Request('loading');
  get status(): Status {
    return this.#load.status;
  }
  get loadError(): unknown {
    return this.#load.error;
  }
  /** The last action's failure, shown above the table. */
  actionError = $state<unknown>(null);
  /** The user an action is running for (their buttons are disabled meanwhile). */
  busyId = $state<string | null>(null);
  secret = $state<OneTimeSecret | null>(null);
  /** Whose tokens are open, and their tokens. */
  tokensOf = $state<AtlasUser | null>(null);
  tokens = $state.raw<OwnedToken[]>([]);
  #tokens = new Request('loading');
  get tokensStatus(): Status {
    return this.#tokens.status;
  }
  get tokensError(): unknown {
    return this.#tokens.error;
  }
  revokingId = $state<string | null>(null);

  load(): Promise<void> {
    return this.#load.run(
      (signal) => gql<Api.UsersQuery, Api.UsersQueryVariables>(USERS, undefined, { signal }),
      (data) => (this.users = data.users),
    );
  }

  private replace(user: AtlasUser): void {
    this.users = this.users.map((u) => (u.id === user.id ? user : u));
  }

  /** Runs one action for a user, keeping its error for the screen; true when it worked. */
  private async act(id: string, work: () => Promise<void>): Promise<boolean> {
    this.busyId = id;
    this.actionError = null;
    try {
      await work();
      return true;
    } catch (e) {
      this.actionError = e;
      return false;
    } finally {
      this.busyId = null;
    }
  }

  async create(input: { email: string; name: string; role: Role; password: string | null }): Promise<boolean> {
    return this.act('new', async () => {
      const made = (await gql<Api.CreateUserMutation, Api.CreateUserMutationVariables>(CREATE_USER, { input })).createUser;
      this.users = [...this.users, made.user].sort((a, b) => a.name.localeCompare(b.name));
      this.secret = made.generatedPassword
        ? {
            label: `Password of ${made.user.name}`,
            value: made.generatedPassword,
            hint: 'Give it to them in person or by a separate channel; they can change it under API tokens.',
          }
        : null;
    });
  }

  setRole(user: AtlasUser, role: Role): Promise<boolean> {
    return this.act(user.id, async () =>
      this.replace((await gql<Api.UpdateUserRoleMutation, Api.UpdateUserRoleMutationVariables>(UPDATE_USER_ROLE, { id: user.id, role })).updateUserRole),
    );
  }

  setDisabled(user: AtlasUser, disabled: boolean): Promise<boolean> {
    return this.act(user.id, async () => {
      const data = disabled
        ? (await gql<Api.DisableUserMutation, Api.DisableUserMutationVariables>(DISABLE_USER, { id: user.id })).disableUser
        : (await gql<Api.EnableUserMutation, Api.EnableUserMutationVariables>(ENABLE_USER, { id: user.id })).enableUser;
      this.replace(data);
      if (this.tokensOf?.id === user.id) await this.openTokens(data);
    });
  }

  remove(user: AtlasUser): Promise<boolean> {
    return this.act(user.id, async () => {
      await gql<Api.DeleteUserMutation, Api.DeleteUserMutationVariables>(DELETE_USER, { id: user.id });
      this.users = this.users.filter((u) => u.id !== user.id);
      if (this.tokensOf?.id === user.id) this.tokensOf = null;
    });
  }

  issueResetCode(user: AtlasUser): Promise<boolean> {
    return this.act(user.id, async () => {
      const issued = (await gql<Api.IssuePasswordResetCodeMutation, Api.IssuePasswordResetCodeMutationVariables>(ISSUE_RESET_CODE, { id: user.id }))
        .issuePasswordResetCode;
      const until = new Date(issued.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      this.secret = {
        label: `Password-reset code for ${user.name}`,
        value: issued.code,
        hint: `Give it to ${user.name}; it works once, until ${until}, with “Have a reset code?” on the sign-in page.`,
      };
    });
  }

  openTokens(user: AtlasUser): Promise<void> {
    this.tokensOf = user;
    return this.#tokens.run(
      (signal) => gql<Api.UserApiTokensQuery, Api.UserApiTokensQueryVariables>(USER_TOKENS, { userId: user.id }, { signal }),
      (data) => (this.tokens = data.userApiTokens),
    );
  }

  async revoke(token: ApiToken): Promise<void> {
    this.revokingId = token.id;
    this.actionError = null;
    try {
      const revoked = (await gql<Api.RevokeUserApiTokenMutation, Api.RevokeUserApiTokenMutationVariables>(REVOKE_USER_TOKEN, { id: token.id })).revokeApiToken;
      this.tokens = this.tokens.map((t) => (t.id === revoked.id ? { ...t, ...revoked } : t));
    } catch (e) {
      this.actionError = e;
    } finally {
      this.revokingId = null;
    }
  }
}
