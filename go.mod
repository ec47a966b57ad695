module github.com/parley-app/parley

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/arran4/golang-ical v0.3.4 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/jung-kurt/gofpdf v1.16.2 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
)
