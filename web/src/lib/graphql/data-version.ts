// Read-your-writes behind a load balancer: the API answers with the data version it knows (`X-Atlas-Version`, newest
// after a write), the app remembers the highest one seen and sends it with every request, and whichever API process
// receives it catches up to at least that version before answering (server/src/availability/version-header.ts).

export const VERSION_HEADER = 'x-atlas-version';

let highest: string | null = null;

/** "<epoch>:<counter>": a larger counter of the same epoch is newer; another epoch (the data was reset) replaces it. */
function isNewer(version: string, than: string | null): boolean {
  if (than === null) return true;
  const [epochA, nA] = split(version);
  const [epochB, nB] = split(than);
  return epochA !== epochB || nA > nB;
}

function split(version: string): [string, number] {
  const colon = version.lastIndexOf(':');
  return [version.slice(0, colon), Number(version.slice(colon + 1))];
}

/** Remembers the version an answer carried, if it is newer than any seen so far. */
export function noteDataVersion(version: string | null): void {
  if (version && /^[^:]+:\d+$/.test(version) && isNewer(version, highest)) highest = version;
}

/** The highest data version seen so far (null before any answer). */
export function highestDataVersion(): string | null {
  return highest;
}

/** Forgets what was seen (tests). */
export function resetDataVersion(): void {
  highest = null;
}
