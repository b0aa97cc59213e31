// The data-quality check (`npm run seed:check`): what a reviewer of the seed would flag beyond plain validity.
// Errors fail the check; warnings are known gaps the app shows as "unknown" (for example supply data no source gives).
import { missingAcronyms } from './acronyms.js';
import type { SeedData } from './seed-data.js';
import { validateSeed } from './validate.js';

export interface QualityFinding {
  rule: 'invalid' | 'orphan' | 'enables-nothing' | 'enabled-by-nothing' | 'duplicate-name' | 'no-supply-data' | 'no-share' | 'missing-acronym';
  severity: 'error' | 'warning';
  id: string;
  message: string;
}

export function checkSeedQuality(data: SeedData): QualityFinding[] {
  const findings: QualityFinding[] = validateSeed(data).map((p) => ({
    rule: 'invalid' as const,
    severity: 'error' as const,
    id: p.record ?? p.file,
    message: `${p.file}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`,
  }));

  const kindOf = new Map<string, string>();
  const names = new Map<string, string>();
  for (const group of data.nodes) {
    for (const record of group.records) {
      const id = String(record.id);
      kindOf.set(id, group.kind);
      const name = String(record.name ?? record.title ?? '')
        .trim()
        .toLowerCase();
      // The same KET name may stand in both frameworks (2009 and 2018); within one framework it may not.
      const key = `${group.kind}:${String(record.framework ?? '')}:${name}`;
      if (group.kind === 'Technology') {
        const aliases = Array.isArray(record.aliases) ? record.aliases.filter((a): a is string => typeof a === 'string') : [];
        for (const acronym of missingAcronyms(String(record.name ?? ''), aliases)) {
          findings.push({
            rule: 'missing-acronym',
            severity: 'warning',
            id,
            message: `Technology ${id} ("${String(record.name)}") has no alias "${acronym}", which analysts search for.`,
          });
        }
      }
      if (names.has(key))
        findings.push({ rule: 'duplicate-name', severity: 'error', id, message: `${group.kind} "${name}" has the same name as ${names.get(key)}.` });
      else names.set(key, id);
    }
  }

  const suppliedWithShare = new Set<string>();
  for (const group of data.links)
    if (group.type === 'SUPPLIED_BY') for (const record of group.records) if (typeof record.share === 'number') suppliedWithShare.add(String(record.from));
  const linked = new Set<string>();
  const out = new Map<string, { type: string; to: string }[]>();
  const into = new Map<string, { type: string; from: string }[]>();
  for (const group of data.links) {
    for (const record of group.records) {
      const from = String(record.from);
      const to = String(record.to);
      linked.add(from).add(to);
      (out.get(from) ?? out.set(from, []).get(from)!).push({ type: group.type, to });
      (into.get(to) ?? into.set(to, []).get(to)!).push({ type: group.type, from });
    }
  }

  for (const [id, kind] of kindOf) {
    if (kind !== 'Source' && !linked.has(id)) findings.push({ rule: 'orphan', severity: 'error', id, message: `${kind} ${id} has no link to anything.` });
  }

  // A technology counts when it enables a capability, when a capability counters it (a threat such as GNSS jamming),
  // or when something that counts depends on it (directly or further down), or it is a narrower form of or a substitute for one.
  const contributes = new Set<string>();
  const counted = (id: string) => (out.get(id) ?? []).some((l) => l.type === 'ENABLES') || (into.get(id) ?? []).some((l) => l.type === 'COUNTERS');
  const queue = [...kindOf].filter(([id, kind]) => kind === 'Technology' && counted(id)).map(([id]) => id);
  while (queue.length) {
    const id = queue.pop()!;
    if (contributes.has(id)) continue;
    contributes.add(id);
    for (const link of out.get(id) ?? []) if (link.type === 'DEPENDS_ON') queue.push(link.to);
    for (const link of into.get(id) ?? []) if (link.type === 'SUB_TECHNOLOGY_OF' || link.type === 'SUBSTITUTES') queue.push(link.from);
  }
  for (const [id, kind] of kindOf) {
    if (kind === 'Technology' && !contributes.has(id)) {
      findings.push({
        rule: 'enables-nothing',
        severity: 'error',
        id,
        message: `Technology ${id} enables no capability, no capability counters it, and nothing that does depends on it.`,
      });
    }
    if (kind === 'Capability' && !(into.get(id) ?? []).some((l) => l.type === 'ENABLES')) {
      findings.push({ rule: 'enabled-by-nothing', severity: 'error', id, message: `Capability ${id} is enabled by no technology.` });
    }
    if ((kind === 'Material' || kind === 'Component') && (into.get(id) ?? []).some((l) => l.type === 'DEPENDS_ON')) {
      const links = out.get(id) ?? [];
      if (!links.some((l) => l.type === 'SUPPLIED_BY' || l.type === 'DEPENDS_ON')) {
        findings.push({
          rule: 'no-supply-data',
          severity: 'warning',
          id,
          message: `${kind} ${id} is depended on but has no supplier data (shown as "unknown supply").`,
        });
      } else if (links.some((l) => l.type === 'SUPPLIED_BY') && !suppliedWithShare.has(id)) {
        // Suppliers without any share leave the concentration unknown, so the scenario engine spreads the loss evenly.
        findings.push({
          rule: 'no-share',
          severity: 'warning',
          id,
          message: `${kind} ${id} names suppliers but none with a share; add a sourced share or say why there is none in docs/data-sources.md.`,
        });
      }
    }
  }
  return findings;
}
