// Who is annotating, in ONE place on the web side: a name the analyst types once, kept in this browser.
// When users arrive, this returns the signed-in user (and the API stops needing the argument).
const KEY = 'atlas.author';

export function savedAuthor(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveAuthor(name: string): void {
  try {
    if (name.trim()) localStorage.setItem(KEY, name.trim());
    else localStorage.removeItem(KEY);
  } catch {
    // Private browsing without storage: the name lasts for this page only.
  }
}

/** The author argument for the API: null lets the server use its default ("anonymous analyst"). */
export function authorArgument(name: string): string | null {
  return name.trim() || null;
}
