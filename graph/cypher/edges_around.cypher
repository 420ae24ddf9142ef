// Aggregated relations of the given types at or above a confidence touching any of $ids.
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r]-(:Actor)
WHERE type(r) IN $types AND r.confidence >= $min_confidence
WITH DISTINCT r
RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, r.count AS count,
       r.confidence AS confidence
