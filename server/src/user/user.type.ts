import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../auth/roles.js';
import { ApiRole } from '../vocabulary/graphql-enums.js';

export enum UserStatus {
  ACTIVE = 'active',
  DISABLED = 'disabled',
}
registerEnumType(UserStatus, {
  name: 'UserStatus',
  description: 'ACTIVE users sign in; DISABLED ones cannot, and their sessions and tokens were ended when disabled.',
});

@ObjectType({ description: 'Someone who signs in. The password is never part of the API.' })
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { description: 'Shown as the author of their annotations, scenarios and map changes.' }) name!: string;
  @Field(() => ApiRole) role!: Role;
  @Field(() => String) createdAt!: string;
  @Field(() => UserStatus, { description: 'Deleted users are not listed; what they wrote stays, shown as by a former user.' })
  status!: UserStatus;
}

@ObjectType({ description: 'How this Atlas is set up for access, so a client can show sign-in and hide write actions.' })
export class AccessInfo {
  @Field(() => Boolean, { description: 'A read-only demo: every change is refused.' }) readOnly!: boolean;
  @Field(() => Boolean, { description: 'Anonymous visitors may read.' }) publicRead!: boolean;
}

@ObjectType({ description: 'A signed-in session; the session itself travels in an HttpOnly cookie.' })
export class SignedIn {
  @Field(() => User) user!: User;
  @Field(() => String, { description: 'When the session ends (ISO 8601); sign in again after.' }) expiresAt!: string;
}

@ObjectType({ description: 'An API token for scripts, listed without its secret.' })
export class ApiToken {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => String, { nullable: true }) lastUsedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Set once revoked; a revoked token no longer works.' }) revokedAt!: string | null;
}

@ObjectType({ description: 'A new API token and its secret, shown this once: send it as "Authorization: Bearer <secret>".' })
export class CreatedApiToken {
  @Field(() => ApiToken) token!: ApiToken;
  @Field(() => String) secret!: string;
}

@InputType({ description: 'A new user (admins only). Without a password one is generated and returned once.' })
export class UserInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => ApiRole) role!: Role;
  @Field(() => String, { nullable: true, description: 'At least 12 characters; generated when left out.' }) password?: string | null;
}

@ObjectType()
export class CreatedUser {
  @Field(() => User) user!: User;
  @Field(() => String, { nullable: true, description: 'The generated password, shown this once (null when one was given).' })
  generatedPassword!: string | null;
}

@ObjectType({ description: 'An API token with its owner, for administrators reviewing access.' })
export class UserApiToken extends ApiToken {
  @Field(() => ID) ownerId!: string;
  @Field(() => String) ownerName!: string;
}

@ObjectType({ description: 'A one-time password-reset code, shown this once: give it to the user, who signs in with resetPassword.' })
export class PasswordResetCode {
  @Field(() => User) user!: User;
  @Field(() => String, { description: 'Works once, until expiresAt; a newer code replaces it.' }) code!: string;
  @Field(() => String, { description: 'ISO 8601.' }) expiresAt!: string;
}

@ObjectType({ description: 'A deleted user: their sign-in is gone, what they wrote stays under their name, marked as by a former user.' })
export class DeletedUser {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}
