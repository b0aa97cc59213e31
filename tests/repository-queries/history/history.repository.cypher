// Sent by server/src/history/history.repository.ts in its integration test (5, sorted).

CALL () { CALL () {
  MATCH (c:Change {entityId: $id}) RETURN c
  UNION MATCH (c:Change {fromId: $id}) RETURN c
  UNION MATCH (c:Change {toId: $id}) RETURN c
  UNION MATCH (c:Change {mergedId: $id}) RETURN c
} RETURN count(c) AS total }
   OPTIONAL CALL () {
     CALL () {
  MATCH (c:Change {entityId: $id}) RETURN c
  UNION MATCH (c:Change {fromId: $id}) RETURN c
  UNION MATCH (c:Change {toId: $id}) RETURN c
  UNION MATCH (c:Change {mergedId: $id}) RETURN c
}
     WITH c WHERE $afterSeq IS NULL OR c.seq < $afterSeq OR (c.seq = $afterSeq AND c.id < $afterId)
     RETURN c ORDER BY c.seq DESC, c.id DESC LIMIT $limit
   }
   RETURN total, properties(c) AS c;

CREATE (c:Change {id: $id}) SET c += $props, c.at = datetime();

MATCH (c:Change {entityId: $id}) WHERE c.revision > $revision RETURN properties(c) AS c ORDER BY c.seq;

MATCH (c:Change {id: $changeId}) RETURN properties(c) AS c;

MATCH (c:Change {id: $changeId}) SET c.restoredBy = $restoreChangeId;
