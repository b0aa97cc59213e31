// Sent by server/src/technology/technology.repository.ts in its integration test (8, sorted).

CALL () { MATCH (t:Technology) WHERE
($nameContains IS NULL OR toLower(t.name) CONTAINS toLower($nameContains))
AND ($ketAreaId IS NULL OR EXISTS { (t)-[:IN_KET_AREA]->(:KetArea {id: $ketAreaId}) })
AND ($criticalAreaId IS NULL OR EXISTS { (t)-[:IN_CRITICAL_AREA]->(:CriticalTechnologyArea {id: $criticalAreaId}) })
AND ($trlMin IS NULL OR t.trl >= $trlMin)
AND ($trlMax IS NULL OR t.trl <= $trlMax)
AND ($euPosition IS NULL OR t.euPosition = $euPosition)
AND ($dualUse IS NULL OR coalesce(t.dualUse, false) = $dualUse) RETURN count(t) AS total }
   OPTIONAL CALL () {
     MATCH (t:Technology) WHERE t.name IS NOT NULL AND
($nameContains IS NULL OR toLower(t.name) CONTAINS toLower($nameContains))
AND ($ketAreaId IS NULL OR EXISTS { (t)-[:IN_KET_AREA]->(:KetArea {id: $ketAreaId}) })
AND ($criticalAreaId IS NULL OR EXISTS { (t)-[:IN_CRITICAL_AREA]->(:CriticalTechnologyArea {id: $criticalAreaId}) })
AND ($trlMin IS NULL OR t.trl >= $trlMin)
AND ($trlMax IS NULL OR t.trl <= $trlMax)
AND ($euPosition IS NULL OR t.euPosition = $euPosition)
AND ($dualUse IS NULL OR coalesce(t.dualUse, false) = $dualUse)
       AND ($afterName IS NULL OR t.name > $afterName OR (t.name = $afterName AND t.id > $afterId))
     WITH t ORDER BY t.name, t.id LIMIT $limit
     RETURN {props: properties(t), enables: COLLECT { MATCH (t)-[_er:ENABLES]->(_ec:Capability)
WITH _er, _ec ORDER BY _er.strength DESC, _ec.name
RETURN {capability: _ec {.id, .name}, strength: _er.strength, rationale: _er.rationale, sourceIds: coalesce(_er.sourceIds, [])} }, dependsOn: COLLECT { MATCH (t)-[_dr:DEPENDS_ON]->(_db)
WITH _dr, _db ORDER BY _dr.criticality DESC, _db.name
RETURN {props: properties(_db), kind: [l IN labels(_db) WHERE l <> 'Entity'][0], criticality: _dr.criticality,
  substitutability: coalesce(_dr.substitutability, 0.0), rationale: _dr.rationale, sourceIds: coalesce(_dr.sourceIds, [])} }} AS item
   }
   RETURN total, item ORDER BY item.props.name, item.props.id;

CALL () { MATCH (t:Technology) WHERE
($nameContains IS NULL OR toLower(t.name) CONTAINS toLower($nameContains))
AND ($ketAreaId IS NULL OR EXISTS { (t)-[:IN_KET_AREA]->(:KetArea {id: $ketAreaId}) })
AND ($criticalAreaId IS NULL OR EXISTS { (t)-[:IN_CRITICAL_AREA]->(:CriticalTechnologyArea {id: $criticalAreaId}) })
AND ($trlMin IS NULL OR t.trl >= $trlMin)
AND ($trlMax IS NULL OR t.trl <= $trlMax)
AND ($euPosition IS NULL OR t.euPosition = $euPosition)
AND ($dualUse IS NULL OR coalesce(t.dualUse, false) = $dualUse) RETURN count(t) AS total }
   OPTIONAL CALL () {
     MATCH (t:Technology) WHERE t.name IS NOT NULL AND
($nameContains IS NULL OR toLower(t.name) CONTAINS toLower($nameContains))
AND ($ketAreaId IS NULL OR EXISTS { (t)-[:IN_KET_AREA]->(:KetArea {id: $ketAreaId}) })
AND ($criticalAreaId IS NULL OR EXISTS { (t)-[:IN_CRITICAL_AREA]->(:CriticalTechnologyArea {id: $criticalAreaId}) })
AND ($trlMin IS NULL OR t.trl >= $trlMin)
AND ($trlMax IS NULL OR t.trl <= $trlMax)
AND ($euPosition IS NULL OR t.euPosition = $euPosition)
AND ($dualUse IS NULL OR coalesce(t.dualUse, false) = $dualUse)
       AND ($afterName IS NULL OR t.name > $afterName OR (t.name = $afterName AND t.id > $afterId))
     WITH t ORDER BY t.name, t.id LIMIT $limit
     RETURN {props: properties(t)} AS item
   }
   RETURN total, item ORDER BY item.props.name, item.props.id;

