// TypeScript shapes of what the dependency view asks for (see dependencies.operations.ts and /schema.graphql).
import type { EntityKind, SourceRef } from '../../lib/graphql/types';

export type Availability = 'AVAILABLE' | 'UNKNOWN' | 'UNAVAILABLE';

export interface DepNode {
  id: string;
  kind: EntityKind;
  name: string;
  level: number | null;
  trl: number | null;
  eu: boolean | null;
  iso2: string | null;
  criticalRawMaterial: boolean | null;
}

export interface DepEdge {
  id: string;
  type: string;
  from: string;
  to: string;
  strength: number | null;
  criticality: number | null;
  substitutability: number | null;
  share: number | null;
  year: number | null;
  basis: string | null;
  rationale: string | null;
  sources: SourceRef[];
}

export interface DepPath {
  nodeIds: string[];
  cycle: boolean;
}

export interface DependencyTreeData {
  root: DepNode;
  nodes: DepNode[];
  edges: DepEdge[];
  paths: DepPath[];
  cycles: DepPath[];
  truncated: boolean;
}

export interface ScoreComponentData {
  key: string;
  label: string;
  value: number | null;
  factor: number | null;
  weight: number;
  contribution: number;
  note: string;
}

export interface CriticalItem {
  node: { id: string };
  score: number;
  capabilityCount: number;
  capabilities: { id: string; name: string }[];
  hhi: number | null;
  euShare: number | null;
  nonEuShare: number | null;
  unknownOriginShare: number | null;
  substitutability: number | null;
  hasSubstitute: boolean;
  trl: number | null;
  unknownSupply: boolean;
  components: ScoreComponentData[];
  suppliers: { supplier: { id: string; name: string }; country: { id: string; name: string; eu: boolean | null } | null; share: number; estimated: boolean }[];
}

export interface SinglePointData {
  node: { id: string };
  reason: string;
  capabilityLost: boolean;
  unknownSupply: boolean;
  technologies: { id: string; name: string }[];
}

export interface DependencyViewData {
  dependencyTree: DependencyTreeData;
  criticalDependencies: { items: CriticalItem[] };
  singlePointsOfFailure: {
    status: Availability;
    enablers: { technology: { id: string; name: string }; status: Availability }[];
    points: SinglePointData[];
  };
}

export interface EntitySummary {
  id: string;
  name: string;
  kind: EntityKind;
  description: string | null;
  sources: SourceRef[];
}
