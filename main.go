// Parley prepares diplomatic negotiations: a calendar of talks, actor profiles, dispute fact
// sheets and briefing packs, kept in one SQLite file on the diplomat's own laptop.
//
// `parley` (or `parley --db FILE`) opens the window; `parley COMMAND …` runs a command without
// one (see `parley help`).
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"os"
	// Time zones work on machines without a zone database (Windows).
	_ "time/tzdata"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/cli"
	// Before anything of Fyne: a C.UTF-8 locale would make Fyne log an error at start-up.
	_ "github.com/parley-app/parley/app/fynelocale"
)

// version is set at build time with -ldflags "-X main.version=…"; it defaults to the version
// in FyneApp.toml.
var version = "0.1.0"

// icon is the application icon, for the window of a binary built without `fyne package`.
//
//go:embed Icon.png
var icon []byte

func main() {
	cli.Version = version
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		cli.AttachConsole()
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}

	flags := flag.NewFlagSet("parley", flag.ContinueOnError)
	flags.SetOutput(os.Stderr)
	db := flags.String("db", "", "the Parley database file (default: the last one opened, or the one in your data folder)")
	empty := flags.Bool("empty", false, "create a new database without the sample dossier")
	flags.Usage = func() { cli.Run([]string{"help"}, os.Stderr, os.Stderr) }
	if err := flags.Parse(os.Args[1:]); errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	} else if err != nil {
		os.Exit(2)
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "parley: %q is not a command. Run \"parley help\" to see them.\n", flags.Arg(0))
		os.Exit(2)
	}
	if err := app.Run(app.Options{DBPath: *db, Empty: *empty, Version: version, Icon: icon}); err != nil {
		fmt.Fprintln(os.Stderr, "parley:", err)
		os.Exit(1)
	}
}
