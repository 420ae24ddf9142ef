// The statements behind each (source, type, target) row.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor {id: row.target})
WHERE s.type = row.type
RETURN properties(s) AS statement, a.id AS subject, b.id AS object
