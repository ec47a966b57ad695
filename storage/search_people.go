package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// A meeting is found by the names of the people who take part in it: a desk officer searching
// "Моргулов" wants Morgulov's meetings as well as his profile. The meeting's own index entry
// does not hold its participants' names (renaming an actor would have to re-index every
// meeting they attended); instead Search finds the actors whose spellings hold every word of
// the query and adds the meetings they take part in, each saying why it is there.

// namedActor is an actor whose spellings hold every word of a query.
type namedActor struct {
	id, name string
	spelling string  // the spelling that holds most of the words, for the snippet
	rank     float64 // the actor's own rank in the search
}

// spellings are an actor's name, native name and other names.
type spellings struct {
	id, name, native, others string
	rank                     float64
}

// peopleNamed lists the actors whose name, native name or other names hold every term (each
// term in one of them, in any case), best ranked first. Terms of a trigram or more are looked
// up in the search index; shorter ones alone are matched with LIKE on the actors' names. So
// are common terms (held by more than rankedMatches records, each of which the index would
// look up to see whether it is an actor's) when all are in ASCII: LIKE ignores the case of no
// other letters.
func peopleNamed(ctx context.Context, q querier, long, short []string, common bool) ([]namedActor, error) {
	var query string
	var args []any
	terms := append(append([]string(nil), long...), short...)
	like := short
	if common && isASCII(strings.Join(terms, "")) {
		like = terms
	}
	if len(like) < len(terms) {
		query = fmt.Sprintf(`SELECT a.id, a.name, a.native_name,
				coalesce((SELECT group_concat(n.name, char(10)) FROM actor_names n WHERE n.actor_id = a.id), ''),
				bm25(search, %g, 1.0)
			FROM search
			JOIN search_docs d ON d.doc = search.rowid
			JOIN actors a ON a.id = d.id
			WHERE search MATCH ? AND d.kind = 'actor'`, titleWeight)
		args = append(args, matchExpr(long))
	} else {
		var where []string
		for _, t := range like {
			where = append(where, `(a.name LIKE ?1 ESCAPE '\' OR a.native_name LIKE ?1 ESCAPE '\'
				OR EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id AND n.name LIKE ?1 ESCAPE '\'))`)
			args = append(args, "%"+likeEscape(t)+"%")
		}
		// Each term has its own parameter number.
		for i := range where {
			where[i] = strings.ReplaceAll(where[i], "?1", fmt.Sprintf("?%d", i+1))
		}
		query = `SELECT a.id, a.name, a.native_name,
				coalesce((SELECT group_concat(n.name, char(10)) FROM actor_names n WHERE n.actor_id = a.id), ''),
				0.0
			FROM actors a WHERE ` + strings.Join(where, " AND ")
	}
	found, err := collect(ctx, q, query, args, func(rows *sql.Rows) (spellings, error) {
		var s spellings
		err := rows.Scan(&s.id, &s.name, &s.native, &s.others, &s.rank)
		return s, err
	})
	if err != nil {
		return nil, err
	}
	var out []namedActor
	for _, s := range found {
		names := []string{s.name, s.native}
		if s.others != "" {
			names = append(names, strings.Split(s.others, "\n")...)
		}
		if best, ok := holdsAll(names, terms); ok {
			out = append(out, namedActor{id: s.id, name: s.name, spelling: best, rank: s.rank})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank < out[j].rank })
	return out, nil
}

// holdsAll reports whether every term is in one of the names (case-insensitively), and the
// name that holds the most of them.
func holdsAll(names, terms []string) (string, bool) {
	folded := make([][]rune, len(names))
	for i, n := range names {
		folded[i] = fold([]rune(n))
	}
	count := make([]int, len(names))
	for _, t := range terms {
		ft := fold([]rune(t))
		in := false
		for i := range names {
			if len(folded[i]) > 0 && indexRunes(folded[i], ft, 0) >= 0 {
				count[i]++
				in = true
			}
		}
		if !in {
			return "", false
		}
	}
	best := 0
	for i := range names {
		if count[i] > count[best] {
			best = i
		}
	}
	return names[best], true
}

// takingPart is one meeting found by its participants' names.
type takingPart struct {
	meetingID, title string
	people           []namedActor
}

