// The mapping model: which kinds analysts map, which fields each has, which links join them and what each link
// carries. One table read by the API's validation, the web forms (query mappingModel) and the spreadsheet columns,
// so a rule written here holds everywhere. Kinds and link ends come from db/labels.ts; this adds the fields.
import { ID_PREFIX, RELATIONSHIP_TYPES, type EntityKind } from '../db/labels.js';
import { CapabilityDomain, EuPosition, Horizon, KET_FRAMEWORKS, SCAN_ROLES, storedValues, SupplyBasis } from '../vocabulary/vocabularies.js';

export const FIELD_TYPES = ['TEXT', 'LONG_TEXT', 'INT', 'FLOAT', 'SHARE', 'YEAR', 'BOOLEAN', 'URL', 'DATE', 'CHOICE', 'TEXT_LIST'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** The value must be above min, not equal to it (a supplier's share: 0 is no supply); the reason is told. */
  aboveMin?: { why: string };
  help?: string;
}

export interface KindSpec {
  kind: EntityKind;
  label: string;
  idPrefix: string;
  /** The EU's official lists: only admins create, edit or delete them. */
  adminOnly: boolean;
  /** Kind-specific attributes; name, description and aliases are common to every kind (COMMON_FIELDS). */
  fields: readonly FieldSpec[];
}

export const LINK_TYPES = [
  'ENABLES',
  'DEPENDS_ON',
  'SUBSTITUTES',
  'SUPPLIED_BY',
  'LOCATED_IN',
  'SUB_TECHNOLOGY_OF',
  'IN_KET_AREA',
  'IN_CRITICAL_AREA',
  'SCANS',
  'CONCERNS',
  'COUNTERS',
  'STUDIES',
  'LEADS',
  'PARTICIPATES_IN',
  'INDICATES',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface LinkSpec {
  type: LinkType;
  /** The relation in analysts' words, read from → to: "depends on". */
  label: string;
  fromKinds: readonly EntityKind[];
  toKinds: readonly EntityKind[];
  properties: readonly FieldSpec[];
  /** A link from an entity to itself means nothing for these. */
  noSelfLink: boolean;
}

const f = (name: string, label: string, type: FieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, label, type, required: false, ...extra });

export const TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;
export const NAME_MIN = 2;
export const NAME_MAX = 200;
export const ALIASES_MAX = 50;

/** Fields every kind has, stored on the node as they are. */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  f('name', 'Name', 'TEXT', { required: true, min: NAME_MIN, max: NAME_MAX }),
  f('description', 'Description', 'LONG_TEXT', { max: LONG_TEXT_MAX }),
  f('aliases', 'Aliases', 'TEXT_LIST', { max: ALIASES_MAX, help: 'Acronyms, synonyms and names in other languages (UAV, UAS, RPAS); search matches them.' }),
];

const year = (name = 'year', label = 'Year') => f(name, label, 'YEAR', { min: 1900, max: 2100 });
const rationale = f('rationale', 'Rationale', 'LONG_TEXT', { max: 2000, help: 'Why, in a sentence, ideally from the source.' });

