package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

var (
	meetingObjectives = newStringList("meeting_objectives", "meeting_id", "objective")
	meetingTags       = newStringList("meeting_tags", "meeting_id", "tag")
)

func checkStatus(c *checker, field string, st Status) {
	if !oneOf(st, Statuses) {
		c.fail(field, "%q is not a status (%s)", string(st), listOf(Statuses))
	}
}

func checkMeeting(m *Meeting, has resolver) error {
	c := newChecker(kindMeeting, m.Title, m.ID)
	c.id(m.ID)
	c.required("title", m.Title)
	if m.Format != "" && !oneOf(m.Format, Formats) {
		c.fail("format", "%q is not a format (%s)", string(m.Format), listOf(Formats))
	}
	checkStatus(c, "status", m.Status)
	c.meetingDate("when", m.When)
	if m.DurationMinutes < 0 {
		c.fail("duration_minutes", "%d is negative", m.DurationMinutes)
	}
	if m.DurationMinutes > MaxDurationMinutes {
		c.fail("duration_minutes", "%s minutes is longer than a meeting lasts; the limit is %s (a year)", thousands(m.DurationMinutes), thousands(MaxDurationMinutes))
	}
	if m.Round < 0 {
		c.fail("round", "%d is negative", m.Round)
	}
	c.noEmpty("objectives", m.Objectives)
	for i, l := range m.LinesToTake {
		c.required(fmt.Sprintf("lines_to_take[%d]", i), l.Text)
		c.ref(fmt.Sprintf("lines_to_take[%d].to_id", i), kindActor, l.ToID, has)
	}
	c.noEmpty("tags", m.Tags)
	for i, qa := range m.Questions {
		c.required(fmt.Sprintf("questions[%d].question", i), qa.Question)
	}
	if m.PreviousRoundID != "" && m.PreviousRoundID == m.ID {
		c.fail("previous_round_id", "a meeting cannot be its own previous round")
	}
	c.ref("track_id", kindTrack, m.TrackID, has)
	c.ref("previous_round_id", kindMeeting, m.PreviousRoundID, has)
	seen := map[string]bool{}
	for i, p := range m.Participants {
		field := fmt.Sprintf("participants[%d]", i)
		c.required(field+".actor_id", p.ActorID)
		if !oneOf(p.Role, Roles) {
			c.fail(field+".role", "%q is not a role (%s)", string(p.Role), listOf(Roles))
		}
		if seen[p.ActorID] {
			c.fail(field+".actor_id", "actor %s is listed twice", p.ActorID)
		}
		seen[p.ActorID] = true
		c.ref(field+".actor_id", kindActor, p.ActorID, has)
	}
	c.refList("dispute_ids", kindDispute, m.DisputeIDs, has, "dispute %s is linked twice")
	for i, sc := range m.StatusHistory {
		field := fmt.Sprintf("status_history[%d]", i)
		if sc.Recorded.IsZero() {
			c.fail(field+".recorded", "the time of the change is missing")
		}
		if sc.From != "" {
			checkStatus(c, field+".from", sc.From)
		}
		checkStatus(c, field+".to", sc.To)
		c.meetingDate(field+".when", sc.When)
		c.partial(field+".happened", sc.Happened)
		c.ref(field+".source_id", kindSource, sc.SourceID, has)
	}
	checkNegotiation(c, m, has)
	c.partial("brief.drafted", m.Brief.Drafted)
	c.partial("brief.cleared", m.Brief.Cleared)
	if !m.Brief.Drafted.IsZero() && !m.Brief.Cleared.IsZero() && m.Brief.Cleared.End().Before(m.Brief.Drafted.Start()) {
		c.fail("brief.cleared", "the brief is cleared (%s) before it is drafted (%s)", m.Brief.Cleared.ISO(), m.Brief.Drafted.ISO())
	}
	for i, d := range m.Brief.Distribution {
		if strings.TrimSpace(d) == "" || strings.ContainsAny(d, "\r\n") {
			c.fail(fmt.Sprintf("brief.distribution[%d]", i), "a recipient must be one line of text")
		}
	}
	return c.err
}

// CreateMeeting stores a new meeting with its participants, dispute links, tags and status
// history. A meeting created without a history gets one entry recording its first status.
func (s *Store) CreateMeeting(ctx context.Context, m *Meeting) error {
	rec := createdRecord(s, &m.ID, m)
	if len(rec.StatusHistory) == 0 {
		rec.StatusHistory = []StatusChange{{Recorded: rec.Created, To: rec.Status, When: rec.When}}
	}
	return saveChecked(ctx, s, m, rec, "create meeting", m.Title, checkMeeting, insertMeeting)
}

