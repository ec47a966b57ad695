package storage

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Briefing is everything the dossier knows that bears on one meeting, gathered for a
// briefing pack. It holds plain domain values: whoever renders it needs no database.
type Briefing struct {
	Meeting Meeting
	// Track is the negotiation the meeting belongs to; zero when it belongs to none.
	Track Track
	// PreviousRound is the meeting Meeting.PreviousRoundID names; zero when there is none.
	PreviousRound Meeting
	// Participants are the meeting's participants in the meeting's order, each with the
	// actor's record, relations in both directions and statements (newest first).
	Participants []BriefParticipant
	// Disputes are the disputes the meeting is linked to, in the meeting's order.
	Disputes []Dispute
	// DisputeMeetings are, by dispute ID, the other meetings linked to each dispute, by date:
	// the BriefedDisputeMeetings nearest in that order to the briefed meeting.
	DisputeMeetings map[string][]MeetingSummary
	// OtherDisputeMeetings counts, by dispute ID, the meetings linked to it beyond those.
	OtherDisputeMeetings map[string]int
	// TrackMeetings are the other meetings of the track nearest to this one — up to
	// BriefedRounds before it and as many after — ordered by date with undated meetings
	// last, with outcomes and status histories.
	TrackMeetings []Meeting
	// OlderTrackMeetings are the track's meetings before those, by date, as summaries: a
	// track of a thousand rounds gives a pack that lists the recent ones and counts the rest.
	OlderTrackMeetings []MeetingSummary
	// LaterTrackMeetings are the track's meetings after TrackMeetings, as summaries.
	LaterTrackMeetings []MeetingSummary
	// RecentStatements are statements linked to the meeting or to one of its disputes, by
	// anyone, newest first.
	RecentStatements []Statement
	// OlderStatements counts the statements linked to the meeting or its disputes beyond the
	// BriefedStatements newest, which RecentStatements holds.
	OlderStatements int
	// Speakers are the actors who made RecentStatements, by ID.
	Speakers map[string]Actor
	// Sources are the sources cited by anything above (statements, key facts, timeline
	// entries, status changes), by ID.
	Sources map[string]Source
	// Marking is the dossier's handling marking (setting "marking"), e.g. OFFICIAL-SENSITIVE;
	// "" when the dossier sets none.
	Marking string
	// Levels and Caveats are the dossier's handling levels and caveats as the settings
	// "levels" and "caveats" hold them (package handling reads them); "" when not set.
	Levels, Caveats string
	// Issues are the versions and addenda of this meeting's pack issued so far, oldest first.
	Issues []PackIssue
	// SinceLastRound is what changed since the previous round (briefing_rounds.go); nil when
	// the meeting has none.
	SinceLastRound *RoundChanges
	// OpenCommitments are the commitments of earlier rounds still open, overdue first.
	OpenCommitments []OpenCommitment
	// Unreadable are the records the briefing would hold but leaves out because they cannot
	// be read (a row edited outside Parley: a status or time zone Parley does not know): the
	// pack names them instead of failing for everything.
	Unreadable []BadRow
}

// BriefedRounds is how many of a track's meetings before the briefed one (and after it) a
// briefing gives in full; the others are summarised.
const BriefedRounds = 12

// BriefedStatements is how many of the statements linked to the meeting or its disputes a
// briefing gives, the newest: a dispute of a decade's talks has hundreds.
const BriefedStatements = 30

// BriefParticipant is one participant of a briefed meeting.
type BriefParticipant struct {
	Participant
	Actor      Actor
	Relations  []RelationView
	Statements []Statement // newest first
	// LastMet is the last held meeting before this one at which we met them; nil if none.
	LastMet *LastMet
}

// afterBriefingMeeting, when set by a test, runs once Briefing has read the meeting, so that a
// test can save from another connection in the middle of the gathering.
var afterBriefingMeeting func()

