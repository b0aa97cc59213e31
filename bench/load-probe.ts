// Diagnostic: loads the same small generated graph twice into one throwaway Neo4j (wiped in between) and prints
// per-group timings, to tell query planning (first load) from steady-state writing (second load).
//   node --import tsx bench/load-probe.ts [--technologies 300] [--batch-size 1000]
import { commandLine } from '../server/src/command-line.js';
import { generate } from './synthetic-map.js';
import { withBenchNeo4j, wipe } from './support.js';
import { writeSeed } from '../graph-seed/write.js';

const { values } = commandLine({
  usage: `Usage: node --import tsx bench/load-probe.ts [--technologies 300] [--batch-size 1000]

Loads one generated graph twice into a throwaway Neo4j and prints per-group timings (planning vs steady writing).`,
  options: { technologies: { type: 'string', default: '300' }, 'batch-size': { type: 'string', default: '1000' } },
});
const technologies = Number(values.technologies);
const batchSize = Number(values['batch-size']);
const g = generate({ technologies, seed: 7 });
await withBenchNeo4j({ heapMb: 1024, pageCacheMb: 512, log: () => {} }, async (b) => {
  for (const round of [1, 2]) {
    let last = performance.now();
    const t0 = last;
    const lines: string[] = [];
    await writeSeed(b.db, g.data, {
      batchSize,
      log: (line) => {
        if (!/records:/.test(line)) return;
        const now = performance.now();
        lines.push(`${(now - last).toFixed(0).padStart(6)} ms ${line.trim().slice(0, 60)}`);
        last = now;
      },
    });
    console.log(`round ${round}: ${(performance.now() - t0).toFixed(0)} ms total`);
    console.log(lines.join('\n'));
    await wipe(b.driver);
  }
});
process.exit(0);
