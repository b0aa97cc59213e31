// Look-ahead for technology reads: the links a query selects are fetched with the technologies (technology.repository)
// and handed to the request's loaders, so `enables` / `dependsOn` below them cost no round trip of their own.
import type { GraphQLResolveInfo } from 'graphql';
import { entityById } from '../entity/entity.loaders.js';
import type { RequestContext } from '../graphql/context.js';
import { fieldsUnderEverywhere, selectedFields } from '../graphql/selection.js';
import { dependenciesOf, enablesOfTechnology } from '../mapping/mapping.loaders.js';
import type { FarEnd } from '../mapping/mapping.repository.js';
import { TECHNOLOGY_PROPS, type LinkSelection, type TechnologyProp, type TechnologyWithLinks } from './technology.repository.js';

// What the far end of a link must have when nothing else is asked of it (kind comes with every row).
const BRIEF = new Set(['id', 'name', 'kind', '__typename']);
const farEnd = (info: GraphQLResolveInfo, link: string, end: string): FarEnd =>
  [...fieldsUnderEverywhere(info, link, end)].every((f) => BRIEF.has(f)) ? 'brief' : 'full';

// Fields of a technology answered from id, name and TECHNOLOGY_PROPS alone (the link fields load by id).
const FROM_SOME_PROPS = new Set<string>([...BRIEF, ...TECHNOLOGY_PROPS, 'enables', 'dependsOn', 'dependants', 'areas', 'sources']);
const only = (fields: Set<string>, allowed: Set<string>) => [...fields].every((f) => allowed.has(f));

/**
 * What to fetch with the technologies at `path` below the resolved field: the selected links, and only the selected
 * properties when nothing needs the whole record (not this selection, nor any link's `technology`/`dependant`
 * anywhere in the operation, as those rows are shared through the loaders).
 */
export function linksSelected(info: GraphQLResolveInfo, path: readonly string[] = []): LinkSelection {
  const fields = selectedFields(info, path);
  const partial =
    only(fields, FROM_SOME_PROPS) &&
    only(fieldsUnderEverywhere(info, 'enables', 'technology'), BRIEF) &&
    only(fieldsUnderEverywhere(info, 'dependsOn', 'dependant'), BRIEF);
  return {
    enables: fields.has('enables') && farEnd(info, 'enables', 'capability'),
    dependsOn: fields.has('dependsOn') && farEnd(info, 'dependsOn', 'dependency'),
    props: partial ? TECHNOLOGY_PROPS.filter((p: TechnologyProp) => fields.has(p)) : 'all',
  };
}

/** Hands the fetched links to the request's loaders; whole records also to entityById (partial ones stay private). */
export function primeLinks(ctx: RequestContext, rows: readonly TechnologyWithLinks[], include: LinkSelection): void {
  for (const { technology, enables, dependsOn } of rows) {
    if ((include.props ?? 'all') === 'all') entityById(ctx).prime(technology.id, technology);
    if (enables) enablesOfTechnology(ctx).prime(technology.id, enables);
    if (dependsOn) dependenciesOf(ctx).prime(technology.id, dependsOn);
  }
}
