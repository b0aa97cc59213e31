// The server's runtime, loaded with `--import` after tsx and before the app (npm start; bench/servers.ts should too):
//   node --import tsx --import ./server/src/graphql/runtime.ts server/src/main.ts
// 1. graphql-js 16 decides once, when it is first loaded, whether `instanceOf` runs its development-mode check (a
//    cross-realm test on every call, hot in profiles); it skips it only if NODE_ENV is 'production' at that moment.
//    We load graphql with NODE_ENV=production and then restore NODE_ENV, so config.production (error masking,
//    introspection), Express and Apollo see exactly what the user set.
// 2. tsx turns on source maps; neo4j-driver captures a stack trace for every query, and each capture is then formatted
//    through the source maps (hot under load). They are switched off: stack traces in logs then name positions in the
//    transpiled code. ATLAS_SOURCE_MAPS=true keeps them (debugging).
import { createRequire } from 'node:module';
import { readSourceMaps, whileNodeEnvIsProduction } from '../config.js';

// graphql has no "exports" map, so ESM imports of 'graphql' resolve to this same CommonJS module instance.
whileNodeEnvIsProduction(() => createRequire(import.meta.url)('graphql'));

if (!readSourceMaps()) process.setSourceMapsEnabled(false);
