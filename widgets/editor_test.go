package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var linesToTake = []string{
	"Japan seeks a peace treaty that settles the attribution of the four islands",
	"Joint economic activity must not prejudice either side's legal position",
	"The Tokyo round prepares the Abe–Putin meeting in Vladivostok in September",
}

// find returns the objects of type T under o (including o), in layout order.
func find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	for _, c := range test.LaidOutObjects(o) {
		if v, ok := c.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// entries are the entries under o, in layout order: plain ones and those of text areas.
func entries(t *testing.T, o fyne.CanvasObject) []*widget.Entry {
	t.Helper()
	var out []*widget.Entry
	for _, c := range test.LaidOutObjects(o) {
		switch v := c.(type) {
		case *widget.Entry:
			out = append(out, v)
		case *TextArea:
			out = append(out, &v.Entry)
		}
	}
	return out
}

// showGolden puts o alone in a window of size and checks that it renders as the golden.
func showGolden(t *testing.T, o fyne.CanvasObject, size fyne.Size, golden string) fyne.Window {
	t.Helper()
	w := test.NewTempWindow(t, o)
	w.Resize(size)
	// A text area's height follows its width, which it learns from the layout that asked its
	// height; the window lays out again at the next frame what changed its minimum (the test
	// canvas does not), as here.
	w.Resize(size.AddWidthHeight(1, 0))
	w.Resize(size)
	test.AssertRendersToMarkup(t, golden, w.Canvas())
	return w
}

func TestStringListEditor(t *testing.T) {
	newTestApp(t)
	e := NewStringListEditor(linesToTake)
	var got [][]string
	e.OnChanged = func(items []string) { got = append(got, items) }
	w := showGolden(t, e, fyne.NewSize(600, 300), "editor/lines.xml")

	rows := e.ed.rows
	require.Len(t, rows, 3)
	assert.True(t, rows[0].up.Disabled(), "the first row cannot move up")
	assert.True(t, rows[2].down.Disabled(), "the last row cannot move down")

	test.Tap(rows[2].up)
	want := []string{linesToTake[0], linesToTake[2], linesToTake[1]}
	assert.Equal(t, want, got[len(got)-1])

	test.Tap(e.ed.rows[0].down)
	want = []string{linesToTake[2], linesToTake[0], linesToTake[1]}
	assert.Equal(t, want, got[len(got)-1])

	test.Tap(e.ed.rows[1].remove)
	want = []string{linesToTake[2], linesToTake[1]}
	assert.Equal(t, want, got[len(got)-1])
	assert.Equal(t, want, e.Items())

	// Add makes a blank row and gives it the keyboard; typing into it is reported.
	test.Tap(e.ed.add)
	assert.Equal(t, append(want, ""), got[len(got)-1])
	es := entries(t, e)
	require.Len(t, es, 3)
	assert.Equal(t, es[2], w.Canvas().Focused())
	test.Type(es[2], "Putin visit by end of 2016")
	want = append(want, "Putin visit by end of 2016")
	assert.Equal(t, want, got[len(got)-1])
	assert.Equal(t, want, e.Items())

	// The list handed out is a copy.
	got[len(got)-1][0] = "changed"
	assert.Equal(t, linesToTake[2], e.Items()[0])

	// SetItems replaces the rows without reporting.
	n := len(got)
	e.SetItems([]string{"one"})
	assert.Len(t, got, n)
	assert.Len(t, entries(t, e), 1)
	assert.True(t, e.ed.rows[0].up.Disabled())
	assert.True(t, e.ed.rows[0].down.Disabled())
}

func TestStringListEditorOptions(t *testing.T) {
	newTestApp(t)
	e := NewStringListEditor([]string{""})
	e.SetPlaceHolder("Spelling")
	e.SetMultiLine(true)
	e.SetAddText("Add spelling")
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(400, 200))
	es := entries(t, e)
	require.Len(t, es, 1)
	assert.Equal(t, "Spelling", es[0].PlaceHolder)
	assert.True(t, es[0].MultiLine)
	assert.Equal(t, "Add spelling", e.ed.add.Text)
}

