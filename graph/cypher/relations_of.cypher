// The aggregated relations touching an actor, either direction, with their statement ids.
MATCH (:Actor {id: $id})-[r]-(:Actor)
WITH DISTINCT r
WITH r, startNode(r) AS x, endNode(r) AS y
OPTIONAL MATCH (x)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(y)
WHERE s.type = type(r)
RETURN x.id AS source, type(r) AS type, y.id AS target, r.count AS count,
       r.confidence AS confidence, r.first_seen AS first_seen, r.last_seen AS last_seen,
       collect(s.id) AS statements
