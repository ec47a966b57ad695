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

func entries(t *testing.T, o fyne.CanvasObject) []*widget.Entry {
	t.Helper()
	var es []*widget.Entry
	for _, c := range test.LaidOutObjects(o) {
		if e, ok := c.(*widget.Entry); ok {
			es = append(es, e)
		}
	}
	return es
}

func TestStringListEditor(t *testing.T) {
	test.NewTempApp(t)
	e := NewStringListEditor(linesToTake)
	var got [][]string
	e.OnChanged = func(items []string) { got = append(got, items) }
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(600, 300))
	test.AssertRendersToMarkup(t, "editor/lines.xml", w.Canvas())

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
	test.NewTempApp(t)
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
	test.NewTempApp(t)
	qas := []QA{
		{Question: "Will Japan accept the return of two islands only?", Answer: "Our position on the four islands is unchanged."},
		{Question: "Is a visit by President Putin agreed?", Answer: "Both leaders want it by the end of 2016; no date is fixed."},
	}
	e := NewQAEditor(qas)
	var got [][]QA
	e.OnChanged = func(items []QA) { got = append(got, items) }
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(600, 400))
	test.AssertRendersToMarkup(t, "editor/qa.xml", w.Canvas())

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
