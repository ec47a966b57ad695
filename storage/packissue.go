package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PackIssue is one issue of a meeting's briefing pack as the registry keeps it: version 3, or
// addendum 1 to version 3, issued at a moment, up to a handling level, in a number of copies.
type PackIssue struct {
	MeetingID string    `json:"meeting_id"`
	Version   int       `json:"version"`
	Addendum  int       `json:"addendum,omitempty"` // 0 for a full version
	Issued    time.Time `json:"issued"`
	Reference string    `json:"reference,omitempty"` // the brief's reference when issued
	UpTo      string    `json:"up_to,omitempty"`     // the highest level it carried; "" = all
	Marking   string    `json:"marking,omitempty"`   // the marking it was issued under
	Copies    int       `json:"copies"`
	// Items are what the issue carried, so that a later addendum can list what changed.
	Items []IssuedItem `json:"items,omitempty"`
}

// IssuedItem is one item a pack carried, by the part of the pack it was in.
type IssuedItem struct {
	Part string `json:"part"` // e.g. "Lines to take"
	Text string `json:"text"`
}

// Label names the issue as a registry writes it: "version 3", "addendum 1 to version 3".
func (p PackIssue) Label() string {
	if p.Addendum > 0 {
		return fmt.Sprintf("addendum %d to version %d", p.Addendum, p.Version)
	}
	return fmt.Sprintf("version %d", p.Version)
}

// PackIssues lists the issues of a meeting's pack, oldest first.
func (s *Store) PackIssues(ctx context.Context, meetingID string) ([]PackIssue, error) {
	return readList(ctx, s, fmt.Sprintf("read the issues of meeting %s", meetingID), func(q querier) ([]PackIssue, error) {
		return packIssues(ctx, q, meetingID)
	})
}

func packIssues(ctx context.Context, q querier, meetingID string) ([]PackIssue, error) {
	return collect(ctx, q, `SELECT `+packIssueColumns+` FROM pack_issues WHERE meeting_id = ? ORDER BY version, addendum`,
		[]any{meetingID}, func(rows *sql.Rows) (PackIssue, error) { return scanPackIssue(rows) })
}

// ErrNothingToAmend: an addendum was asked for a meeting whose pack was never issued.
var ErrNothingToAmend = errors.New("this meeting's pack has not been issued yet, so there is no version to amend")

// IssuePack records the next issue of a meeting's pack and calls write with it, in one
// transaction: the issue takes the next version number (or, with addendum, the next addendum
// number of the latest version), write produces the files, and a write that fails leaves the
// registry as it was. write gets the issue it is writing and the issues before it, and
// returns the items the issue carried.
func (s *Store) IssuePack(ctx context.Context, p PackIssue, addendum bool,
	write func(issue PackIssue, earlier []PackIssue) ([]IssuedItem, error)) (PackIssue, error) {
	if p.Copies < 1 {
		p.Copies = 1
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := meetingState(ctx, tx, p.MeetingID); err != nil {
			return err
		}
		earlier, err := packIssues(ctx, tx, p.MeetingID)
		if err != nil {
			return err
		}
		p.Version, p.Addendum = 1, 0
		if n := len(earlier); n > 0 {
			last := earlier[n-1]
			p.Version = last.Version + 1
			if addendum {
				p.Version, p.Addendum = last.Version, last.Addendum+1
			}
		} else if addendum {
			return ErrNothingToAmend
		}
		if p.Issued.IsZero() {
			p.Issued = s.stamp()
		}
		if p.Items, err = write(p, earlier); err != nil {
			return err
		}
		return insertPackIssue(ctx, tx, &p, "")
	})
	if err != nil {
		return PackIssue{}, err
	}
	return p, nil
}

// PartChanges is what changed in one part of a pack between two issues.
type PartChanges struct {
	Part           string
	Added, Removed []string
}

// ChangesBetween lists, part by part in the order the parts come in the newer issue (parts
// gone from it last), the items added since the older issue and the items no longer there.
// An item whose words changed is one removed and one added. Nothing changed gives nil.
func ChangesBetween(older, newer []IssuedItem) []PartChanges {
	count := func(items []IssuedItem) map[IssuedItem]int {
		n := map[IssuedItem]int{}
		for _, it := range items {
			n[it]++
		}
		return n
	}
	was, is := count(older), count(newer)
	var out []PartChanges
	at := map[string]int{}
	change := func(part string) *PartChanges {
		i, ok := at[part]
		if !ok {
			i = len(out)
			at[part] = i
			out = append(out, PartChanges{Part: part})
		}
		return &out[i]
	}
	// unmatched lists under pick the items of one issue the other has no copy of left.
	unmatched := func(items []IssuedItem, other map[IssuedItem]int, pick func(*PartChanges) *[]string) {
		for _, it := range items {
			if other[it] > 0 {
				other[it]--
				continue
			}
			list := pick(change(it.Part))
			*list = append(*list, it.Text)
		}
	}
	unmatched(newer, was, func(c *PartChanges) *[]string { return &c.Added })
	unmatched(older, is, func(c *PartChanges) *[]string { return &c.Removed })
	return out
}
