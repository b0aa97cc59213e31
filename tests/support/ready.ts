// /ready as an orchestrator reads it: polled until it says ready. Its check of Neo4j has a 250 ms bound of its own
// (availability/ready-probe.ts), so on a busy machine one answer may be a correct 503 even though nothing is wrong;
// what the tests assert is that the app becomes ready, soon, without help.

/** The first 200 answer of /ready within `withinMs`, or the last answer if none came. */
export async function readyAnswer(baseUrl: string, withinMs = 15_000): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/ready`);
    const body: unknown = await response.json();
    if (response.status === 200 || Date.now() >= deadline) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
