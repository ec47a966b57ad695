package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig reads a JPEG photo's size
	_ "image/png"  // and a PNG's
	"strings"
)

// ActorUsage counts what refers to an actor, so that a window can say what deleting them
// takes with them.
type ActorUsage struct {
	Meetings   int `json:"meetings"`   // meetings they take part in
	Statements int `json:"statements"` // statements by them
	Relations  int `json:"relations"`  // relations to or from them
}

var (
	actorNames = newStringList("actor_names", "actor_id", "name")
	actorTags  = newStringList("actor_tags", "actor_id", "tag")
)

// normalisePosts reads each post's dates from From/To, or from FromText/ToText when the typed
// date is zero (as after reading JSON), and writes the text forms back from the typed ones.
func normalisePosts(c *checker, posts []Post) {
	for i := range posts {
		p := &posts[i]
		field := fmt.Sprintf("posts[%d]", i)
		if !readPartial(c, field+".from", &p.From, p.FromText) || !readPartial(c, field+".to", &p.To, p.ToText) {
			continue
		}
		p.FromText, p.ToText = p.From.ISO(), p.To.ISO()
	}
}

// readPartial sets a zero *d from text, when there is text; it notes field as failed and is
// false when text is not a date.
func readPartial(c *checker, field string, d *PartialDate, text string) bool {
	if !d.IsZero() || text == "" {
		return true
	}
	v, err := ParsePartialDate(text)
	if err != nil {
		c.fail(field, "%s", err.Error())
		return false
	}
	*d = v
	return true
}

func checkActor(a *Actor, has resolver) error {
	c := newChecker(kindActor, a.Name, a.ID)
	c.id(a.ID)
	c.required("name", a.Name)
	if !oneOf(a.Kind, []ActorKind{ActorPerson, ActorOrganisation}) {
		c.fail("kind", "%q is not a kind of actor (person, organisation)", string(a.Kind))
	}
	c.noEmpty("other_names", a.OtherNames)
	c.noEmpty("tags", a.Tags)
	normalisePosts(c, a.Posts)
	for i, p := range a.Posts {
		field := fmt.Sprintf("posts[%d]", i)
		c.required(field+".title", p.Title)
		if err := p.From.Validate(); err != nil {
			c.fail(field+".from", "%s", err.Error())
		}
		if err := p.To.Validate(); err != nil {
			c.fail(field+".to", "%s", err.Error())
		}
		if !p.From.IsZero() && !p.To.IsZero() && !p.To.after().After(p.From.first()) {
			c.fail(field+".to", "the post ends (%s) before it starts (%s)", p.To.ISO(), p.From.ISO())
		}
	}
	if len(a.Photo) > 0 {
		switch {
		case len(a.Photo) > MaxPhotoBytes:
			c.fail("photo", "the photo is %d MB; the limit is %d MB", len(a.Photo)>>20, MaxPhotoBytes>>20)
		case !bytes.HasPrefix(a.Photo, []byte("\x89PNG\r\n\x1a\n")) && !bytes.HasPrefix(a.Photo, []byte("\xff\xd8\xff")):
			c.fail("photo", "the photo is neither PNG nor JPEG")
		default:
			// A few bytes can claim any size: a 138-byte PNG of 60000×60000 pixels would take
			// gigabytes to show.
			if cfg, _, err := image.DecodeConfig(bytes.NewReader(a.Photo)); err == nil && (cfg.Width > MaxPhotoSide || cfg.Height > MaxPhotoSide) {
				c.fail("photo", "the photo is %d×%d pixels; the limit is %d pixels on a side", cfg.Width, cfg.Height, MaxPhotoSide)
			}
		}
	}
	for i, r := range a.Relations {
		field := fmt.Sprintf("relations[%d]", i)
		c.required(field+".kind", r.Kind)
		c.required(field+".actor_id", r.ActorID)
		if r.ActorID == a.ID {
			c.fail(field+".actor_id", "an actor cannot be related to themselves")
		}
		c.ref(field+".actor_id", kindActor, r.ActorID, has)
	}
	return c.err
}

// CreateActor stores a new actor with their posts, relations and tags.
func (s *Store) CreateActor(ctx context.Context, a *Actor) error {
	rec := createdRecord(s, &a.ID, a)
	rec.Posts = append([]Post(nil), a.Posts...)
	return saveChecked(ctx, s, a, rec, "create actor", a.Name, checkActor, insertActor)
}

// UpdateActor replaces a stored actor with their posts, relations and tags.
func (s *Store) UpdateActor(ctx context.Context, a *Actor) error {
	rec := *a
	rec.Posts = append([]Post(nil), a.Posts...)
	rec.Updated = s.stamp()
	return saveChecked(ctx, s, a, rec, "update actor", a.Name, checkActor, updateStamped(kindActor, updateActor))
}

// wrapWrite adds what was being done to an error, but hands a *ValidationError back as it is,
// so that callers can show its record and field.
func wrapWrite(action, title string, err error) error {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return err
	}
	return fmt.Errorf("%s %q: %w", action, title, err)
}

