// Roles and their order: admin ⊃ analyst ⊃ viewer. What each may do is documented in docs/security.md.
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** The roles as the API speaks them (the GraphQL enum Role: VIEWER…) and as users are stored ('viewer'…). */
export const ApiRole = { VIEWER: 'viewer', ANALYST: 'analyst', ADMIN: 'admin' } as const satisfies Record<string, Role>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` includes every right of `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The signed-in user as the API sees it (no password hash, ever). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  /** How this request authenticated. */
  via: 'session' | 'token';
  /** The session or token id (for logout / revocation). */
  credentialId: string;
}
