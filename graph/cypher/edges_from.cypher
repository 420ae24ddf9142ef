// Aggregated relations of the given types at or above a confidence whose source is any of $ids.
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r]->(b:Actor)
WHERE type(r) IN $types AND r.confidence >= $min_confidence
RETURN a.id AS source, type(r) AS type, b.id AS target, r.count AS count, r.confidence AS confidence
