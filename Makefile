# Parley's build. Every target builds with the same tags: go-sqlite3 has no full-text search
# (FTS5) without sqlite_fts5, and Parley refuses to open a database without it.
#
#   make run     install what is missing, build bin/parley and open the window
#   make test    install what is missing, then vet, gofmt check, lint and race-enabled tests
#   make lint    staticcheck (pinned in tools/go.mod), its default checks
#   make build   build bin/parley
#   make bench   run the benchmarks
#   make scale   the whole-process figures of docs/performance.md (slow: not in test)
#   make torture the crash test with 500 kills (PARLEY_CRASH_KILLS; make test runs 20)
#   make fuzz    each fuzzer in turn for FUZZTIME (default 5m; make test runs only the seeds)
#   make deps    install missing build packages (Debian/Ubuntu), or say what to install
#   make package          Parley.tar.xz for Linux: binary, .desktop entry and icon
#   make package-windows  Parley.exe for Windows, cross-built with mingw-w64 (slow: not in test)
#   make icon             redraw Icon.png (cmd/mkicon)
#   make screenshots      docs/screenshots/*-WxH.png of every screen at three sizes (tools/screenshots.sh)
#   make windows-lock     the lock tests cross-built for Windows, run under Wine when installed

GO      ?= go
TAGS    ?= sqlite_fts5
BIN     := bin/parley
# Tools pinned apart from the application's go.mod: the fyne packager and staticcheck.
GO_TOOL := $(GO) tool -modfile=tools/go.mod
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml 2>/dev/null)
LDFLAGS := -X main.version=$(or $(VERSION),0.1.0)

# Fyne reads the locale from LANG and logs an error for C.UTF-8, POSIX or none; the window
# then gets British English, which only affects dates and the first day of the week.
RUN_LANG := $(if $(filter-out C C.UTF-8 C.utf8 POSIX,$(LANG)),$(LANG),en_GB.UTF-8)

# Debian/Ubuntu packages: the C toolchain for cgo (SQLite, OpenGL), the OpenGL and X11 headers
# Fyne builds against, and the PDF tools the briefing-pack tests call (pdftotext, qpdf).
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils qpdf fonts-droid-fallback fonts-noto-core

.PHONY: all build run test vet fmt-check lint bench scale torture fuzz ics-validate deps clean

all: build

build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) .

run: deps build
	LANG=$(RUN_LANG) ./$(BIN) $(ARGS)

# -timeout 30m: the app package runs a few minutes under -race on a quiet machine; on a loaded one
# it passed Go's default 10 minutes per package (the suite stays well inside CI's 90).
test: deps vet fmt-check lint
	LANG=en_GB.UTF-8 $(GO) test -race -timeout 30m -tags $(TAGS) ./...

vet:
	$(GO) vet -tags $(TAGS) ./...

fmt-check:
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then \
		echo "These files need gofmt -w:"; echo "$$unformatted"; exit 1; \
	fi

# staticcheck (honnef.co/go/tools v0.8.2) is pinned in tools/go.mod next to the fyne tool;
# `go tool` builds it on first use. It type-checks with the same tags as the build, so the
# FTS5 files are the ones it reads.
lint:
	$(GO_TOOL) staticcheck -tags $(TAGS) ./...

