package storage

import (
	"context"
	"database/sql"
	"fmt"
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
// up in the search index; shorter ones alone are matched with LIKE on the actors' names.
func peopleNamed(ctx context.Context, q querier, long, short []string) ([]namedActor, error) {
	var query string
	var args []any
	if len(long) > 0 {
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
		for _, t := range short {
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
	terms := append(append([]string(nil), long...), short...)
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
	// The meetings of all of them in one read (a name shared by 858 actors took 858 queries),
	// each actor's by title as they are listed.
	ofActor := map[string][][2]string{}
	for rest := people; len(rest) > 0; {
		chunk := rest[:min(len(rest), 500)]
		rest = rest[len(chunk):]
		args := make([]any, len(chunk))
		for i, a := range chunk {
			args[i] = a.id
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ")
		rows, err := collect(ctx, q, `SELECT p.actor_id, m.id, m.title FROM meeting_participants p
			JOIN meetings m ON m.id = p.meeting_id
			WHERE p.actor_id IN (`+marks+`) ORDER BY m.title, m.id`, args, func(rows *sql.Rows) ([3]string, error) {
			var r [3]string
			err := rows.Scan(&r[0], &r[1], &r[2])
			return r, err
		})
		if err != nil {
			return nil, fmt.Errorf("meetings of the people found: %w", err)
		}
		for _, r := range rows {
			ofActor[r[0]] = append(ofActor[r[0]], [2]string{r[1], r[2]})
		}
	}
	var out []takingPart
	at := map[string]int{}
	for _, a := range people {
		for _, r := range ofActor[a.id] {
			if i, ok := at[r[0]]; ok {
				if last := out[i].people; last[len(last)-1].id != a.id { // listed twice in one meeting: once
					out[i].people = append(out[i].people, a)
				}
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
// participants shows the spellings that matched as its snippet. The result is ordered by rank
// (a meeting found through an actor ranks as that actor), then title, and cut to limit.
func addTakingPart(hits []Hit, found []takingPart, terms []string, limit int) []Hit {
	if len(found) == 0 {
		return hits
	}
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
