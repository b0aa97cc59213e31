// Document limits from @escape.tech/graphql-armor (maintained, fragment-aware, each fragment counted once): tokens,
// depth, aliases and directives. Its cost limit is off: it sees neither the schema's lists nor the variables, so the
// cost check is ours (hardening/cost.ts, run once variables are known). A refused document gets one
// GRAPHQL_VALIDATION_FAILED error (HTTP 400) naming the limit in extensions.limit; nothing is executed.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { limitError } from './cost.js';
import type { Limits } from './limits.js';

type Refusal = (context: ValidationContext | null, error: GraphQLError) => void;

/** Reports armor's refusal as our error shape; the message says what to change. */
function refuse(limit: keyof Limits, advice: string): { propagateOnRejection: false; onReject: Refusal[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(limitError(`${advice}${found ? ` (found ${found})` : ''}.`, limit));
      },
    ],
  };
}

export interface ArmorProtection {
  plugins: ApolloServerPlugin<any>[];
  validationRules: ValidationRule[];
}

export function armorProtection(limits: Limits, options: { hideSuggestions: boolean }): ArmorProtection {
  const armor = new ApolloArmor({
    // Tokens are limited by graphql-js's own parser (Apollo's parseOptions.maxTokens, see app.ts), which refuses a huge
    // document with a clean 400 while parsing; armor's token plugin parses the text a second time.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...refuse('maxDepth', `The operation is too deep; at most ${limits.maxDepth} levels are allowed`) },
    maxAliases: { n: limits.maxAliases, ...refuse('maxAliases', `The document uses too many aliases; at most ${limits.maxAliases} are allowed`) },
    maxDirectives: {
      n: limits.maxDirectives,
      ...refuse('maxDirectives', `The document uses too many directives; at most ${limits.maxDirectives} are allowed`),
    },
    // "Did you mean …" helps an analyst in development; in production it would describe the schema to a stranger.
    blockFieldSuggestion: { enabled: options.hideSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as ApolloServerPlugin<any>[], validationRules: validationRules as ValidationRule[] };
}