MATCH (t:Technology {id: $id}) RETURN {props: properties(t), enables: COLLECT { MATCH (t)-[_er:ENABLES]->(_ec:Capability)
WITH _er, _ec ORDER BY _er.strength DESC, _ec.name
RETURN {capability: properties(_ec), strength: _er.strength, rationale: _er.rationale, sourceIds: coalesce(_er.sourceIds, [])} }, dependsOn: COLLECT { MATCH (t)-[_dr:DEPENDS_ON]->(_db)
WITH _dr, _db ORDER BY _dr.criticality DESC, _db.name
RETURN {props: _db {.id, .name}, kind: [l IN labels(_db) WHERE l <> 'Entity'][0], criticality: _dr.criticality,
  substitutability: coalesce(_dr.substitutability, 0.0), rationale: _dr.rationale, sourceIds: coalesce(_dr.sourceIds, [])} }} AS item;

MATCH (t:Technology {id: $id}) RETURN {props: properties(t), enables: COLLECT { MATCH (t)-[_er:ENABLES]->(_ec:Capability)
WITH _er, _ec ORDER BY _er.strength DESC, _ec.name
RETURN {capability: properties(_ec), strength: _er.strength, rationale: _er.rationale, sourceIds: coalesce(_er.sourceIds, [])} }, dependsOn: COLLECT { MATCH (t)-[_dr:DEPENDS_ON]->(_db)
WITH _dr, _db ORDER BY _dr.criticality DESC, _db.name
RETURN {props: properties(_db), kind: [l IN labels(_db) WHERE l <> 'Entity'][0], criticality: _dr.criticality,
  substitutability: coalesce(_dr.substitutability, 0.0), rationale: _dr.rationale, sourceIds: coalesce(_dr.sourceIds, [])} }} AS item;

MATCH (t:Technology {id: $id}) RETURN {props: properties(t)} AS item;

MATCH (t:Technology {id: $id}) RETURN {props: {id: t.id, name: t.name, description: CASE WHEN $want.description THEN t.description END, trl: CASE WHEN $want.trl THEN t.trl END, trlYear: CASE WHEN $want.trlYear THEN t.trlYear END, horizon: CASE WHEN $want.horizon THEN t.horizon END, euPosition: CASE WHEN $want.euPosition THEN t.euPosition END, dualUse: CASE WHEN $want.dualUse THEN t.dualUse END, trlSource: CASE WHEN $want.trlSource THEN t.trlSource END, trlBasis: CASE WHEN $want.trlBasis THEN t.trlBasis END, trlNote: CASE WHEN $want.trlNote THEN t.trlNote END, horizonSource: CASE WHEN $want.horizonSource THEN t.horizonSource END, horizonBasis: CASE WHEN $want.horizonBasis THEN t.horizonBasis END, horizonNote: CASE WHEN $want.horizonNote THEN t.horizonNote END, euPositionSource: CASE WHEN $want.euPositionSource THEN t.euPositionSource END, euPositionBasis: CASE WHEN $want.euPositionBasis THEN t.euPositionBasis END, euPositionNote: CASE WHEN $want.euPositionNote THEN t.euPositionNote END}} AS item;

UNWIND $ids AS technologyId
MATCH (:Technology {id: technologyId})-[r:IN_KET_AREA|IN_CRITICAL_AREA]->(a)
RETURN technologyId, CASE type(r) WHEN 'IN_KET_AREA' THEN 'KetArea' ELSE 'CriticalTechnologyArea' END AS kind,
       properties(a) AS props
ORDER BY a.name;

WITH null AS total
   OPTIONAL CALL () {
     MATCH (t:Technology) WHERE t.name IS NOT NULL AND
($nameContains IS NULL OR toLower(t.name) CONTAINS toLower($nameContains))
AND ($ketAreaId IS NULL OR EXISTS { (t)-[:IN_KET_AREA]->(:KetArea {id: $ketAreaId}) })
AND ($criticalAreaId IS NULL OR EXISTS { (t)-[:IN_CRITICAL_AREA]->(:CriticalTechnologyArea {id: $criticalAreaId}) })
AND ($trlMin IS NULL OR t.trl >= $trlMin)
AND ($trlMax IS NULL OR t.trl <= $trlMax)
AND ($euPosition IS NULL OR t.euPosition = $euPosition)
AND ($dualUse IS NULL OR coalesce(t.dualUse, false) = $dualUse)
       AND ($afterName IS NULL OR t.name > $afterName OR (t.name = $afterName AND t.id > $afterId))
     WITH t ORDER BY t.name, t.id LIMIT $limit
     RETURN {props: properties(t), enables: COLLECT { MATCH (t)-[_er:ENABLES]->(_ec:Capability)
WITH _er, _ec ORDER BY _er.strength DESC, _ec.name
RETURN {capability: _ec {.id, .name}, strength: _er.strength, rationale: _er.rationale, sourceIds: coalesce(_er.sourceIds, [])} }} AS item
   }
   RETURN total, item ORDER BY item.props.name, item.props.id;
