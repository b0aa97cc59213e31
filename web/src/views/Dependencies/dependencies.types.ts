// The dependency view's shapes: the generated result types of dependencies.operations.ts (npm run codegen), named
// for this view.
import type * as Api from '../../lib/graphql/api-types';

export type Availability = Api.AvailabilityStatus;
type Answer = Api.DependencyViewQuery;
type AnswerPath = Answer['dependencyTree']['paths'][number];
/** A path as the view reads it: the API sends positions in the tree's nodes (`nodes`), dependencies.api.ts turns them into ids. */
export type DepPath = Omit<AnswerPath, 'nodes'> & { nodeIds: string[] };
export type DependencyViewData = Omit<Answer, 'dependencyTree'> & {
  dependencyTree: Omit<Answer['dependencyTree'], 'paths' | 'cycles'> & { paths: DepPath[]; cycles: DepPath[] };
};
export type DependencyTreeData = DependencyViewData['dependencyTree'];
export type DepNode = Api.DepNodeFragment;
export type DepEdge = DependencyTreeData['edges'][number];
export type CriticalItem = DependencyViewData['criticalDependencies']['items'][number];
export type ScoreComponentData = CriticalItem['components'][number];
export type SinglePointData = DependencyViewData['singlePointsOfFailure']['points'][number];
export type EntitySummary = NonNullable<Api.DependencyNodeDetailsQuery['entity']>;
