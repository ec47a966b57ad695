package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
