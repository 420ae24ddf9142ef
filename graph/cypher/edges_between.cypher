// Aggregated relations of the given types at or above a confidence joining one of $xs and
// one of $ys (either direction; not an actor to itself).
UNWIND $xs AS x
MATCH (a:Actor {id: x})-[r]-(b:Actor)
WHERE b.id IN $ys AND a <> b AND type(r) IN $types AND r.confidence >= $min_confidence
WITH DISTINCT r
RETURN startNode(r).id AS source, type(r) AS type, endNode(r).id AS target, r.count AS count,
       r.confidence AS confidence
