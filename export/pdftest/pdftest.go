// Package pdftest reads briefing packs back in tests, with poppler's and qpdf's command-line
// tools: what a test checks is the PDF a reader gets, not the bytes Parley meant to write.
// A tool that is not installed fails the test rather than skipping it — a pack test that does
// not read its PDF must not pass — and says which package to install.
package pdftest

import (
	"os/exec"
	"strings"
	"testing"
)

// debianPackages names the Debian/Ubuntu package of each tool. The Makefile's DEB_PACKAGES
// lists the same packages, so make deps (and make test) installs them.
var debianPackages = map[string]string{
	"pdftotext": "poppler-utils",
	"pdfinfo":   "poppler-utils",
	"pdffonts":  "poppler-utils",
	"pdfimages": "poppler-utils",
	"qpdf":      "qpdf",
}

// Run runs the tool name with args and returns what it printed; a missing tool or a failure
// fails the test.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	pkg, ok := debianPackages[name]
	if !ok {
		t.Fatalf("pdftest: add %s and its Debian package to debianPackages", name)
	}
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed, and the PDF tests need it: install the Debian/Ubuntu package %s "+
			"(make deps installs it, as make test does; elsewhere install %s from your system's packages)",
			name, pkg, pkg)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Text is the text of the PDF at path, in reading order.
func Text(t testing.TB, path string) string {
	t.Helper()
	return Run(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

// LayoutText is the text of the PDF at path laid out as on the page.
func LayoutText(t testing.TB, path string) string {
	t.Helper()
	return Run(t, "pdftotext", "-enc", "UTF-8", "-layout", path, "-")
}
