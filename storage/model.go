package storage

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors. Callers test them with errors.Is; the wrapping text names the record.
var (
	// ErrNotFound: no record has that ID.
	ErrNotFound = errors.New("not found")
	// ErrInUse: the record is referred to by another one that must go first.
	ErrInUse = errors.New("still referred to by other records")
	// ErrNotParley: the file is not a Parley database (random bytes, another program's database).
	ErrNotParley = errors.New("this file is not a Parley database")
	// ErrDamaged: the file is a database but it is truncated or corrupt.
	ErrDamaged = errors.New("this Parley database is damaged")
	// ErrNewerSchema: the file was written by a newer Parley; it is left untouched.
	ErrNewerSchema = errors.New("this database was written by a newer version of Parley")
	// ErrLocked: another program (usually a second Parley window) holds the file.
	ErrLocked = errors.New("the database is open in another Parley window")
	// ErrReadOnly: the file or its folder cannot be written.
	ErrReadOnly = errors.New("the database file cannot be written (read-only file or disk)")
	// ErrDiskFull: the disk (or the database's size limit) is full; nothing was written.
	ErrDiskFull = errors.New("the disk is full")
	// ErrNoFTS: the binary was built without -tags sqlite_fts5.
	ErrNoFTS = errors.New("this copy of Parley was built without full-text search (build with -tags sqlite_fts5)")
)

// ValidationError names the record and the field that is wrong, in words a user can act on.
type ValidationError struct {
	Record string // e.g. `meeting "Tokyo round" (2b1f…)`
	Field  string // e.g. "when"
	Reason string // e.g. "2016-13-45 does not exist"
}

func (e *ValidationError) Error() string {
	if e.Record == "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("%s, field %s: %s", e.Record, e.Field, e.Reason)
}

// Status of a meeting. The history of changes is kept in Meeting.StatusHistory.
type Status string

const (
	StatusProposed  Status = "proposed"
	StatusTentative Status = "tentative"
	StatusScheduled Status = "scheduled"
	StatusHeld      Status = "held"
	StatusPostponed Status = "postponed"
	StatusCancelled Status = "cancelled"
)

// Statuses lists every status in the order a meeting usually passes through them.
var Statuses = []Status{StatusProposed, StatusTentative, StatusScheduled, StatusHeld, StatusPostponed, StatusCancelled}

// Format is the level or kind of a meeting.
type Format string

const (
	FormatWorkingLevel    Format = "working level"
	FormatViceMinisterial Format = "vice-ministerial"
	FormatMinisterial     Format = "ministerial"
	FormatSummit          Format = "summit"
	FormatForum           Format = "forum"
	FormatVisit           Format = "visit"
	FormatParliamentary   Format = "parliamentary"
	FormatOther           Format = "other"
)

// Formats lists every format, lowest level first.
var Formats = []Format{FormatWorkingLevel, FormatViceMinisterial, FormatMinisterial, FormatSummit, FormatForum, FormatVisit, FormatParliamentary, FormatOther}

// Role of an actor at a meeting.
type Role string

const (
	RoleHead        Role = "head of delegation"
	RoleMember      Role = "member"
	RoleHost        Role = "host"
	RoleCounterpart Role = "counterpart"
	RoleObserver    Role = "observer"
	RoleAdviser     Role = "adviser"
	RoleInterpreter Role = "interpreter"
	RoleNoteTaker   Role = "note-taker"
)

// Roles lists every participant role.
var Roles = []Role{RoleHead, RoleMember, RoleHost, RoleCounterpart, RoleAdviser, RoleInterpreter, RoleNoteTaker, RoleObserver}

