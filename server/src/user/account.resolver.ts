// The user lifecycle in the API: admins disable, enable and delete users, issue reset codes and review anyone's
// tokens; every user changes their own password; anyone with a reset code sets a new password. Thin: rules live in
// account.service.ts.
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { changeOwnPassword, deleteAccount, disableAccount, enableAccount, issueResetCode, resetPasswordWithCode, tokensOf } from './account.service.js';
import { DeletedUser, PasswordResetCode, User, UserApiToken } from './user.type.js';

function authOf(ctx: RequestContext) {
  if (!ctx.auth) throw new Error('Accounts need an HTTP request.');
  return ctx.auth;
}

@Resolver()
export class AccountResolver {
  @Authorized('admin')
  @Query(() => [UserApiToken], { description: 'API tokens of one user, or of everyone when userId is left out (admins only), newest first.' })
  userApiTokens(@Arg('userId', () => ID, { nullable: true }) userId: string | null, @Ctx() ctx: RequestContext) {
    return tokensOf(authOf(ctx), userId ?? null);
  }

  @Authorized('admin')
  @Mutation(() => User, { description: 'Disables a user (admins only): they cannot sign in, and their sessions and API tokens end at once.' })
  disableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return disableAccount(authOf(ctx), ctx.user!, id);
  }

  @Authorized('admin')
  @Mutation(() => User, { description: 'Lets a disabled user sign in again (admins only); ended sessions and tokens stay ended.' })
  enableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return enableAccount(authOf(ctx), id);
  }

  @Authorized('admin')
  @Mutation(() => DeletedUser, {
    description: 'Deletes a user (admins only): sign-in, sessions and tokens go; what they wrote stays, shown as by a former user.',
  })
  deleteUser(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return deleteAccount(authOf(ctx), ctx.user!, id);
  }

  @Authorized('admin')
  @Mutation(() => PasswordResetCode, { description: 'Issues a one-time password-reset code for a user (admins only), shown only in this answer.' })
  issuePasswordResetCode(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return issueResetCode(authOf(ctx), id);
  }

  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset code from an administrator; ends every session. Open to anonymous callers, rate-limited.',
  })
  resetPassword(
    @Arg('email', () => String) email: string,
    @Arg('code', () => String) code: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    return resetPasswordWithCode(authOf(ctx), email, code, newPassword);
  }

  @Authorized('viewer')
  @Mutation(() => Int, { description: 'Changes your password (needs the current one); your other sessions end. Returns how many ended.' })
  changeMyPassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: RequestContext,
  ) {
    return changeOwnPassword(authOf(ctx), ctx.user!, currentPassword, newPassword);
  }
}
