// One actor by id.
MATCH (a:Actor {id: $id})
RETURN properties(a) AS actor
