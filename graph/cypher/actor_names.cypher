// Every actor's id, name and aliases (close matches for a name not found).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.aliases AS aliases