func insertActor(ctx context.Context, tx *sql.Tx, a *Actor) error {
	_, err := execIn(ctx, tx, `INSERT INTO actors (id, kind, name, native_name, pronunciation,
			country, organisation, title, role, biography, stance, photo, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Kind, a.Name, a.NativeName, a.Pronunciation, a.Country, a.Organisation, a.Title,
		a.Role, a.Biography, a.Stance, photo(a.Photo), stampText(a.Created), stampText(a.Updated))
	if err != nil {
		return err
	}
	return writeActorParts(ownerInserted(ctx, a.ID), tx, a)
}

func updateActor(ctx context.Context, tx *sql.Tx, a *Actor) error {
	err := execOne(ctx, tx, kindActor, a.ID, `UPDATE actors SET kind = ?, name = ?, native_name = ?,
			pronunciation = ?, country = ?, organisation = ?, title = ?, role = ?, biography = ?,
			stance = ?, photo = ?, created = ?, updated = ?
		WHERE id = ?`,
		a.Kind, a.Name, a.NativeName, a.Pronunciation, a.Country, a.Organisation, a.Title,
		a.Role, a.Biography, a.Stance, photo(a.Photo), stampText(a.Created), stampText(a.Updated), a.ID)
	if err != nil {
		return err
	}
	if err := writeActorParts(ctx, tx, a); err != nil {
		return err
	}
	// Statements are indexed under their actor's name.
	return reindexStatementsOf(ctx, tx, a.ID)
}

// photo stores an absent photo as NULL.
func photo(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

func writeActorParts(ctx context.Context, tx *sql.Tx, a *Actor) error {
	if err := actorNames.replace(ctx, tx, a.ID, a.OtherNames); err != nil {
		return err
	}
	if err := actorTags.replace(ctx, tx, a.ID, a.Tags); err != nil {
		return err
	}
	err := replaceChildren(ctx, tx, `DELETE FROM actor_posts WHERE actor_id = ?`,
		`INSERT INTO actor_posts (actor_id, seq, title, organisation, from_iso, to_iso) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ID, a.Posts, func(p Post) []any { return []any{p.Title, p.Organisation, p.From.ISO(), p.To.ISO()} })
	if err != nil {
		return err
	}
	err = replaceChildren(ctx, tx, `DELETE FROM actor_relations WHERE actor_id = ?`,
		`INSERT INTO actor_relations (actor_id, seq, other_id, kind, note) VALUES (?, ?, ?, ?, ?)`,
		a.ID, a.Relations, func(r Relation) []any { return []any{r.ActorID, r.Kind, r.Note} })
	if err != nil {
		return err
	}
	var posts []string
	for _, p := range a.Posts {
		posts = append(posts, strings.TrimSpace(p.Title+", "+p.Organisation))
	}
	return index(ctx, tx, kindActor, a.ID, a.Name, a.NativeName, strings.Join(a.OtherNames, ", "),
		a.Pronunciation, a.Title, a.Organisation, a.Country, strings.Join(posts, "; "), a.Role,
		a.Biography, a.Stance, strings.Join(a.Tags, ", "))
}

// DeleteActor moves an actor to the trash with their participations in meetings, their
// relations in both directions and their statements.
func (s *Store) DeleteActor(ctx context.Context, id string) error {
	_, err := s.MoveToTrash(ctx, kindActor, id)
	return err
}

// deleteActorRecord deletes an actor with their statements' index entries; the rows that
// refer to them go by ON DELETE CASCADE.
func deleteActorRecord(ctx context.Context, tx *sql.Tx, id string) error {
	ids, err := collect(ctx, tx, `SELECT id FROM statements WHERE actor_id = ?`, []any{id}, scanString)
	if err != nil {
		return err
	}
	for _, sid := range ids {
		if err := unindex(ctx, tx, kindStatement, sid); err != nil {
			return err
		}
	}
	return deleteRecord(ctx, tx, kindActor, id)
}

// ActorUsage counts the meetings, statements and relations that refer to an actor.
func (s *Store) ActorUsage(ctx context.Context, id string) (ActorUsage, error) {
	return readOf(ctx, s, kindActor, id, "usage of actor "+id, func(q querier) (ActorUsage, error) {
		var u ActorUsage
		err := q.QueryRowContext(ctx, `SELECT
			(SELECT count(DISTINCT meeting_id) FROM meeting_participants WHERE actor_id = ?1),
			(SELECT count(*) FROM statements WHERE actor_id = ?1),
			(SELECT count(*) FROM actor_relations WHERE actor_id = ?1 OR other_id = ?1)`, id).
			Scan(&u.Meetings, &u.Statements, &u.Relations)
		return u, err
	})
}

const actorColumns = `id, kind, name, native_name, pronunciation, country, organisation, title,
	role, biography, stance, photo, created, updated`

