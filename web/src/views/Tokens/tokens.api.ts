// Typed calls of the "API tokens" page: one function per user action, one round trip each.
import type * as Api from '../../lib/graphql/api-types';
import { gql } from '../../lib/graphql/client';
import { CHANGE_MY_PASSWORD, CREATE_TOKEN, MY_TOKENS, REVOKE_TOKEN } from './tokens.operations';

export type ApiToken = Api.MyApiTokensQuery['apiTokens'][number];

export async function myTokens(): Promise<ApiToken[]> {
  return (await gql<Api.MyApiTokensQuery, Api.MyApiTokensQueryVariables>(MY_TOKENS)).apiTokens;
}

export async function createToken(name: string): Promise<{ secret: string; token: ApiToken }> {
  return (await gql<Api.CreateApiTokenMutation, Api.CreateApiTokenMutationVariables>(CREATE_TOKEN, { name })).createApiToken;
}

export async function revokeToken(id: string): Promise<ApiToken> {
  return (await gql<Api.RevokeApiTokenMutation, Api.RevokeApiTokenMutationVariables>(REVOKE_TOKEN, { id })).revokeApiToken;
}

/** Returns how many of your other sessions ended. */
export async function changeMyPassword(currentPassword: string, newPassword: string): Promise<number> {
  return (await gql<Api.ChangeMyPasswordMutation, Api.ChangeMyPasswordMutationVariables>(CHANGE_MY_PASSWORD, { currentPassword, newPassword }))
    .changeMyPassword;
}

/** "3 Dec 2026, 14:05" in the reader's locale; "—" for none. */
export function when(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