// Briefing gathers what a briefing pack needs for one meeting, in one read transaction: a pack
// prepared while the user saves shows the dossier as it was before the save or after it,
// never a mixture. It reads through the Store's public methods, so it sees exactly what the
// window and the command line see. An unknown meeting is ErrNotFound (wrapped).
func (s *Store) Briefing(ctx context.Context, meetingID string) (*Briefing, error) {
	var b *Briefing
	err := s.snapshot(ctx, func(ctx context.Context) error {
		var err error
		b, err = s.gatherBriefing(ctx, meetingID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (s *Store) gatherBriefing(ctx context.Context, meetingID string) (*Briefing, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err // already "meeting ID: not found" and the like
	}
	if afterBriefingMeeting != nil {
		afterBriefingMeeting()
	}
	b := &Briefing{Meeting: m, Speakers: map[string]Actor{}, Sources: map[string]Source{}}
	for key, v := range map[string]*string{"marking": &b.Marking, "levels": &b.Levels, "caveats": &b.Caveats} {
		if *v, err = s.Setting(ctx, key); err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
		}
	}
	if b.Issues, err = s.PackIssues(ctx, m.ID); err != nil {
		return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
	}
	if m.TrackID != "" {
		if b.Track, err = s.Track(ctx, m.TrackID); err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
		}
		var summaries []MeetingSummary
		err := s.eachMeeting(ctx, MeetingFilter{TrackID: m.TrackID}, nil,
			func(sum MeetingSummary) error { summaries = append(summaries, sum); return nil }, b.leaveOut)
		if err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: track meetings: %w", m.ID, err)
		}
		at := len(summaries)
		for i, sum := range summaries {
			if sum.ID == m.ID {
				at = i
			}
		}
		from, to := max(0, at-BriefedRounds), min(len(summaries), at+1+BriefedRounds)
		b.OlderTrackMeetings = append([]MeetingSummary(nil), summaries[:from]...)
		if to < len(summaries) {
			b.LaterTrackMeetings = append([]MeetingSummary(nil), summaries[to:]...)
		}
		for _, sum := range summaries[from:to] {
			if sum.ID == m.ID {
				continue
			}
			tm, err := s.Meeting(ctx, sum.ID)
			if b.around(kindMeeting, sum.ID, err) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
			}
			b.TrackMeetings = append(b.TrackMeetings, tm)
		}
	}
	if m.PreviousRoundID != "" {
		if b.PreviousRound, err = s.Meeting(ctx, m.PreviousRoundID); b.around(kindMeeting, m.PreviousRoundID, err) {
			b.PreviousRound = Meeting{}
		} else if err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: previous round: %w", m.ID, err)
		}
	}
	for _, p := range m.Participants {
		bp := BriefParticipant{Participant: p}
		if bp.Actor, err = s.Actor(ctx, p.ActorID); b.around(kindActor, p.ActorID, err) {
			continue
		} else if err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: participant: %w", m.ID, err)
		}
		if bp.Relations, err = s.RelationsOf(ctx, p.ActorID); err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: relations of %s: %w", m.ID, p.ActorID, err)
		}
		if bp.Statements, err = s.StatementsAround(ctx, StatementFilter{ActorID: p.ActorID}, b.leaveOut); err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: statements of %s: %w", m.ID, p.ActorID, err)
		}
		b.Participants = append(b.Participants, bp)
	}
	for _, id := range m.DisputeIDs {
		d, err := s.Dispute(ctx, id)
		if b.around(kindDispute, id, err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
		}
		b.Disputes = append(b.Disputes, d)
		if err := s.disputeMeetings(ctx, b, id); err != nil {
			return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
		}
	}
	if err := s.recentStatements(ctx, b); err != nil {
		return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
	}
	if err := s.workOutRounds(ctx, b); err != nil {
		return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
	}
	if err := s.citedSources(ctx, b); err != nil {
		return nil, fmt.Errorf("briefing for meeting %s: %w", m.ID, err)
	}
	return b, nil
}

// BriefedDisputeMeetings is how many of the other meetings linked to a dispute a briefing
// lists on its fact sheet: a dispute of decades has hundreds.
const BriefedDisputeMeetings = 12

// disputeMeetings lists the other meetings linked to a dispute, the BriefedDisputeMeetings
// nearest the briefed meeting in date order (as many before it as after, where there are),
// and counts the rest.
func (s *Store) disputeMeetings(ctx context.Context, b *Briefing, disputeID string) error {
	all, err := s.MeetingsOfDispute(ctx, disputeID, b.leaveOut)
	if err != nil {
		return err
	}
	at := len(all) // where the briefed meeting stands among them
	key := b.Meeting.When.SortKey()
	for i, sum := range all {
		if sum.ID == b.Meeting.ID {
			at = i
			break
		}
		if !b.Meeting.When.IsZero() && !sum.When.IsZero() && sum.When.SortKey().After(key) && at == len(all) {
			at = i
		}
	}
	var others []MeetingSummary
	for _, sum := range all {
		if sum.ID != b.Meeting.ID {
			others = append(others, sum)
		}
	}
	from := max(0, at-BriefedDisputeMeetings/2)
	to := min(len(others), from+BriefedDisputeMeetings)
	from = max(0, to-BriefedDisputeMeetings)
	if b.DisputeMeetings == nil {
		b.DisputeMeetings, b.OtherDisputeMeetings = map[string][]MeetingSummary{}, map[string]int{}
	}
	b.DisputeMeetings[disputeID] = others[from:to]
	b.OtherDisputeMeetings[disputeID] = len(others) - (to - from)
	return nil
}