// UpdateMeeting replaces a stored meeting with its participants, dispute links and tags. The
// status history is kept as stored; when Status differs from the stored status, a change is
// appended to it (with the date the meeting had before this update). On return m holds the
// stored history.
func (s *Store) UpdateMeeting(ctx context.Context, m *Meeting) error {
	rec := *m
	rec.Updated = s.stamp()
	rec.StatusHistory = nil
	return saveChecked(ctx, s, m, rec, "update meeting", m.Title, checkMeeting, func(ctx context.Context, tx *sql.Tx, rec *Meeting) error {
		old, err := meetingState(ctx, tx, rec.ID)
		if err != nil {
			return err
		}
		rec.Created = old.created
		if err := updateMeetingRow(ctx, tx, rec); err != nil {
			return err
		}
		if old.status != rec.Status {
			sc := StatusChange{Recorded: rec.Updated, From: old.status, To: rec.Status, When: old.when}
			if err := insertStatusChange(ctx, tx, rec.ID, sc); err != nil {
				return err
			}
		}
		rec.StatusHistory, err = loadStatusHistory(ctx, tx, rec.ID)
		return err
	})
}

// ChangeMeetingStatus sets a meeting's status and records the change with a reason and an
// optional source. A change to the status the meeting already has is recorded too: a meeting
// can be postponed twice.
func (s *Store) ChangeMeetingStatus(ctx context.Context, id string, to Status, reason, sourceID string) error {
	return s.ChangeMeetingStatusOn(ctx, id, to, reason, sourceID, PartialDate{})
}

// ChangeMeetingStatusOn is ChangeMeetingStatus for a change the user dates: happened is when
// it was decided or announced (zero: not known, the change is dated when it is recorded).
func (s *Store) ChangeMeetingStatusOn(ctx context.Context, id string, to Status, reason, sourceID string, happened PartialDate) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := meetingState(ctx, tx, id)
		if err != nil {
			return err
		}
		c := newChecker(kindMeeting, old.title, id)
		checkStatus(c, "status", to)
		c.partial("happened", happened)
		c.ref("source_id", kindSource, sourceID, dbResolver(ctx, tx))
		if c.err != nil {
			return c.err
		}
		now := s.stamp()
		_, err = tx.ExecContext(ctx, `UPDATE meetings SET status = ?, updated = ? WHERE id = ?`,
			to, stampText(now), id)
		if err != nil {
			return err
		}
		return insertStatusChange(ctx, tx, id, StatusChange{
			Recorded: now, From: old.status, To: to, Reason: reason, SourceID: sourceID, When: old.when, Happened: happened,
		})
	})
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) || errors.Is(err, ErrNotFound) {
			return err
		}
		return fmt.Errorf("change status of meeting %s: %w", id, err)
	}
	return nil
}

// meetingNow is what a write needs to know of a stored meeting.
type meetingNow struct {
	title   string
	status  Status
	when    FuzzyDate
	created time.Time
}

func meetingState(ctx context.Context, q querier, id string) (meetingNow, error) {
	var st meetingNow
	var when dateCols
	var created string
	err := q.QueryRowContext(ctx, `SELECT title, status, when_kind, when_at, when_zone, when_from, when_to, when_approx,
		created FROM meetings WHERE id = ?`, id).Scan(cat([]any{&st.title, &st.status}, when.destsApprox(), []any{&created})...)
	if errors.Is(err, sql.ErrNoRows) {
		return meetingNow{}, notFound(kindMeeting, id)
	}
	if err != nil {
		return meetingNow{}, err
	}
	if st.when, err = when.date(); err != nil {
		return meetingNow{}, err
	}
	if st.created, err = parseStamp(created); err != nil {
		return meetingNow{}, err
	}
	return st, nil
}