func scanActor(r row) (Actor, error) {
	var a Actor
	var st stampCols
	err := r.Scan(append([]any{&a.ID, &a.Kind, &a.Name, &a.NativeName, &a.Pronunciation, &a.Country,
		&a.Organisation, &a.Title, &a.Role, &a.Biography, &a.Stance, &a.Photo}, st.dests()...)...)
	if err != nil {
		return Actor{}, err
	}
	if len(a.Photo) == 0 {
		a.Photo = nil
	}
	if err := st.parse(&a.Created, &a.Updated); err != nil {
		return Actor{}, err
	}
	return a, nil
}

// actorParts are the child rows of actors, by actor ID.
type actorParts struct {
	names, tags map[string][]string
	posts       map[string][]Post
	relations   map[string][]Relation
}

// loadActorParts loads the child rows of one actor, or of every actor when id is "".
func loadActorParts(ctx context.Context, q querier, id string) (actorParts, error) {
	var p actorParts
	var err error
	if p.names, err = actorNames.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	if p.tags, err = actorTags.loadFor(ctx, q, id); err != nil {
		return p, err
	}
	where, args := ownedBy("actor_id", id)
	p.posts, err = collectByOwner(ctx, q, `SELECT actor_id, title, organisation, from_iso, to_iso
		FROM actor_posts `+where+` ORDER BY actor_id, seq`, args, func(rows *sql.Rows) (string, Post, error) {
		var owner string
		var post Post
		if err := rows.Scan(&owner, &post.Title, &post.Organisation, &post.FromText, &post.ToText); err != nil {
			return "", Post{}, err
		}
		var err error
		if post.From, err = ParsePartialDate(post.FromText); err != nil {
			return "", Post{}, fmt.Errorf("stored post date: %w", err)
		}
		if post.To, err = ParsePartialDate(post.ToText); err != nil {
			return "", Post{}, fmt.Errorf("stored post date: %w", err)
		}
		return owner, post, nil
	})
	if err != nil {
		return p, err
	}
	p.relations, err = collectByOwner(ctx, q, `SELECT actor_id, other_id, kind, note
		FROM actor_relations `+where+` ORDER BY actor_id, seq`, args,
		scanOwned(func(r *Relation) []any { return []any{&r.ActorID, &r.Kind, &r.Note} }))
	return p, err
}

func (p actorParts) fill(a *Actor) {
	a.OtherNames = p.names[a.ID]
	a.Tags = p.tags[a.ID]
	a.Posts = p.posts[a.ID]
	a.Relations = p.relations[a.ID]
}

// Actor returns one actor with their posts, relations and tags.
func (s *Store) Actor(ctx context.Context, id string) (Actor, error) {
	return readRecord(ctx, s, "actor "+id, func(q querier) (Actor, error) { return loadActor(ctx, q, id) })
}

// loadActor reads one actor with their parts, or a not-found error.
func loadActor(ctx context.Context, q querier, id string) (Actor, error) {
	return loadOneWithParts(ctx, q, kindActor, `SELECT `+actorColumns+` FROM actors WHERE id = ?`, id,
		scanActor, loadActorParts, actorParts.fill)
}

// Actors returns every actor, by name.
func (s *Store) Actors(ctx context.Context) ([]Actor, error) {
	return readList(ctx, s, "actors", func(q querier) ([]Actor, error) {
		return loadActors(ctx, q, `SELECT `+actorColumns+` FROM actors ORDER BY name COLLATE NOCASE, id`)
	})
}

// ActorNames returns the names of the actors with the given IDs, by ID (an ID no actor has is
// left out): a page that names a few speakers need not read every actor of a big dossier.
func (s *Store) ActorNames(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	err := s.read(ctx, func(q querier) error {
		return inChunks(ids, func(marks string, args []any) error {
			rows, err := collect(ctx, q, `SELECT id, name FROM actors WHERE id IN (`+marks+`)`, args, scanPair)
			for _, r := range rows {
				out[r[0]] = r[1]
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("actor names: %w", err)
	}
	return out, nil
}

func loadActors(ctx context.Context, q querier, query string) ([]Actor, error) {
	return loadWithParts(ctx, q, query, scanActor, loadActorParts, actorParts.fill)
}

// RelationsOf lists an actor's relations in both directions: theirs first, then those others
// have to them, each by the other actor's name.
func (s *Store) RelationsOf(ctx context.Context, actorID string) ([]RelationView, error) {
	return readOf(ctx, s, kindActor, actorID, "relations of actor "+actorID, func(q querier) ([]RelationView, error) {
		return collect(ctx, q, `
			SELECT 1, r.kind, r.note, r.other_id, a.name
				FROM actor_relations r JOIN actors a ON a.id = r.other_id WHERE r.actor_id = ?1
			UNION ALL
			SELECT 0, r.kind, r.note, r.actor_id, a.name
				FROM actor_relations r JOIN actors a ON a.id = r.actor_id WHERE r.other_id = ?1
			ORDER BY 1 DESC, 5 COLLATE NOCASE, 2`, []any{actorID}, func(rows *sql.Rows) (RelationView, error) {
			var v RelationView
			err := rows.Scan(&v.Outgoing, &v.Kind, &v.Note, &v.OtherID, &v.OtherName)
			return v, err
		})
	})
}
