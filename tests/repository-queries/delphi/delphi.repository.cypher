// Sent by server/src/delphi/delphi.repository.ts in its integration test (10, sorted).

CREATE (s:DelphiStudy {id: $id, title: $title, createdAt: datetime(), leadId: $leadId, leadName: $leadName})
CREATE (s)-[:HAS_ROUND]->(:DelphiRound {studyId: $id, number: 1, status: 'open', openedAt: datetime(), itemIds: $itemIds})
WITH s
CALL (s) { UNWIND $itemIds AS itemId MATCH (e:Entity {id: itemId}) CREATE (s)-[:DELPHI_ITEM]->(e) }
CALL (s) { UNWIND $inviteeIds AS userId MATCH (u:User {id: userId}) CREATE (s)-[:DELPHI_INVITES]->(u) };

MATCH (:DelphiStudy {id: $studyId})-[:HAS_ROUND]->(r:DelphiRound {number: $roundNumber})
MATCH (u:User {id: $userId})
UNWIND $answers AS answer
MATCH (e:Entity {id: answer.itemId})
MERGE (a:DelphiAnswer {key: answer.key})
ON CREATE SET a.itemId = answer.itemId, a.userId = $userId
SET a.impact = answer.impact, a.likelihood = answer.likelihood, a.horizonYear = answer.horizonYear,
    a.rationale = answer.rationale, a.answeredAt = datetime()
MERGE (a)-[:IN_ROUND]->(r)
MERGE (a)-[:ANSWERED_BY]->(u)
MERGE (a)-[:ABOUT]->(e);

MATCH (:DelphiStudy {id: $studyId})-[:HAS_ROUND]->(r:DelphiRound {number: $roundNumber})
SET r.resultsWrittenAt = datetime(), r.resultsWrittenBy = $by;

MATCH (:DelphiStudy {id: $studyId})-[:HAS_ROUND]->(r:DelphiRound {number: $roundNumber})
SET r.status = 'closed', r.closedAt = datetime(), r.consensus = $index, r.consensusReached = $reached, r.closedBy = $by;

MATCH (:DelphiStudy {id: $studyId})-[:HAS_ROUND]->(r:DelphiRound {number: $roundNumber})<-[:IN_ROUND]-(a:DelphiAnswer)
RETURN r.number AS roundNumber, a.itemId AS itemId, a.userId AS userId, a.impact AS impact, a.likelihood AS likelihood,
  a.horizonYear AS horizonYear, a.rationale AS rationale, toString(a.answeredAt) AS answeredAt
ORDER BY a.itemId, a.userId;

MATCH (:DelphiStudy {id: $studyId})-[:HAS_ROUND]->(r:DelphiRound)<-[:IN_ROUND]-(a:DelphiAnswer)
WHERE r.status = 'closed' OR a.userId = $userId
RETURN r.number AS roundNumber, a.itemId AS itemId, a.userId AS userId, a.impact AS impact, a.likelihood AS likelihood,
  a.horizonYear AS horizonYear, a.rationale AS rationale, toString(a.answeredAt) AS answeredAt
ORDER BY r.number, a.itemId, a.answeredAt, a.userId;

MATCH (s:DelphiStudy {id: $studyId})
CREATE (s)-[:HAS_ROUND]->(:DelphiRound {studyId: $studyId, number: $number, status: 'open', openedAt: datetime(), itemIds: $itemIds});

MATCH (s:DelphiStudy)
WHERE $id IS NULL OR s.id = $id
RETURN s.id AS id, s.title AS title, toString(s.createdAt) AS createdAt, s.leadId AS leadId, s.leadName AS leadName,
  COLLECT { MATCH (s)-[:DELPHI_ITEM]->(e:Entity)
    RETURN {id: e.id, name: e.name, kind: [l IN labels(e) WHERE l <> 'Entity'][0]} ORDER BY e.name, e.id } AS items,
  COLLECT { MATCH (s)-[:DELPHI_INVITES]->(u:User) RETURN {id: u.id, name: u.name} ORDER BY u.name, u.id } AS invitees,
  COLLECT { MATCH (s)-[:HAS_ROUND]->(r:DelphiRound)
    RETURN {number: r.number, status: r.status, openedAt: toString(r.openedAt), closedAt: toString(r.closedAt), itemIds: r.itemIds,
            consensus: r.consensus, consensusReached: r.consensusReached,
            resultsWrittenAt: toString(r.resultsWrittenAt), resultsWrittenBy: r.resultsWrittenBy} ORDER BY r.number } AS rounds
ORDER BY s.createdAt DESC, s.id;

MATCH (u:User)
WHERE u.role IN ['analyst', 'admin'] AND coalesce(u.status, 'active') = 'active'
RETURN u.id AS id, u.name AS name ORDER BY u.name, u.id;

UNWIND $ids AS id MATCH (u:User {id: id})
WHERE u.role IN ['analyst', 'admin'] AND coalesce(u.status, 'active') = 'active' RETURN u.id AS id;