// Track is a negotiation process, such as the Japan–Russia peace treaty talks.
type Track struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Parties []string  `json:"parties"`
	Summary string    `json:"summary"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Meeting is a talk, round, summit or visit.
type Meeting struct {
	ID              string    `json:"id"`
	TrackID         string    `json:"track_id,omitempty"`
	Title           string    `json:"title"`
	Format          Format    `json:"format,omitempty"`
	Status          Status    `json:"status"`
	When            FuzzyDate `json:"when"`
	DurationMinutes int       `json:"duration_minutes,omitempty"` // for exact times; 0 = not known
	Venue           string    `json:"venue,omitempty"`
	City            string    `json:"city,omitempty"`
	Country         string    `json:"country,omitempty"`
	Round           int       `json:"round,omitempty"`
	PreviousRoundID string    `json:"previous_round_id,omitempty"`
	Purpose         string    `json:"purpose,omitempty"`
	Objectives      []string  `json:"objectives,omitempty"`
	LinesToTake     []Line    `json:"lines_to_take,omitempty"` // the points to make
	Questions       []QA      `json:"questions,omitempty"`
	Background      string    `json:"background,omitempty"`
	Interpreters    string    `json:"interpreters,omitempty"`
	Press           string    `json:"press,omitempty"`
	Logistics       string    `json:"logistics,omitempty"` // format of the talks, seating, transport…
	Outcome         string    `json:"outcome,omitempty"`
	NextSteps       string    `json:"next_steps,omitempty"`
	// The negotiation's memory (negotiation.go): their side, the defensive lines, the press
	// line, the scenario and logistics, the parameters, the record and the commitments.
	TheirSide       []Ask              `json:"their_side,omitempty"`
	IfPressed       []string           `json:"if_pressed,omitempty"`
	LinesToAvoid    []string           `json:"lines_to_avoid,omitempty"`
	PressLine       PressLine          `json:"press_line,omitzero"`
	PressAccess     PressAccess        `json:"press_access,omitempty"`
	Agenda          []AgendaItem       `json:"agenda,omitempty"`
	Choreography    []ChoreographyNote `json:"choreography,omitempty"`
	InterpreterTeam []Interpreter      `json:"interpreter_team,omitempty"`
	RecordTaker     string             `json:"record_taker,omitempty"`
	Parameters      []Parameter        `json:"parameters,omitempty"`
	// ParametersLevel is the handling level of the parameters annex, by name; "" puts it one
	// level above the dossier's marking (restricted by default).
	ParametersLevel string       `json:"parameters_level,omitempty"`
	Record          Record       `json:"record,omitzero"`
	Commitments     []Commitment `json:"commitments,omitempty"`
	// ICalUID is the UID of the calendar event the meeting came from, when it was imported from
	// another calendar; empty for meetings made in Parley (their UID derives from ID).
	ICalUID string `json:"ical_uid,omitempty"`
	// Calendar is what Parley keeps of that calendar entry (empty for meetings made in Parley).
	Calendar      CalendarEntry  `json:"calendar,omitzero"`
	Participants  []Participant  `json:"participants,omitempty"`
	DisputeIDs    []string       `json:"dispute_ids,omitempty"`
	Tags          []string       `json:"tags,omitempty"`
	StatusHistory []StatusChange `json:"status_history,omitempty"`
	// Brief is the document control of the meeting's briefing pack.
	Brief   BriefControl `json:"brief,omitzero"`
	Created time.Time    `json:"created"`
	Updated time.Time    `json:"updated"`
}

// BriefControl is what a registry asks of a meeting's brief: its reference, who drafted it and
// who cleared it for issue, and when, and who receives it. The versions issued are kept apart
// (Store.PackIssues): a pack is issued many times, the control is one.
type BriefControl struct {
	Reference    string      `json:"reference,omitempty"` // e.g. EAD/JPN/2016/014
	Drafter      string      `json:"drafter,omitempty"`
	Drafted      PartialDate `json:"drafted,omitzero"`
	ClearedBy    string      `json:"cleared_by,omitempty"`
	Cleared      PartialDate `json:"cleared,omitzero"`
	Distribution []string    `json:"distribution,omitempty"` // one recipient (a person or a list) each
}

// CalendarEntry is what Parley keeps of the calendar entry an imported meeting came from: the
// entry's own version stamps, so that an organiser's update can be told from an old copy, and
// the meeting's Updated stamp when the entry was last applied, so that an edit made in Parley
// since then is known.
type CalendarEntry struct {
	Sequence int       `json:"sequence,omitempty"` // SEQUENCE as last applied
	Modified time.Time `json:"modified,omitzero"`  // LAST-MODIFIED as last applied
	Created  time.Time `json:"created,omitzero"`   // CREATED
	Synced   time.Time `json:"synced,omitzero"`    // Meeting.Updated when the entry was last applied
	Transp   string    `json:"transp,omitempty"`   // TRANSP: OPAQUE or TRANSPARENT
	Class    string    `json:"class,omitempty"`    // CLASS: PUBLIC, PRIVATE, CONFIDENTIAL…
}

// EditedSinceImport reports whether the meeting was changed in Parley after its calendar entry
// was last applied. A meeting never imported (Synced zero) reports false.
func (m Meeting) EditedSinceImport() bool {
	return !m.Calendar.Synced.IsZero() && m.Updated.After(m.Calendar.Synced)
}

// QA is an anticipated question with the answer the delegation prepared.
type QA struct {
	Question string `json:"question"`
	Answer   string `json:"answer"`
}

// Participant is an actor at a meeting in a role.
type Participant struct {
	ActorID string `json:"actor_id"`
	Role    Role   `json:"role"`
	Note    string `json:"note,omitempty"`
	// Principal marks someone the pack profiles in full although they do not head a
	// delegation (a minister's special envoy, say).
	Principal bool `json:"principal,omitempty"`
}

// IsPrincipal reports whether the pack gives this participant a full profile: those who head
// a side — heads of delegation, hosts, counterparts (the other side's head) — and those
// marked principal.
func (p Participant) IsPrincipal() bool {
	return p.Principal || p.Role == RoleHead || p.Role == RoleHost || p.Role == RoleCounterpart
}

// StatusChange records one change of a meeting's status, so a postponement stays on record
// with the date the meeting had when it was postponed.
type StatusChange struct {
	Recorded time.Time `json:"recorded"`
	From     Status    `json:"from,omitempty"`
	To       Status    `json:"to"`
	Reason   string    `json:"reason,omitempty"`
	SourceID string    `json:"source_id,omitempty"`
	// When is the meeting's date as it stood at the change ("was 2014").
	When FuzzyDate `json:"when"`
	// Happened is when the change was decided or announced, if the user said; Recorded is
	// only when it was typed in.
	Happened PartialDate `json:"happened,omitzero"`
}

// Dated is the day the change is known by: when it happened, else when it was recorded.
func (sc StatusChange) Dated() PartialDate {
	if !sc.Happened.IsZero() {
		return sc.Happened
	}
	t := sc.Recorded
	return PartialDate{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// MeetingSummary is the part of a meeting lists and calendars need.
type MeetingSummary struct {
	ID      string    `json:"id"`
	TrackID string    `json:"track_id,omitempty"`
	Title   string    `json:"title"`
	Format  Format    `json:"format,omitempty"`
	Status  Status    `json:"status"`
	When    FuzzyDate `json:"when"`
	Venue   string    `json:"venue,omitempty"`
	City    string    `json:"city,omitempty"`
	Country string    `json:"country,omitempty"`
	Round   int       `json:"round,omitempty"`
	// PostponedFrom is the date the meeting had before its latest postponement, if any.
	PostponedFrom FuzzyDate `json:"postponed_from"`
}

// MeetingFilter selects meetings. Zero fields select everything. A meeting matches a date
// window when its [Lower, Upper) overlaps [From, To).
type MeetingFilter struct {
	TrackID  string
	Statuses []Status
	From, To time.Time
	Text     string // words in title, venue, city, country (case-insensitive substring)
	Limit    int    // 0 = no limit
}

// ActorKind tells a person from an organisation.
type ActorKind string

const (
	ActorPerson       ActorKind = "person"
	ActorOrganisation ActorKind = "organisation"
)

// Actor is a person or organisation in the talks.
type Actor struct {
	ID            string     `json:"id"`
	Kind          ActorKind  `json:"kind"`
	Name          string     `json:"name"`                  // display name, Latin script
	NativeName    string     `json:"native_name,omitempty"` // e.g. 岸田文雄, Игорь Моргулов
	OtherNames    []string   `json:"other_names,omitempty"` // spellings, transliterations
	Pronunciation string     `json:"pronunciation,omitempty"`
	Country       string     `json:"country,omitempty"` // the side they are on
	Organisation  string     `json:"organisation,omitempty"`
	Title         string     `json:"title,omitempty"` // current title
	Posts         []Post     `json:"posts,omitempty"`
	Role          string     `json:"role,omitempty"` // role in this negotiation
	Biography     string     `json:"biography,omitempty"`
	Stance        string     `json:"stance,omitempty"`    // stance and interests
	Photo         []byte     `json:"photo,omitempty"`     // PNG or JPEG
	Relations     []Relation `json:"relations,omitempty"` // outgoing; see Store.RelationsOf for both directions
	Tags          []string   `json:"tags,omitempty"`
	Created       time.Time  `json:"created"`
	Updated       time.Time  `json:"updated"`
}

// Post is one position an actor held.
type Post struct {
	Title        string      `json:"title"`
	Organisation string      `json:"organisation,omitempty"`
	From         PartialDate `json:"-"`
	To           PartialDate `json:"-"`              // zero = still holds it
	FromText     string      `json:"from,omitempty"` // ISO form of From, for JSON
	ToText       string      `json:"to,omitempty"`
}

// Relation is a typed, directed tie: the actor is Kind ("close aide of") of ActorID.
type Relation struct {
	ActorID string `json:"actor_id"`
	Kind    string `json:"kind"`
	Note    string `json:"note,omitempty"`
}

// RelationView is a relation seen from one actor, in either direction.
type RelationView struct {
	Outgoing  bool // true: this actor is Kind of Other; false: Other is Kind of this actor
	Kind      string
	Note      string
	OtherID   string
	OtherName string
}

// Dispute is a fact sheet about a disputed question, typically a territory.
type Dispute struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Names         []PlaceName `json:"names,omitempty"`
	Administrator string      `json:"administrator,omitempty"` // who holds it
	Claimants     []string    `json:"claimants,omitempty"`     // who claims it
	Summary       string      `json:"summary,omitempty"`
	Facts         []KeyFact   `json:"facts,omitempty"`
	Positions     []Position  `json:"positions,omitempty"`
	// PastPositions are the positions the parties held before, oldest first: kept by
	// UpdateDispute whenever a party's position changes or goes.
	PastPositions []PastPosition `json:"past_positions,omitempty"`
	Timeline      []Event        `json:"timeline,omitempty"`
	Tags          []string       `json:"tags,omitempty"`
	Created       time.Time      `json:"created"`
	Updated       time.Time      `json:"updated"`
}

// PlaceName is what one party calls the disputed place.
type PlaceName struct {
	Party    string `json:"party"`
	Name     string `json:"name"`
	Language string `json:"language,omitempty"` // e.g. "ja", "ru", "en"
	Native   string `json:"native,omitempty"`   // the name in its own script, e.g. 北方領土
}

// KeyFact is one labelled fact with its provenance.
type KeyFact struct {
	Label    string `json:"label"`
	Value    string `json:"value"`
	SourceID string `json:"source_id,omitempty"`
	// Added is when the fact was first recorded (zero for facts older than Parley 0.3).
	Added time.Time `json:"added,omitzero"`
}

// Position is one party's position on the dispute.
type Position struct {
	Party string `json:"party"`
	Text  string `json:"text"`
	// Since is when the party's position became this text (zero when not known).
	Since time.Time `json:"since,omitzero"`
}

// PastPosition is a position a party held from Since until Until.
type PastPosition struct {
	Party string    `json:"party"`
	Text  string    `json:"text"`
	Since time.Time `json:"since,omitzero"`
	Until time.Time `json:"until"`
}

// Event is a dated entry in a dispute's timeline.
type Event struct {
	When     FuzzyDate `json:"when"`
	Text     string    `json:"text"`
	SourceID string    `json:"source_id,omitempty"`
}

// Statement is something an actor said, with where and when.
type Statement struct {
	ID        string    `json:"id"`
	ActorID   string    `json:"actor_id"`
	Text      string    `json:"text"`
	When      FuzzyDate `json:"when"`
	Occasion  string    `json:"occasion,omitempty"` // place or occasion
	MeetingID string    `json:"meeting_id,omitempty"`
	DisputeID string    `json:"dispute_id,omitempty"`
	SourceID  string    `json:"source_id,omitempty"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
}

// Source is where a fact or quote comes from.
type Source struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Publisher   string    `json:"publisher,omitempty"`
	Published   FuzzyDate `json:"published"`
	Reference   string    `json:"reference,omitempty"` // URL or citation
	Reliability string    `json:"reliability,omitempty"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

// Citation is one record that cites a source.
type Citation struct {
	Kind  string // "statement", "dispute fact", "timeline entry", "status change"
	ID    string // the record's ID (a statement, dispute or meeting)
	Title string // what to show
}

// Hit is one search result.
type Hit struct {
	Kind    string  `json:"kind"` // "meeting", "actor", "dispute", "statement", "source", "track"
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"` // with the matched words between [ and ]
	Rank    float64 `json:"rank"`    // lower is better (bm25)
	// Why says why a meeting was found when its participants' names matched: "Igor Morgulov
	// takes part". Empty when the record's own text matched alone.
	Why string `json:"why,omitempty"`
}