bench:
	LANG=en_GB.UTF-8 $(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# make scale: the table of docs/performance.md (tools/scale.sh, whole process, median of 5
# with hyperfine) on synthetic dossiers of SCALE_SIZES meetings, built once under /tmp with
# `parley synth` (a fifth as many actors, three statements a meeting). Slow — about half an
# hour for the three sizes and 5 GB of disk — and never part of make test.
SCALE_SIZES ?= 1000 10000 100000

scale: build
	@command -v hyperfine >/dev/null 2>&1 || { echo "hyperfine is missing (apt-get install hyperfine)."; exit 1; }
	@for n in $(SCALE_SIZES); do \
		db=/tmp/parley-synth-$$n.db; \
		[ -f $$db ] || ./$(BIN) synth --db $$db --meetings $$n --actors $$((n / 5)) --quotes $$((n * 3)) || exit 1; \
		tools/scale.sh $(BIN) $$db || exit 1; \
	done

# make torture: TestCrash (storage/crash_test.go) SIGKILLs a child doing imports and edits
# PARLEY_CRASH_KILLS times and checks the file after each kill; PARLEY_CRASH_SEED repeats a run.
PARLEY_CRASH_KILLS ?= 500

# make ics-validate: the calendar export read by ical.js and python-icalendar, every timed
# event's instant checked against the dossier (tools/validate-ics.sh; needs the network once,
# for ical.js from the npm registry).
ics-validate: build
	tools/validate-ics.sh $(BIN)

torture:
	PARLEY_CRASH_KILLS=$(PARLEY_CRASH_KILLS) $(GO) test -tags $(TAGS) -run TestCrash -count=1 -v -timeout 60m ./storage/

# make fuzz: the bundle reader, the calendar reader and the date parser, FUZZTIME each. An
# input that fails is written under the package's testdata/fuzz/<Fuzzer>/: commit it, and
# every later go test runs it as a regression test.
# Minimising each new input for the default 60 s stalls the bundle fuzzer, whose seed is the
# whole sample bundle (a 60 s run did 18 executions); 1 s lets it run (~3,000 a second).
FUZZTIME ?= 5m
FUZZMINIMIZE ?= 1s

fuzz:
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzReadBundle$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./storage/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzReadCalendar$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./ical/
	$(GO) test -tags $(TAGS) -run '^$$' -fuzz '^FuzzParseFuzzyDate$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./storage/

# deps is quiet when everything is there. On Debian and Ubuntu it installs the missing packages
# with apt-get (through sudo unless run as root); elsewhere it says what to install.
deps:
	@command -v $(GO) >/dev/null 2>&1 || { \
		echo "Go is not installed: Parley needs Go 1.26 or newer (https://go.dev/dl/)."; exit 1; }
	@have="$$($(GO) env GOVERSION | sed 's/^go//')"; \
	if [ "$$(printf '%s\n' 1.26 "$$have" | sort -V | head -n1)" != 1.26 ]; then \
		echo "Go $$have is too old: Parley needs Go 1.26 or newer (https://go.dev/dl/)."; exit 1; fi
	@if command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
		missing=""; \
		for p in $(DEB_PACKAGES); do \
			dpkg -s "$$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
			echo "Installing:$$missing"; \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		fi; \
	else \
		missing=""; \
		for t in gcc pkg-config pdftotext qpdf; do \
			command -v "$$t" >/dev/null 2>&1 || missing="$$missing $$t"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "Missing:$$missing. This is not Debian or Ubuntu, so nothing was installed."; \
			echo "Parley needs a C compiler, pkg-config and the OpenGL and X11 development headers"; \
			echo "(Fedora: dnf install gcc pkgconf-pkg-config mesa-libGL-devel libXcursor-devel"; \
			echo "libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel; macOS:"; \
			echo "xcode-select --install); the PDF tests also use poppler-utils and qpdf."; \
		fi; \
	fi

clean:
	rm -rf bin

# Packaging with the fyne tool (fyne.io/tools v1.7.4), pinned in tools/go.mod rather than in
# go.mod because it requires a newer Fyne than the one Parley is built against. `go tool`
# builds it on first use. FyneApp.toml gives the name, ID, version, icon and desktop metadata;
# docs/packaging.md has sizes and build times.
FYNE     := $(GO_TOOL) fyne
MINGW_CC := x86_64-w64-mingw32-gcc
# `fyne package` counts builds by rewriting FyneApp.toml (Build + 1, comments dropped). The
# build number is the committed one, so the file is put back however the packaging ends.
KEEP_TOML := cp FyneApp.toml FyneApp.toml.orig && trap 'mv -f FyneApp.toml.orig FyneApp.toml' EXIT && \
	trap 'exit 130' INT TERM &&

.PHONY: package package-windows icon

package: deps
	@command -v xz >/dev/null 2>&1 || { echo "xz is missing (Debian/Ubuntu: apt-get install xz-utils)."; exit 1; }
	rm -f Parley.tar.xz
	$(KEEP_TOML) $(FYNE) package --os linux --tags $(TAGS) --release
	@tar tJf Parley.tar.xz

# The fyne tool sets GOOS=windows and CGO_ENABLED=1 for the app build it runs; CC picks the
# cross-compiler. The tool itself is built first (`go tool -n` builds it and prints its path)
# so that CC and GOOS never reach its own, native, build.
package-windows: deps
	@command -v $(MINGW_CC) >/dev/null 2>&1 || { \
		if command -v apt-get >/dev/null 2>&1; then \
			sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
			echo "Installing: gcc-mingw-w64-x86-64"; \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64; \
		else \
			echo "$(MINGW_CC) is missing: install mingw-w64 (the x86_64 GCC cross-compiler)."; exit 1; \
		fi; }
	rm -f Parley.exe
	$(KEEP_TOML) fyne="$$($(GO_TOOL) -n fyne)" && \
		CC=$(MINGW_CC) CGO_ENABLED=1 "$$fyne" package --os windows --tags $(TAGS) --release
	@file Parley.exe

icon:
	$(GO) run ./cmd/mkicon -o Icon.png -size 1024

# make screenshots: the real window under Xvfb at 1366x768, 1024x600 and 680x700 (SIZES), every
# screen on a fresh sample dossier, into docs/screenshots/ (needs xvfb, xdotool, imagemagick).
.PHONY: screenshots
screenshots:
	tools/screenshots.sh
# make windows-lock: the storage tests of the database lock (storage/lock_windows.go locks a byte
# of the database file itself) cross-built for Windows with mingw-w64 and run under Wine when it
# is installed (Debian: wine64, which puts wine64 in /usr/lib/wine). Wine runs in a prefix of its
# own (bin/wine). Debian 12's Wine 8.0 lacks bcryptprimitives.dll, without which no Go 1.22+
# program starts; tools/wine/bcryptprimitives.c is a stand-in built into that prefix only. Wine 8
# also cannot delete files the way Go 1.26 does, so PARLEY_TEST_UNDER_WINE tells the tests to
# leave their temporary folders to the prefix. Without Wine it vets the package for Windows and
# builds the test binary, and says that it did not run it.
WINE ?= $(firstword $(shell command -v wine64 wine 2>/dev/null) $(wildcard /usr/lib/wine/wine64))
WINDOWS_LOCK_TESTS ?= TestLockFollowsTheFileNotItsName|TestOpenSecondTimeIsLocked|TestCreateIsWhole|TestHotJournal
WINE_PREFIX := $(CURDIR)/bin/wine

.PHONY: windows-lock

windows-lock:
	@command -v $(MINGW_CC) >/dev/null 2>&1 || { echo "$(MINGW_CC) is missing: make package-windows installs it (gcc-mingw-w64-x86-64)."; exit 1; }
	CC=$(MINGW_CC) CGO_ENABLED=1 GOOS=windows GOARCH=amd64 $(GO) vet -tags $(TAGS) ./storage/
	CC=$(MINGW_CC) CGO_ENABLED=1 GOOS=windows GOARCH=amd64 $(GO) test -c -tags $(TAGS) -o bin/storage-test.exe ./storage/
	@if [ -z "$(WINE)" ]; then \
		echo "Wine is not installed (Debian: apt-get install wine64): bin/storage-test.exe is built and vetted, not run."; \
		exit 0; \
	fi; \
	export WINEPREFIX="$(WINE_PREFIX)" WINEDEBUG=-all; \
	if [ ! -d "$(WINE_PREFIX)/drive_c/windows/system32" ]; then "$(WINE)" wineboot --init >/dev/null 2>&1 || true; fi; \
	sys32="$(WINE_PREFIX)/drive_c/windows/system32"; \
	if [ ! -e "$$sys32/bcryptprimitives.dll" ] || [ -e "$$sys32/.parley-bcryptprimitives" ]; then \
		$(MINGW_CC) -shared -O2 -o "$$sys32/bcryptprimitives.dll" tools/wine/bcryptprimitives.c -ladvapi32 && \
		touch "$$sys32/.parley-bcryptprimitives" && \
		echo "This Wine lacks bcryptprimitives.dll: a stand-in (tools/wine/bcryptprimitives.c) is in $(WINE_PREFIX)."; \
	fi; \
	PARLEY_TEST_UNDER_WINE=1 "$(WINE)" bin/storage-test.exe -test.run '^($(WINDOWS_LOCK_TESTS))$$' -test.v
