package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// ActorKey is what a list or a picker shows of an actor and the names it is found by: far
// less than an Actor (no biography, photo, posts or relations), so that a page can hold every
// actor of a dossier of 20,000 without reading their records.
type ActorKey struct {
	ID           string
	Kind         ActorKind
	Name         string
	NativeName   string
	Title        string
	Organisation string
	Country      string
	Role         string
	OtherNames   []string
}

// Actor is the key as an Actor holding only the key's fields.
func (k ActorKey) Actor() Actor {
	return Actor{ID: k.ID, Kind: k.Kind, Name: k.Name, NativeName: k.NativeName, Title: k.Title,
		Organisation: k.Organisation, Country: k.Country, Role: k.Role, OtherNames: k.OtherNames}
}

// actorKeyColumns are a key's own columns; actorKeyQuery reads them with the other spellings
// one a line, in their order.
const (
	actorKeyColumns = `a.id, a.kind, a.name, a.native_name, a.title, a.organisation, a.country, a.role`
	actorKeyQuery   = `SELECT ` + actorKeyColumns + `,
		coalesce((SELECT group_concat(n.name, char(10) ORDER BY n.seq) FROM actor_names n WHERE n.actor_id = a.id), '')
	FROM actors a`
)

func scanActorKey(rows *sql.Rows) (ActorKey, error) {
	var k ActorKey
	var others string
	err := rows.Scan(&k.ID, &k.Kind, &k.Name, &k.NativeName, &k.Title, &k.Organisation, &k.Country, &k.Role, &others)
	if others != "" {
		k.OtherNames = strings.Split(others, "\n")
	}
	return k, err
}

// ActorKeys returns the key of every actor, by name as Actors orders them.
func (s *Store) ActorKeys(ctx context.Context) ([]ActorKey, error) {
	var out []ActorKey
	err := s.read(ctx, func(q querier) error {
		// From the index actors_keys alone, the other spellings from their own table in one
		// read rather than one look-up per actor.
		var err error
		out, err = collect(ctx, q, `SELECT `+actorKeyColumns+`, '' FROM actors a INDEXED BY actors_keys
			ORDER BY a.name COLLATE NOCASE, a.id`, nil, scanActorKey)
		if err != nil {
			return err
		}
		others, err := actorNames.loadAll(ctx, q)
		for i := range out {
			out[i].OtherNames = others[out[i].ID]
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return out, nil
}

// ActorsMatching returns, by name, at most limit actors whose name, native name, title, side,
// organisation or other spellings hold every word of typed, each word in one of them and in
// any case ("морг", "harada ambassador"); the first limit actors when typed has no word. A
// word of no letter or digit (the "—" of a picker's label) is no condition. It reads as few
// actors as it can: words in Latin letters are matched in the query, others on what it reads.
func (s *Store) ActorsMatching(ctx context.Context, typed string, limit int) ([]ActorKey, error) {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(typed)) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			words = append(words, w)
		}
	}
	var where []string
	var args []any
	for _, w := range words {
		if !isASCII(w) {
			continue // SQLite's LIKE ignores case in ASCII only
		}
		n := len(args) + 1
		where = append(where, strings.ReplaceAll(`(a.name LIKE ?N ESCAPE '\' OR a.native_name LIKE ?N ESCAPE '\'
			OR a.title LIKE ?N ESCAPE '\' OR a.country LIKE ?N ESCAPE '\' OR a.organisation LIKE ?N ESCAPE '\'
			OR EXISTS (SELECT 1 FROM actor_names n WHERE n.actor_id = a.id AND n.name LIKE ?N ESCAPE '\'))`,
			"?N", fmt.Sprintf("?%d", n)))
		args = append(args, "%"+likeEscape(w)+"%")
	}
	query := actorKeyQuery
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY a.name COLLATE NOCASE, a.id`
	var out []ActorKey
	err := s.read(ctx, func(q querier) error {
		rows, err := q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() && len(out) < limit {
			k, err := scanActorKey(rows)
			if err != nil {
				return err
			}
			if k.holdsAll(words) {
				out = append(out, k)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("actors matching %q: %w", typed, err)
	}
	return out, nil
}

// holdsAll reports whether each of the lower-cased words is in one of the key's names.
func (k ActorKey) holdsAll(words []string) bool {
	hay := strings.ToLower(strings.Join(append([]string{k.Name, k.NativeName, k.Title, k.Country, k.Organisation}, k.OtherNames...), "\n"))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ActorKeysByID returns the keys of the actors with the given IDs, by ID (an ID no actor has
// is left out): a page names a few actors of a big dossier without reading every one.
func (s *Store) ActorKeysByID(ctx context.Context, ids []string) (map[string]ActorKey, error) {
	out := map[string]ActorKey{}
	err := s.read(ctx, func(q querier) error {
		return inChunks(ids, func(marks string, args []any) error {
			keys, err := collect(ctx, q, actorKeyQuery+` WHERE a.id IN (`+marks+`)`, args, scanActorKey)
			for _, k := range keys {
				out[k.ID] = k
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return out, nil
}
