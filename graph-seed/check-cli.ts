// `npm run seed:check`: the data-quality report for graph-seed/data; exits non-zero when it finds an error.
import { commandLine } from '../server/src/command-line.js';
import { readSeedDir, SEED_DIR, SeedError } from './index.js';
import { checkSeedQuality } from './quality.js';

commandLine({
  usage: 'Usage: npm run seed:check\n\nThe data-quality report for graph-seed/data; exits 1 when it finds an error.',
  options: {},
});

try {
  const data = readSeedDir(SEED_DIR);
  const findings = checkSeedQuality(data);
  const counts = data.nodes.map((g) => `${g.kind} ${g.records.length}`).join(', ');
  const links = data.links.reduce((n, g) => n + g.records.length, 0);
  console.log(`Seed: ${counts}; ${links} links.`);
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(`${f.severity} ${f.rule}`, (byRule.get(`${f.severity} ${f.rule}`) ?? 0) + 1);
  for (const f of findings) console.log(`  ${f.severity.toUpperCase().padEnd(7)} ${f.rule.padEnd(18)} ${f.message}`);
  console.log(findings.length ? `Findings: ${[...byRule].map(([k, n]) => `${n} ${k}`).join(', ')}.` : 'No findings.');
  process.exit(findings.some((f) => f.severity === 'error') ? 1 : 0);
} catch (error) {
  console.error(error instanceof SeedError ? error.message : error);
  process.exit(1);
}
