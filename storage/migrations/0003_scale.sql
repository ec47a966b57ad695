-- 0003: settings for a dossier of a hundred thousand meetings (issue 14).
--
-- The search index keeps the terms of new records in memory and writes them out as a new
-- segment when they pass hashsize, merging segments as they pile up. At the default of 1 MB a
-- large import writes and merges thousands of small segments; at 16 MB it writes a sixteenth
-- of them, and the index is held in memory only while a transaction writes.
INSERT INTO search (search, rank) VALUES ('hashsize', 16777216);