func insertMeeting(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	_, err := execIn(ctx, tx, `INSERT INTO meetings (id, track_id, title, format, status,
			when_kind, when_lower, when_upper, when_at, when_zone, when_from, when_to, when_approx,
			duration_minutes, venue, city, country, round, previous_round_id, purpose, background,
			interpreters, press, logistics, outcome, next_steps, ical_uid, created, updated,
			ical_sequence, ical_modified, ical_created, ical_synced, ical_transp, ical_class,
			brief_reference, brief_drafter, brief_drafted, brief_cleared_by, brief_cleared, brief_distribution,
			`+negotiationColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
			?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		cat([]any{m.ID, nullID(m.TrackID), m.Title, m.Format, m.Status}, toDateCols(m.When).argsApprox(),
			[]any{m.DurationMinutes, m.Venue, m.City, m.Country, m.Round, nullID(m.PreviousRoundID),
				m.Purpose, m.Background, m.Interpreters, m.Press, m.Logistics, m.Outcome, m.NextSteps,
				m.ICalUID, stampText(m.Created), stampText(m.Updated)}, calendarArgs(m.Calendar), briefArgs(m.Brief),
			negotiationArgs(m))...)
	if err != nil {
		return err
	}
	if err := writeMeetingParts(ownerInserted(ctx, m.ID), tx, m); err != nil {
		return err
	}
	for _, sc := range m.StatusHistory {
		if err := insertStatusChange(ctx, tx, m.ID, sc); err != nil {
			return err
		}
	}
	return nil
}

// updateMeetingRow replaces the meeting and its parts, but not its status history.
func updateMeetingRow(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	err := execOne(ctx, tx, kindMeeting, m.ID, `UPDATE meetings SET track_id = ?, title = ?, format = ?, status = ?,
			when_kind = ?, when_lower = ?, when_upper = ?, when_at = ?, when_zone = ?, when_from = ?, when_to = ?,
			when_approx = ?, duration_minutes = ?, venue = ?, city = ?, country = ?, round = ?, previous_round_id = ?,
			purpose = ?, background = ?, interpreters = ?, press = ?, logistics = ?, outcome = ?,
			next_steps = ?, ical_uid = ?, created = ?, updated = ?, ical_sequence = ?, ical_modified = ?,
			ical_created = ?, ical_synced = ?, ical_transp = ?, ical_class = ?,
			brief_reference = ?, brief_drafter = ?, brief_drafted = ?, brief_cleared_by = ?,
			brief_cleared = ?, brief_distribution = ?, press_proactive = ?, press_reactive = ?,
			press_access = ?, record_taker = ?, parameters_level = ?, record_date = ?, record_place = ?,
			record_subject = ?, record_substance = ?, record_atmosphere = ?, record_atmosphere_why = ?
		WHERE id = ?`,
		cat([]any{nullID(m.TrackID), m.Title, m.Format, m.Status}, toDateCols(m.When).argsApprox(),
			[]any{m.DurationMinutes, m.Venue, m.City, m.Country, m.Round, nullID(m.PreviousRoundID),
				m.Purpose, m.Background, m.Interpreters, m.Press, m.Logistics, m.Outcome, m.NextSteps,
				m.ICalUID, stampText(m.Created), stampText(m.Updated)}, calendarArgs(m.Calendar),
			briefArgs(m.Brief), negotiationArgs(m), []any{m.ID})...)
	if err != nil {
		return err
	}
	return writeMeetingParts(ctx, tx, m)
}

