package storage

import (
	"context"
	"database/sql"
	"strings"
)

// The rows of a meeting's negotiation parts: each list is a child table replaced whole when
// the meeting is saved, as the objectives and tags are.

var (
	meetingIfPressed = newStringList("meeting_if_pressed", "meeting_id", "line")
	meetingAvoid     = newStringList("meeting_avoid", "meeting_id", "line")
	meetingPresent   = newStringList("meeting_present", "meeting_id", "actor_id")
)

// negotiationParts are the negotiation child rows of one meeting or of all, by meeting.
type negotiationParts struct {
	lines        map[string][]Line
	asks         map[string][]Ask
	ifPressed    map[string][]string
	avoid        map[string][]string
	agenda       map[string][]AgendaItem
	choreography map[string][]ChoreographyNote
	interpreters map[string][]Interpreter
	parameters   map[string][]Parameter
	present      map[string][]string
	commitments  map[string][]Commitment
}

func writeNegotiation(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	steps := []func() error{
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM meeting_lines WHERE meeting_id = ?`,
				`INSERT INTO meeting_lines (meeting_id, seq, line, addressed_to) VALUES (?, ?, ?, ?)`,
				m.ID, m.LinesToTake, func(l Line) []any { return []any{l.Text, nullID(l.ToID)} })
		},
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM meeting_asks WHERE meeting_id = ?`,
				`INSERT INTO meeting_asks (meeting_id, seq, ask, response) VALUES (?, ?, ?, ?)`,
				m.ID, m.TheirSide, func(a Ask) []any { return []any{a.Text, a.Response} })
		},
		func() error { return meetingIfPressed.replace(ctx, tx, m.ID, m.IfPressed) },
		func() error { return meetingAvoid.replace(ctx, tx, m.ID, m.LinesToAvoid) },
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM meeting_agenda WHERE meeting_id = ?`,
				`INSERT INTO meeting_agenda (meeting_id, seq, item, at, lead_id, minutes) VALUES (?, ?, ?, ?, ?, ?)`,
				m.ID, m.Agenda, func(a AgendaItem) []any { return []any{a.Item, a.At, nullID(a.LeadID), a.Minutes} })
		},
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM meeting_choreography WHERE meeting_id = ?`,
				`INSERT INTO meeting_choreography (meeting_id, seq, kind, note) VALUES (?, ?, ?, ?)`,
				m.ID, m.Choreography, func(n ChoreographyNote) []any { return []any{n.Kind, n.Text} })
		},
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM meeting_interpreters WHERE meeting_id = ?`,
				`INSERT INTO meeting_interpreters (meeting_id, seq, who, languages) VALUES (?, ?, ?, ?)`,
				m.ID, m.InterpreterTeam, func(i Interpreter) []any { return []any{i.Who, i.Languages} })
		},
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM meeting_parameters WHERE meeting_id = ?`,
				`INSERT INTO meeting_parameters (meeting_id, seq, issue, our_interests, their_interests, our_batna,
					their_batna, target, reservation, zopa, options, criteria, concessions)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				m.ID, m.Parameters, func(p Parameter) []any {
					return []any{p.Issue, p.OurInterests, p.TheirInterests, p.OurBATNA, p.TheirBATNA, p.Target,
						p.Reservation, p.ZOPA, p.Options, p.Criteria, p.Concessions}
				})
		},
		func() error { return meetingPresent.replace(ctx, tx, m.ID, m.Record.PresentIDs) },
		func() error {
			return replaceChildren(ctx, tx, `DELETE FROM commitments WHERE meeting_id = ?`,
				`INSERT INTO commitments (meeting_id, seq, actor_id, side, what, when_kind, when_lower, when_upper,
					when_at, when_zone, when_from, when_to, status, closed_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				m.ID, m.Commitments, func(k Commitment) []any {
					return cat([]any{nullID(k.ActorID), k.Side, k.What}, toDateCols(k.Due).args(),
						[]any{k.Status, nullID(k.ClosedByID)})
				})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// negotiationText is what search finds of a meeting's negotiation parts.
