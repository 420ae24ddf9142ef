// Every statement between two actors, in either direction.
UNWIND [[$a, $b], [$b, $a]] AS pair
MATCH (x:Actor {id: pair[0]})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(y:Actor {id: pair[1]})
RETURN DISTINCT properties(s) AS statement, x.id AS subject, y.id AS object
