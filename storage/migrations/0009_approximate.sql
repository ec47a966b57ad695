-- 0007: approximate dates (issue 9).
--
-- "c. 2016", "around 2016", "about June 2016": a meeting's date (and the date a status change
-- recorded it at) may be known only roughly. The flag keeps that uncertainty beside the date's
-- own columns; the bounds stay those of the year, month or range named, so lists, the calendar
-- and date windows treat "c. 2016" as 2016 while every face prints the "c.". 0 for every date
-- stored before.
ALTER TABLE meetings ADD COLUMN when_approx INTEGER NOT NULL DEFAULT 0 CHECK (when_approx IN (0, 1));
ALTER TABLE status_changes ADD COLUMN when_approx INTEGER NOT NULL DEFAULT 0 CHECK (when_approx IN (0, 1));
