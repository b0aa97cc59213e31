// Sent by server/src/scenario/scenario.repository.ts in its integration test (13, sorted).

CALL () { MATCH (s:Scenario) RETURN count(s) AS total }
CALL () {
  MATCH (s:Scenario) WHERE $afterName IS NULL OR s.name > $afterName OR (s.name = $afterName AND s.id > $afterId)
  WITH s ORDER BY s.name, s.id LIMIT $limit
  RETURN collect(properties(s)) AS page
}
RETURN total, page;

CREATE (s:Entity:Scenario {id: $id})
SET s += $props, s.drivers = coalesce($props.drivers, []), s.assumptions = coalesce($props.assumptions, []),
    s.createdAt = datetime(), s.updatedAt = datetime();

MATCH (n:Entity {id: $id}) RETURN n.id AS id;

MATCH (n:Entity) WHERE n.id = $base OR n.id STARTS WITH $prefix RETURN n.id AS id;

MATCH (s:Scenario {id: $id})
OPTIONAL MATCH (s)-[:HAS_EVENT]->(e:ScenarioEvent)
WITH s, collect(e) AS events
CALL (s, events) { UNWIND [s] + events AS x MATCH (x)-[r]-() RETURN count(DISTINCT r) AS removed }
FOREACH (e IN events | DETACH DELETE e)
DETACH DELETE s
RETURN removed;

MATCH (s:Scenario {id: $id}) RETURN properties(s) AS props;

MATCH (s:Scenario {id: $id}) RETURN properties(s) AS props, [(s)-[:HAS_EVENT]->(e:ScenarioEvent) | properties(e)] AS events;

MATCH (s:Scenario {id: $id}) RETURN s { .author, .authorId } AS props;

MATCH (s:Scenario {id: $id}) SET s += $props, s.updatedAt = datetime(), s.updatedBy = $updatedBy RETURN s.id AS id;

MATCH (s:Scenario {id: $scenarioId})
OPTIONAL MATCH (s)-[:HAS_EVENT]->(old:ScenarioEvent)
DETACH DELETE old
WITH DISTINCT s
UNWIND $events AS ev
CREATE (s)-[:HAS_EVENT]->(e:ScenarioEvent)
SET e = ev
WITH e, ev
CALL (e, ev) { MATCH (t:Entity {id: ev.targetId}) CREATE (e)-[:TARGETS]->(t) }
CALL (e, ev) { MATCH (r:Entity {id: ev.replacesId}) CREATE (e)-[:REPLACES]->(r) };

UNWIND $ids AS id
MATCH (:Scenario {id: id})-[:HAS_EVENT]->(e:ScenarioEvent)
RETURN properties(e) AS props ORDER BY e.scenarioId, e.index;

UNWIND $ids AS id
MATCH (s:Scenario {id: id})
RETURN id, properties(s) AS props, [(s)-[:HAS_EVENT]->(e:ScenarioEvent) | properties(e)] AS events;

UNWIND $ids AS id OPTIONAL MATCH (n:Entity {id: id}) RETURN id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind;
