// The state of the admins' "Users" screen: the users, the one-time secret just issued (generated password or reset
// code), and the tokens of the user whose tokens are open. One round trip per action; the list is patched in place.
import { gql } from '../../lib/graphql/client';
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

export type Role = 'viewer' | 'analyst' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];

export interface AtlasUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: 'ACTIVE' | 'DISABLED';
  createdAt: string;
}

export interface OwnedToken extends ApiToken {
  ownerId: string;
  ownerName: string;
}

export interface OneTimeSecret {
  label: string;
  value: string;
  hint: string;
}

export class UsersModel {
  users = $state.raw<AtlasUser[]>([]);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  loadError = $state<unknown>(null);
  /** The last action's failure, shown above the table. */
  actionError = $state<unknown>(null);
  /** The user an action is running for (their buttons are disabled meanwhile). */
  busyId = $state<string | null>(null);
  secret = $state<OneTimeSecret | null>(null);
  /** Whose tokens are open, and their tokens. */
  tokensOf = $state<AtlasUser | null>(null);
  tokens = $state.raw<OwnedToken[]>([]);
  tokensStatus = $state<'loading' | 'ready' | 'error'>('loading');
  tokensError = $state<unknown>(null);
  revokingId = $state<string | null>(null);

  async load(): Promise<void> {
    this.status = 'loading';
    try {
      this.users = (await gql<{ users: AtlasUser[] }>(USERS)).users;
      this.status = 'ready';
    } catch (e) {
      this.loadError = e;
      this.status = 'error';
    }
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
      const made = (await gql<{ createUser: { user: AtlasUser; generatedPassword: string | null } }>(CREATE_USER, { input })).createUser;
      this.users = [...this.users, made.user].sort((a, b) => a.name.localeCompare(b.name));
      this.secret = made.generatedPassword
        ? { label: `Password of ${made.user.name}`, value: made.generatedPassword, hint: 'Give it to them in person or by a separate channel; they can change it under API tokens.' }
        : null;
    });
  }

  setRole(user: AtlasUser, role: Role): Promise<boolean> {
    return this.act(user.id, async () => this.replace((await gql<{ updateUserRole: AtlasUser }>(UPDATE_USER_ROLE, { id: user.id, role })).updateUserRole));
  }

  setDisabled(user: AtlasUser, disabled: boolean): Promise<boolean> {
    return this.act(user.id, async () => {
      const data = disabled
        ? (await gql<{ disableUser: AtlasUser }>(DISABLE_USER, { id: user.id })).disableUser
        : (await gql<{ enableUser: AtlasUser }>(ENABLE_USER, { id: user.id })).enableUser;
      this.replace(data);
      if (this.tokensOf?.id === user.id) await this.openTokens(data);
    });
  }

  remove(user: AtlasUser): Promise<boolean> {
    return this.act(user.id, async () => {
      await gql(DELETE_USER, { id: user.id });
      this.users = this.users.filter((u) => u.id !== user.id);
      if (this.tokensOf?.id === user.id) this.tokensOf = null;
    });
  }

  issueResetCode(user: AtlasUser): Promise<boolean> {
    return this.act(user.id, async () => {
      const issued = (await gql<{ issuePasswordResetCode: { code: string; expiresAt: string } }>(ISSUE_RESET_CODE, { id: user.id })).issuePasswordResetCode;
      const until = new Date(issued.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      this.secret = {
        label: `Password-reset code for ${user.name}`,
        value: issued.code,
        hint: `Give it to ${user.name}; it works once, until ${until}, with “Have a reset code?” on the sign-in page.`,
      };
    });
  }

  async openTokens(user: AtlasUser): Promise<void> {
    this.tokensOf = user;
    this.tokensStatus = 'loading';
    try {
      this.tokens = (await gql<{ userApiTokens: OwnedToken[] }>(USER_TOKENS, { userId: user.id })).userApiTokens;
      this.tokensStatus = 'ready';
    } catch (e) {
      this.tokensError = e;
      this.tokensStatus = 'error';
    }
  }

  async revoke(token: ApiToken): Promise<void> {
    this.revokingId = token.id;
    this.actionError = null;
    try {
      const revoked = (await gql<{ revokeApiToken: ApiToken }>(REVOKE_USER_TOKEN, { id: token.id })).revokeApiToken;
      this.tokens = this.tokens.map((t) => (t.id === revoked.id ? { ...t, ...revoked } : t));
    } catch (e) {
      this.actionError = e;
    } finally {
      this.revokingId = null;
    }
  }
}