// recentStatements collects statements linked to the meeting or one of its disputes, newest
// first, and their speakers.
func (s *Store) recentStatements(ctx context.Context, b *Briefing) error {
	filters := []StatementFilter{{MeetingID: b.Meeting.ID}}
	for _, d := range b.Disputes {
		filters = append(filters, StatementFilter{DisputeID: d.ID})
	}
	seen := map[string]bool{}
	for _, f := range filters {
		sts, err := s.StatementsAround(ctx, f, b.leaveOut)
		if err != nil {
			return fmt.Errorf("statements: %w", err)
		}
		for _, st := range sts {
			if !seen[st.ID] {
				seen[st.ID] = true
				b.RecentStatements = append(b.RecentStatements, st)
			}
		}
	}
	sort.SliceStable(b.RecentStatements, func(i, j int) bool {
		a, c := b.RecentStatements[i], b.RecentStatements[j]
		if !a.When.Lower().Equal(c.When.Lower()) {
			return a.When.Lower().After(c.When.Lower())
		}
		return a.ID < c.ID
	})
	if n := len(b.RecentStatements); n > BriefedStatements {
		b.OlderStatements = n - BriefedStatements
		b.RecentStatements = b.RecentStatements[:BriefedStatements]
	}
	for _, st := range b.RecentStatements {
		if _, ok := b.Speakers[st.ActorID]; ok {
			continue
		}
		a, err := s.Actor(ctx, st.ActorID)
		if err != nil {
			return fmt.Errorf("speaker: %w", err)
		}
		b.Speakers[st.ActorID] = a
	}
	return nil
}

// citedSources loads every source a record in the briefing cites.
func (s *Store) citedSources(ctx context.Context, b *Briefing) error {
	var ids []string
	for _, p := range b.Participants {
		for _, st := range p.Statements {
			ids = append(ids, st.SourceID)
		}
	}
	for _, d := range b.Disputes {
		for _, f := range d.Facts {
			ids = append(ids, f.SourceID)
		}
		for _, e := range d.Timeline {
			ids = append(ids, e.SourceID)
		}
	}
	for _, m := range append([]Meeting{b.Meeting, b.PreviousRound}, b.TrackMeetings...) {
		for _, c := range m.StatusHistory {
			ids = append(ids, c.SourceID)
		}
	}
	for _, st := range b.RecentStatements {
		ids = append(ids, st.SourceID)
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		if _, ok := b.Sources[id]; ok {
			continue
		}
		src, err := s.Source(ctx, id)
		if b.around(kindSource, id, err) {
			continue
		}
		if err != nil {
			return fmt.Errorf("source: %w", err)
		}
		b.Sources[id] = src
	}
	return nil
}

// leaveOut records a record the briefing leaves out because it cannot be read, once.
func (b *Briefing) leaveOut(r BadRow) {
	for _, have := range b.Unreadable {
		if have.Kind == r.Kind && have.ID == r.ID {
			return
		}
	}
	b.Unreadable = append(b.Unreadable, r)
}

// around reports whether err is a record of kind and id that cannot be read (a bad row, not a
// missing record or a failing database), and then records it as left out.
func (b *Briefing) around(kind, id string, err error) bool {
	if err == nil || errors.Is(err, ErrNotFound) || !badRow(err) {
		return false
	}
	b.leaveOut(BadRow{Kind: kind, ID: id, Problem: plainProblem(err)})
	return true
}

// plainProblem is what is wrong with a bad row, without the "meeting ID: " the BadRow names.
func plainProblem(err error) string {
	s := err.Error()
	if i := strings.Index(s, ": stored "); i >= 0 {
		return s[i+2:]
	}
	return s
}
