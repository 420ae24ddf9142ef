// Actors whose id, name, an alias or another known name (gazetteer) equals $key (already lower-cased).
MATCH (a:Actor)
WHERE toLower(a.id) = $key OR toLower(a.name) = $key
   OR any(alias IN a.aliases WHERE toLower(alias) = $key)
   OR any(name IN coalesce(a.names, []) WHERE toLower(name) = $key)
RETURN properties(a) AS actor
