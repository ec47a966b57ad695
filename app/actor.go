package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// actorPage is an actor's profile: names, posts, side, biography and stance as an editable
// form with an explicit Save, and their relationships, statements and meetings, which are
// recorded at once.
type actorPage struct {
	recordPage
	a storage.Actor // as stored; ID "" for a new actor

	kind                          *widget.Select
	name, native, pronunciation   *widget.Entry
	otherNames                    *widgets.StringListEditor
	titleE, organisation, country *widget.Entry
	role, tags                    *widget.Entry
	biography, stance             *widgets.TextArea
	posts                         *widgets.TableEditor
	photo                         []byte
	profile                       *widgets.ProfileHeader
	removePhoto                   *widget.Button
	relBox, stmtBox, meetBox      *fyne.Container
	relAdd, stmtAdd               *widget.Button
	relations                     []storage.RelationView
	statements                    []storage.Statement
	meetings                      []storage.MeetingSummary
	sourceTitles                  map[string]string // of the statements' sources, by ID
	allStatements, allMeetings    bool              // the whole lists shown, not the latest (see disputePage)
}

// actorData is what the profile loads.
type actorData struct {
	a          storage.Actor
	relations  []storage.RelationView
	statements []storage.Statement
	meetings   []storage.MeetingSummary
	// sourceTitles are the titles of the statements' sources: the statement dialog reads
	// every source and dispute when it opens (a dossier has thousands of sources).
	sourceTitles map[string]string
}

func newActorPage(u *ui, id string) *actorPage {
	p := &actorPage{recordPage: recordPage{u: u}, a: storage.Actor{ID: id}}
	p.build()
	return p
}

func newActorDraft(u *ui) *actorPage {
	p := &actorPage{recordPage: recordPage{u: u}, a: storage.Actor{Kind: storage.ActorPerson}}
	p.build()
	return p
}

func (p *actorPage) build() {
	e := &p.ed
	p.initRecord(p, "actor", func() (string, string) { return p.a.ID, p.a.Name }, p.onDelete)
	p.hdr = widgets.NewRecordHeader(p.saveBtn, p.deleteBtn)

	p.kind = selectOf(e, []string{string(storage.ActorPerson), string(storage.ActorOrganisation)})
	p.name = textEntry(e, "display name in Latin script, e.g. Igor Morgulov")
	p.first = p.name
	p.native = textEntry(e, "in the actor's own script, e.g. Игорь Моргулов")
	p.otherNames = stringList(e, false, "another spelling or transliteration", "Add a spelling")
	p.pronunciation = textEntry(e, "e.g. EE-gor mor-GOO-lov")
	p.titleE = textEntry(e, "current title, e.g. Deputy Minister of Foreign Affairs")
	p.organisation = textEntry(e, "e.g. Ministry of Foreign Affairs of Russia")
	p.country = textEntry(e, "the side they are on, e.g. Russia")
	p.role = textEntry(e, "their role in this negotiation, e.g. head of the Russian delegation")
	p.biography = textArea(e, "career, background", 5)
	p.stance = textArea(e, "stance and interests on the questions at stake", 4)
	p.tags = textEntry(e, "comma-separated")
	p.posts = tableEditor(e, "Add a post", postColumns...)

	fs := p.fs
	fs.add("kind", "Kind", p.kind)
	fs.add("name", "Name", p.name)
	fs.add("native_name", "Native script", p.native)
	fs.add("other_names", "Other spellings", p.otherNames)
	fs.add("pronunciation", "Pronunciation", p.pronunciation)
	fs.add("title", "Title", p.titleE)
	fs.add("organisation", "Organisation", p.organisation)
	fs.add("country", "Side", p.country)
	fs.add("role", "Role in the talks", p.role)
	fs.add("posts", "Post history", p.posts)
	fs.add("biography", "Biography", p.biography)
	fs.add("stance", "Stance", p.stance)
	fs.add("tags", "Tags", p.tags)
	fs.add("photo", "Photo", widget.NewLabel(""))

	p.profile = widgets.NewProfileHeader(widgets.Profile{})
	choose := widget.NewButtonWithIcon("Choose photo…", theme.FileImageIcon(), p.onChoosePhoto)
	p.removePhoto = widget.NewButtonWithIcon("Remove photo", theme.ContentRemoveIcon(), func() {
		p.photo = nil
		p.ed.touch()
		p.refreshPhoto()
	})
	p.removePhoto.Importance = widget.LowImportance
	photoCol := container.NewVBox(p.profile, container.NewHBox(choose, p.removePhoto), fs.rows["photo"].msg)

	p.relBox = container.NewVBox()
	p.stmtBox = container.NewVBox()
	p.meetBox = container.NewVBox()
	p.relAdd = widget.NewButtonWithIcon("Add relationship…", theme.ContentAddIcon(), p.onAddRelation)
	p.stmtAdd = widget.NewButtonWithIcon("Add statement…", theme.ContentAddIcon(), func() { p.editStatement(storage.Statement{ActorID: p.a.ID}) })

	names := section("Names", fs.grid("kind", "name", "native_name", "other_names", "pronunciation"))
	// The photo goes above the names in a window too narrow for both side by side.
	top := container.New(widgets.NewBeside(680), container.NewPadded(photoCol), names)
	body := container.NewVBox(
		fs.general,
		top,
		section("Position", fs.grid("title", "organisation", "country", "role")),
		section("Post history", fs.rows["posts"].cell),
		section("Biography", fs.rows["biography"].cell),
		section("Stance and interests", fs.rows["stance"].cell),
		section("Relationships", p.relBox, container.NewHBox(p.relAdd)),
		section("Statements", p.stmtBox, container.NewHBox(p.stmtAdd)),
		section("Meetings", p.meetBox),
		section("Tags", fs.rows["tags"].cell),
	)
	p.frame(widgets.NewPageScroll(container.NewPadded(body)))
	p.refreshHeader()
	p.refreshPhoto()
}

