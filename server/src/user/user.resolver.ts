// Sign-in, sessions, API tokens and (for admins) users. Thin: checks here, Cypher in user.repository.ts.
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { assertValid, badInput, notFound } from '../graphql/errors.js';
import { problems, requiredText } from '../graphql/validation.js';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies.js';
import { decoyHash, generatePassword, verifyPassword } from '../auth/password.js';
import { hasRole, type Role } from '../auth/roles.js';
import { ApiRole } from '../vocabulary/graphql-enums.js';
import {
  changeRole,
  closeSession,
  findCredentials,
  insertApiToken,
  insertUser,
  listApiTokens,
  listUsers,
  openSession,
  revokeToken,
} from './user.repository.js';
import { AccessInfo, ApiToken, CreatedApiToken, CreatedUser, SignedIn, User, UserInput } from './user.type.js';
import { validateLogin, validateNewUser } from './user.validation.js';

/** One message for every failed sign-in (unknown email or wrong password), so it reveals nothing. */
export const LOGIN_FAILED = 'The email or password is not right.';

function requireAuth(ctx: RequestContext) {
  if (!ctx.auth) throw new Error('Sign-in needs an HTTP request.');
  return ctx.auth;
}

@Resolver()
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null. Open to anonymous callers.' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.user;
  }

  @Query(() => AccessInfo, { description: 'Read-only demo? Public reads? Open to anonymous callers.' })
  access(@Ctx() ctx: RequestContext) {
    return { readOnly: ctx.auth?.settings.readOnly ?? false, publicRead: ctx.auth?.settings.publicRead ?? false };
  }

  @Mutation(() => SignedIn, { description: 'Signs in: sets an HttpOnly session cookie. Failures give one generic message and are rate-limited.' })
  async login(@Arg('email', () => String) email: string, @Arg('password', () => String) password: string, @Ctx() ctx: RequestContext) {
    const auth = requireAuth(ctx);
    validateLogin(email, password);
    const wait = auth.limiter.retryAfter(email, auth.ip);
    if (wait > 0) {
      throw new GraphQLError(`Too many failed sign-ins. Try again in ${Math.ceil(wait / 60_000)} minutes.`, {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfter: Math.ceil(wait / 1000),
          retryable: false,
          http: { status: 429, headers: new Map([['retry-after', String(Math.ceil(wait / 1000))]]) },
        },
      });
    }
    const user = await findCredentials(auth.store, email);
    // An unknown email costs the same scrypt work as a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok) {
      auth.limiter.fail(email, auth.ip);
      throw new GraphQLError(LOGIN_FAILED, { extensions: { code: 'UNAUTHENTICATED' } });
    }
    auth.limiter.succeed(email, auth.ip);
    // Only after the right password, so this reveals nothing to someone guessing.
    if (user.status !== 'active') {
      throw new GraphQLError('This account is disabled. Ask an administrator to enable it.', { extensions: { code: 'UNAUTHENTICATED', disabled: true } });
    }
    const { secret, expiresAt } = await openSession(auth.store, user.id, auth.settings.sessionTtlMs);
    auth.setCookie(sessionCookie(secret, { maxAgeSeconds: auth.settings.sessionTtlMs / 1000, secure: auth.secure }));
    const { passwordHash: _hash, ...safe } = user;
    return { user: safe, expiresAt };
  }

  @Mutation(() => Boolean, { description: 'Signs out: ends the session server-side and clears the cookie. True when a session ended.' })
  async logout(@Ctx() ctx: RequestContext) {
    const auth = requireAuth(ctx);
    auth.setCookie(clearedSessionCookie(auth.secure));
    if (ctx.user?.via !== 'session') return false;
    await closeSession(auth.store, ctx.user.credentialId);
    return true;
  }

  @Authorized('viewer')
  @Query(() => [ApiToken], { description: 'Your API tokens (without their secrets), newest first.' })
  apiTokens(@Ctx() ctx: RequestContext) {
    return listApiTokens(requireAuth(ctx).store, ctx.user!.id);
  }

  @Authorized('viewer')
  @Mutation(() => CreatedApiToken, { description: 'Creates an API token acting as you; its secret is shown only in this answer.' })
  createApiToken(@Arg('name', () => String) name: string, @Ctx() ctx: RequestContext) {
    assertValid(problems(requiredText('name', name, 100)));
    return insertApiToken(requireAuth(ctx).store, ctx.user!.id, name);
  }

  @Authorized('viewer')
  @Mutation(() => ApiToken, { description: 'Revokes one of your API tokens (admins: anyone’s); it stops working at once.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    const user = ctx.user!;
    const token = await revokeToken(requireAuth(ctx).store, id, user.id, hasRole(user.role, 'admin'));
    if (!token) throw notFound('API token of yours', id);
    return token;
  }

  @Authorized('admin')
  @Query(() => [User], { description: 'Every user (admins only).' })
  users(@Ctx() ctx: RequestContext) {
    return listUsers(requireAuth(ctx).store);
  }

  @Authorized('admin')
  @Mutation(() => CreatedUser, { description: 'Adds a user (admins only).' })
  async createUser(@Arg('input', () => UserInput) input: UserInput, @Ctx() ctx: RequestContext) {
    validateNewUser(input);
    const generatedPassword = input.password ? null : generatePassword();
    const user = await insertUser(requireAuth(ctx).store, {
      email: input.email,
      name: input.name,
      role: input.role,
      password: input.password ?? generatedPassword!,
    });
    if (!user) throw badInput({ field: 'input.email', message: 'is already used by another user.' });
    return { user, generatedPassword };
  }

  @Authorized('admin')
  @Mutation(() => User, { description: 'Changes a user’s role (admins only). You cannot lower your own role.' })
  async updateUserRole(@Arg('id', () => ID) id: string, @Arg('role', () => ApiRole) role: Role, @Ctx() ctx: RequestContext) {
    if (id === ctx.user?.id && role !== 'admin') throw badInput({ field: 'id', message: 'you cannot lower your own role; ask another administrator.' });
    const user = await changeRole(requireAuth(ctx).store, id, role);
    if (!user) throw notFound('user', id);
    return user;
  }
}