func insertStatusChange(ctx context.Context, tx *sql.Tx, meetingID string, sc StatusChange) error {
	_, err := execIn(ctx, tx, `INSERT INTO status_changes (meeting_id, recorded, from_status, to_status,
			reason, source_id, when_kind, when_lower, when_upper, when_at, when_zone, when_from, when_to, when_approx,
			happened)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		cat([]any{meetingID, stampText(sc.Recorded), sc.From, sc.To, sc.Reason, nullID(sc.SourceID)},
			toDateCols(sc.When).argsApprox(), []any{sc.Happened.ISO()})...)
	return err
}

func writeMeetingParts(ctx context.Context, tx *sql.Tx, m *Meeting) error {
	if err := meetingObjectives.replace(ctx, tx, m.ID, m.Objectives); err != nil {
		return err
	}
	if err := writeNegotiation(ctx, tx, m); err != nil {
		return err
	}
	if err := meetingTags.replace(ctx, tx, m.ID, m.Tags); err != nil {
		return err
	}
	err := replaceChildren(ctx, tx, `DELETE FROM meeting_questions WHERE meeting_id = ?`,
		`INSERT INTO meeting_questions (meeting_id, seq, question, answer) VALUES (?, ?, ?, ?)`,
		m.ID, m.Questions, func(qa QA) []any { return []any{qa.Question, qa.Answer} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM meeting_participants WHERE meeting_id = ?`,
		`INSERT INTO meeting_participants (meeting_id, seq, actor_id, role, note, principal) VALUES (?, ?, ?, ?, ?, ?)`,
		m.ID, m.Participants, func(p Participant) []any { return []any{p.ActorID, p.Role, p.Note, p.Principal} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM meeting_disputes WHERE meeting_id = ?`,
		`INSERT INTO meeting_disputes (meeting_id, seq, dispute_id) VALUES (?, ?, ?)`,
		m.ID, m.DisputeIDs, func(id string) []any { return []any{id} })
	if err != nil {
		return err
	}
	var questions []string
	for _, qa := range m.Questions {
		questions = append(questions, qa.Question+"\n"+qa.Answer)
	}
	return index(ctx, tx, kindMeeting, m.ID, m.Title, string(m.Format),
		strings.Join([]string{m.Venue, m.City, m.Country}, " "), m.Purpose,
		strings.Join(m.Objectives, "\n"), strings.Join(questions, "\n"),
		m.Background, m.Interpreters, m.Press, m.Logistics, m.Outcome, m.NextSteps, strings.Join(m.Tags, ", "),
		negotiationText(m)[0])
}

// DeleteMeeting moves a meeting to the trash with its participations, dispute links, status
// history and issued packs. The actors stay; later rounds lose their PreviousRoundID and
// statements their MeetingID until it is restored.
func (s *Store) DeleteMeeting(ctx context.Context, id string) error {
	_, err := s.MoveToTrash(ctx, kindMeeting, id)
	return err
}

const meetingColumns = `id, coalesce(track_id, ''), title, format, status,
	when_kind, when_at, when_zone, when_from, when_to, when_approx, duration_minutes, venue, city, country, round,
	coalesce(previous_round_id, ''), purpose, background, interpreters, press, logistics, outcome,
	next_steps, ical_uid, created, updated, ical_sequence, ical_modified, ical_created, ical_synced,
	ical_transp, ical_class, brief_reference, brief_drafter, brief_drafted, brief_cleared_by,
	brief_cleared, brief_distribution, ` + negotiationColumns

// negotiationColumns are the meeting's own columns for its press line, logistics, annex
// level and record of conversation (the lists are child tables: negotiation_rows.go).
const negotiationColumns = `press_proactive, press_reactive, press_access, record_taker, parameters_level,
	record_date, record_place, record_subject, record_substance, record_atmosphere, record_atmosphere_why`

func negotiationArgs(m *Meeting) []any {
	r := m.Record
	return []any{m.PressLine.Proactive, m.PressLine.Reactive, m.PressAccess, m.RecordTaker, m.ParametersLevel,
		r.Date.ISO(), r.Place, r.Subject, r.Substance, r.Atmosphere, r.AtmosphereWhy}
}

// briefArgs are the brief_reference … brief_distribution column values: dates as ISO partial
// dates, the distribution one recipient a line.
func briefArgs(b BriefControl) []any {
	return []any{b.Reference, b.Drafter, b.Drafted.ISO(), b.ClearedBy, b.Cleared.ISO(), strings.Join(b.Distribution, "\n")}
}

// calendarArgs are the ical_sequence … ical_class column values; a zero time is stored as ”.
func calendarArgs(c CalendarEntry) []any {
	return []any{c.Sequence, optStamp(c.Modified), optStamp(c.Created), optStamp(c.Synced), c.Transp, c.Class}
}

func optStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return stampText(t)
}

func parseOptStamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseStamp(s)
}

func scanMeeting(r row) (Meeting, error) {
	var m Meeting
	var when dateCols
	var st stampCols
	var modified, created, synced, drafted, cleared, distribution, recorded string
	dest := cat([]any{&m.ID, &m.TrackID, &m.Title, &m.Format, &m.Status}, when.destsApprox(),
		[]any{&m.DurationMinutes, &m.Venue, &m.City, &m.Country, &m.Round, &m.PreviousRoundID,
			&m.Purpose, &m.Background, &m.Interpreters, &m.Press, &m.Logistics, &m.Outcome,
			&m.NextSteps, &m.ICalUID}, st.dests(),
		[]any{&m.Calendar.Sequence, &modified, &created, &synced, &m.Calendar.Transp, &m.Calendar.Class,
			&m.Brief.Reference, &m.Brief.Drafter, &drafted, &m.Brief.ClearedBy, &cleared, &distribution,
			&m.PressLine.Proactive, &m.PressLine.Reactive, &m.PressAccess, &m.RecordTaker, &m.ParametersLevel,
			&recorded, &m.Record.Place, &m.Record.Subject, &m.Record.Substance, &m.Record.Atmosphere, &m.Record.AtmosphereWhy})
	if err := r.Scan(dest...); err != nil {
		return Meeting{}, err
	}
	var err error
	if m.Brief.Drafted, err = ParsePartialDate(drafted); err != nil {
		return Meeting{}, fmt.Errorf("stored drafting date: %w", err)
	}
	if m.Brief.Cleared, err = ParsePartialDate(cleared); err != nil {
		return Meeting{}, fmt.Errorf("stored clearance date: %w", err)
	}
	if m.Record.Date, err = ParsePartialDate(recorded); err != nil {
		return Meeting{}, fmt.Errorf("stored date of the record: %w", err)
	}
	if distribution != "" {
		m.Brief.Distribution = strings.Split(distribution, "\n")
	}
	if m.When, err = when.date(); err != nil {
		return Meeting{}, err
	}
	if err := st.parse(&m.Created, &m.Updated); err != nil {
		return Meeting{}, err
	}
	for _, c := range []struct {
		text string
		t    *time.Time
	}{{modified, &m.Calendar.Modified}, {created, &m.Calendar.Created}, {synced, &m.Calendar.Synced}} {
		if *c.t, err = parseOptStamp(c.text); err != nil {
			return Meeting{}, err
		}
	}
	return m, nil
}

type meetingParts struct {
	objectives, tags map[string][]string
	negotiation      negotiationParts
	questions        map[string][]QA
	participants     map[string][]Participant
	disputes         map[string][]string
	history          map[string][]StatusChange
}

// loadMeetingParts loads the child rows of one meeting, or of every meeting when id is "".
func loadMeetingParts(ctx context.Context, q querier, id string) (meetingParts, error) {
	var p meetingParts
	var err error
	if p.objectives, err = meetingObjectives.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	if p.negotiation, err = loadNegotiation(ctx, q, id); err != nil {
		return p, err
	}
	if p.tags, err = meetingTags.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	where, args := ownedBy("meeting_id", id)
	p.questions, err = collectByOwner(ctx, q, `SELECT meeting_id, question, answer
		FROM meeting_questions `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(qa *QA) []any { return []any{&qa.Question, &qa.Answer} }))
	if err != nil {
		return p, err
	}
	p.participants, err = collectByOwner(ctx, q, `SELECT meeting_id, actor_id, role, note, principal
		FROM meeting_participants `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(pt *Participant) []any { return []any{&pt.ActorID, &pt.Role, &pt.Note, &pt.Principal} }))
	if err != nil {
		return p, err
	}
	p.disputes, err = collectByOwner(ctx, q, `SELECT meeting_id, dispute_id
		FROM meeting_disputes `+where+` ORDER BY meeting_id, seq`, args,
		scanOwned(func(d *string) []any { return []any{d} }))
	if err != nil {
		return p, err
	}
	p.history, err = collectByOwner(ctx, q, `SELECT meeting_id, recorded, from_status, to_status, reason,
			coalesce(source_id, ''), when_kind, when_at, when_zone, when_from, when_to, when_approx, happened
		FROM status_changes `+where+` ORDER BY meeting_id, id`, args, scanStatusChange)
	return p, err
}

func scanStatusChange(rows *sql.Rows) (string, StatusChange, error) {
	var owner, recorded, happened string
	var sc StatusChange
	var when dateCols
	dest := cat([]any{&owner, &recorded, &sc.From, &sc.To, &sc.Reason, &sc.SourceID}, when.destsApprox(), []any{&happened})
	if err := rows.Scan(dest...); err != nil {
		return "", StatusChange{}, err
	}
	var err error
	if sc.Happened, err = ParsePartialDate(happened); err != nil {
		return "", StatusChange{}, fmt.Errorf("stored date of a status change: %w", err)
	}
	if sc.Recorded, err = parseStamp(recorded); err != nil {
		return "", StatusChange{}, err
	}
	if sc.When, err = when.date(); err != nil {
		return "", StatusChange{}, err
	}
	return owner, sc, nil
}

func loadStatusHistory(ctx context.Context, q querier, id string) ([]StatusChange, error) {
	byOwner, err := collectByOwner(ctx, q, `SELECT meeting_id, recorded, from_status, to_status, reason,
			coalesce(source_id, ''), when_kind, when_at, when_zone, when_from, when_to, when_approx, happened
		FROM status_changes WHERE meeting_id = ? ORDER BY id`, []any{id}, scanStatusChange)
	if err != nil {
		return nil, err
	}
	return byOwner[id], nil
}

func (p meetingParts) fill(m *Meeting) {
	m.Objectives = p.objectives[m.ID]
	p.negotiation.fill(m)
	m.Tags = p.tags[m.ID]
	m.Questions = p.questions[m.ID]
	m.Participants = p.participants[m.ID]
	m.DisputeIDs = p.disputes[m.ID]
	m.StatusHistory = p.history[m.ID]
}

// Meeting returns one meeting with everything it holds.
func (s *Store) Meeting(ctx context.Context, id string) (Meeting, error) {
	return readRecord(ctx, s, "meeting "+id, func(q querier) (Meeting, error) {
		return loadMeeting(ctx, q, id)
	})
}

func loadMeeting(ctx context.Context, q querier, id string) (Meeting, error) {
	return loadOneWithParts(ctx, q, kindMeeting, `SELECT `+meetingColumns+` FROM meetings WHERE id = ?`, id,
		scanMeeting, loadMeetingParts, meetingParts.fill)
}

// MeetingByICalUID finds the meeting a calendar event stands for: by the UID it was imported
// with, or by the "<ID>@parley" UID Parley gives its own meetings.
func (s *Store) MeetingByICalUID(ctx context.Context, uid string) (Meeting, error) {
	var m Meeting
	err := s.read(ctx, func(q querier) error {
		own, _ := strings.CutSuffix(uid, "@parley")
		if own == uid {
			own = ""
		}
		var id string
		err := q.QueryRowContext(ctx, `SELECT id FROM (
				SELECT id, 0 AS pref FROM meetings WHERE ical_uid = ?1 AND ?1 <> ''
				UNION ALL
				SELECT id, 1 FROM meetings WHERE id = ?2
			) ORDER BY pref, id LIMIT 1`, uid, own).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("meeting with calendar UID %s: %w", uid, ErrNotFound)
		}
		if err != nil {
			return err
		}
		m, err = loadMeeting(ctx, q, id)
		return err
	})
	if err != nil {
		return Meeting{}, wrapRead("meeting with calendar UID "+uid, err)
	}
	return m, nil
}

// summaryQuery selects meeting summaries; PostponedFrom comes from the latest change to
// postponed.
const summaryQuery = `SELECT m.id, coalesce(m.track_id, ''), m.title, m.format, m.status,
		m.when_kind, m.when_at, m.when_zone, m.when_from, m.when_to, m.when_approx, m.venue, m.city, m.country, m.round,
		coalesce(p.when_kind, ''), coalesce(p.when_at, ''), coalesce(p.when_zone, ''),
		coalesce(p.when_from, ''), coalesce(p.when_to, ''), coalesce(p.when_approx, 0)
	FROM meetings m
	LEFT JOIN status_changes p ON p.id = (
		SELECT max(id) FROM status_changes WHERE meeting_id = m.id AND to_status = 'postponed')`

// summaryOrder sorts as FuzzyDate.SortKey does: a deadline on its last day. The index
// meetings_order (migrations 0004 and 0011) holds the same terms, so that a listing of every
// meeting streams from it instead of being sorted first: change both together.
const summaryOrder = ` ORDER BY m.when_lower IS NULL,
	CASE m.when_kind WHEN 'by' THEN m.when_upper - 86400 ELSE m.when_lower END, m.title, m.id`

// wideSpan is the longest date span (a leap year) that Meetings reads from a narrow stretch
// of the when_lower index; the few dates wider than that are read by their span.
const wideSpan = 366 * 24 * time.Hour

// summaryScanner reads the rows of summaryQuery into one set of destinations that it keeps
// from row to row: a list of all meetings scans 100,000 rows, and fresh destinations for each
// cost a fifth of the time.
type summaryScanner struct {
	m         MeetingSummary
	when, was dateCols
	dest      []any
}

func newSummaryScanner() *summaryScanner {
	sc := &summaryScanner{}
	m := &sc.m
	sc.dest = cat([]any{&m.ID, &m.TrackID, &m.Title, &m.Format, &m.Status}, sc.when.destsApprox(),
		[]any{&m.Venue, &m.City, &m.Country, &m.Round}, sc.was.destsApprox())
	return sc
}

func (sc *summaryScanner) scan(rows *sql.Rows) (MeetingSummary, error) {
	if err := rows.Scan(sc.dest...); err != nil {
		return MeetingSummary{}, err
	}
	m := sc.m
	var err error
	if m.When, err = sc.when.date(); err != nil {
		return MeetingSummary{}, err
	}
	if m.PostponedFrom, err = sc.was.date(); err != nil {
		return MeetingSummary{}, err
	}
	return m, nil
}

// Meetings lists the meetings the filter selects, by date (SortKey, then title), undated last.
// A date window selects the meetings whose [Lower, Upper) overlaps [From, To); undated
// meetings fall outside every window.
func (s *Store) Meetings(ctx context.Context, f MeetingFilter) ([]MeetingSummary, error) {
	var out []MeetingSummary
	err := s.eachMeeting(ctx, f, func(n int) { out = make([]MeetingSummary, 0, n) },
		func(m MeetingSummary) error { out = append(out, m); return nil }, nil)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachMeeting calls fn with each meeting the filter selects, in the order of Meetings, one at
// a time: a listing of every meeting streams instead of being held whole. An error from fn
// stops the listing and is returned.
func (s *Store) EachMeeting(ctx context.Context, f MeetingFilter, fn func(MeetingSummary) error) error {
	return s.eachMeeting(ctx, f, nil, fn, nil)
}

// EachMeetingAround lists meetings as EachMeeting does, reading around a meeting that cannot
// be read (a row edited outside Parley, such as a time zone that does not exist): it is
// handed to skipped instead of failing the listing.
func (s *Store) EachMeetingAround(ctx context.Context, f MeetingFilter, fn func(MeetingSummary) error, skipped func(BadRow)) error {
	return s.eachMeeting(ctx, f, nil, fn, skipped)
}

// meetingWhere is the WHERE clause (without the keyword; "" for none) and its arguments that
// select the meetings f selects, but for its text, which no index serves: the callers match
// it on the rows read (matchesAll), as case-insensitive as Go is, which SQLite's lower() is not.
func meetingWhere(f MeetingFilter) (string, []any) {
	var where []string
	var args []any
	param := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("?%d", len(args))
	}
	if f.TrackID != "" {
		where = append(where, `m.track_id = `+param(f.TrackID))
	}
	if len(f.Statuses) > 0 {
		var marks []string
		for _, st := range f.Statuses {
			marks = append(marks, param(st))
		}
		where = append(where, `m.status IN (`+strings.Join(marks, ", ")+`)`)
	}
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		// A date spanning at most wideSpan that overlaps the window starts after
		// From − wideSpan, so its rows are read from a narrow stretch of meetings_when;
		// wider ones are few and read through meetings_span.
		from, to, wide := param(f.From.Unix()), param(f.To.Unix()), param(int64(wideSpan/time.Second))
		where = append(where, strings.NewReplacer("FROM_", from, "TO_", to, "WIDE_", wide).Replace(`m.rowid IN (
			SELECT rowid FROM meetings
			WHERE when_lower > FROM_ - WIDE_ AND when_lower < TO_ AND when_upper > FROM_
				AND when_upper - when_lower <= WIDE_
			UNION ALL
			SELECT rowid FROM meetings
			WHERE when_upper - when_lower > WIDE_ AND when_lower < TO_ AND when_upper > FROM_)`))
	case !f.From.IsZero():
		where = append(where, `m.when_upper > `+param(f.From.Unix()))
	case !f.To.IsZero():
		where = append(where, `m.when_lower < `+param(f.To.Unix()))
	}
	return strings.Join(where, " AND "), args
}

// eachMeeting lists meetings as EachMeeting does; size, when not nil, is told the number of
// meetings first when the listing is of every one, so that a list can be allocated once;
// skipped, when not nil, is given the meetings that cannot be read instead of an error.
func (s *Store) eachMeeting(ctx context.Context, f MeetingFilter, size func(n int), fn func(MeetingSummary) error, skipped func(BadRow)) error {
	n := 0
	err := s.read(ctx, func(q querier) error {
		cond, args := meetingWhere(f)
		param := func(v any) string {
			args = append(args, v)
			return fmt.Sprintf("?%d", len(args))
		}
		query := summaryQuery
		if cond != "" {
			query += ` WHERE ` + cond
		}
		query += summaryOrder
		text := strings.Fields(strings.ToLower(f.Text))
		if f.Limit > 0 && len(text) == 0 {
			query += ` LIMIT ` + param(f.Limit)
		}
		if size != nil && cond == "" && len(text) == 0 {
			// Every meeting: a list grown as it fills would be copied about twice over.
			var n int
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM meetings`).Scan(&n); err != nil {
				return err
			}
			if f.Limit > 0 {
				n = min(n, f.Limit)
			}
			if n > 0 {
				size(n)
			}
		}
		rows, err := q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		sc := newSummaryScanner()
		for rows.Next() {
			m, err := sc.scan(rows)
			if err != nil && skipped != nil && badRow(err) {
				skipped(BadRow{Kind: kindMeeting, ID: sc.m.ID, Problem: err.Error()})
				continue
			}
			if err != nil {
				return err
			}
			if len(text) > 0 && !matchesAll(strings.ToLower(m.Title+" "+m.Venue+" "+m.City+" "+m.Country), text) {
				continue
			}
			if err := fn(m); err != nil {
				return &stopped{err}
			}
			if n++; f.Limit > 0 && n == f.Limit {
				break
			}
		}
		return rows.Err()
	})
	var stop *stopped
	if errors.As(err, &stop) {
		return stop.err
	}
	if err != nil {
		return fmt.Errorf("meetings: %w", err)
	}
	return nil
}

