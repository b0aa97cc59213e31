// The vocabularies as GraphQL enums. Type files import the enums from here, so they are registered before the schema
// is built. GraphQL refuses any other value before a resolver runs; graphql/enum-errors.ts words that refusal as a
// BAD_USER_INPUT naming the field and the allowed values.
import { registerEnumType } from 'type-graphql';
import { ApiRole } from '../auth/roles.js';
import {
  AssignmentState,
  CapabilityDomain,
  DelphiRoundStatus,
  EuPosition,
  Horizon,
  NotificationKind,
  SignalImportFormat,
  SignalStatus,
  Steep,
  SuggestionReasonKind,
  SupplyBasis,
} from './vocabularies.js';

export {
  ApiRole,
  AssignmentState,
  CapabilityDomain,
  DelphiRoundStatus,
  EuPosition,
  Horizon,
  NotificationKind,
  SignalImportFormat,
  SignalStatus,
  Steep,
  SuggestionReasonKind,
  SupplyBasis,
};

/** Every enum of the API, once: its GraphQL name, the vocabulary behind it and what it means (the schema's description). */
const ENUMS = {
  Steep: { values: Steep, description: 'STEEP category: social, technological, economic, environmental or political.' },
  SignalStatus: {
    values: SignalStatus,
    description: 'Triage status: NEW (just in), ASSESSED (read and rated), LINKED (tied to the graph), ARCHIVED (set aside).',
  },
  Horizon: { values: Horizon, description: 'When a technology is expected to be mature for security use: now, by 2030, 2035 or 2040.' },
  EuPosition: { values: EuPosition, description: "The EU's position in a technology." },
  CapabilityDomain: { values: CapabilityDomain, description: 'The internal-security domain a capability serves.' },
  SupplyBasis: { values: SupplyBasis, description: 'What a supply share measures.' },
  SignalImportFormat: { values: SignalImportFormat, description: 'A signal import file: RSS, Atom or CSV.' },
  Role: {
    values: ApiRole,
    description: 'What a user may do: VIEWER (read), ANALYST (read, map, annotate, scenarios, import signals), ADMIN (everything, users).',
  },
  SuggestionReasonKind: {
    values: SuggestionReasonKind,
    description:
      'Why a technology is suggested for a signal: NAME_OR_ALIAS (the signal names it), SHARED_TERMS (they share weighty terms), SIMILAR_SIGNALS (signals of its cluster indicate it).',
  },
  DelphiRoundStatus: {
    values: DelphiRoundStatus,
    description: 'A Delphi round: OPEN (invited analysts answer, blind) or CLOSED (answers final, group statistics visible).',
  },
  NotificationKind: {
    values: NotificationKind,
    description:
      'Why a notification was raised: a followed thing changed (signal linked or annotated, rating, mapping, scenario impact), a saved search matched a new signal, or a discussion mention, assignment or comment.',
  },
  AssignmentState: {
    values: AssignmentState,
    description: 'Where an assignment stands today (UTC): OVERDUE (due date passed, not done), DUE_TODAY, OPEN (due later) or DONE.',
  },
} satisfies Record<string, { values: object; description: string }>;

for (const [name, { values, description }] of Object.entries(ENUMS)) registerEnumType(values, { name, description });

const API_NAMES: Record<string, readonly string[]> = Object.fromEntries(Object.entries(ENUMS).map(([name, { values }]) => [name, Object.keys(values)]));

/** The values the API accepts for one of these enums (SOCIAL, TECHNOLOGICAL…), or undefined for any other name. */
export function apiValuesOf(enumName: string): readonly string[] | undefined {
  return API_NAMES[enumName];
}
