// Turns what an analyst types into a Lucene query for the full-text index: every word must match,
// a word may be the start of a longer one, and matches in the name weigh more than in the description.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function toLuceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .replace(SPECIAL, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !['and', 'or', 'not', 'to'].includes(w))
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `(name:${w}^4 OR name:${w}*^2 OR description:${w} OR description:${w}*)`).join(' AND ');
}
