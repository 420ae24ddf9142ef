// Actors hostile to an enemy of $id, and not hostile to $id themselves.
MATCH (x:Actor {id: $id})-[r1]-(e:Actor)-[r2]-(y:Actor)
WHERE r1.polarity < 0 AND r2.polarity < 0 AND e <> x AND y <> x
  AND NOT EXISTS { MATCH (x)-[r3]-(y) WHERE r3.polarity < 0 }
RETURN y.id AS actor, collect(DISTINCT e.id) AS shared
