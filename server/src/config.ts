// Configuration is read and validated once, here; everything else receives a Config.
import { fileURLToPath } from 'node:url';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
}

export interface Config {
  port: number;
  host: string;
  /** An existing Neo4j to use; when absent the app starts its own local one. */
  neo4j: Neo4jTarget | null;
  database: string;
  /** Where the local Neo4j keeps its data and generated password. */
  dataDir: string;
  repoRoot: string;
  production: boolean;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${env.PORT}".`);
  }
  let neo4j: Neo4jTarget | null = null;
  if (env.NEO4J_URI) {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(env.NEO4J_URI)) {
      throw new ConfigError(`NEO4J_URI must start with bolt://, neo4j://, bolt+s:// or neo4j+s://, got "${env.NEO4J_URI}".`);
    }
    if (!env.NEO4J_PASSWORD) throw new ConfigError('NEO4J_URI is set, so NEO4J_PASSWORD must be set too.');
    neo4j = { uri: env.NEO4J_URI, user: env.NEO4J_USER || 'neo4j', password: env.NEO4J_PASSWORD };
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    neo4j,
    database: env.NEO4J_DATABASE || 'neo4j',
    dataDir: env.ATLAS_DATA_DIR || `${repoRoot}.data`,
    repoRoot,
    production: env.NODE_ENV === 'production',
  };
}
