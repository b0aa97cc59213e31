// What a seed file may contain: the files, their kinds, and each field's type and range.
// The validator reads this table; the model itself (kinds, link ends) comes from server/src/db/labels.ts.
import type { EntityKind, RelationshipType } from '../server/src/db/labels.js';

export type FieldSpec =
  | { type: 'string'; required?: boolean; max?: number; oneOf?: readonly string[] }
  | { type: 'int'; required?: boolean; min: number; max: number }
  | { type: 'number'; required?: boolean; min: number; max: number; aboveMin?: boolean }
  | { type: 'boolean'; required?: boolean }
  | { type: 'date'; required?: boolean }
  | { type: 'url'; required?: boolean };

const text = (max = 5000): FieldSpec => ({ type: 'string', max });
const name: FieldSpec = { type: 'string', required: true, max: 300 };
const fraction: FieldSpec = { type: 'number', min: 0, max: 1 };
/** A supplier's share of an item's supply: 0 is refused (a supplier holding nothing is no supplier). */
const supplyShare: FieldSpec = { type: 'number', min: 0, max: 1, aboveMin: true };
const requiredFraction: FieldSpec = { type: 'number', min: 0, max: 1, required: true };
const year: FieldSpec = { type: 'int', min: 1900, max: 2100 };

export interface NodeSpec {
  file: string;
  fields: Record<string, FieldSpec>;
  /** Seed field → stored property, where they differ (signals keep the model's name/description). */
  rename?: Record<string, string>;
}

export const NODE_SPECS: Partial<Record<EntityKind, NodeSpec>> = {
  Source: { file: 'sources.json', fields: { title: name, publisher: { type: 'string', required: true, max: 300 }, year: { ...year, required: true } as FieldSpec, url: { type: 'url', required: true } }, rename: { title: 'name' } },
  KetArea: { file: 'ket-areas.json', fields: { name, description: text(), framework: { type: 'string', required: true, oneOf: ['KET-2009', 'KET-2018'] } } },
  CriticalTechnologyArea: { file: 'critical-technology-areas.json', fields: { name, description: text() } },
  Technology: {
    file: 'technologies.json',
    fields: {
      name,
      description: text(),
      trl: { type: 'int', min: 1, max: 9 },
      trlYear: year,
      horizon: { type: 'string', oneOf: ['now', '2030', '2035', '2040'] },
      euPosition: { type: 'string', oneOf: ['leader', 'competitive', 'lagging', 'dependent'] },
      dualUse: { type: 'boolean' },
    },
  },
  Capability: {
    file: 'capabilities.json',
    fields: { name, description: text(), domain: { type: 'string', required: true, oneOf: ['border management', 'law enforcement', 'drug markets', 'crisis management', 'cybersecurity'] } },
  },
  Component: { file: 'components.json', fields: { name, description: text() } },
  Material: { file: 'materials.json', fields: { name, description: text(), criticalRawMaterial: { type: 'boolean' }, strategicRawMaterial: { type: 'boolean' } } },
  Supplier: { file: 'suppliers.json', fields: { name, description: text() } },
  Country: { file: 'countries.json', fields: { name, description: text(), iso2: { type: 'string', required: true, max: 2 }, eu: { type: 'boolean', required: true } } },
  CaseStudy: { file: 'case-studies.json', fields: { name, description: text() } },
  Project: { file: 'projects.json', fields: { name, acronym: text(40), description: text(), startDate: { type: 'date' }, endDate: { type: 'date' }, url: { type: 'url' } } },
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
      steep: { type: 'string', required: true, oneOf: ['social', 'technological', 'economic', 'environmental', 'political'] },
      status: { type: 'string', required: true, oneOf: ['new', 'assessed', 'linked', 'archived'] },
    },
    rename: { title: 'name', summary: 'description' },
  },
};

export const LINK_FIELDS: Record<RelationshipType, Record<string, FieldSpec>> = {
  IN_KET_AREA: {},
  IN_CRITICAL_AREA: {},
  KET_RELATED: { relation: { type: 'string', required: true, oneOf: ['succeeded-by', 'overlaps', 'part-of'] } },
  SUB_TECHNOLOGY_OF: {},
  ENABLES: { strength: requiredFraction, rationale: text(2000) },
  DEPENDS_ON: { criticality: requiredFraction, substitutability: fraction, rationale: text(2000) },
  SUBSTITUTES: { rationale: text(2000) },
  SUPPLIED_BY: { share: supplyShare, year, basis: { type: 'string', oneOf: ['global production', 'EU sourcing', 'global capacity'] } },
  LOCATED_IN: {},
  SCANS: { role: { type: 'string', required: true, oneOf: ['threat', 'countermeasure', 'both'] } },
  CONCERNS: {},
  COUNTERS: { rationale: text(2000) },
  STUDIES: {},
  LEADS: {},
  PARTICIPATES_IN: {},
  INDICATES: { relevance: fraction },
};
