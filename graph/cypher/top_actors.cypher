// The most mentioned actors, optionally of one type.
MATCH (a:Actor)
WHERE $type IS NULL OR a.type = $type
RETURN properties(a) AS actor
ORDER BY a.mentions DESC, a.id
LIMIT $limit
