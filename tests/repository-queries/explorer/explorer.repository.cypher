// Sent by server/src/explorer/explorer.repository.ts in its integration test (3, sorted).

MATCH (centre:Entity {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (centre)-[:IN_KET_AREA|IN_CRITICAL_AREA|KET_RELATED|SUB_TECHNOLOGY_OF|ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|SCANS|CONCERNS|COUNTERS|STUDIES|LEADS|PARTICIPATES_IN|INDICATES]-{1,1}(n:Entity)
WITH centre, n, length(p) AS distance
ORDER BY distance, n.name
WITH centre, collect(n) AS reached
WITH centre, [centre] + reached[0..$limit] AS nodes, size(reached) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:IN_KET_AREA|IN_CRITICAL_AREA|KET_RELATED|SUB_TECHNOLOGY_OF|ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|SCANS|CONCERNS|COUNTERS|STUDIES|LEADS|PARTICIPATES_IN|INDICATES]->(b) WHERE b IN nodes
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS links
}
RETURN [x IN nodes | {kind: [l IN labels(x) WHERE l <> 'Entity'][0], props: properties(x)}] AS entities, links, truncated;

MATCH (centre:Entity {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (centre)-[:IN_KET_AREA|IN_CRITICAL_AREA|KET_RELATED|SUB_TECHNOLOGY_OF|ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|SCANS|CONCERNS|COUNTERS|STUDIES|LEADS|PARTICIPATES_IN|INDICATES]-{1,2}(n:Entity)
WITH centre, n, length(p) AS distance
ORDER BY distance, n.name
WITH centre, collect(n) AS reached
WITH centre, [centre] + reached[0..$limit] AS nodes, size(reached) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:IN_KET_AREA|IN_CRITICAL_AREA|KET_RELATED|SUB_TECHNOLOGY_OF|ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|SCANS|CONCERNS|COUNTERS|STUDIES|LEADS|PARTICIPATES_IN|INDICATES]->(b) WHERE b IN nodes
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS links
}
RETURN [x IN nodes | {kind: [l IN labels(x) WHERE l <> 'Entity'][0], props: properties(x)}] AS entities, links, truncated;

MATCH (centre:Entity {id: $id})
OPTIONAL MATCH p = ANY SHORTEST (centre)-[:IN_KET_AREA|IN_CRITICAL_AREA|KET_RELATED|SUB_TECHNOLOGY_OF|ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|SCANS|CONCERNS|COUNTERS|STUDIES|LEADS|PARTICIPATES_IN|INDICATES]-{1,3}(n:Entity)
WITH centre, n, length(p) AS distance
ORDER BY distance, n.name
WITH centre, collect(n) AS reached
WITH centre, [centre] + reached[0..$limit] AS nodes, size(reached) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:IN_KET_AREA|IN_CRITICAL_AREA|KET_RELATED|SUB_TECHNOLOGY_OF|ENABLES|DEPENDS_ON|SUBSTITUTES|SUPPLIED_BY|LOCATED_IN|SCANS|CONCERNS|COUNTERS|STUDIES|LEADS|PARTICIPATES_IN|INDICATES]->(b) WHERE b IN nodes
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS links
}
RETURN [x IN nodes | {kind: [l IN labels(x) WHERE l <> 'Entity'][0], props: properties(x)}] AS entities, links, truncated;
