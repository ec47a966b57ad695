package storage

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// What a briefing works out for the next round of a negotiation: what changed since the last
// round, the commitments still open from earlier rounds, and when we last met each participant.

// RoundChanges is what changed between the previous round and the briefed meeting.
type RoundChanges struct {
	// Round is the previous round; Since the moment after its date, from which a change is
	// new ("after October 2015" is from 1 November 2015).
	Round Meeting
	Since time.Time
	// Statements are the participants' statements dated after the round, and those on the
	// meeting or its disputes by anyone, newest first.
	Statements []Statement
	// StatusChanges are the track's status changes and postponements dated after the round.
	StatusChanges []TrackChange
	// Positions are the positions of the linked disputes that changed after the round.
	Positions []PositionChange
	// Facts and Timeline are the key facts recorded and the timeline entries dated after it.
	Facts    []DisputeFact
	Timeline []DisputeEvent
	// Joined are the participants who were not at the round; Left those who were and are not.
	Joined, Left []Actor
	// Titles are the participants' posts taken up after the round.
	Titles []ActorPost
}

// IsZero reports whether nothing changed.
func (c RoundChanges) IsZero() bool {
	return len(c.Statements) == 0 && len(c.StatusChanges) == 0 && len(c.Positions) == 0 && len(c.Facts) == 0 &&
		len(c.Timeline) == 0 && len(c.Joined) == 0 && len(c.Left) == 0 && len(c.Titles) == 0
}

// TrackChange is a status change of one of the track's meetings.
type TrackChange struct {
	MeetingID, MeetingTitle string
	Change                  StatusChange
}

// PositionChange is a party's position on a dispute that changed: Was until Until, then Now
// ("" when the party has no position any more).
type PositionChange struct {
	DisputeTitle, Party string
	Was, Now            string
	Until               time.Time
}

// DisputeFact is a key fact of a linked dispute.
type DisputeFact struct {
	DisputeTitle string
	Fact         KeyFact
}

// DisputeEvent is a timeline entry of a linked dispute.
type DisputeEvent struct {
	DisputeTitle string
	Event        Event
}

// ActorPost is a post an actor took up.
type ActorPost struct {
	ActorID, Name string
	Post          Post
}

// OpenCommitment is a commitment of an earlier round that is neither done nor dropped.
type OpenCommitment struct {
	Commitment
	MeetingID, MeetingTitle string
	MeetingWhen             FuzzyDate
	// Status is open or overdue, as of the briefed meeting (or today, when it is undated).
	Status CommitmentStatus
}

// LastMet is the last meeting before the briefed one at which we met a participant.
type LastMet struct {
	Meeting    Meeting
	Statements []Statement // what they said there, newest first
}

// since is the moment after a meeting's date: after "October 2015" is from 1 November.
func since(m Meeting) time.Time {
	if m.When.IsZero() {
		return m.Created
	}
	return m.When.Upper()
}

// workOutRounds fills the briefing's RoundChanges, OpenCommitments and each participant's
// LastMet, from what gatherBriefing read and a few reads more (in the same snapshot).
func (s *Store) workOutRounds(ctx context.Context, b *Briefing) error {
	asOf := s.stamp()
	if !b.Meeting.When.IsZero() {
		asOf = b.Meeting.When.Lower()
	}
	if b.PreviousRound.ID != "" {
		c, err := s.roundChanges(ctx, b)
		if err != nil {
			return fmt.Errorf("since the last round: %w", err)
		}
		b.SinceLastRound = &c
	}
	var err error
	if b.OpenCommitments, err = s.openCommitments(ctx, b, asOf); err != nil {
		return fmt.Errorf("open commitments: %w", err)
	}
	for i := range b.Participants {
		p := &b.Participants[i]
		if p.LastMet, err = s.lastMet(ctx, b, p); err != nil {
			return fmt.Errorf("last meeting with %s: %w", p.Actor.Name, err)
		}
	}
	return nil
}

