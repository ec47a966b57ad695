-- Time zones of their own: the rules of a zone a calendar file defines that no IANA zone
-- agrees with, kept under a name that ends in the rules' fingerprint (storage/zonerules.go).
-- A meeting's when_zone names such a zone as it names an IANA one.
CREATE TABLE zone_rules (
    name  TEXT PRIMARY KEY NOT NULL,
    rules TEXT NOT NULL -- JSON: {"initial": {offset, abbr, dst}, "changes": [{at, offset, abbr, dst}, …]}
) STRICT;