func negotiationText(m *Meeting) []string {
	var out []string
	for _, l := range m.LinesToTake {
		out = append(out, l.Text)
	}
	for _, a := range m.TheirSide {
		out = append(out, a.Text, a.Response)
	}
	out = append(out, m.IfPressed...)
	out = append(out, m.LinesToAvoid...)
	out = append(out, m.PressLine.Proactive, m.PressLine.Reactive, m.RecordTaker)
	for _, a := range m.Agenda {
		out = append(out, a.Item)
	}
	for _, n := range m.Choreography {
		out = append(out, n.Text)
	}
	for _, i := range m.InterpreterTeam {
		out = append(out, i.Who+" "+i.Languages)
	}
	for i := range m.Parameters {
		p := &m.Parameters[i]
		out = append(out, p.Issue)
		for _, t := range p.Texts() {
			out = append(out, *t.Text)
		}
	}
	out = append(out, m.Record.Place, m.Record.Subject, m.Record.Substance, m.Record.AtmosphereWhy)
	for _, k := range m.Commitments {
		out = append(out, k.Side+" "+k.What)
	}
	return []string{strings.Join(nonBlank(out), "\n")}
}

func nonBlank(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// loadNegotiation loads the negotiation rows of one meeting, or of all when id is "".
func loadNegotiation(ctx context.Context, q querier, id string) (negotiationParts, error) {
	var p negotiationParts
	where, args := ownedBy("meeting_id", id)
	var err error
	if p.lines, err = collectByOwner(ctx, q, `SELECT meeting_id, line, coalesce(addressed_to, '')
		FROM meeting_lines `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(l *Line) []any { return []any{&l.Text, &l.ToID} })); err != nil {
		return p, err
	}
	if p.asks, err = collectByOwner(ctx, q, `SELECT meeting_id, ask, response
		FROM meeting_asks `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(a *Ask) []any { return []any{&a.Text, &a.Response} })); err != nil {
		return p, err
	}
	if p.ifPressed, err = meetingIfPressed.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	if p.avoid, err = meetingAvoid.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	if p.agenda, err = collectByOwner(ctx, q, `SELECT meeting_id, item, at, coalesce(lead_id, ''), minutes
		FROM meeting_agenda `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(a *AgendaItem) []any { return []any{&a.Item, &a.At, &a.LeadID, &a.Minutes} })); err != nil {
		return p, err
	}
	if p.choreography, err = collectByOwner(ctx, q, `SELECT meeting_id, kind, note
		FROM meeting_choreography `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(n *ChoreographyNote) []any { return []any{&n.Kind, &n.Text} })); err != nil {
		return p, err
	}
	if p.interpreters, err = collectByOwner(ctx, q, `SELECT meeting_id, who, languages
		FROM meeting_interpreters `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(i *Interpreter) []any { return []any{&i.Who, &i.Languages} })); err != nil {
		return p, err
	}
	if p.parameters, err = collectByOwner(ctx, q, `SELECT meeting_id, issue, our_interests, their_interests,
			our_batna, their_batna, target, reservation, zopa, options, criteria, concessions
		FROM meeting_parameters `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(p *Parameter) []any {
			return []any{&p.Issue, &p.OurInterests, &p.TheirInterests, &p.OurBATNA, &p.TheirBATNA, &p.Target,
				&p.Reservation, &p.ZOPA, &p.Options, &p.Criteria, &p.Concessions}
		})); err != nil {
		return p, err
	}
	if p.present, err = meetingPresent.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	p.commitments, err = collectByOwner(ctx, q, `SELECT meeting_id, coalesce(actor_id, ''), side, what,
			when_kind, when_at, when_zone, when_from, when_to, status, coalesce(closed_by, '')
		FROM commitments `+where+` ORDER BY meeting_id, seq`, args, scanCommitment)
	return p, err
}

func scanCommitment(rows *sql.Rows) (string, Commitment, error) {
	var owner string
	var k Commitment
	var due dateCols
	if err := rows.Scan(cat([]any{&owner, &k.ActorID, &k.Side, &k.What}, due.dests(), []any{&k.Status, &k.ClosedByID})...); err != nil {
		return "", Commitment{}, err
	}
	var err error
	if k.Due, err = due.date(); err != nil {
		return "", Commitment{}, err
	}
	return owner, k, nil
}

func (p negotiationParts) fill(m *Meeting) {
	m.LinesToTake = p.lines[m.ID]
	m.TheirSide = p.asks[m.ID]
	m.IfPressed = p.ifPressed[m.ID]
	m.LinesToAvoid = p.avoid[m.ID]
	m.Agenda = p.agenda[m.ID]
	m.Choreography = p.choreography[m.ID]
	m.InterpreterTeam = p.interpreters[m.ID]
	m.Parameters = p.parameters[m.ID]
	m.Record.PresentIDs = p.present[m.ID]
	m.Commitments = p.commitments[m.ID]
}
