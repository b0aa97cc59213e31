// Sent by server/src/availability/readiness.repository.ts in its integration test (2, sorted).

SHOW CONSTRAINTS YIELD labelsOrTypes WHERE $label IN labelsOrTypes RETURN count(*) AS n;

SHOW INDEXES YIELD name, state WHERE name = $name RETURN state;
