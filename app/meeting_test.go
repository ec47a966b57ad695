package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// saveVladivostokWhen opens the Vladivostok meeting, types when, clock and zone into its When,
// Time and Time zone, and saves.
func saveVladivostokWhen(u *ui, when, clock, zone string) *meetingPage {
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	p.when.SetText(when)
	p.timeOfDay.SetText(clock)
	p.zone.SetText(zone)
	p.save(func() {})
	return p
}

// The meeting's When, Time and Time zone take dates and zones as people write them, and
// show what was stored after Save, so that the three never contradict each other.
func TestMeetingDatesAsPeopleWriteThem(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_TIME", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	for _, tc := range []struct {
		name                 string
		when, clock, zone    string
		stored               string // Text() of the stored date
		shownWhen, shownTime string
		shownZone            string
	}{
		{"a month in words", "October 2016", "", "", "2016-10", "2016-10", "", ""},
		{"a deadline as printed", "by end of 2016", "", "", "by 2016", "by 2016", "", ""},
		{"a quarter", "Q3 2016", "", "", "2016-07..2016-09", "2016-07..2016-09", "", ""},
		{"a day in words with a time and a city", "22 Jun 2016", "10:00", "Tokyo", "2016-06-22 10:00 Asia/Tokyo",
			"2016-06-22", "10:00", "Asia/Tokyo"},
		{"all of it in When", "2016-10-05 10:00 Europe/Moscow", "", "", "2016-10-05 10:00 Europe/Moscow",
			"2016-10-05", "10:00", "Europe/Moscow"},
		{"a country's only zone", "5 Oct 2016", "10:00", "Japan", "2016-10-05 10:00 Asia/Tokyo", "2016-10-05", "10:00", "Asia/Tokyo"},
		{"approximate", "around 2016", "", "", "c. 2016", "c. 2016", "", ""},
		{"approximate month", "about June 2016", "", "", "c. 2016-06", "c. 2016-06", "", ""},
		{"a month and the venue's zone", "Oct 2016", "", "Moscow", "2016-10", "2016-10", "", "Europe/Moscow"},
		{"a range and the venue's zone", "Q3 2016", "", "Europe/Moscow", "2016-07..2016-09", "2016-07..2016-09", "", "Europe/Moscow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			p := saveVladivostokWhen(u, tc.when, tc.clock, tc.zone)
			require.Empty(t, p.fs.errorOf("when"))
			require.Empty(t, p.fs.errorOf("time"))
			require.Empty(t, p.fs.errorOf("zone"))
			m, err := st.Meeting(context.Background(), sample.VladivostokID)
			require.NoError(t, err)
			assert.Equal(t, tc.stored, m.When.Text())
			assert.Equal(t, tc.shownWhen, p.when.Text)
			assert.Equal(t, tc.shownTime, p.timeOfDay.Text)
			assert.Equal(t, tc.shownZone, p.zone.Text)
			assert.False(t, p.dirty())
		})
	}
}

func TestMeetingDatesRefused(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_TIME", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	for _, tc := range []struct{ name, when, clock, zone, field, msg string }{
		{"numeric and ambiguous", "03/04/2016", "", "", "when", "may be Sun 3 Apr 2016 or Fri 4 Mar 2016"},
		{"the wrong weekday", "Thu 22 Jun 2016", "", "", "when", "was a Wednesday"},
		{"a zone shared by three countries", "22 Jun 2016", "10:00", "IST", "zone", "India, Ireland or Israel"},
		{"a time twice", "22 Jun 2016 10:00 Tokyo", "10:00", "Tokyo", "time", "already has a time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			before, err := st.Meeting(context.Background(), sample.VladivostokID)
			require.NoError(t, err)
			p := saveVladivostokWhen(u, tc.when, tc.clock, tc.zone)
			assert.Contains(t, p.fs.errorOf(tc.field), tc.msg)
			after, err := st.Meeting(context.Background(), sample.VladivostokID)
			require.NoError(t, err)
			assert.Equal(t, before.When, after.When, "nothing was saved")
		})
	}
}

func TestNumericOrderFollowsTheLocale(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want storage.NumericOrder
	}{{"en_GB.UTF-8", storage.DayFirst}, {"en_US.UTF-8", storage.MonthFirst}, {"de_DE", storage.DayFirst}, {"", storage.DayFirst}} {
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_TIME", "")
		t.Setenv("LANG", tc.lang)
		assert.Equal(t, tc.want, numericOrder(), tc.lang)
	}
}

// The time-zone picker offers zones by city and country as the user types.
func TestZonePickerTypeAhead(t *testing.T) {
	assert.Contains(t, zoneOptions("moscow"), "Europe/Moscow")
	assert.Equal(t, []string{"Asia/Tokyo"}, zoneOptions("Japan"), "a country with one zone")
	assert.Empty(t, zoneOptions("Atlantis"))
	assert.LessOrEqual(t, len(zoneOptions("a")), 12, "at most a screenful")
	assert.Empty(t, zoneOptions(" "))

	u, _ := newTestUI(t, afterSample)
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	test.Type(p.zone, "Japan")
	assert.Empty(t, p.fs.errorOf("zone"), "a country with one zone is a zone")
	p.zone.SetText("")
	test.Type(p.zone, "Atlantis")
	assert.Contains(t, p.fs.errorOf("zone"), "not a known time zone")
}

