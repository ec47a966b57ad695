package storage

import (
	"fmt"
	"time"
)

// counts is the report's counts for a kind of record.
func (r *ImportReport) counts(kind string) *ImportCounts {
	switch kind {
	case kindTrack:
		return &r.Tracks
	case kindSource:
		return &r.Sources
	case kindActor:
		return &r.Actors
	case kindDispute:
		return &r.Disputes
	case kindMeeting:
		return &r.Meetings
	}
	return &r.Statements
}

// exchangeMerge merges a batch of checked records of one kind, each against the version last
// exchanged. Let L be the copy here, X the incoming one and E the version last exchanged
// (imported from a bundle or exported into one), if any:
//
//   - no L: X is created;
//   - X has L's `updated` stamp: the same version, nothing to do;
//   - X is E (by stamp or content): the other side did not change it; L stays;
//   - L is E (by stamp, or by content when L was saved unchanged) and no earlier conflict is
//     pending: only the other side changed it; X replaces L. A copy older than E (by its
//     stamp) is not taken this way: it is an old file, not a change made since;
//   - X and L hold the same content: both made the same edit; L takes X's stamp;
//   - otherwise both changed since E — or there is no E, and Parley cannot tell which side
//     changed it: a conflict. L stays, X is kept aside in bundle_conflicts.
//
// Whatever the import takes becomes the exchanged version; a conflict leaves E as it was, so
// that importing the same file again meets the same conflict until it is resolved.
func (im *importer) exchangeMerge(kind string, batch []any) error {
	ctx, tx := im.ctx, im.tx
	ids := make([]string, len(batch))
	for i, rec := range batch {
		ids[i] = recordKey(rec)
	}
	stored, err := storedUpdates(ctx, tx, kind, batch, recordKey)
	if err != nil {
		return err
	}
	exchanged, err := exchangesOf(ctx, tx, kind, ids)
	if err != nil {
		return err
	}
	pending := map[string]bool{}
	if im.anyPending {
		if pending, err = pendingOf(ctx, tx, kind, ids); err != nil {
			return err
		}
	}
	n := im.rep.counts(kind)
	for _, rec := range batch {
		id := recordKey(rec)
		stampRecord(rec, im.now)
		if err := im.mergeOne(kind, id, rec, stored, exchanged, pending, n); err != nil {
			_, title := recordID(rec)
			return fmt.Errorf("%s %q (%s): %w", kind, title, id, err)
		}
	}
	err = noteExchanges(ctx, tx, im.noted, "import", im.file, im.now)
	im.noted = im.noted[:0]
	return err
}

// note remembers a version the import took (or found on both sides), for the batch's end.
func (im *importer) note(kind, id string, e exchange) {
	im.noted = append(im.noted, exportedRow{kind, id, e})
}

// stampRecord gives an incoming record without timestamps the import's time.
func stampRecord(rec any, now time.Time) {
	if created, updated := stampsOf(rec); created != nil {
		stampImported(created, updated, now)
	}
}

func (im *importer) mergeOne(kind, id string, rec any, stored map[string]time.Time, exchanged map[string]exchange, pending map[string]bool, n *ImportCounts) error {
	ctx, tx := im.ctx, im.tx
	ops := exchangeKinds[kind]
	theirs, err := exchangeOf(rec)
	if err != nil {
		return err
	}
	take := func() error {
		if err := ops.replace(ctx, tx, rec); err != nil {
			return err
		}
		n.Updated++
		im.note(kind, id, theirs)
		return nil
	}
	was, here := stored[id]
	if !here {
		if err := ops.insert(ctx, tx, rec); err != nil {
			return err
		}
		n.Created++
		im.note(kind, id, theirs)
		return nil
	}
	ours := stampText(was)
	e, known := exchanged[id]
	switch {
	case ours == theirs.updated:
		n.Unchanged++
		if !known || e != theirs {
			im.note(kind, id, theirs)
			return nil
		}
		return nil
	case known && (e.updated == theirs.updated || e.digest == theirs.digest):
		n.Unchanged++ // the other side has not changed it since
		return nil
	case known && !pending[id] && ours == e.updated && !olderThan(theirs.updated, e.updated):
		return take()
	}
	local, err := ops.load(ctx, tx, id)
	if err != nil {
		return err
	}
	diffs, err := differences(local, rec)
	if err != nil {
		return err
	}
	if len(diffs) == 0 {
		// The same content on both sides: take the incoming stamp, so that both sides now
		// hold the same version, and drop an older incoming version kept aside.
		if _, err := tx.ExecContext(ctx, `UPDATE `+ops.table+` SET updated = ? WHERE id = ?`, theirs.updated, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM bundle_conflicts WHERE kind = ? AND id = ?`, kind, id); err != nil {
			return err
		}
		n.Unchanged++
		im.note(kind, id, theirs)
		return nil
	}
	if known && !pending[id] && !olderThan(theirs.updated, e.updated) {
		if d, err := contentDigest(local); err != nil {
			return err
		} else if d == e.digest {
			return take() // saved here since, but without a change
		}
	}
	c, err := keepAside(ctx, tx, kind, id, rec, theirs.updated, im.file, im.now)
	if err != nil {
		return err
	}
	c.Fields = diffs
	c.Known = known
	_, c.Title = recordID(local) // the title the user knows it by here
	n.Conflicts++
	im.rep.Conflicts = append(im.rep.Conflicts, c)
	return nil
}

// olderThan reports whether stamp a is before stamp b (both as stampText writes them).
func olderThan(a, b string) bool {
	ta, err1 := parseStamp(a)
	tb, err2 := parseStamp(b)
	return err1 == nil && err2 == nil && ta.Before(tb)
}
