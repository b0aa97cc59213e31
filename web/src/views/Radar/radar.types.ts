// The radar's shapes: the generated result types of radar.operations.ts (npm run codegen), named for this view.
import type * as Api from '../../lib/graphql/api-types';

export type RadarRingRule = Api.RadarRingRule;
export type RadarSectorRule = Api.RadarSectorRule;
export type RadarSizeMeasure = Api.RadarSizeMeasure;

export type RadarData = Api.RadarQuery['radar'];
export type RadarBlipData = RadarData['blips'][number];

export type RadarFilterInput = Api.RadarFilter;
export type RadarFilterChoicesData = Api.RadarFilterChoicesQuery['radarFilterChoices'];

export type RadarEditionData = Api.RadarEditionSummaryFragment;
export type RadarComparisonData = Api.CompareRadarEditionsQuery['compareRadarEditions'];