export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: 'Technology',
    label: 'Technology',
    idPrefix: ID_PREFIX.Technology,
    adminOnly: false,
    fields: [
      f('trl', 'Technology readiness level', 'INT', { min: 1, max: 9, help: 'TRL 1–9 for security use; leave empty when no source gives one.' }),
      year('trlYear', 'TRL assessed in'),
      f('horizon', 'Mature for security use', 'CHOICE', { choices: storedValues(Horizon) }),
      f('euPosition', 'EU position', 'CHOICE', { choices: storedValues(EuPosition) }),
      f('dualUse', 'Dual use', 'BOOLEAN', { help: 'Usable by criminals as well as by law enforcement.' }),
    ],
  },
  {
    kind: 'Capability',
    label: 'Capability',
    idPrefix: ID_PREFIX.Capability,
    adminOnly: false,
    fields: [f('domain', 'Domain', 'CHOICE', { choices: storedValues(CapabilityDomain) })],
  },
  { kind: 'Component', label: 'Component', idPrefix: ID_PREFIX.Component, adminOnly: false, fields: [] },
  {
    kind: 'Material',
    label: 'Material',
    idPrefix: ID_PREFIX.Material,
    adminOnly: false,
    fields: [f('criticalRawMaterial', 'Critical raw material (CRMA)', 'BOOLEAN'), f('strategicRawMaterial', 'Strategic raw material (CRMA)', 'BOOLEAN')],
  },
  { kind: 'Supplier', label: 'Supplier', idPrefix: ID_PREFIX.Supplier, adminOnly: false, fields: [] },
  {
    kind: 'Country',
    label: 'Country',
    idPrefix: ID_PREFIX.Country,
    adminOnly: false,
    fields: [
      f('iso2', 'ISO code', 'TEXT', { required: true, min: 2, max: 2, help: 'Two letters, e.g. DE.' }),
      f('eu', 'EU member state', 'BOOLEAN', { required: true }),
    ],
  },
  {
    kind: 'Source',
    label: 'Source',
    idPrefix: ID_PREFIX.Source,
    adminOnly: false,
    fields: [
      f('publisher', 'Publisher', 'TEXT', { required: true, max: TEXT_MAX }),
      f('year', 'Year published', 'YEAR', { required: true, min: 1900, max: 2100 }),
      f('url', 'URL', 'URL', { required: true }),
      f('page', 'Page', 'TEXT', { max: 40 }),
      f('quote', 'Quote', 'LONG_TEXT', { max: 2000 }),
      f('accessed', 'Accessed on', 'DATE'),
    ],
  },
  { kind: 'CaseStudy', label: 'Case study', idPrefix: ID_PREFIX.CaseStudy, adminOnly: false, fields: [] },
  {
    kind: 'Project',
    label: 'Project',
    idPrefix: ID_PREFIX.Project,
    adminOnly: false,
    fields: [f('acronym', 'Acronym', 'TEXT', { max: 40 }), f('startDate', 'Start', 'DATE'), f('endDate', 'End', 'DATE'), f('url', 'URL', 'URL')],
  },
  {
    kind: 'Organisation',
    label: 'Organisation',
    idPrefix: ID_PREFIX.Organisation,
    adminOnly: false,
    fields: [f('acronym', 'Acronym', 'TEXT', { max: 40 }), f('hubClusterA', 'Member of Hub cluster A', 'BOOLEAN')],
  },
  {
    kind: 'KetArea',
    label: 'KET area',
    idPrefix: ID_PREFIX.KetArea,
    adminOnly: true,
    fields: [f('framework', 'Framework', 'CHOICE', { required: true, choices: KET_FRAMEWORKS })],
  },
  { kind: 'CriticalTechnologyArea', label: 'Critical technology area', idPrefix: ID_PREFIX.CriticalTechnologyArea, adminOnly: true, fields: [] },
];
export const KIND_SPEC = new Map<EntityKind, KindSpec>(KIND_SPECS.map((k) => [k.kind, k]));
/** The kinds analysts create and edit here (signals, annotations and scenarios have their own workflows). */
export const MAPPABLE_KINDS: readonly EntityKind[] = KIND_SPECS.map((k) => k.kind);

const link = (type: LinkType, label: string, properties: FieldSpec[] = [], noSelfLink = false): LinkSpec => ({
  type,
  label,
  fromKinds: RELATIONSHIP_TYPES[type].from,
  toKinds: RELATIONSHIP_TYPES[type].to,
  properties,
  noSelfLink,
});

export const LINK_SPECS: readonly LinkSpec[] = [
  link('ENABLES', 'enables', [
    f('strength', 'Strength', 'SHARE', { required: true, min: 0, max: 1, help: '1: the capability cannot do without it; 0.5: one of several ways.' }),
    rationale,
  ]),
  link(
    'DEPENDS_ON',
    'depends on',
    [
      f('criticality', 'Criticality', 'SHARE', { required: true, min: 0, max: 1, help: 'How badly it suffers without this input (0–1).' }),
      f('substitutability', 'Substitutability', 'SHARE', { min: 0, max: 1, help: 'How easily the input can be replaced (0–1); empty means 0.' }),
      rationale,
    ],
    true,
  ),
  link('SUBSTITUTES', 'can substitute for', [rationale], true),
  link('SUPPLIED_BY', 'is supplied by', [
    f('share', 'Share of supply', 'SHARE', {
      min: 0,
      max: 1,
      // A supplier holding none of the supply is no supplier (docs/dependency-analysis.md, "Zero shares").
      aboveMin: { why: 'a supplier with no share supplies nothing. Unlink it instead, or leave the share empty if it is unknown.' },
      help: 'Share above 0 up to 1; the shares of one item add up to at most 1. Empty when unknown.',
    }),
    year('year', 'Share in year'),
    f('basis', 'Basis', 'CHOICE', { choices: storedValues(SupplyBasis) }),
  ]),
  link('LOCATED_IN', 'is located in'),
  link('SUB_TECHNOLOGY_OF', 'is a sub-technology of', [], true),
  link('IN_KET_AREA', 'is in KET area'),
  link('IN_CRITICAL_AREA', 'is in critical technology area'),
  link('SCANS', 'scans', [f('role', 'Role', 'CHOICE', { required: true, choices: SCAN_ROLES })]),
  link('CONCERNS', 'concerns'),
  link('COUNTERS', 'counters', [rationale]),
  link('STUDIES', 'studies'),
  link('LEADS', 'leads'),
  link('PARTICIPATES_IN', 'participates in'),
  link('INDICATES', 'indicates', [f('relevance', 'Relevance', 'SHARE', { min: 0, max: 1 })]),
];
export const LINK_SPEC = new Map<LinkType, LinkSpec>(LINK_SPECS.map((l) => [l.type, l]));

/** Shares of one item's SUPPLIED_BY links may exceed 1 by this much (0.3 + 0.7 in binary floating point). */
export const SHARE_TOLERANCE = 1e-9;
