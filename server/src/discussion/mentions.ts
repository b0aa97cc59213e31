// @mentions in a comment, pure. The syntax (docs/discussion.md):
//   @ana            the part of a user's e-mail before the "@" (ana@example.eu), or a one-word name ("@Ana")
//   @"Ana Martin"   a user's whole name, in double quotes when it has spaces
// Case does not matter. An "@" inside a word (an e-mail address such as ana@example.eu) is not a mention, and a
// full stop, comma or similar after a mention ends it ("thanks @ana." mentions ana).

/** A user who can be mentioned, as the lookup reads them. */
export interface Mentionable {
  id: string;
  name: string;
  /** The e-mail's local part, lower case. */
  handle: string;
}

/** What the author wrote after "@", exactly (without the quotes). */
export interface Mention {
  written: string;
  quoted: boolean;
}

// The "@" must start the text or follow a space or opening punctuation; a bare handle is letters, digits, . _ -
const MENTION = /(^|[\s([{'"“‘,;:!?])@(?:"([^"\n]{1,100})"|([\p{L}\p{N}][\p{L}\p{N}._-]{0,63}))/gu;

/** Every distinct mention in the text, in order of first appearance. */
export function mentionsIn(body: string): Mention[] {
  const seen = new Set<string>();
  const out: Mention[] = [];
  for (const match of body.matchAll(MENTION)) {
    const quoted = match[2] !== undefined;
    // Trailing dots, dashes and underscores end a sentence rather than a handle ("ask @ana.").
    const written = quoted ? match[2]!.trim() : match[3]!.replace(/[._-]+$/u, '');
    const key = written.toLowerCase();
    if (!written || seen.has(key)) continue;
    seen.add(key);
    out.push({ written, quoted });
  }
  return out;
}

export interface ResolvedMentions {
  /** The users mentioned, each once, in order of first mention. */
  users: Mentionable[];
  /** Mentions that name nobody, as written. */
  unknown: string[];
  /** Mentions that fit several users, as written, with who they could be. */
  ambiguous: { written: string; candidates: string[] }[];
}

/** Matches mentions against the users: a quoted name by whole name; a bare word by handle, else by one-word name. */
export function resolveMentions(mentions: readonly Mention[], users: readonly Mentionable[]): ResolvedMentions {
  const found = new Map<string, Mentionable>();
  const unknown: string[] = [];
  const ambiguous: ResolvedMentions['ambiguous'] = [];
  for (const mention of mentions) {
    const key = mention.written.toLowerCase();
    const byName = users.filter((u) => u.name.trim().toLowerCase() === key);
    const byHandle = mention.quoted ? [] : users.filter((u) => u.handle === key);
    // A handle is unique per e-mail domain only, and names may repeat: anything but one match is a question back.
    const candidates = byHandle.length > 0 ? byHandle : byName;
    if (candidates.length === 0) unknown.push(mention.written);
    else if (candidates.length > 1) ambiguous.push({ written: mention.written, candidates: candidates.map((u) => u.name) });
    else if (!found.has(candidates[0]!.id)) found.set(candidates[0]!.id, candidates[0]!);
  }
  return { users: [...found.values()], unknown, ambiguous };
}

/** The e-mail's local part as a handle: "Ana.Martin@example.eu" → "ana.martin". */
export function handleOf(email: string): string {
  return email.split('@', 1)[0]!.trim().toLowerCase();
}
