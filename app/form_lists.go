package app

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// stringList is an editor of a list of texts (objectives, lines to take, spellings) that
// marks e edited on every change.
func stringList(e *editState, multiLine bool, placeholder, addText string) *widgets.StringListEditor {
	l := widgets.NewStringListEditor(nil)
	l.SetMultiLine(multiLine)
	l.SetPlaceHolder(placeholder)
	l.SetAddText(addText)
	l.OnChanged = func([]string) { e.touch() }
	return l
}

// tableEditor is an editor of rows of a few texts each (names by party, key facts, a
// timeline, posts) that marks e edited on every change.
func tableEditor(e *editState, addText string, cols ...widgets.TableColumn) *widgets.TableEditor {
	t := widgets.NewTableEditor(cols...)
	t.SetAddText(addText)
	t.OnChanged = func([][]string) { e.touch() }
	return t
}

// nonEmpty returns the items that are not blank, trimmed, in order.
func nonEmpty(items []string) []string {
	var out []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// filledRows returns the rows of t that are not blank, texts trimmed and "(no source)" read
// as none, in order.
func filledRows(t *widgets.TableEditor) [][]string {
	var out [][]string
	for _, row := range t.Rows() {
		blank := true
		for i, v := range row {
			if v = strings.TrimSpace(v); v == noSource {
				v = ""
			}
			row[i] = v
			blank = blank && v == ""
		}
		if !blank {
			out = append(out, row)
		}
	}
	return out
}

// postColumns are the columns of an actor's post history.
var postColumns = []widgets.TableColumn{
	{Hint: "title"},
	{Hint: "organisation"},
	{Hint: "from, e.g. 2011", Width: 130},
	{Hint: "to (empty: still holds it)", Width: 170},
}

// postRows are posts as the rows of postColumns.
func postRows(posts []storage.Post) [][]string {
	rows := make([][]string, len(posts))
	for i, p := range posts {
		rows[i] = []string{p.Title, p.Organisation, p.From.ISO(), p.To.ISO()}
	}
	return rows
}

// readPosts reads the posts from the rows of postColumns, refusing dates that do not exist
// and posts without a title. Blank rows are dropped; a post's number counts every row.
func readPosts(rows [][]string) ([]storage.Post, error) {
	var out []storage.Post
	for i, r := range rows {
		title, org := strings.TrimSpace(r[0]), strings.TrimSpace(r[1])
		if title == "" && org == "" && strings.TrimSpace(r[2]+r[3]) == "" {
			continue
		}
		post := storage.Post{Title: title, Organisation: org}
		var err error
		if post.From, err = storage.ParsePartialDate(r[2]); err != nil {
			return nil, fmt.Errorf("post %d, from: %w", i+1, err)
		}
		if post.To, err = storage.ParsePartialDate(r[3]); err != nil {
			return nil, fmt.Errorf("post %d, to: %w", i+1, err)
		}
		if post.Title == "" {
			return nil, fmt.Errorf("post %d has no title", i+1)
		}
		post.FromText, post.ToText = post.From.ISO(), post.To.ISO()
		out = append(out, post)
	}
	return out, nil
}
