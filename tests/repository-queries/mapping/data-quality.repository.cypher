// Sent by server/src/mapping/data-quality.repository.ts in its integration test (1, sorted).

CALL () {
  MATCH (n:Entity) WHERE NOT n:Source AND any(l IN labels(n) WHERE l IN $kinds) AND NOT EXISTS { (n)-[:SOURCED_FROM]->(:Source) }
  WITH n ORDER BY n.name, n.id
  RETURN {total: count(n), items: collect({id: n.id, kind: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name})[..$first]} AS unsourcedEntities
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types AND size(coalesce(r.sourceIds, [])) = 0
  WITH a, r, b ORDER BY type(r), a.name, b.name
  RETURN {total: count(r), items: collect({type: type(r), fromId: a.id, fromKind: [l IN labels(a) WHERE l <> 'Entity'][0], fromName: a.name,
                                           toId: b.id, toKind: [l IN labels(b) WHERE l <> 'Entity'][0], toName: b.name})[..$first]} AS unsourcedLinks
}
CALL () {
  MATCH (n:Entity) WHERE (n:Component OR n:Material) AND NOT EXISTS { (n)-[:SUPPLIED_BY]->(:Supplier) }
  WITH n ORDER BY n.name, n.id
  RETURN {total: count(n), items: collect({id: n.id, kind: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name})[..$first]} AS unknownSupply
}
CALL () {
  MATCH (n:Technology) WHERE n.trl IS NULL
  WITH n ORDER BY n.name, n.id
  RETURN {total: count(n), items: collect({id: n.id, kind: [l IN labels(n) WHERE l <> 'Entity'][0], name: n.name})[..$first]} AS unknownTrl
}
RETURN unsourcedEntities, unsourcedLinks, unknownSupply, unknownTrl;
