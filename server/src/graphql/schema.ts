// Builds the executable schema from every domain's resolvers. Adding a domain means adding it here.
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CapabilityResolver } from '../capability/capability.resolver.js';
import { EntityResolver } from '../entity/entity.resolver.js';
import { ENTITY_TYPES } from '../entity/entity.type.js';
import { ExplorerResolver, MapLinkResolver } from '../explorer/explorer.resolver.js';
import { DependencyLinkResolver, EnablesLinkResolver } from '../mapping/mapping.resolver.js';
import { Technology } from '../technology/technology.type.js';
import { Capability } from '../capability/capability.type.js';
import { TechnologyResolver } from '../technology/technology.resolver.js';
import { CriticalDependencyResolver, DependencyEdgeResolver, DependencyNodeResolver, DependencyResolver } from '../dependency/dependency.resolver.js';
import { SubstitutesLinkResolver, SuppliedByLinkResolver } from '../mapping/supply.resolver.js';
import { CapabilityImpactResolver, ScenarioEventResolver, ScenarioResolver } from '../scenario/scenario.resolver.js';
import { SignalResolver } from '../signal/signal.resolver.js';
import { SignalSuggestionResolver } from '../signal/suggestion.resolver.js';
import { CapabilitySignalsResolver, CaseStudySignalsResolver, TechnologySignalsResolver } from '../signal/signal.target.resolver.js';
import { Signal } from '../signal/signal.type.js';
import { ANNOTATED_RESOLVERS, AnnotationResolver } from '../annotation/annotation.resolver.js';
import { Annotation } from '../annotation/annotation.type.js';
import { UserResolver } from '../user/user.resolver.js';
import { AccountResolver } from '../user/account.resolver.js';
import { authChecker } from '../auth/auth-checker.js';
import { HistoryResolver } from '../history/history.resolver.js';
import { LinkResolver, MapEntityResolver } from '../mapping/map-entity.resolver.js';
import { MappingModelResolver } from '../mapping/mapping-model.resolver.js';
import { CurationResolver } from '../mapping/curation.resolver.js';
import { MapSheetsResolver } from '../mapping/map-sheets.resolver.js';
import { EntityLinksResolver } from '../mapping/map-entity.links.js';
import { SourceSearchResolver } from '../source/source.resolver.js';
import { RadarEditionResolver, RadarResolver } from '../radar/radar.resolver.js';
import { RoadmapResolver } from '../roadmap/roadmap.resolver.js';
import { DelphiResolver } from '../delphi/delphi.resolver.js';
import { FollowResolver } from '../follow/follow.resolver.js';
import { NotificationResolver } from '../notification/notification.resolver.js';
import { CommentResolver } from '../discussion/comment.resolver.js';
import { AssignmentResolver } from '../discussion/assignment.resolver.js';

export const RESOLVERS = [
  EntityResolver,
  TechnologyResolver,
  CapabilityResolver,
  EnablesLinkResolver,
  DependencyLinkResolver,
  ExplorerResolver,
  MapLinkResolver,
  DependencyResolver,
  DependencyNodeResolver,
  DependencyEdgeResolver,
  CriticalDependencyResolver,
  SuppliedByLinkResolver,
  SubstitutesLinkResolver,
  ScenarioResolver,
  ScenarioEventResolver,
  CapabilityImpactResolver,
  SignalResolver,
  SignalSuggestionResolver,
  TechnologySignalsResolver,
  CapabilitySignalsResolver,
  CaseStudySignalsResolver,
  AnnotationResolver,
  ...ANNOTATED_RESOLVERS,
  UserResolver,
  AccountResolver,
  MappingModelResolver,
  MapEntityResolver,
  LinkResolver,
  HistoryResolver,
  CurationResolver,
  MapSheetsResolver,
  EntityLinksResolver,
  SourceSearchResolver,
  RadarResolver,
  RadarEditionResolver,
  FollowResolver,
  NotificationResolver,
  RoadmapResolver,
  DelphiResolver,
  CommentResolver,
  AssignmentResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...RESOLVERS],
    orphanedTypes: [...ENTITY_TYPES, Technology, Capability, Signal, Annotation],
    // Validation is explicit per input (it names the field); class-validator is not used.
    validate: false,
    // Every mutation carries @Authorized(role); reads are gated per operation (auth/read-access.ts).
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
  });
  return cached;
}

/** The SDL committed as schema.graphql: sorted so the file only changes when the API does. */
export async function printedSchema(): Promise<string> {
  const header = '# Generated from the code by `npm run schema:emit`. Do not edit: a test fails when it is stale.\n\n';
  return header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