// summariesAround scans meeting summaries for collect; a row that cannot be read goes to
// skipped, when not nil, and is left out.
func summariesAround(skipped func(BadRow)) func(*sql.Rows) (MeetingSummary, error) {
	sc := newSummaryScanner()
	return func(rows *sql.Rows) (MeetingSummary, error) {
		m, err := sc.scan(rows)
		if err != nil && skipped != nil && badRow(err) {
			skipped(BadRow{Kind: kindMeeting, ID: sc.m.ID, Problem: err.Error()})
			return MeetingSummary{}, errSkip
		}
		return m, err
	}
}

// stopped carries the error of a caller's function out of a listing unchanged.
type stopped struct{ err error }

func (e *stopped) Error() string { return e.err.Error() }

func matchesAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// MeetingsOfActor lists the meetings an actor takes part in, by date.
func (s *Store) MeetingsOfActor(ctx context.Context, actorID string) ([]MeetingSummary, error) {
	return s.meetingsOfActor(ctx, actorID, nil)
}

// meetingsOfActor is MeetingsOfActor; skipped, when not nil, is given the meetings that cannot
// be read instead of an error.
func (s *Store) meetingsOfActor(ctx context.Context, actorID string, skipped func(BadRow)) ([]MeetingSummary, error) {
	return s.meetingsLinked(ctx, kindActor, actorID, "meetings of actor "+actorID,
		`SELECT meeting_id FROM meeting_participants WHERE actor_id = ?`, skipped)
}

