// The synthetic map of the benchmarks (bench/synthetic-map.ts) from the command line:
//
//   npm run bench:generate -- --technologies 3200 --seed 7 [--out /tmp/seed-dir] [--load]
//
// Without --out or --load it prints the counts and validates the map; --out writes graph-seed-style JSON files
// (nodes/*.json, links/<TYPE>.json); --load writes it into a throwaway local Neo4j and prints the loader's throughput.
import { generate, technologiesForNodes } from './synthetic-map.js';

const GENERATE_USAGE = `Usage: npm run bench:generate -- [--technologies N | --nodes N] [--seed S] [--out DIR] [--load]

Generates a synthetic map (320 technologies and seed 1 unless given). --out writes it as a seed folder
(npm run seed -- --dir DIR), --load times loading it into a throwaway Neo4j; with neither it is validated.`;

async function main() {
  const { commandLine, failUsage } = await import('../server/src/command-line.js');
  const { values } = commandLine({
    usage: GENERATE_USAGE,
    options: { technologies: { type: 'string' }, nodes: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, load: { type: 'boolean' } },
  });
  const arg = (name: 'technologies' | 'nodes' | 'seed' | 'out'): string | undefined => values[name];
  const technologies = Number(arg('technologies') ?? (arg('nodes') ? technologiesForNodes(Number(arg('nodes'))) : 320));
  const seed = Number(arg('seed') ?? 1);
  if (!Number.isFinite(technologies) || technologies < 1 || !Number.isInteger(seed)) {
    failUsage(GENERATE_USAGE, '--technologies (or --nodes) must be a positive number and --seed a whole number.');
  }
  const started = performance.now();
  const g = generate({ technologies, seed });
  const millis = performance.now() - started;
  console.log(
    `[generate] ${technologies} technologies, seed ${seed}: ${g.counts.nodes} entities, ${g.counts.links} links ` +
      `+ ${g.counts.sourcedFrom} SOURCED_FROM = ${((g.counts.links + g.counts.sourcedFrom) / g.counts.nodes).toFixed(2)} ` +
      `relationships per entity (${millis.toFixed(0)} ms)`,
  );
  console.log(`[generate] entities: ${JSON.stringify(g.counts.byKind)}`);
  console.log(`[generate] links: ${JSON.stringify(g.counts.byType)}`);
  const out = arg('out');
  if (out) {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { NODE_SPECS } = await import('../graph-seed/spec.js');
    mkdirSync(`${out}/nodes`, { recursive: true });
    mkdirSync(`${out}/links`, { recursive: true });
    for (const group of g.data.nodes) writeFileSync(`${out}/nodes/${NODE_SPECS[group.kind]!.file}`, JSON.stringify(group.records, null, 1));
    for (const group of g.data.links) writeFileSync(`${out}/links/${group.type}.json`, JSON.stringify(group.records, null, 1));
    console.log(`[generate] written to ${out} (load with: npm run seed -- --dir ${out})`);
  }
  if (values.load === true) {
    const { withBenchNeo4j, loadGenerated } = await import('./support.js');
    await withBenchNeo4j({ heapMb: 1024, pageCacheMb: 512, log: console.log }, async (bench) => {
      const r = await loadGenerated(bench, g, console.log);
      console.log(
        `[generate] loaded in ${(r.millis / 1000).toFixed(1)} s: ${r.nodesPerSecond.toFixed(0)} nodes/s, ${r.relsPerSecond.toFixed(0)} relationships/s`,
      );
    });
  }
  if (!out && !values.load === true) {
    const { validateSeed } = await import('../graph-seed/validate.js');
    const problems = validateSeed(g.data);
    console.log(
      problems.length
        ? `[generate] ${problems.length} validation problem(s): ${JSON.stringify(problems.slice(0, 5))}`
        : '[generate] valid (graph-seed/validate.ts)',
    );
    if (problems.length) process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