func TestQAEditor(t *testing.T) {
	newTestApp(t)
	qas := []QA{
		{Question: "Will Japan accept the return of two islands only?", Answer: "Our position on the four islands is unchanged."},
		{Question: "Is a visit by President Putin agreed?", Answer: "Both leaders want it by the end of 2016; no date is fixed."},
	}
	e := NewQAEditor(qas)
	var got [][]QA
	e.OnChanged = func(items []QA) { got = append(got, items) }
	showGolden(t, e, fyne.NewSize(600, 400), "editor/qa.xml")

	test.Tap(e.ed.rows[1].up)
	assert.Equal(t, []QA{qas[1], qas[0]}, got[len(got)-1])

	test.Tap(e.ed.add)
	require.Len(t, e.Items(), 3)
	es := entries(t, e)
	require.Len(t, es, 6, "a question and an answer per row")
	test.Type(es[4], "Fisheries?")
	test.Type(es[5], "Talks continue.")
	assert.Equal(t, QA{Question: "Fisheries?", Answer: "Talks continue."}, got[len(got)-1][2])

	test.Tap(e.ed.rows[0].remove)
	assert.Equal(t, []QA{qas[0], {Question: "Fisheries?", Answer: "Talks continue."}}, e.Items())
	assert.Equal(t, e.Items(), got[len(got)-1])

	e.SetAddText("Add a question")
	assert.Equal(t, "Add a question", e.ed.add.Text)
}

// islandNames are the names of the disputed islands by party: party, name, language, native.
var islandNames = [][]string{
	{"Japan", "Northern Territories", "ja", "北方領土"},
	{"Russia", "Southern Kurils", "ru", "Южные Курилы"},
	{"Ainu", "Kuril islands", "ain", ""},
}

func newNamesEditor() *TableEditor {
	e := NewTableEditor(
		TableColumn{Hint: "party", Width: 100},
		TableColumn{Hint: "name"},
		TableColumn{Hint: "language", Width: 60},
		TableColumn{Hint: "in its own script"},
	)
	e.SetRows(islandNames)
	return e
}

func TestTableEditor(t *testing.T) {
	newTestApp(t)
	e := newNamesEditor()
	var got [][][]string
	e.OnChanged = func(rows [][]string) { got = append(got, rows) }
	w := showGolden(t, e, fyne.NewSize(700, 300), "editor/table.xml")
	assert.Empty(t, got, "SetRows does not report")
	assert.Equal(t, islandNames, e.Rows())

	rows := e.ed.rows
	require.Len(t, rows, 3)
	assert.True(t, rows[0].up.Disabled(), "the first row cannot move up")
	assert.True(t, rows[2].down.Disabled(), "the last row cannot move down")
	es := entries(t, e)
	require.Len(t, es, 12, "an entry per column and row")
	assert.Equal(t, "party", es[0].PlaceHolder)
	assert.Equal(t, "Northern Territories", es[1].Text)
	assert.Less(t, es[0].Size().Width, es[1].Size().Width, "a fixed column beside a shared one")
	assert.Equal(t, es[0].Size().Width, es[4].Size().Width, "the rows line up")

	test.Tap(e.ed.rows[2].up)
	want := [][]string{islandNames[0], islandNames[2], islandNames[1]}
	assert.Equal(t, want, got[len(got)-1])
	test.Tap(e.ed.rows[0].down)
	want = [][]string{islandNames[2], islandNames[0], islandNames[1]}
	assert.Equal(t, want, got[len(got)-1])
	assert.Equal(t, want, e.Rows(), "the values come back in the new order")
	assert.Equal(t, "Kuril islands", entries(t, e)[1].Text, "the inputs follow the rows")

	test.Tap(e.ed.rows[1].remove)
	want = [][]string{islandNames[2], islandNames[1]}
	assert.Equal(t, want, got[len(got)-1])
	assert.Equal(t, want, e.Rows())

	// Add makes a blank row and gives its first input the keyboard; typing is reported.
	e.SetAddText("Add a name")
	assert.Equal(t, "Add a name", e.ed.add.Text)
	test.Tap(e.ed.add)
	assert.Equal(t, append(want, []string{"", "", "", ""}), got[len(got)-1])
	es = entries(t, e)
	require.Len(t, es, 12)
	assert.Equal(t, es[8], w.Canvas().Focused())
	test.Type(es[8], "United States")
	test.Type(es[9], "Kuril Islands")
	want = append(want, []string{"United States", "Kuril Islands", "", ""})
	assert.Equal(t, want, got[len(got)-1])
	assert.Equal(t, want, e.Rows())

	// What is handed out and taken in are copies.
	got[len(got)-1][0][0] = "changed"
	assert.Equal(t, "Ainu", e.Rows()[0][0])
	in := [][]string{{"Japan", "Habomai"}}
	e.SetRows(in)
	in[0][0] = "changed"
	assert.Equal(t, [][]string{{"Japan", "Habomai", "", ""}}, e.Rows(), "short rows are filled out")
	assert.Len(t, entries(t, e), 4)
}

