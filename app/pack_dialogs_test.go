package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// The pack dialog makes an audience's pack, issued as the next version in numbered copies,
// and then offers an addendum to that version for the same audience.
func TestPackDialogIssuesForAnAudience(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	dir := t.TempDir()
	var asked []string
	u.askSave = func(_, _, name string, _ []string, picked func(string)) {
		asked = append(asked, name)
		picked(filepath.Join(dir, name))
	}
	m, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)

	u.exportPack(m)
	dlg := overlay(t, u)
	sels := find[*widget.Select](dlg)
	require.Len(t, sels, 1)
	assert.Equal(t, []string{packEverything, "Up to OFFICIAL — leaves out what is marked above it",
		"Up to OFFICIAL-SENSITIVE — leaves out what is marked above it"}, sels[0].Options)
	sels[0].SetSelected("Up to OFFICIAL — leaves out what is marked above it")
	radios := find[*widget.RadioGroup](dlg)
	require.Len(t, radios, 1)
	assert.Equal(t, []string{packDraft, "Issue as version 1 (recorded in the dossier)"}, radios[0].Options, "no addendum before a first issue")
	radios[0].SetSelected("Issue as version 1 (recorded in the dossier)")
	copies := find[*widget.Entry](dlg)
	require.Len(t, copies, 1)
	copies[0].SetText("2")
	tapButton(t, dlg, "Choose where to save…")

	require.Len(t, asked, 1)
	done := texts(overlay(t, u))
	assert.Contains(t, done, "2 numbered copies of the briefing pack")
	assert.Contains(t, done, "It is issued as version 1. 4 items above OFFICIAL were left out.")
	base := strings.TrimSuffix(asked[0], ".pdf")
	for _, k := range []string{"1", "2"} {
		_, err := os.Stat(filepath.Join(dir, base+" (copy "+k+" of 2).pdf"))
		require.NoError(t, err)
	}
	issues, err := st.PackIssues(ctx, m.ID)
	require.NoError(t, err)
	require.Len(t, issues, 1)
	assert.Equal(t, "OFFICIAL", issues[0].UpTo)
	tapButton(t, overlay(t, u), "Close")

	// An addendum takes its version's audience, which the dialog then shows and holds.
	u.exportPack(m)
	dlg = overlay(t, u)
	radios = find[*widget.RadioGroup](dlg)
	require.Len(t, radios, 1)
	require.Len(t, radios[0].Options, 3)
	radios[0].SetSelected(radios[0].Options[2])
	sel := find[*widget.Select](dlg)[0]
	assert.Equal(t, "Up to OFFICIAL — leaves out what is marked above it", sel.Selected)
	assert.True(t, sel.Disabled())
	find[*widget.Entry](dlg)[0].SetText("1")
	tapButton(t, dlg, "Choose where to save…")
	assert.Contains(t, texts(overlay(t, u)), "It is issued as addendum 1 to version 1.")
}

// The copies field refuses what is not a number of copies, and nothing is written.
func TestPackDialogRefusesAbsurdCopies(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	u.askSave = func(string, string, string, []string, func(string)) {
		t.Fatal("asked where to save despite a refused field")
	}
	m, err := st.Meeting(context.Background(), sample.TokyoRoundID)
	require.NoError(t, err)
	u.exportPack(m)
	dlg := overlay(t, u)
	e := find[*widget.Entry](dlg)[0]
	for _, bad := range []string{"0", "many", "100000"} {
		e.SetText(bad)
		assert.Error(t, e.Validate(), bad)
	}
}

// File → Handling marks… saves the marking, levels and caveats together, and refuses levels
// it cannot read.
func TestHandlingMarksDialog(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	u.onHandlingMarks()
	dlg := overlay(t, u)
	entries := find[*widget.Entry](dlg)
	require.Len(t, entries, 3) // marking, levels, caveats
	assert.Equal(t, sample.Marking, entries[0].Text)
	assert.Equal(t, "OFFICIAL (O)\nOFFICIAL-SENSITIVE (OS)\nSECRET (S)", entries[1].Text)

	entries[1].SetText("OFFICIAL")
	assert.Error(t, entries[1].Validate(), "a level needs its abbreviation")
	entries[1].SetText("RESTRICTED (R)\nCONFIDENTIAL (C)")
	entries[0].SetText("RESTRICTED")
	caveat := find[*widget.Select](dlg)[0]
	caveat.SetSelected("UK EYES ONLY")
	assert.Equal(t, "RESTRICTED — UK EYES ONLY", entries[0].Text, "a caveat picked is added to the marking")
	tapButton(t, dlg, "Save")

	for key, want := range map[string]string{"marking": "RESTRICTED — UK EYES ONLY", "levels": "RESTRICTED (R)\nCONFIDENTIAL (C)", "caveats": ""} {
		got, err := st.Setting(ctx, key)
		require.NoError(t, err)
		assert.Equal(t, want, got, key)
	}
}

// The meeting page keeps the brief's document control, principals and the order of
// precedence, and refuses a drafting date that does not exist.
func TestMeetingPageKeepsBriefControl(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	p := newMeetingPage(u, sample.TokyoRoundID)
	u.push(p)
	before, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(before.Participants), 2)

	test.Type(p.reference, "EAD/JPN/2016/014")
	test.Type(p.drafter, "J. Smith, Japan desk")
	test.Type(p.drafted, "31 Feb 2016")
	test.Type(p.distribution, "Private Office\nEmbassy Tokyo\n")
	test.Tap(p.saveBtn)
	assert.True(t, p.dirty(), "an impossible date is not saved")
	p.drafted.SetText("17 Jun 2016")
	checks := find[*widget.Check](p.partBox)
	require.Len(t, checks, len(before.Participants))
	checks[1].SetChecked(true)
	p.moveParticipant(1, 0)
	test.Tap(p.saveBtn)
	assert.False(t, p.dirty())

	got, err := st.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, storage.BriefControl{Reference: "EAD/JPN/2016/014", Drafter: "J. Smith, Japan desk",
		Drafted: storage.PartialDate{Year: 2016, Month: 6, Day: 17}, Distribution: []string{"Private Office", "Embassy Tokyo"}}, got.Brief)
	assert.Equal(t, before.Participants[1].ActorID, got.Participants[0].ActorID, "moved up")
	assert.True(t, got.Participants[0].Principal)
	assert.Equal(t, "2016-06-17", p.drafted.Text, "the saved date shows as stored")
}