func (s *Store) roundChanges(ctx context.Context, b *Briefing) (RoundChanges, error) {
	prev := b.PreviousRound
	c := RoundChanges{Round: prev, Since: since(prev)}
	// News is what happened after the last round and before this one: a date that may fall
	// at or after the briefed meeting's start (the meeting itself, the next summit, "by end
	// of 2016") is not news for it.
	until := s.stamp()
	if !b.Meeting.When.IsZero() {
		until = b.Meeting.When.Lower()
	}
	after := func(t time.Time) bool { return !t.IsZero() && !t.Before(c.Since) }
	between := func(f FuzzyDate) bool { return !f.IsZero() && after(f.Lower()) && !f.Upper().After(until) }
	for _, p := range b.Participants {
		for _, st := range p.Statements {
			if between(st.When) {
				c.Statements = append(c.Statements, st)
			}
		}
		for _, post := range p.Actor.Posts {
			if !post.From.IsZero() && after(post.From.Start()) {
				c.Titles = append(c.Titles, ActorPost{ActorID: p.ActorID, Name: p.Actor.Name, Post: post})
			}
		}
	}
	// And what anyone said on the meeting or its disputes since: Kishida announcing the
	// round is news for the delegation although he does not sit at the table.
	seen := map[string]bool{}
	for _, st := range c.Statements {
		seen[st.ID] = true
	}
	for _, st := range b.RecentStatements {
		if !seen[st.ID] && between(st.When) {
			seen[st.ID] = true
			c.Statements = append(c.Statements, st)
		}
	}
	sort.SliceStable(c.Statements, func(i, j int) bool { return c.Statements[i].When.Lower().After(c.Statements[j].When.Lower()) })
	for _, m := range append([]Meeting{b.Meeting}, b.TrackMeetings...) {
		for _, sc := range m.StatusHistory {
			if sc.From != "" && after(sc.Dated().Start()) && sc.Dated().Start().Before(until) {
				c.StatusChanges = append(c.StatusChanges, TrackChange{MeetingID: m.ID, MeetingTitle: m.Title, Change: sc})
			}
		}
	}
	sort.SliceStable(c.StatusChanges, func(i, j int) bool {
		return c.StatusChanges[i].Change.Dated().Start().Before(c.StatusChanges[j].Change.Dated().Start())
	})
	for _, d := range b.Disputes {
		now := map[string]string{}
		for _, p := range d.Positions {
			now[p.Party] = p.Text
		}
		for _, pp := range d.PastPositions {
			if after(pp.Until) {
				c.Positions = append(c.Positions, PositionChange{DisputeTitle: d.Title, Party: pp.Party, Was: pp.Text, Now: now[pp.Party], Until: pp.Until})
			}
		}
		for _, f := range d.Facts {
			if after(f.Added) {
				c.Facts = append(c.Facts, DisputeFact{DisputeTitle: d.Title, Fact: f})
			}
		}
		for _, e := range d.Timeline {
			if between(e.When) {
				c.Timeline = append(c.Timeline, DisputeEvent{DisputeTitle: d.Title, Event: e})
			}
		}
	}
	was := map[string]bool{}
	for _, p := range prev.Participants {
		was[p.ActorID] = true
	}
	is := map[string]bool{}
	for _, p := range b.Participants {
		is[p.ActorID] = true
		if !was[p.ActorID] {
			c.Joined = append(c.Joined, p.Actor)
		}
	}
	for _, p := range prev.Participants {
		if !is[p.ActorID] {
			a, err := s.Actor(ctx, p.ActorID)
			if err != nil {
				return RoundChanges{}, err
			}
			c.Left = append(c.Left, a)
		}
	}
	return c, nil
}