func TestTableEditorColumns(t *testing.T) {
	newTestApp(t)
	sources := []string{"(no source)", "Kremlin readout", "MOFA Japan"}
	e := NewTableEditor(
		TableColumn{Hint: "when", Width: 120},
		TableColumn{Hint: "what happened", MultiLine: true},
		TableColumn{Hint: "source", Width: 160, Options: sources},
	)
	var got [][]string
	e.OnChanged = func(rows [][]string) { got = rows }
	e.SetRows([][]string{
		{"1956-10-19", "Joint Declaration", "Kremlin readout"},
		{"1855-02-07", "Treaty of Shimoda", "a source no longer in the dossier"},
	})
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(700, 300))

	es := entries(t, e)
	require.Len(t, es, 4, "the source column is no entry")
	assert.True(t, es[1].MultiLine)
	assert.Equal(t, "when", es[0].PlaceHolder)
	selects := find[*widget.Select](e)
	require.Len(t, selects, 2)
	assert.Equal(t, "Kremlin readout", selects[0].Selected)
	assert.Equal(t, "source", selects[1].PlaceHolder)
	assert.Equal(t, "", e.Rows()[1][2], "a choice not offered is none")
	assert.Nil(t, got, "filling the drop-downs is no edit")

	selects[1].SetSelected("MOFA Japan")
	assert.Equal(t, []string{"1855-02-07", "Treaty of Shimoda", "MOFA Japan"}, got[1])

	// New options keep the choices still offered.
	got = nil
	e.SetOptions(2, []string{"(no source)", "MOFA Japan"})
	assert.Nil(t, got)
	assert.Equal(t, "", e.Rows()[0][2])
	assert.Equal(t, "MOFA Japan", e.Rows()[1][2])
	assert.Equal(t, []string{"(no source)", "MOFA Japan"}, find[*widget.Select](e)[0].Options)
}

var issueFields = []FormField{
	{Label: "Issue", Hint: "the issue", Wide: true},
	{Label: "Target", Lines: 2},
	{Label: "Reservation point", Lines: 2},
	{Label: "Options"},
}

