// Package cli is Parley's command line: the same binary as the window, run with a subcommand
// (parley list, parley export, …) for work without a display and for scripts.
//
// Each subcommand lives in its own file and registers itself in init():
//
//	func init() {
//		register(command{name: "backup", usage: "--db FILE -o FILE", summary: "…", run: runBackup})
//	}
//
// A run function parses its arguments with dbFlags (newFlags for a command without --db) and
// parseArgs, works on the database through inDatabase (opened with openForReading or
// openExisting; openOrCreate for the commands that may create it), writes its output to stdout
// and returns an error. Run turns errors into sentences on stderr: usage mistakes (usagef, bad
// flags) exit with 2, everything else with 1.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Version is the version `parley version` reports; main sets it from its build-time version.
var Version = "0.1.0"

// command is one subcommand.
type command struct {
	name    string // "list"
	usage   string // its arguments, e.g. "--db FILE [--json] meetings|actors|…"
	summary string // one line for `parley help`
	// run does the work. stdout receives the command's output; an error goes to stderr.
	run func(ctx context.Context, args []string, stdout io.Writer) error
}

var commands = map[string]command{}

// register adds a subcommand; it is called from the init function of the command's file.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("cli: command " + c.name + " registered twice")
	}
	commands[c.name] = c
}

// aliases are the flag-style spellings of help and version.
var aliases = map[string]string{
	"-h": "help", "-help": "help", "--help": "help",
	"-version": "version", "--version": "version",
}

// IsCommand reports whether name is a subcommand (or --help, --version), so that main can tell
// `parley list …` from `parley --db FILE`, which opens the window.
func IsCommand(name string) bool {
	if a, ok := aliases[name]; ok {
		name = a
	}
	_, ok := commands[name]
	return ok
}

// Run runs the subcommand args[0] with the arguments after it (args does not include the
// program name) and returns the exit status: 0 on success, 1 when the work failed, 2 when the
// command line was wrong.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		_ = writeHelp(stderr)
		return 2
	}
	name := args[0]
	if a, ok := aliases[name]; ok {
		name = a
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "parley: %q is not a command. Run \"parley help\" to see them.\n", name)
		return 2
	}
	err := c.run(context.Background(), args[1:], stdout)
	var (
		usage *usageError
		prob  *problem
	)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		_ = say(stdout, c.help())
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "parley %s: %s\n%s\n", c.name, usage.msg, strings.TrimSpace("Usage: parley "+c.name+" "+c.usage))
		return 2
	case errors.As(err, &prob):
		fmt.Fprintf(stderr, "parley %s: %s\n", c.name, sentence(prob.sentence))
		if prob.err != nil {
			fmt.Fprintf(stderr, "  detail: %v\n", prob.err)
		}
		return 1
	default:
		fmt.Fprintf(stderr, "parley %s: %v\n", c.name, err)
		return 1
	}
}

// help is the text of `parley help NAME`.
func (c command) help() string {
	return strings.TrimSpace("Usage: parley "+c.name+" "+c.usage) + "\n\n" + c.summary
}

// sentence ends s with a full stop unless it ends with punctuation already.
func sentence(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// commandNames lists the subcommands in alphabetical order.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// usageError is a mistake on the command line; Run prints it with the command's usage and
// exits with 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// problem is a failure told as a sentence the user can act on; err keeps the technical detail.
type problem struct {
	sentence string
	err      error
}

func (p *problem) Error() string {
	if p.err == nil {
		return p.sentence
	}
	return p.sentence + ": " + p.err.Error()
}

func (p *problem) Unwrap() error { return p.err }

// newFlags is the flag set of one subcommand. Its errors are returned, not printed: Run prints
// them with the command's usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseArgs parses args with fs and returns the positional arguments. Flags may come before or
// after them (`parley list meetings --json`); everything after "--" is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s", flagMistake(err))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// parseOneArg parses args with fs for a command that takes exactly one positional argument
// and returns it; none and many are the mistakes said when it is missing or there are more.
func parseOneArg(fs *flag.FlagSet, args []string, none, many string) (string, error) {
	rest, err := parseArgs(fs, args)
	switch {
	case err != nil:
		return "", err
	case len(rest) == 0:
		return "", usagef("%s", none)
	case len(rest) > 1:
		return "", usagef("%s", many)
	}
	return rest[0], nil
}

// parseFlags parses args for a command that takes options only: an argument left over is
// refused, with hint (when there is one) saying where it belongs.
func parseFlags(fs *flag.FlagSet, args []string, hint string) error {
	rest, err := parseArgs(fs, args)
	switch {
	case err != nil:
		return err
	case len(rest) > 0 && hint != "":
		return usagef("unexpected argument %q (%s)", rest[0], hint)
	case len(rest) > 0:
		return usagef("unexpected argument %q", rest[0])
	}
	return nil
}

// flagMistake rewords the flag package's errors.
func flagMistake(err error) string {
	msg := err.Error()
	if opt, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "unknown option " + opt
	}
	if opt, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "option " + opt + " needs a value"
	}
	return msg
}

// plural writes "1 meeting", "6 meetings".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
