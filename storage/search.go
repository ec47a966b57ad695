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

// rankedMatches is how many records holding the words Search ranks by relevance at most. A
// word held by more (a word in every meeting's title: 100,000 of them) would cost a quarter
// of a second to rank; those are listed newest first instead, and counted no further. A
// variable, so that a test need not write thousands of records.
var rankedMatches = 2000

// SearchResult is what Search found.
type SearchResult struct {
	Hits []Hit // best first, or, when Newest, the records holding the words newest first
	// Matches is how many records hold every word in their own text (the meetings found
	// through their participants aside); with More, there are more than that.
	Matches int
	More    bool
	// Newest: more than rankedMatches records hold the words, so those shown are the newest,
	// not the most relevant (the actors named by the words and their meetings still come first).
	Newest bool
}

// Search is Find's hits.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	r, err := s.Find(ctx, query, limit)
	return r.Hits, err
}

// Find finds records whose text contains every word of the query, best first, with a snippet
// in which the matched words stand between [ and ], and the actors whose names (in any of
// their spellings) hold every word with the meetings they take part in, saying why (Hit.Why).
// Words match as substrings in any script and case (моргулов finds Моргулов; 北方領土 needs no
// spaces). The query is text, not FTS syntax: quotes, AND, OR and parentheses are searched for
// as they are. A limit of 0 or less returns every hit. Words held by more than rankedMatches
// records are not ranked: the newest of those records are listed (SearchResult.Newest).
func (s *Store) Find(ctx context.Context, query string, limit int) (SearchResult, error) {
	var long, short []string
	for _, t := range strings.Fields(query) {
		if utf8.RuneCountInString(t) >= minTrigram {
			long = append(long, t)
		} else {
			short = append(short, t)
		}
	}
	if len(long) == 0 && len(short) == 0 {
		return SearchResult{}, nil
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
	cond := strings.Join(where, " AND ")

	var r SearchResult
	var people []takingPart
	var named []namedActor
	err := s.read(ctx, func(q querier) error {
		var sqlText string
		if len(long) > 0 {
			// Counted up to one more than are ranked: a few milliseconds even for a word in
			// every record, where ranking them all took a quarter of a second.
			err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM search WHERE `+cond+` LIMIT ?)`,
				append(args, rankedMatches+1)...).Scan(&r.Matches)
			if err != nil {
				return err
			}
			r.Newest = r.Matches > rankedMatches
			r.Matches, r.More = min(r.Matches, rankedMatches), r.Newest
			// The texts are read for the hits returned only; their snippets are cut here
			// (snippetOf), since FTS5's snippet() matched the whole index again for each.
			// CROSS JOIN keeps search as the inner table, looked up by rowid.
			top := fmt.Sprintf(`SELECT rowid AS doc, bm25(search, %g, 1.0) AS rank FROM search
				WHERE %s ORDER BY rank LIMIT ?`, titleWeight, cond)
			order := `top.rank, search.title`
			if r.Newest { // the index gives its records by rowid, the newest last
				top = `SELECT rowid AS doc, 0.0 AS rank FROM search WHERE ` + cond + ` ORDER BY rowid DESC LIMIT ?`
				order = `top.doc DESC`
			}
			sqlText = `WITH top AS (` + top + `)
				SELECT d.kind, d.id, search.title, search.body, top.rank
				FROM top
				CROSS JOIN search ON search.rowid = top.doc
				JOIN search_docs d ON d.doc = top.doc
				ORDER BY ` + order
		} else {
			// Terms shorter than a trigram cannot use the index; the scan stops at the limit.
			sqlText = `SELECT d.kind, d.id, search.title, search.body, 0.0
				FROM search JOIN search_docs d ON d.doc = search.rowid
				WHERE ` + cond + ` LIMIT ?`
		}
		var err error
		r.Hits, err = collect(ctx, q, sqlText, append(args, limit), func(rows *sql.Rows) (Hit, error) {
			var h Hit
			var body string
			err := rows.Scan(&h.Kind, &h.ID, &h.Title, &body, &h.Rank)
			h.Snippet = snippetOf(h.Title, body, long, short)
			return h, err
		})
		if err != nil {
			return err
		}
		if len(long) == 0 {
			r.Matches, r.More = len(r.Hits), limit >= 0 && len(r.Hits) == limit
		}
		if named, err = peopleNamed(ctx, q, long, short, r.Newest); err != nil {
			return err
		}
		people, err = meetingsOf(ctx, q, named, limit)
		return err
	})
	if err != nil {
		return SearchResult{}, fmt.Errorf("search %q: %w", query, classify(err))
	}
	terms := append(append([]string(nil), long...), short...)
	r.Hits = addTakingPart(r.Hits, people, terms)
	if r.Newest {
		r.Hits = addNamed(r.Hits, named, terms)
	}
	if len(people) > 0 || r.Newest && len(named) > 0 {
		r.Hits = orderHits(r.Hits, limit)
	}
	return r, nil
}

// snippetOf is a hit's snippet: some 48 characters of its body around the first of the words
// (the first of the longer ones, which say more than a letter or two), else of its title,
// with every word marked.
func snippetOf(title, body string, long, short []string) string {
	terms := append(append([]string(nil), long...), short...)
	text := body
	if !containsFold(body, terms) {
		text = title
	}
	centre := long
	if !containsFold(text, long) {
		centre = terms
	}
	return markSnippetAround(text, centre, terms, 24)
}

// addNamed adds the actors named by the words to hits listed newest first, which may not
// hold them, with the spelling that matched as their snippet and their own rank, so that
// they come first. An actor listed already takes that rank.
func addNamed(hits []Hit, named []namedActor, terms []string) []Hit {
	at := map[string]int{}
	for i, h := range hits {
		if h.Kind == kindActor {
			at[h.ID] = i
		}
	}
	for _, a := range named {
		if i, ok := at[a.id]; ok {
			hits[i].Rank = a.rank
			continue
		}
		hits = append(hits, Hit{Kind: kindActor, ID: a.id, Title: a.name, Snippet: markTerms(a.spelling, terms), Rank: a.rank})
	}
	return hits
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
	return markSnippetAround(text, terms, terms, width)
}

// markSnippetAround is markSnippet cutting around the first match of one of centre.
func markSnippetAround(text string, centre, terms []string, width int) string {
	runes := []rune(strings.Join(strings.Fields(text), " "))
	hay := fold(runes)
	first := -1
	for _, t := range centre {
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