// openCommitments are the commitments of the track's meetings before the briefed one (of
// the previous round, when the meeting belongs to no track) that are still open, overdue first,
// then by date due.
func (s *Store) openCommitments(ctx context.Context, b *Briefing, asOf time.Time) ([]OpenCommitment, error) {
	var earlier []MeetingSummary
	if b.Meeting.TrackID != "" {
		var all []MeetingSummary
		err := s.eachMeeting(ctx, MeetingFilter{TrackID: b.Meeting.TrackID}, nil,
			func(m MeetingSummary) error { all = append(all, m); return nil }, b.leaveOut)
		if err != nil {
			return nil, err
		}
		self := b.Meeting.Summary()
		for _, m := range all {
			if m.ID != self.ID && CompareMeetings(m, self) < 0 {
				earlier = append(earlier, m)
			}
		}
	} else if b.PreviousRound.ID != "" {
		earlier = []MeetingSummary{b.PreviousRound.Summary()}
	}
	// Only the meetings that left a commitment open are read whole: a track of decades has
	// hundreds of earlier rounds, most of them with none.
	withOpen, err := s.meetingsWithOpenCommitments(ctx, b.Meeting.TrackID, earlier)
	if err != nil {
		return nil, err
	}
	var out []OpenCommitment
	for _, sum := range earlier {
		if !withOpen[sum.ID] {
			continue
		}
		m, err := s.Meeting(ctx, sum.ID)
		if b.around(kindMeeting, sum.ID, err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, k := range m.Commitments {
			if k.Status != CommitmentOpen {
				continue
			}
			out = append(out, OpenCommitment{Commitment: k, MeetingID: m.ID, MeetingTitle: m.Title, MeetingWhen: m.When, Status: k.StatusOn(asOf)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := out[i].Status == CommitmentOverdue, out[j].Status == CommitmentOverdue
		if oi != oj {
			return oi
		}
		return CompareWhen(out[i].Due, out[j].Due) < 0
	})
	return out, nil
}

// meetingsWithOpenCommitments are those of the meetings in that have a commitment still open:
// of track trackID, or of the meetings themselves when trackID is "".
func (s *Store) meetingsWithOpenCommitments(ctx context.Context, trackID string, in []MeetingSummary) (map[string]bool, error) {
	out := map[string]bool{}
	if len(in) == 0 {
		return out, nil
	}
	err := s.read(ctx, func(q querier) error {
		query, args := `SELECT DISTINCT c.meeting_id FROM meetings m JOIN commitments c ON c.meeting_id = m.id
			WHERE m.track_id = ? AND c.status = 'open'`, []any{trackID}
		if trackID == "" {
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(in)), ", ")
			query, args = `SELECT DISTINCT meeting_id FROM commitments WHERE status = 'open' AND meeting_id IN (`+marks+`)`, nil
			for _, m := range in {
				args = append(args, m.ID)
			}
		}
		ids, err := collect(ctx, q, query, args, scanString)
		for _, id := range ids {
			out[id] = true
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("meetings with open commitments: %w", err)
	}
	return out, nil
}

// lastMet is the latest held meeting before the briefed one at which the participant was
// listed (or recorded present), with what they said there.
func (s *Store) lastMet(ctx context.Context, b *Briefing, p *BriefParticipant) (*LastMet, error) {
	briefed := b.Meeting
	ms, err := s.meetingsOfActor(ctx, p.ActorID, b.leaveOut)
	if err != nil {
		return nil, err
	}
	self := briefed.Summary()
	var best *MeetingSummary
	for i := range ms {
		m := &ms[i]
		if m.ID == briefed.ID || m.Status != StatusHeld || m.When.IsZero() || CompareMeetings(*m, self) >= 0 {
			continue
		}
		if best == nil || CompareMeetings(*m, *best) > 0 {
			best = m
		}
	}
	if best == nil {
		return nil, nil
	}
	m, err := s.Meeting(ctx, best.ID)
	if b.around(kindMeeting, best.ID, err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	lm := &LastMet{Meeting: m}
	for _, st := range p.Statements {
		if st.MeetingID == m.ID {
			lm.Statements = append(lm.Statements, st)
		}
	}
	return lm, nil
}