// A corrected date's error goes as the user corrects it, without another Save.
func TestCorrectedDateErrorGoes(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	p.when.SetText("31 June 2016")
	p.save(func() {})
	require.Contains(t, p.fs.errorOf("when"), "does not exist")
	p.when.SetText("30 June 2016")
	assert.Empty(t, p.fs.errorOf("when"), "the error went with the mistake")
}

// A status message that says what happened fades; the latest one only.
func TestStatusMessagesFade(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	var due []func()
	u.later = func(_ time.Duration, f func()) { due = append(due, f) }
	u.statusLife = time.Second
	u.setStatus("Saved “Tokyo round”")
	require.Len(t, due, 1)
	due[0]()
	assert.Empty(t, u.status.Text, "it faded")

	u.setStatus("Exported to dossier.json")
	u.setStatus("Opened w1.db")
	for _, f := range due[1:] {
		f()
	}
	assert.Empty(t, u.status.Text, "the latest faded in its own time")
	due = nil
	u.setStatus("Exported to dossier.json")
	u.setStatus("Opened w1.db")
	due[0]()
	assert.Equal(t, "Opened w1.db", u.status.Text, "an older message's time does not clear a newer one")
	u.busyStart("Writing the briefing pack…")
	due[1]()
	assert.Equal(t, "Writing the briefing pack…", u.status.Text, "nor work still running")
	u.busyStop()
}

// The add-participant list narrows on every name an actor goes by, in any script, reading
// the actors that match from the store as the user types.
func TestActorPickerNarrows(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	k := newActorPicker(u)
	morgulov, harada := "Igor Morgulov — Deputy Minister of Foreign Affairs",
		"Chikahito Harada — Government Representative and Ambassador in charge of Japan–Russia Relations"
	assert.Len(t, k.offered, 6, "every actor of the sample before anything is typed")
	for _, tc := range []struct {
		typed string
		want  []string
	}{
		{"Морг", []string{morgulov}},
		{"原田", []string{harada}},
		{"harada ambassador", []string{harada}},
		{"igor vladimirovich", []string{morgulov}},
		{"lavrov", []string{}},
		{morgulov, []string{morgulov}},
	} {
		k.entry.SetText(tc.typed)
		assert.Equal(t, tc.want, k.offered, tc.typed)
	}
	a, ok := k.chosen()
	require.True(t, ok, "a label offered names its actor")
	assert.Equal(t, sample.MorgulovID, a.ID)
	assert.NoError(t, k.entry.Validate())
	k.entry.SetText("Igor")
	_, ok = k.chosen()
	assert.False(t, ok)
	assert.Error(t, k.entry.Validate(), "what is typed must be chosen from the list")
}

// A picker reads at most pickedActors: a big dossier's are looked up as the user types.
func TestActorPickerLimits(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range pickedActors + 5 {
		require.NoError(t, st.CreateActor(ctx, &storage.Actor{Kind: storage.ActorPerson, Name: fmt.Sprintf("Zed Clerk %03d", i)}))
	}
	k := newActorPicker(u)
	assert.Len(t, k.offered, pickedActors)
	k.entry.SetText("clerk 01")
	want := []string{"Zed Clerk 001"}
	for i := 10; i < 20; i++ {
		want = append(want, fmt.Sprintf("Zed Clerk %03d", i))
	}
	assert.Equal(t, want, k.offered)
	k.entry.SetText("clerk 054")
	assert.Equal(t, []string{"Zed Clerk 054"}, k.offered)
}

// A meeting in a zone of Parley's own (the rules of a calendar file's zone that no IANA zone
// agrees with) shows the zone by its name and keeps it through a change of time on its page.
func TestMeetingInAZoneOfItsOwn(t *testing.T) {
	t.Setenv("LANG", "en_GB.UTF-8")
	rules := storage.ZoneRules{Initial: storage.ZoneOffset{Offset: -(7*3600 + 41*60), Abbr: "-0741"}}
	name, err := storage.DefineZone("Nowhere/Middle", rules)
	require.NoError(t, err)
	rules, _ = storage.DefinedZone(name)
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	m, err := st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	m.When, err = storage.ParseFuzzyDate("2016-09-02 10:00 " + name)
	require.NoError(t, err)
	_, err = st.ImportDossier(ctx, &storage.Dossier{Zones: []storage.ZoneRules{rules}})
	require.NoError(t, err)
	require.NoError(t, st.UpdateMeeting(ctx, &m))

	p := openMeeting(t, u, sample.VladivostokID)
	assert.Equal(t, "2016-09-02", p.when.Text)
	assert.Equal(t, "10:00", p.timeOfDay.Text)
	assert.Equal(t, name, p.zone.Text)
	p.timeOfDay.SetText("15:30")
	p.save(func() {})
	require.Empty(t, p.fs.errorOf("zone"))
	require.Empty(t, p.fs.errorOf("time"))
	got, err := st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, "2016-09-02 15:30 "+name, got.When.Text())
	assert.Equal(t, "2016-09-02T23:11:00Z", got.When.At.UTC().Format(time.RFC3339), "15:30 at −07:41")
	assert.Equal(t, name, p.zone.Text)
}