// meetingsOf lists the meetings the actors take part in, in the actors' order; it stops
// adding meetings once it has limit of them (limit < 0: all), since an actor ranked lower
// cannot bring a meeting ranked higher.
func meetingsOf(ctx context.Context, q querier, people []namedActor, limit int) ([]takingPart, error) {
	// Which meetings each of them takes part in, from the index alone, in one read per 500
	// of them (a name shared by 858 actors took 858 queries of a quarter of a millisecond).
	ofActor := map[string][]string{}
	ids := make([]string, len(people))
	for i, a := range people {
		ids[i] = a.id
	}
	err := inChunks(ids, func(marks string, args []any) error {
		rows, err := collect(ctx, q, `SELECT actor_id, meeting_id FROM meeting_participants
			WHERE actor_id IN (`+marks+`)`, args, scanPair)
		for _, r := range rows {
			ofActor[r[0]] = append(ofActor[r[0]], r[1])
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("meetings of the people found: %w", err)
	}
	var out []takingPart
	at := map[string]int{}
	for _, a := range people {
		ids := ofActor[a.id]
		if limit >= 0 && len(out) >= limit {
			// Full: their meetings only name them where they are listed already.
			for _, id := range ids {
				if i, ok := at[id]; ok {
					out[i].add(a)
				}
			}
			continue
		}
		// Their meetings by title, as they are listed: titles are read for these only.
		titled, err := meetingTitles(ctx, q, ids)
		if err != nil {
			return nil, fmt.Errorf("meetings of %s: %w", a.id, err)
		}
		for _, r := range titled {
			if i, ok := at[r[0]]; ok {
				out[i].add(a)
				continue
			}
			if limit >= 0 && len(out) >= limit {
				continue
			}
			at[r[0]] = len(out)
			out = append(out, takingPart{meetingID: r[0], title: r[1], people: []namedActor{a}})
		}
	}
	return out, nil
}

// add names a among the people taking part, once (an actor may be listed twice in a meeting).
func (t *takingPart) add(a namedActor) {
	if last := t.people; last[len(last)-1].id != a.id {
		t.people = append(t.people, a)
	}
}

// meetingTitles are the IDs and titles of the meetings ids, by title.
func meetingTitles(ctx context.Context, q querier, ids []string) ([][2]string, error) {
	var out [][2]string
	err := inChunks(ids, func(marks string, args []any) error {
		rows, err := collect(ctx, q, `SELECT id, title FROM meetings WHERE id IN (`+marks+`)`, args, scanPair)
		out = append(out, rows...)
		return err
	})
	slices.SortFunc(out, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[1], b[1]), cmp.Compare(a[0], b[0])) })
	return out, err
}

func scanPair(rows *sql.Rows) ([2]string, error) {
	var r [2]string
	err := rows.Scan(&r[0], &r[1])
	return r, err
}

// inChunks runs read on ids 500 at a time, with the question marks and arguments of their IN list.
func inChunks(ids []string, read func(marks string, args []any) error) error {
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := read(strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", "), args); err != nil {
			return err
		}
	}
	return nil
}

// TakePart says who of the people found takes part: "Igor Morgulov takes part", "Igor
// Morgulov and Chikahito Harada take part", "A, B, C and 2 others take part".
func TakePart(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0] + " takes part"
	case 2:
		return names[0] + " and " + names[1] + " take part"
	case 3:
		return names[0] + ", " + names[1] + " and " + names[2] + " take part"
	}
	return fmt.Sprintf("%s, %s, %s and %d others take part", names[0], names[1], names[2], len(names)-3)
}

// addTakingPart merges the meetings found by their participants into the hits: a meeting
// found by its own text too keeps its snippet and gains the reason; one found only by its
// participants shows the spellings that matched as its snippet and ranks as the actor who
// brought it (orderHits puts them in their places).
func addTakingPart(hits []Hit, found []takingPart, terms []string) []Hit {
	byID := map[string]int{}
	for i, h := range hits {
		if h.Kind == kindMeeting {
			byID[h.ID] = i
		}
	}
	for _, f := range found {
		var names, spelt []string
		for _, p := range f.people {
			names = append(names, p.name)
			spelt = append(spelt, markTerms(p.spelling, terms))
		}
		why := TakePart(names)
		if i, ok := byID[f.meetingID]; ok {
			hits[i].Why = why
			hits[i].Rank = min(hits[i].Rank, f.people[0].rank)
			continue
		}
		hits = append(hits, Hit{Kind: kindMeeting, ID: f.meetingID, Title: f.title,
			Snippet: strings.Join(spelt, " · "), Why: why, Rank: f.people[0].rank})
	}
	return hits
}

// orderHits orders hits by rank, keeping the order they have at equal rank but for the
// actors named and their meetings, and cuts them to limit (< 0: all).
func orderHits(hits []Hit, limit int) []Hit {
	// At equal rank (always, for words too short for the index): the actors, then the
	// meetings they take part in, then the rest.
	order := func(h Hit) int {
		switch {
		case h.Kind == kindActor:
			return 0
		case h.Why != "":
			return 1
		}
		return 2
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Rank != hits[j].Rank {
			return hits[i].Rank < hits[j].Rank
		}
		return order(hits[i]) < order(hits[j])
	})
	if limit >= 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}
