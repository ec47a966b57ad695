package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"

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
// article by go-readability. name is the file's name, for the reference.
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

// readHTML keeps a saved web page's article: go-readability (a port of Mozilla's Readability)
// finds the article's element, and its text keeps the paragraph breaks the sentence splitter
// needs. go-trafilatura did this too, but through go-dateparser, whose package initialisers cost
// every Parley command 0.2 s and 80 MB at start-up, article or not.
func readHTML(data []byte, base string) (Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, fmt.Errorf("%s is not a web page Parley can read: %w", base, ErrNotArticle)
	}
	canonical := pageURL(doc)
	res, err := readability.FromDocument(doc, nil)
	var body string
	if err == nil && res.Node != nil {
		body = blockText(res.Node)
	}
	if len(strings.Fields(body)) < 30 {
		return Article{}, fmt.Errorf("%s is a web page without an article in it (no run of paragraphs to read): %w", base, ErrNotArticle)
	}
	a := Article{Title: strings.TrimSpace(res.Title), Publisher: strings.TrimSpace(res.SiteName), Body: body}
	a.Reference = "Web page saved as " + base
	if canonical != "" {
		a.Reference = canonical
	}
	if d := res.PublishedTime; d != nil && !d.IsZero() {
		a.Published = storage.PartialDate{Year: d.Year(), Month: d.Month(), Day: d.Day()}
	}
	return a, nil
}

// pageURL is the address a saved page says it came from: its canonical link or og:url.
func pageURL(doc *html.Node) string {
	var found string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[strings.ToLower(a.Key)] = a.Val
			}
			switch {
			case n.Data == "link" && strings.EqualFold(attr["rel"], "canonical"):
				found = strings.TrimSpace(attr["href"])
			case n.Data == "meta" && attr["property"] == "og:url":
				found = strings.TrimSpace(attr["content"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found
}

// blockElements end a paragraph of the text blockText writes.
var blockElements = map[string]bool{"p": true, "div": true, "br": true, "li": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "section": true, "article": true,
	"tr": true, "figcaption": true, "pre": true}

// blockText is the text under n with a blank line after each block element, spaces folded.
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.Data == "script" || n.Data == "style" {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockElements[n.Data] {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	var paras []string
	for _, p := range strings.Split(b.String(), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}