// A FormsEditor keeps one text per field of each form, reports every edit, moves whole forms
// and lays out each form's fields two a line under their labels.
func TestFormsEditor(t *testing.T) {
	newTestApp(t)
	e := NewFormsEditor(issueFields...)
	e.SetAddText("Add an issue")
	e.SetForms([][]string{{"Islands", "Treaty", "1956 Declaration", "", "dropped"}, {"Fisheries"}})
	assert.Equal(t, [][]string{{"Islands", "Treaty", "1956 Declaration", ""}, {"Fisheries", "", "", ""}}, e.Forms(),
		"texts beyond the fields dropped, missing ones blank")
	var got [][]string
	e.OnChanged = func(forms [][]string) { got = forms }
	w := showGolden(t, e, fyne.NewSize(700, 500), "editor/forms.xml")

	es, in := entries(t, e), inputs(e)
	require.Len(t, es, 8)
	require.Len(t, in, 8)
	test.Type(es[7], "Quotas")
	assert.Equal(t, []string{"Fisheries", "", "", "Quotas"}, got[1])
	assert.Equal(t, abs(in[1]).Y, abs(in[2]).Y, "two fields a line")
	assert.Less(t, abs(in[0]).Y, abs(in[1]).Y, "a wide field alone on its line")
	assert.Greater(t, abs(in[2]).X, abs(in[1]).X)
	assert.Greater(t, in[0].Size().Width, in[1].Size().Width*1.5, "the wide field takes the whole width")
	for _, o := range in[1:3] {
		assert.False(t, o.(fyne.Tabbable).AcceptsTab(), "Tab leaves a text area")
	}

	test.Tap(e.ed.rows[1].up)
	assert.Equal(t, "Fisheries", got[0][0], "a form moves whole")
	assert.Equal(t, "Quotas", got[0][3])

	test.Tap(e.ed.add)
	assert.Len(t, got, 3)
	assert.Equal(t, inputs(e)[8], w.Canvas().Focused(), "a new form takes the keyboard in its first field")

	e.SetFormError(0, "Name the issue")
	assert.Equal(t, "Name the issue", e.FormMessage(0))
	e.SetFormError(0, "")
	assert.Empty(t, e.FormMessage(0))
}

// A TableEditor's row may run over two lines, and shows an error or a note under a row.
func TestTableEditorTwoLinesAndRowMessages(t *testing.T) {
	newTestApp(t)
	e := NewTableEditor(
		TableColumn{Title: "Who", Hint: "who", Width: 150, Options: []string{"Harada", "Morgulov"}},
		TableColumn{Title: "What", Hint: "what"},
		TableColumn{Title: "By when", Hint: "by when", Width: 150, NewLine: true},
		TableColumn{Title: "Status", Hint: "status", Width: 100, Options: []string{"open", "done"}})
	require.NotNil(t, e.ed.header)
	assert.False(t, e.ed.header.Visible(), "no headings above no rows")
	e.SetRows([][]string{{"Morgulov", "Propose dates", "by Mar 2016", "done"}, {"", "Reply", "by May 2016", "open"}})
	showGolden(t, e, fyne.NewSize(700, 400), "editor/two-lines.xml")

	es := inputs(e)
	require.Len(t, es, 4)
	sels := find[*widget.Select](e)
	require.Len(t, sels, 4)
	assert.Equal(t, abs(sels[0]).X, abs(es[1]).X, "the second line starts under the first")
	assert.Greater(t, abs(es[1]).Y, abs(es[0]).Y)
	assert.Equal(t, abs(sels[0]).Y, abs(es[0]).Y, "who and what share the first line")
	assert.True(t, e.ed.header.Visible())
	var heads []*widget.Label
	for _, l := range find[*widget.Label](e) {
		if l.Text != "" {
			heads = append(heads, l)
		}
	}
	require.Len(t, heads, 4, "a heading per column")
	assert.Equal(t, "What", heads[1].Text)
	assert.Equal(t, abs(es[0]).X, abs(heads[1]).X, "a heading stands over its column")
	assert.Equal(t, abs(sels[1]).X, abs(heads[3]).X, "on its line")
	assert.Less(t, abs(heads[3]).Y, abs(sels[0]).Y, "the headings above the rows")

	e.SetRowNote(1, "Overdue")
	assert.Equal(t, "Overdue", e.RowMessage(1))
	e.SetRowError(1, "Say who")
	assert.Equal(t, "Say who", e.RowMessage(1), "an error is shown before a note")
	e.SetRowError(1, "")
	assert.Equal(t, "Overdue", e.RowMessage(1), "the note again once the error goes")
	assert.Empty(t, e.RowMessage(0))
	assert.Empty(t, e.RowMessage(7), "no such row")
	e.SetRowNote(7, "ignored")
}

// abs is where o is drawn on its canvas.
func abs(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// inputs are the entries and text areas under o as they are drawn, in layout order.
func inputs(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, c := range test.LaidOutObjects(o) {
		switch c.(type) {
		case *widget.Entry, *TextArea:
			out = append(out, c)
		}
	}
	return out
}
