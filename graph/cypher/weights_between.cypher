// Per type, the sum of count x confidence of the aggregated relations at or above a
// confidence joining one of $xs and one of $ys (either direction).
UNWIND $xs AS x
MATCH (a:Actor {id: x})-[r]-(b:Actor)
WHERE b.id IN $ys AND a <> b AND type(r) IN $types AND r.confidence >= $min_confidence
RETURN type(r) AS type, sum(r.count * r.confidence) AS weight
