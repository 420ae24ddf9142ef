// Actors whose id, name or an alias equals $key (already lower-cased).
MATCH (a:Actor)
WHERE toLower(a.id) = $key OR toLower(a.name) = $key
   OR any(alias IN a.aliases WHERE toLower(alias) = $key)
RETURN properties(a) AS actor
