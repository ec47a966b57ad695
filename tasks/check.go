package tasks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parley-app/parley/preflight"
	"github.com/parley-app/parley/storage"
)

// CheckReport is the pre-flight check of one meeting's brief.
type CheckReport struct {
	MeetingID string              `json:"meeting_id"`
	Title     string              `json:"title"`
	Findings  []preflight.Finding `json:"findings"`
}

func (r CheckReport) String() string {
	if len(r.Findings) == 0 {
		return fmt.Sprintf("The brief for “%s” lacks nothing the pre-flight check looks for.", r.Title)
	}
	count := map[preflight.Importance]int{}
	for _, f := range r.Findings {
		count[f.Importance]++
	}
	var parts []string
	for _, imp := range []preflight.Importance{preflight.Essential, preflight.Important, preflight.Advisable} {
		if count[imp] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[imp], imp))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The brief for “%s” lacks %s:", r.Title, strings.Join(parts, ", "))
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "\n  %-10s %s", strings.ToUpper(f.Importance.String()), f.Text)
	}
	return b.String()
}

// Check gathers a meeting's briefing and runs the pre-flight check on all of it (the pack for
// an audience carries the short form of the check on what it holds).
func Check(ctx context.Context, st *storage.Store, meetingID string, now time.Time) (CheckReport, error) {
	b, err := st.Briefing(ctx, meetingID)
	if err != nil {
		return CheckReport{}, err
	}
	return CheckReport{MeetingID: b.Meeting.ID, Title: b.Meeting.Title, Findings: preflight.Check(b, now)}, nil
}
