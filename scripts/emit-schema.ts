// Writes schema.graphql from the code (the API contract, committed at the repo root).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { repoRoot } from '../server/src/config.js';
import { printedSchema } from '../server/src/graphql/schema.js';

const sdl = await printedSchema();
writeFileSync(`${repoRoot}schema.graphql`, sdl);
console.log(`schema.graphql written (${sdl.split('\n').length} lines).`);
