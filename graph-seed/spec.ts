// What a seed file may contain: the files, their kinds, and each field's type and range.
// The validator reads this table; the model itself (kinds, link ends) comes from server/src/db/labels.ts.
import type { EntityKind, RelationshipType } from '../server/src/db/labels.js';
import {
  CapabilityDomain,
  EuPosition,
  Horizon,
  KET_FRAMEWORKS,
  KET_RELATIONS,
  SCAN_ROLES,
  SignalStatus,
  Steep,
  storedValues,
  SupplyBasis,
} from '../server/src/vocabulary/vocabularies.js';

export type FieldSpec =
  | { type: 'string'; required?: boolean; max?: number; oneOf?: readonly string[] }
  | { type: 'int'; required?: boolean; min: number; max: number }
  | { type: 'number'; required?: boolean; min: number; max: number; aboveMin?: boolean }
  | { type: 'boolean'; required?: boolean }
  | { type: 'date'; required?: boolean }
  | { type: 'url'; required?: boolean }
  | { type: 'strings'; required?: boolean; max: number; maxItems: number };

const text = (max = 5000): FieldSpec => ({ type: 'string', max });
const name: FieldSpec = { type: 'string', required: true, max: 300 };
const fraction: FieldSpec = { type: 'number', min: 0, max: 1 };
/** A supplier's share of an item's supply: 0 is refused (a supplier holding nothing is no supplier). */
const supplyShare: FieldSpec = { type: 'number', min: 0, max: 1, aboveMin: true };
const requiredFraction: FieldSpec = { type: 'number', min: 0, max: 1, required: true };
const year: FieldSpec = { type: 'int', min: 1900, max: 2100 };
/** Acronyms, synonyms and names in other languages; search matches them (server/src/explorer). */
const aliases: FieldSpec = { type: 'strings', max: 120, maxItems: 30 };
/** Whether a readiness value is a figure the source states or a curator's judgement from it (graph-seed/readiness.ts). */
export const BASES = ['stated', 'estimate'] as const;
const sourceRef: FieldSpec = { type: 'string', max: 200 };
const basis: FieldSpec = { type: 'string', oneOf: BASES };
const note = text(1000);

export interface NodeSpec {
  file: string;
  fields: Record<string, FieldSpec>;
  /** Seed field → stored property, where they differ (signals keep the model's name/description). */
  rename?: Record<string, string>;
}

const SPECS: Partial<Record<EntityKind, NodeSpec>> = {
  Source: {
    file: 'sources.json',
    fields: {
      title: name,
      publisher: { type: 'string', required: true, max: 300 },
      year: { ...year, required: true } as FieldSpec,
      url: { type: 'url', required: true },
    },
    rename: { title: 'name' },
  },
  KetArea: { file: 'ket-areas.json', fields: { name, description: text(), framework: { type: 'string', required: true, oneOf: KET_FRAMEWORKS } } },
  CriticalTechnologyArea: { file: 'critical-technology-areas.json', fields: { name, description: text() } },
  Technology: {
    file: 'technologies.json',
    fields: {
      name,
      description: text(),
      trl: { type: 'int', min: 1, max: 9 },
      trlYear: year,
      horizon: { type: 'string', oneOf: storedValues(Horizon) },
      euPosition: { type: 'string', oneOf: storedValues(EuPosition) },
      dualUse: { type: 'boolean' },
      // Each readiness value with its provenance, as flat properties (Neo4j keeps no nested objects).
      trlSource: sourceRef,
      trlBasis: basis,
      trlNote: note,
      horizonSource: sourceRef,
      horizonBasis: basis,
      horizonNote: note,
      euPositionSource: sourceRef,
      euPositionBasis: basis,
      euPositionNote: note,
    },
  },
  Capability: {
    file: 'capabilities.json',
    fields: { name, description: text(), domain: { type: 'string', required: true, oneOf: storedValues(CapabilityDomain) } },
  },
  Component: { file: 'components.json', fields: { name, description: text() } },
  Material: {
    file: 'materials.json',
    fields: { name, description: text(), criticalRawMaterial: { type: 'boolean' }, strategicRawMaterial: { type: 'boolean' } },
  },
  Supplier: { file: 'suppliers.json', fields: { name, description: text() } },
  Country: {
    file: 'countries.json',
    fields: { name, description: text(), iso2: { type: 'string', required: true, max: 2 }, eu: { type: 'boolean', required: true } },
  },
  CaseStudy: { file: 'case-studies.json', fields: { name, description: text() } },
  Project: {
    file: 'projects.json',
    fields: { name, acronym: text(40), description: text(), startDate: { type: 'date' }, endDate: { type: 'date' }, url: { type: 'url' } },
  },
  Organisation: { file: 'organisations.json', fields: { name, acronym: text(40), description: text(), hubClusterA: { type: 'boolean' } } },
  Signal: {
    file: 'signals.json',
    fields: {
      title: name,
      summary: text(),
      url: { type: 'url', required: true },
      publisher: text(300),
      publishedAt: { type: 'date', required: true },
      observedAt: { type: 'date' },
      steep: { type: 'string', required: true, oneOf: storedValues(Steep) },
      status: { type: 'string', required: true, oneOf: storedValues(SignalStatus) },
      /** false: the curator could not open the address (built from the publisher's pattern); see docs/signals.md. */
      urlVerified: { type: 'boolean' },
    },
    rename: { title: 'name', summary: 'description' },
  },
};

/** Every kind of node may carry aliases. */
export const NODE_SPECS: Partial<Record<EntityKind, NodeSpec>> = Object.fromEntries(
  Object.entries(SPECS).map(([kind, spec]) => [kind, { ...spec, fields: { ...spec.fields, aliases } }]),
);

export const LINK_FIELDS: Record<RelationshipType, Record<string, FieldSpec>> = {
  IN_KET_AREA: {},
  IN_CRITICAL_AREA: {},
  KET_RELATED: { relation: { type: 'string', required: true, oneOf: KET_RELATIONS } },
  SUB_TECHNOLOGY_OF: {},
  ENABLES: { strength: requiredFraction, rationale: text(2000) },
  DEPENDS_ON: { criticality: requiredFraction, substitutability: fraction, rationale: text(2000) },
  SUBSTITUTES: { rationale: text(2000) },
  SUPPLIED_BY: { share: supplyShare, year, basis: { type: 'string', oneOf: storedValues(SupplyBasis) } },
  LOCATED_IN: {},
  SCANS: { role: { type: 'string', required: true, oneOf: SCAN_ROLES } },
  CONCERNS: {},
  COUNTERS: { rationale: text(2000) },
  STUDIES: {},
  LEADS: {},
  PARTICIPATES_IN: {},
  INDICATES: { relevance: fraction },
};
