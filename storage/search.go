package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The search index holds one document per record: its title (what a hit shows) and a body of
// every other text worth finding. It is written from Go in the same transaction as the record.

// index writes or replaces the index entry of a record. A new record's entry costs one
// statement less than a replaced one: the insert into search_docs says whether it was there.
func index(ctx context.Context, tx *sql.Tx, kind, id, title string, body ...string) error {
	res, err := execIn(ctx, tx, `INSERT INTO search_docs (kind, id) VALUES (?, ?)
		ON CONFLICT (kind, id) DO NOTHING`, kind, id)
	if err != nil {
		return fmt.Errorf("index %s %s: %w", kind, id, err)
	}
	var doc int64
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("index %s %s: %w", kind, id, err)
	} else if n == 1 {
		if doc, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("index %s %s: %w", kind, id, err)
		}
	} else {
		if err := queryRowIn(ctx, tx, `SELECT doc FROM search_docs WHERE kind = ? AND id = ?`, kind, id).Scan(&doc); err != nil {
			return fmt.Errorf("index %s %s: %w", kind, id, err)
		}
		if _, err := execIn(ctx, tx, `DELETE FROM search WHERE rowid = ?`, doc); err != nil {
			return fmt.Errorf("index %s %s: %w", kind, id, err)
		}
	}
	var parts []string
	for _, b := range body {
		if b = strings.TrimSpace(b); b != "" {
			parts = append(parts, b)
		}
	}
	_, err = execIn(ctx, tx, `INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)`,
		doc, title, strings.Join(parts, "\n"))
	if err != nil {
		return fmt.Errorf("index %s %s: %w", kind, id, err)
	}
	return nil
}

// unindex removes the index entry of a record.
func unindex(ctx context.Context, tx *sql.Tx, kind, id string) error {
	var doc int64
	err := tx.QueryRowContext(ctx, `SELECT doc FROM search_docs WHERE kind = ? AND id = ?`, kind, id).Scan(&doc)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("unindex %s %s: %w", kind, id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search WHERE rowid = ?`, doc); err != nil {
		return fmt.Errorf("unindex %s %s: %w", kind, id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE doc = ?`, doc); err != nil {
		return fmt.Errorf("unindex %s %s: %w", kind, id, err)
	}
	return nil
}

// minTrigram is the shortest term the trigram index can look up; shorter terms are matched
// with LIKE over the same text.
const minTrigram = 3

// titleWeight makes a match in a record's title count more than one in its body.
const titleWeight = 10.0

// Search finds records whose text contains every word of the query, best first, with a
// snippet in which the matched words stand between [ and ], and the meetings of the actors
// whose names (in any of their spellings) hold every word, saying why (Hit.Why). Words match as substrings in any
// script and case (моргулов finds Моргулов; 北方領土 needs no spaces). The query is text, not
// FTS syntax: quotes, AND, OR and parentheses are searched for as they are. A limit of 0 or
// less returns every hit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	var long, short []string
	for _, t := range strings.Fields(query) {
		if utf8.RuneCountInString(t) >= minTrigram {
			long = append(long, t)
		} else {
			short = append(short, t)
		}
	}
	if len(long) == 0 && len(short) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}

	var where []string
	var args []any
	if len(long) > 0 {
		where = append(where, `search MATCH ?`)
		args = append(args, matchExpr(long))
	}
	for _, t := range short {
		where = append(where, `(search.title LIKE ? ESCAPE '\' OR search.body LIKE ? ESCAPE '\')`)
		p := "%" + likeEscape(t) + "%"
		args = append(args, p, p)
	}
	var sqlText string
	if len(long) > 0 {
		// Rank every match but make snippets only for the hits returned: snippet() is costly
		// and a common word can match most of the dossier. CROSS JOIN keeps search as the
		// inner table, looked up by rowid, instead of matching the whole index a second time.
		sqlText = fmt.Sprintf(`WITH top AS (
				SELECT rowid AS doc, bm25(search, %g, 1.0) AS rank FROM search
				WHERE %s ORDER BY rank LIMIT ?)
			SELECT d.kind, d.id, search.title, snippet(search, -1, '[', ']', '…', 48), top.rank
			FROM top
			CROSS JOIN search ON search.rowid = top.doc
			JOIN search_docs d ON d.doc = top.doc
			WHERE search MATCH ?
			ORDER BY top.rank, search.title`, titleWeight, strings.Join(where, " AND "))
	} else {
		// Terms shorter than a trigram cannot use the index; the scan stops at the limit.
		sqlText = `SELECT d.kind, d.id, search.title, search.body, 0.0
			FROM search JOIN search_docs d ON d.doc = search.rowid
			WHERE ` + strings.Join(where, " AND ") + ` LIMIT ?`
	}
	args = append(args, limit)
	if len(long) > 0 {
		args = append(args, matchExpr(long))
	}

	var hits []Hit
	var people []takingPart
	err := s.read(ctx, func(q querier) error {
		var err error
		hits, err = collect(ctx, q, sqlText, args, func(rows *sql.Rows) (Hit, error) {
			var h Hit
			err := rows.Scan(&h.Kind, &h.ID, &h.Title, &h.Snippet, &h.Rank)
			return h, err
		})
		if err != nil {
			return err
		}
		named, err := peopleNamed(ctx, q, long, short)
		if err != nil {
			return err
		}
		people, err = meetingsOf(ctx, q, named, limit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, classify(err))
	}
	// One line per snippet: the body joins the record's fields with line breaks.
	for i := range hits {
		hits[i].Snippet = strings.Join(strings.Fields(hits[i].Snippet), " ")
	}
	if len(long) == 0 {
		for i := range hits {
			body := hits[i].Snippet
			if !containsFold(body, short) {
				body = hits[i].Title
			}
			hits[i].Snippet = markSnippet(body, short, 24)
		}
	} else if len(short) > 0 {
		for i := range hits {
			hits[i].Snippet = markTerms(hits[i].Snippet, short)
		}
	}
	return addTakingPart(hits, people, append(append([]string(nil), long...), short...), limit), nil
}

