// What a merge keeps, as pure rules (unit-tested): the merged entity's name and aliases become aliases of the kept one.

/** Keep's aliases, then the merged name and aliases; no repeats (any case) and never keep's own name. */
export function mergedAliases(keep: Record<string, unknown>, merged: Record<string, unknown>): string[] {
  const keepName = String(keep.name ?? '')
    .trim()
    .toLowerCase();
  const seen = new Set([keepName]);
  const out: string[] = [];
  const candidates = [...((keep.aliases as string[] | undefined) ?? []), String(merged.name ?? ''), ...((merged.aliases as string[] | undefined) ?? [])];
  for (const alias of candidates) {
    const key = alias.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}
