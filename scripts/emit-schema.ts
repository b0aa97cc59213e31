// Writes schema.graphql from the code (the API contract, committed at the repo root).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { commandLine } from '../server/src/command-line.js';
import { repoRoot } from '../server/src/config.js';
import { printedSchema } from '../server/src/graphql/schema.js';

commandLine({
  usage: 'Usage: npm run schema:emit\n\nWrites schema.graphql (the API contract) from the resolvers; commit it after an API change.',
  options: {},
});
const sdl = await printedSchema();
writeFileSync(`${repoRoot}schema.graphql`, sdl);
console.log(`schema.graphql written (${sdl.split('\n').length} lines).`);
