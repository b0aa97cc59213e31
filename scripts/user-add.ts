// `npm run user:add -- --email x@y.eu --name "Ana Analyst" --role analyst [--password …]`
// Adds a user directly in the database (works with `npm start` running: it reuses its local Neo4j, or NEO4J_URI).
// Without --password it asks for one on a terminal, or generates one and prints it once.
import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { openDatabase } from '../server/src/bootstrap.js';
import { commandLine, failUsage } from '../server/src/command-line.js';
import { readConfig } from '../server/src/config.js';
import { applySchema } from '../server/src/db/indexes-and-constraints.repository.js';
import { generatePassword } from '../server/src/auth/password.js';
import { insertUser } from '../server/src/user/user.repository.js';
import type { Role } from '../server/src/auth/roles.js';
import { validateNewUser } from '../server/src/user/user.validation.js';

const USAGE = 'Usage: npm run user:add -- --email <email> --name "<name>" --role viewer|analyst|admin [--password <password>]';

async function askPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    const answer = await rl.question('Password (at least 12 characters; leave empty to generate one): ');
    return answer.length > 0 ? answer : null;
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = commandLine({
    usage: USAGE,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !values.name || !values.role) failUsage(USAGE, '--email, --name and --role are all needed.');
  let password = values.password ?? (await askPassword());
  const generated = password === null;
  password ??= generatePassword();
  try {
    validateNewUser({ email: values.email, name: values.name, role: values.role, password });
  } catch (error) {
    const fields = (error as { extensions?: { fields?: { field: string; message: string }[] } }).extensions?.fields ?? [];
    for (const { field, message } of fields) console.error(`${field.replace(/^input\./, '--')} ${message}`);
    if (fields.length === 0) console.error((error as Error).message);
    process.exit(2);
  }
  const open = await openDatabase(readConfig(), () => {}, { reuseRunning: true });
  try {
    await applySchema(open.db);
    const user = await insertUser(open.db, { email: values.email, name: values.name, role: values.role as Role, password });
    if (!user) {
      console.error(`A user with the email ${values.email.trim().toLowerCase()} already exists.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Added ${user.name} <${user.email}> as ${user.role} (${user.id}).`);
    if (generated) console.log(`Generated password (shown once): ${password}`);
  } finally {
    await open.close();
  }
}

main().catch((error) => {
  console.error(`Could not add the user: ${(error as Error).message}`);
  process.exit(1);
});
