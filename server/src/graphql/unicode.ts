// Text that reaches the graph is NFC-normalised (so "é" typed two ways is one name), and names made to deceive are
// refused: control characters (NUL included), bidirectional overrides/isolates that reorder what an analyst reads,
// and names with nothing visible in them. The checks live in validation.ts; normalisation happens once per mutation,
// on its variables and literal strings (hardening/plugin.ts), so every mutation gets it. Passwords are left as typed.
import { Kind, visit, type DocumentNode } from 'graphql';

/** C0/C1 controls except tab, line feed and carriage return (allowed in long text, refused in names). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
/** Bidirectional embeddings, overrides and isolates (LRE…RLO, LRI…PDI); the plain marks LRM/RLM are harmless. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** White space, format characters (zero-width space, joiners, BOM…) and the blank "filler" letters. */
const INVISIBLE = /^[\s\p{Cf}\p{Zs}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** What is wrong with a text for the graph, or null. `multiline` allows tab and line breaks (descriptions, notes). */
export function textProblem(value: string, options: { multiline: boolean; name: boolean }): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character.';
  if (CONTROL.test(value) || (!options.multiline && LINE_BREAK_OR_TAB.test(value))) return 'must not contain control characters.';
  if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069).';
  if (options.name && value.length > 0 && INVISIBLE.test(value)) return 'must contain visible characters.';
  return null;
}

const SECRET_NAME = /password|secret|token/i;

function normaliseValue(value: unknown, skip: (key: string) => boolean): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v) => normaliseValue(v, skip));
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) if (!skip(key)) (value as Record<string, unknown>)[key] = normaliseValue(inner, skip);
  }
  return value;
}

/**
 * NFC-normalises a mutation's variables (in place) and returns the document with its literal strings normalised.
 * Arguments and input fields named like a password, secret or token keep their exact text, as do the variables
 * passed to them.
 */
export function normaliseMutationText(document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const secretVariables = new Set<string>();
  visit(document, {
    Argument: (node) => void (SECRET_NAME.test(node.name.value) && node.value.kind === Kind.VARIABLE && secretVariables.add(node.value.name.value)),
    ObjectField: (node) => void (SECRET_NAME.test(node.name.value) && node.value.kind === Kind.VARIABLE && secretVariables.add(node.value.name.value)),
  });
  if (variables) {
    for (const [name, value] of Object.entries(variables)) {
      if (!secretVariables.has(name)) variables[name] = normaliseValue(value, (key) => SECRET_NAME.test(key));
    }
  }
  let secretDepth = 0;
  return visit(document, {
    Argument: {
      enter: (node) => void (SECRET_NAME.test(node.name.value) && secretDepth++),
      leave: (node) => void (SECRET_NAME.test(node.name.value) && secretDepth--),
    },
    ObjectField: {
      enter: (node) => void (SECRET_NAME.test(node.name.value) && secretDepth++),
      leave: (node) => void (SECRET_NAME.test(node.name.value) && secretDepth--),
    },
    StringValue: (node) => (secretDepth > 0 || node.value === node.value.normalize('NFC') ? undefined : { ...node, value: node.value.normalize('NFC') }),
  });
}