func (p *actorPage) show() {
	if p.loaded && p.dirty() {
		p.reloadRelated()
		return
	}
	st, id, draft := p.u.store, p.a.ID, p.a
	read(&p.recordPage, func(ctx context.Context) (actorData, error) {
		return loadActor(ctx, st, id, draft)
	}, p.apply)
}

func loadActor(ctx context.Context, st *storage.Store, id string, draft storage.Actor) (actorData, error) {
	d := actorData{a: draft}
	var err error
	if id != "" {
		if d.a, err = st.Actor(ctx, id); err != nil {
			return d, err
		}
		if err = loadActorRelated(ctx, st, id, &d); err != nil {
			return d, err
		}
	}
	return d, nil
}

// loadActorRelated reads what is recorded about the actor outside their own record.
func loadActorRelated(ctx context.Context, st *storage.Store, id string, d *actorData) error {
	var err error
	if d.relations, err = st.RelationsOf(ctx, id); err != nil {
		return err
	}
	if d.statements, err = st.Statements(ctx, storage.StatementFilter{ActorID: id}); err != nil {
		return err
	}
	if d.meetings, err = st.MeetingsOfActor(ctx, id); err != nil {
		return err
	}
	ids := make([]string, len(d.statements))
	for i, s := range d.statements {
		ids[i] = s.SourceID
	}
	d.sourceTitles, err = sourceTitles(ctx, st, ids)
	if err != nil {
		return err
	}
	return nil
}

func (p *actorPage) apply(d actorData) {
	p.a = d.a
	p.arrive(func() { p.fill(d.a) })
	p.setRelated(d)
	p.refreshHeader()
}

// reloadRelated refreshes relationships, statements and meetings behind unsaved edits.
func (p *actorPage) reloadRelated() {
	if p.isNew() {
		return
	}
	st, id := p.u.store, p.a.ID
	run(p.u, "", func(ctx context.Context) (actorData, error) {
		var d actorData
		err := loadActorRelated(ctx, st, id, &d)
		return d, err
	}, func(d actorData, err error) {
		if err != nil {
			p.u.showError("refresh the profile", err)
			return
		}
		p.setRelated(d)
	})
}

func (p *actorPage) fill(a storage.Actor) {
	p.kind.SetSelected(string(a.Kind))
	p.name.SetText(a.Name)
	p.native.SetText(a.NativeName)
	p.otherNames.SetItems(a.OtherNames)
	p.pronunciation.SetText(a.Pronunciation)
	p.titleE.SetText(a.Title)
	p.organisation.SetText(a.Organisation)
	p.country.SetText(a.Country)
	p.role.SetText(a.Role)
	p.biography.SetText(a.Biography)
	p.stance.SetText(a.Stance)
	p.tags.SetText(strings.Join(a.Tags, ", "))
	p.posts.SetRows(postRows(a.Posts))
	p.photo = a.Photo
	p.refreshPhoto()
}

func (p *actorPage) refreshHeader() {
	title := p.a.Name
	if p.a.NativeName != "" {
		title += " · " + p.a.NativeName
	}
	var sub []string
	for _, s := range []string{p.a.Title, p.a.Organisation, p.a.Country} {
		if s != "" {
			sub = append(sub, s)
		}
	}
	if p.a.Pronunciation != "" {
		sub = append(sub, "say “"+p.a.Pronunciation+"”")
	}
	p.showHeader(title, strings.Join(sub, " · "), "Fill in what is known and press Save (Ctrl+S).")
	if p.isNew() {
		p.relAdd.Disable()
		p.stmtAdd.Disable()
		p.relBox.Objects = []fyne.CanvasObject{note("Save the actor first; then add relationships and statements here.")}
		p.relBox.Refresh()
		return
	}
	p.relAdd.Enable()
	p.stmtAdd.Enable()
}

