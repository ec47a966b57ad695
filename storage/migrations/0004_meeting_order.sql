-- 0004: the order of the meetings list as an index (issue 14).
--
-- Meetings lists every meeting by date as FuzzyDate.SortKey sorts (a deadline on its last
-- day), then title and ID: summaryOrder in meeting.go, which this index repeats term for
-- term. Without it SQLite sorts all the meetings before it returns the first, so a listing of
-- 100,000 could not stream (`parley list --json meetings`); with it the first row comes at
-- once.
CREATE INDEX meetings_order ON meetings (
	when_lower IS NULL,
	CASE when_kind WHEN 'by' THEN when_upper - 86400 ELSE when_lower END,
	title,
	id);