// MeetingsOfDispute lists the meetings linked to a dispute, by date. A meeting that cannot be
// read (a row edited outside Parley) is left out and told to skipped, when it is not nil;
// with a nil skipped it fails the listing.
func (s *Store) MeetingsOfDispute(ctx context.Context, disputeID string, skipped func(BadRow)) ([]MeetingSummary, error) {
	return s.meetingsLinked(ctx, kindDispute, disputeID, "meetings on dispute "+disputeID,
		`SELECT meeting_id FROM meeting_disputes WHERE dispute_id = ?`, skipped)
}

// meetingsLinked lists, by date, the meetings whose IDs linked selects for the record of kind
// with id (its one parameter); what names the list in an error.
func (s *Store) meetingsLinked(ctx context.Context, kind, id, what, linked string, skipped func(BadRow)) ([]MeetingSummary, error) {
	return readOf(ctx, s, kind, id, what, func(q querier) ([]MeetingSummary, error) {
		return collect(ctx, q, summaryQuery+`
			WHERE m.id IN (`+linked+`)`+summaryOrder, []any{id}, summariesAround(skipped))
	})
}

func loadMeetings(ctx context.Context, q querier, query string) ([]Meeting, error) {
	return loadWithParts(ctx, q, query, scanMeeting, loadMeetingParts, meetingParts.fill)
}