// refreshPhoto shows the profile head: the photo (or initials) with the names as stored.
func (p *actorPage) refreshPhoto() {
	p.profile.SetProfile(widgets.Profile{
		Name: p.a.Name, NativeName: p.a.NativeName, Title: p.a.Title, Side: p.a.Country,
		Photo: widgets.PhotoResource("photo-"+p.a.ID, p.photo),
	})
	if len(p.photo) > 0 {
		p.removePhoto.Show()
	} else {
		p.removePhoto.Hide()
	}
}

func (p *actorPage) onChoosePhoto() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.u.showError("choose a photo", err)
			return
		}
		if r == nil {
			return
		}
		run(p.u, "Reading the photo…", func(context.Context) ([]byte, error) {
			defer r.Close()
			return io.ReadAll(io.LimitReader(r, 8<<20))
		}, func(b []byte, err error) {
			if err != nil {
				p.u.showError("read the photo", err)
				return
			}
			p.photo = b
			p.ed.touch()
			p.refreshPhoto()
		})
	}, p.u.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	p.u.showFileDialog(d)
}

// setRelated shows relationships, statements and meetings. Each box is put together, then
// shown: a Container.Add lays out all it holds again.
func (p *actorPage) setRelated(d actorData) {
	if p.isNew() {
		return
	}
	p.relations, p.statements, p.meetings, p.sourceTitles = d.relations, d.statements, d.meetings, d.sourceTitles

	var rels []fyne.CanvasObject
	if len(p.relations) == 0 {
		rels = append(rels, note("No relationships recorded."))
	}
	for _, r := range p.relations {
		r := r
		var text string
		if r.Outgoing {
			text = p.a.Name + " is " + r.Kind + " " + r.OtherName
		} else {
			text = r.OtherName + " is " + r.Kind + " " + p.a.Name
		}
		if r.Note != "" {
			text += " — " + r.Note
		}
		other := widget.NewHyperlink(r.OtherName, nil)
		other.OnTapped = func() { p.u.push(newActorPage(p.u, r.OtherID)) }
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { p.onRemoveRelation(r) })
		rm.Importance = widget.LowImportance
		line := wrapLabel(text)
		rels = append(rels, container.NewBorder(nil, nil, nil, container.NewHBox(other, rm), line))
	}
	p.relBox.Objects = rels
	p.relBox.Refresh()

	var stmts []fyne.CanvasObject
	if len(p.statements) == 0 {
		stmts = append(stmts, note("No statements recorded — add what they said, with when and where, and the source."))
	}
	shown := p.statements
	if !p.allStatements && len(shown) > shownStatements {
		shown = shown[:shownStatements] // newest first
		stmts = append(stmts, p.showAll(fmt.Sprintf("The latest %d of %d:", shownStatements, len(p.statements)),
			fmt.Sprintf("Show all %d statements", len(p.statements)), &p.allStatements))
	}
	for _, s := range shown {
		stmts = append(stmts, p.statementRow(s))
	}
	p.stmtBox.Objects = stmts
	p.stmtBox.Refresh()

	var meets []fyne.CanvasObject
	if len(p.meetings) == 0 {
		meets = append(meets, note("Not a participant of any meeting yet — add them from a meeting's Participants."))
	}
	ms := p.meetings
	if !p.allMeetings && len(ms) > shownMeetings {
		ms = ms[len(ms)-shownMeetings:] // by date: the latest last
		meets = append(meets, p.showAll(fmt.Sprintf("The latest %d of %d:", shownMeetings, len(p.meetings)),
			fmt.Sprintf("Show all %d meetings", len(p.meetings)), &p.allMeetings))
	}
	for _, m := range ms {
		m := m
		link := widget.NewHyperlink(m.Title, nil)
		link.Truncation = fyne.TextTruncateEllipsis
		link.OnTapped = func() { p.u.push(newMeetingPage(p.u, m.ID)) }
		when := widget.NewLabel(m.WhenText())
		meets = append(meets, container.NewBorder(nil, nil, container.New(widgets.NewColumns(240), when), nil, link))
	}
	p.meetBox.Objects = meets
	p.meetBox.Refresh()
}

// showAll is the line above a shortened list: what it shows, and a button that shows it whole.
func (p *actorPage) showAll(what, button string, all *bool) fyne.CanvasObject {
	return showAllLine(what, button, func() {
		*all = true
		p.setRelated(actorData{relations: p.relations, statements: p.statements, meetings: p.meetings, sourceTitles: p.sourceTitles})
	})
}

