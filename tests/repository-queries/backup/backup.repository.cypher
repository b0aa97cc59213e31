// Sent by server/src/backup/backup.repository.ts in its integration test (11, sorted).

CALL db.awaitIndexes(120);

CREATE INDEX import_key IF NOT EXISTS FOR (n:_Import) ON (n._importKey);

DROP INDEX import_key IF EXISTS;

MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $excluded)
RETURN type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props, [k IN keys(r) | [k, replace(valueType(r[k]), ' NOT NULL', '')]] AS types;

MATCH (n) WHERE NOT n:IdempotencyKey AND NOT n:AtlasDataVersion RETURN count(n) AS n;

MATCH (n) WHERE none(l IN labels(n) WHERE l IN $excluded)
RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props, [k IN keys(n) | [k, replace(valueType(n[k]), ' NOT NULL', '')]] AS types
ORDER BY coalesce(n.id, n.key, ''), key;

MATCH (n:_Import) WITH n LIMIT 10000 REMOVE n:_Import, n._importKey RETURN count(n) AS n;

UNWIND $rows AS row CREATE (n:_Import:`Entity`) SET n = row.props, n._importKey = row.key;

UNWIND $rows AS row CREATE (n:_Import:`Entity`:`Technology`) SET n = row.props, n._importKey = row.key;

UNWIND $rows AS row MATCH (a:_Import {_importKey: row.from}) MATCH (b:_Import {_importKey: row.to})
CREATE (a)-[r:`ENABLES`]->(b) SET r = row.props, r.`year` = CASE WHEN row.types["year"] = "integer" THEN toInteger(row.props["year"]) ELSE row.props["year"] END;

UNWIND $rows AS row MATCH (n:_Import {_importKey: row.key}) SET n.`trl` = toInteger(row.value);
