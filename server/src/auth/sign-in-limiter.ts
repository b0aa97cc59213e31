// Failed sign-ins, counted in memory per email + client address: after MAX_FAILURES within WINDOW_MS the pair is
// refused until the window passes. One process, so one counter; a restart forgets (acceptable for this deployment).
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; first: number }>();

  constructor(
    private readonly max = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  private key(email: string, ip: string): string {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  /** Milliseconds to wait before trying again, or 0 when allowed. */
  retryAfter(email: string, ip: string): number {
    const entry = this.failures.get(this.key(email, ip));
    if (!entry) return 0;
    const elapsed = this.now() - entry.first;
    if (elapsed >= this.windowMs) {
      this.failures.delete(this.key(email, ip));
      return 0;
    }
    return entry.count >= this.max ? this.windowMs - elapsed : 0;
  }

  fail(email: string, ip: string): void {
    const key = this.key(email, ip);
    const entry = this.failures.get(key);
    if (!entry || this.now() - entry.first >= this.windowMs) this.failures.set(key, { count: 1, first: this.now() });
    else entry.count++;
    if (this.failures.size > 10_000) this.prune();
  }

  succeed(email: string, ip: string): void {
    this.failures.delete(this.key(email, ip));
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (now - entry.first >= this.windowMs) this.failures.delete(key);
  }
}