// matchExpr turns words into an FTS5 query of quoted phrases, all required, so that user
// input is never read as FTS syntax.
func matchExpr(terms []string) string {
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ")
}

// likeEscape escapes LIKE wildcards with a backslash.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// fold lower-cases rune by rune, so positions in the folded text match the original.
func fold(r []rune) []rune {
	out := make([]rune, len(r))
	for i, c := range r {
		out[i] = unicode.ToLower(c)
	}
	return out
}

func indexRunes(hay, needle []rune, from int) int {
	for i := from; i+len(needle) <= len(hay); i++ {
		match := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

func containsFold(text string, terms []string) bool {
	hay := fold([]rune(text))
	for _, t := range terms {
		if indexRunes(hay, fold([]rune(t)), 0) >= 0 {
			return true
		}
	}
	return false
}

// markSnippet cuts about width runes of text on either side of the first match of a term
// and puts every match in the cut between [ and ].
func markSnippet(text string, terms []string, width int) string {
	runes := []rune(strings.Join(strings.Fields(text), " "))
	hay := fold(runes)
	first := -1
	for _, t := range terms {
		if i := indexRunes(hay, fold([]rune(t)), 0); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	start, end := 0, len(runes)
	if first > width {
		start = first - width
		// Start at a word, not in the middle of one.
		for i := start; i < first; i++ {
			if runes[i] == ' ' {
				start = i + 1
				break
			}
		}
	}
	if first < 0 {
		first = 0
	}
	if first+2*width < end {
		end = first + 2*width
		for i := end; i > first+1; i-- {
			if runes[i] == ' ' {
				end = i
				break
			}
		}
	}
	out := markTerms(strings.TrimSpace(string(runes[start:end])), terms)
	if start > 0 {
		out = "…" + out
	}
	if end < len(runes) {
		out += "…"
	}
	return out
}

// markTerms puts every case-insensitive occurrence of the terms between [ and ], leaving text
// already marked alone.
func markTerms(text string, terms []string) string {
	runes := []rune(text)
	hay := fold(runes)
	marked := make([]bool, len(runes)+1) // marked[i]: a match starts at i
	ends := make([]bool, len(runes)+1)   // ends[i]: a match ends before i
	covered := make([]bool, len(runes))
	inside := false
	for i, r := range runes {
		switch r {
		case '[':
			inside = true
		case ']':
			inside = false
		}
		covered[i] = inside || r == ']'
	}
	for _, t := range terms {
		n := fold([]rune(t))
		if len(n) == 0 {
			continue
		}
		for i := indexRunes(hay, n, 0); i >= 0; i = indexRunes(hay, n, i+len(n)) {
			free := true
			for j := i; j < i+len(n); j++ {
				if covered[j] {
					free = false
				}
			}
			if !free {
				continue
			}
			for j := i; j < i+len(n); j++ {
				covered[j] = true
			}
			marked[i], ends[i+len(n)] = true, true
		}
	}
	var b strings.Builder
	for i, r := range runes {
		if ends[i] {
			b.WriteRune(']')
		}
		if marked[i] {
			b.WriteRune('[')
		}
		b.WriteRune(r)
	}
	if ends[len(runes)] {
		b.WriteRune(']')
	}
	return b.String()
}
