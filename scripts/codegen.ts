// npm run codegen: writes the web's generated API types (see scripts/web-types.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWebRules, generateWebTypes, OUTPUT, root, RULES_OUTPUT } from './web-types.js';

writeFileSync(join(root, OUTPUT), await generateWebTypes());
writeFileSync(join(root, RULES_OUTPUT), await generateWebRules());
console.log(`${OUTPUT} and ${RULES_OUTPUT} written.`);
