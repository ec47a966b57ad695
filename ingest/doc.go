// Package ingest reads a news article offline and proposes the dossier records it implies:
// the people it names with their titles, organisations, sides and stated relations; the
// events it dates (resolved against the publication date, at the precision the text gives);
// the quotes with their speakers; the names each party gives a disputed place; and the
// article itself as a Source. Every proposal keeps the sentence it came from.
//
// The package only reads: text in, proposals out, compared with the dossier's records that
// the caller passes in (a *storage.Dossier), so that a person or meeting already there is
// proposed as an update instead of a duplicate. It knows nothing of windows or of the
// database; tasks.ApplyIngest stores what a user accepts.
//
// The finders are rules over the vocabulary of one language (Language; English first), not a
// statistical model: news names people and dates in a few set patterns ("Japanese Foreign
// Minister Fumio Kishida", "Igor Morgulov, Russia's deputy foreign minister", "last
// Thursday"), and a rule that does not fire proposes nothing rather than a guess. HTML is
// reduced to the article's text by go-readability.
package ingest
