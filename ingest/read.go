package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"

	"github.com/parley-app/parley/storage"
)

// MaxBytes is the largest file read as an article: a long feature is 50 kB of text; 2 MB is
// a book, or not an article at all.
const MaxBytes = 2 << 20

// Article is the text to read, with what the file itself says about it.
type Article struct {
	Title     string              // from the page, when it is HTML; else the first line is tried
	Publisher string              // the site's name, from a page
	Published storage.PartialDate // from a page's metadata
	Reference string              // the file name or the page's address
	Body      string              // plain text, one paragraph a line
}

// ErrNotArticle is input that holds no article text: empty, binary, a PDF, a page without
// an article, or too large. The wrapping error says which, in words for the user.
var ErrNotArticle = errors.New("no article to read")

// Read turns a file's bytes into an article: plain text as it is, an HTML page reduced to its
// article by go-trafilatura. name is the file's name, for the reference.
func Read(data []byte, name string) (Article, error) {
	base := filepath.Base(name)
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return Article{}, fmt.Errorf("%s is empty: %w", base, ErrNotArticle)
	case len(data) > MaxBytes:
		return Article{}, fmt.Errorf("%s is %.1f MB, larger than any article (at most %d MB): %w", base, float64(len(data))/(1<<20), MaxBytes>>20, ErrNotArticle)
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return Article{}, fmt.Errorf("%s is a PDF; save the article as text or HTML (or copy its text) and import that: %w", base, ErrNotArticle)
	case bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data):
		return Article{}, fmt.Errorf("%s is not text (it looks like a binary file, or text in an encoding other than UTF-8): %w", base, ErrNotArticle)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if isHTML(data, name) {
		return readHTML(data, base)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	return Article{Reference: "File " + base, Body: text}, nil
}

func isHTML(data []byte, name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return true
	}
	head := strings.ToLower(string(data[:min(len(data), 512)]))
	head = strings.TrimSpace(head)
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

func readHTML(data []byte, base string) (Article, error) {
	res, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{ExcludeComments: true, EnableFallback: true})
	if err != nil || res == nil || len(strings.Fields(res.ContentText)) < 30 {
		return Article{}, fmt.Errorf("%s is a web page without an article in it (no run of paragraphs to read): %w", base, ErrNotArticle)
	}
	a := Article{Title: strings.TrimSpace(res.Metadata.Title), Publisher: strings.TrimSpace(res.Metadata.Sitename), Body: res.ContentText}
	a.Reference = "Web page saved as " + base
	if u := strings.TrimSpace(res.Metadata.URL); u != "" {
		a.Reference = u
	}
	if d := res.Metadata.Date; !d.IsZero() {
		a.Published = storage.PartialDate{Year: d.Year(), Month: d.Month(), Day: d.Day()}
	}
	return a, nil
}
