// The two refusals: UNAUTHENTICATED ("sign in") and FORBIDDEN ("your role … cannot …").
import { GraphQLError } from 'graphql';
import type { Role } from './roles.js';

export function signInRequired(what = 'use the Atlas'): GraphQLError {
  return new GraphQLError(`Sign in to ${what}. Your session may have expired; sign in again (scripts: send "Authorization: Bearer <token>").`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export function forbidden(role: Role, action: string, needed: Role): GraphQLError {
  return new GraphQLError(`Your role ${role} cannot ${action}; it needs the ${needed} role. Ask an administrator.`, {
    extensions: { code: 'FORBIDDEN', role, needed },
  });
}

export function readOnlyRefusal(action: string): GraphQLError {
  return new GraphQLError(`This Atlas is a read-only demo: ${action} is switched off (ATLAS_READ_ONLY=true). Nothing was changed.`, {
    extensions: { code: 'FORBIDDEN', readOnly: true },
  });
}
