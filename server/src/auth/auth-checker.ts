// type-graphql's authChecker: `@Authorized('analyst')` on a mutation lets analysts and admins through. It throws
// (rather than returning false) so the client gets a clear UNAUTHENTICATED or FORBIDDEN message naming the action.
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { forbidden, readOnlyRefusal, signInRequired } from './refusals.js';
import { hasRole, isRole, ROLES, type Role } from './roles.js';

export const authChecker: AuthChecker<RequestContext, Role> = ({ context, info }, roles) => {
  const action = info.fieldName;
  const isMutation = info.parentType.name === 'Mutation';
  if (isMutation && context.auth?.settings.readOnly) throw readOnlyRefusal(action);
  const user = context.user;
  if (!user) throw signInRequired(isMutation ? `run ${action}` : `read ${action}`);
  // The lowest role listed is enough (roles are ordered); no roles listed means any signed-in user.
  const needed = roles.filter(isRole).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0] ?? 'viewer';
  if (!hasRole(user.role, needed)) throw forbidden(user.role, action, needed);
  return true;
};