func (p *actorPage) statementRow(s storage.Statement) fyne.CanvasObject {
	head := s.When.String()
	if s.Occasion != "" {
		head += " · " + s.Occasion
	}
	if s.SourceID != "" {
		head += " · source: " + p.sourceTitle(s.SourceID)
	}
	h := boldLabel(head)
	h.Wrapping = fyne.TextWrapWord
	text := wrapLabel("“" + s.Text + "”")
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { p.editStatement(s) })
	edit.Importance = widget.LowImportance
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		p.u.confirmDelete("this statement", "", func() {
			st := p.u.store
			run(p.u, "Deleting the statement…", func(ctx context.Context) (storage.TrashItem, error) {
				return st.MoveToTrash(ctx, "statement", s.ID)
			}, func(item storage.TrashItem, err error) {
				if err != nil {
					p.u.showError("delete the statement", err)
					return
				}
				p.u.trashed(item)
				p.reloadRelated()
			})
		})
	})
	del.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), container.NewVBox(h, text))
}

func (p *actorPage) sourceTitle(id string) string {
	if t, ok := p.sourceTitles[id]; ok {
		return t
	}
	return id
}

// collect reads the form into an actor, marking what is wrong.
func (p *actorPage) collect() (storage.Actor, bool) {
	p.fs.clearErrors()
	a := p.a
	ok := true
	a.Kind = storage.ActorKind(p.kind.Selected)
	if a.Kind == "" {
		a.Kind = storage.ActorPerson
	}
	a.Name = strings.TrimSpace(p.name.Text)
	if a.Name == "" {
		p.fs.setError("name", "Give the actor's name in Latin script")
		ok = false
	}
	a.NativeName = strings.TrimSpace(p.native.Text)
	a.OtherNames = nonEmpty(p.otherNames.Items())
	a.Pronunciation = strings.TrimSpace(p.pronunciation.Text)
	a.Title = strings.TrimSpace(p.titleE.Text)
	a.Organisation = strings.TrimSpace(p.organisation.Text)
	a.Country = strings.TrimSpace(p.country.Text)
	a.Role = strings.TrimSpace(p.role.Text)
	a.Biography = strings.TrimSpace(p.biography.Text)
	a.Stance = strings.TrimSpace(p.stance.Text)
	a.Tags = commaList(p.tags.Text)
	a.Photo = p.photo
	posts, err := readPosts(p.posts.Rows())
	if err != nil {
		p.fs.setError("posts", firstUpper(err.Error()))
		ok = false
	}
	a.Posts = posts
	if !ok {
		p.u.setStatus("Not saved — correct the fields marked in red")
	}
	return a, ok
}

func (p *actorPage) save(then func()) {
	a, ok := p.collect()
	if !ok {
		return
	}
	st := p.u.store
	saveRecord(&p.recordPage, a, a.Name, st.CreateActor, st.UpdateActor, func(ctx context.Context, a *storage.Actor) (actorData, error) {
		var d actorData
		var err error
		if d.a, err = st.Actor(ctx, a.ID); err != nil {
			return d, err
		}
		err = loadActorRelated(ctx, st, a.ID, &d)
		return d, err
	}, func(d actorData) {
		p.a = d.a
		if p.markSaved() {
			p.ed.fill(func() { p.fill(d.a) })
		}
		p.refreshHeader()
		p.refreshPhoto()
		p.setRelated(d)
		p.u.setStatus("Saved " + d.a.Name)
		then()
	})
}

func (p *actorPage) onDelete() {
	if p.isNew() {
		return
	}
	st, id, name := p.u.store, p.a.ID, p.a.Name
	run(p.u, "", func(ctx context.Context) (storage.ActorUsage, error) {
		return st.ActorUsage(ctx, id)
	}, func(use storage.ActorUsage, err error) {
		if err != nil {
			p.u.showError("check what refers to "+name, err)
			return
		}
		p.deleteRecord(name, usageSentence(use), name, "delete "+name)
	})
}

// usageSentence says what goes with an actor: "This also removes their place in 3 meetings,
// 2 statements and 4 relationships; the meetings themselves stay."
func usageSentence(u storage.ActorUsage) string {
	var parts []string
	if u.Meetings > 0 {
		parts = append(parts, plural(u.Meetings, "their place in 1 meeting", "their place in %d meetings"))
	}
	if u.Statements > 0 {
		parts = append(parts, plural(u.Statements, "1 statement", "%d statements"))
	}
	if u.Relations > 0 {
		parts = append(parts, plural(u.Relations, "1 relationship", "%d relationships"))
	}
	if len(parts) == 0 {
		return "Nothing else refers to them."
	}
	s := parts[0]
	if len(parts) > 1 {
		s = strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	msg := "This also removes " + s
	if u.Meetings > 0 {
		msg += "; the meetings themselves stay"
	}
	return msg + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}
