// The first administrator: on a database without users, `npm start` creates one with a generated password and
// prints it once. Later starts find a user and do nothing. (`npm run user:add` adds more.)
import { readFirstAdminEmail } from '../config.js';
import type { Database } from '../db/database.js';
import { generatePassword } from '../auth/password.js';
import { countUsers, insertUser } from './user.repository.js';

export { FIRST_ADMIN_EMAIL } from '../config.js';

/** `env` (default: the process's) is read for ATLAS_ADMIN_EMAIL through config.ts. */
export async function ensureFirstAdmin(db: Database, print: (line: string) => void, env?: NodeJS.ProcessEnv): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  const email = readFirstAdminEmail(env);
  const password = generatePassword();
  const user = await insertUser(db, { email, name: 'Administrator', role: 'admin', password });
  if (!user) return;
  print('────────────────────────────────────────────────────────────────────');
  print('No users existed, so a first administrator was created. Shown ONCE:');
  print(`  email:    ${user.email}`);
  print(`  password: ${password}`);
  print('Sign in and add named users (or `npm run user:add`); keep this safe.');
  print('────────────────────────────────────────────────────────────────────');
}