// A meeting known only to a month keeps its venue's zone: When "Oct 2016" with Time zone
// "Moscow" saves (the two messages used to send the user round in a circle: give a time — a
// time needs a full date), the zone is stored with the month, comes back in the form, and is
// the zone of the time given once the day is known.
func TestMonthKeepsTheVenuesZone(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_TIME", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	ctx := context.Background()
	u, st := newTestUI(t, afterSample)
	p := saveVladivostokWhen(u, "Oct 2016", "", "Moscow")
	for _, f := range []string{"when", "time", "zone"} {
		assert.Empty(t, p.fs.errorOf(f), f)
	}
	m, err := st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, storage.DateMonth, m.When.Kind)
	assert.Equal(t, "Europe/Moscow", m.When.Zone)
	assert.Equal(t, "Oct 2016", m.When.String(), "the zone is not part of the date shown")

	// Opened again, the zone is in its field.
	p = newMeetingPage(u, sample.VladivostokID)
	u.push(p)
	assert.Equal(t, "2016-10", p.when.Text)
	assert.Equal(t, "Europe/Moscow", p.zone.Text)
	assert.False(t, p.dirty())

	// A time on the month still needs the day, and only that is said.
	p.timeOfDay.SetText("10:00")
	p.save(func() {})
	assert.Contains(t, p.fs.errorOf("when"), "full date")
	assert.Empty(t, p.fs.errorOf("zone"), "the zone is not asked for again")

	// Given the day, the time is on the venue's zone already there.
	p.when.SetText("5 Oct 2016")
	p.save(func() {})
	m, err = st.Meeting(ctx, sample.VladivostokID)
	require.NoError(t, err)
	assert.Equal(t, "2016-10-05 10:00 Europe/Moscow", m.When.Text())

	// A zone without any date is asked about under When, not under Time.
	p.when.SetText("")
	p.timeOfDay.SetText("")
	p.save(func() {})
	assert.Contains(t, p.fs.errorOf("when"), "Give the date as well")
	assert.Empty(t, p.fs.errorOf("time"))
}

// The status history names the sources of its changes, read by ID when the meeting opens and
// again when a change is recorded; the status dialog offers every source.
func TestStatusHistoryNamesItsSources(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	src, err := st.Source(ctx, sample.ArticleSourceID)
	require.NoError(t, err)
	p := openMeeting(t, u, sample.MoscowRoundID)
	p.onChangeStatus()
	dlg := overlay(t, u)
	sels := find[*widget.Select](dlg)
	require.Len(t, sels, 2) // new status, source
	assert.Contains(t, sels[1].Options, src.Title, "every source offered")
	p.recordStatus(storage.StatusPostponed, "Postponed at their request", src.ID, storage.PartialDate{})
	assert.Contains(t, texts(p.historyBox), "Source: "+src.Title)

	again := openMeeting(t, u, sample.MoscowRoundID)
	assert.Contains(t, texts(again.historyBox), "Source: "+src.Title)
}

// A dossier of many disputes offers boxes for the meeting's own and the others in a
// drop-down; one chosen there is ticked, and saved with the meeting.
func TestManyDisputesOfferedInADropDown(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range boxedDisputes {
		require.NoError(t, st.CreateDispute(ctx, &storage.Dispute{Title: fmt.Sprintf("Fishing zone %02d", i)}))
	}
	p := openMeeting(t, u, sample.TokyoRoundID)
	stored, err := st.Dispute(ctx, sample.DisputeID)
	require.NoError(t, err)
	assert.Equal(t, []string{stored.Title}, p.disputes.Options, "a box for the meeting's own dispute")
	assert.Equal(t, []string{stored.Title}, p.disputes.Selected)
	assert.True(t, p.linkDispute.Visible())
	assert.Contains(t, p.linkDispute.Options, "Fishing zone 07")
	assert.False(t, p.dirty())

	p.linkDispute.SetSelected("Fishing zone 07")
	assert.ElementsMatch(t, []string{stored.Title, "Fishing zone 07"}, p.disputes.Selected)
	assert.NotContains(t, p.linkDispute.Options, "Fishing zone 07")
	assert.True(t, p.dirty())
	p.disputes.SetSelected([]string{"Fishing zone 07"}) // untick the first: its box stays
	assert.Contains(t, p.disputes.Options, stored.Title)
	u.saveCurrent()
	m, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	require.Len(t, m.DisputeIDs, 1)
	d, err := st.Dispute(ctx, m.DisputeIDs[0])
	require.NoError(t, err)
	assert.Equal(t, "Fishing zone 07", d.Title)
}
