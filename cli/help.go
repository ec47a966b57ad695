package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
)

func init() {
	register(command{
		name:    "help",
		usage:   "[COMMAND]",
		summary: "Show the commands, or how to use one of them.",
		run:     runHelp,
	})
}

func runHelp(ctx context.Context, args []string, stdout io.Writer) error {
	rest, err := parseArgs(newFlags("help"), args)
	if err != nil {
		return err
	}
	switch len(rest) {
	case 0:
		return writeHelp(stdout)
	case 1:
		c, ok := commands[rest[0]]
		if !ok {
			return usagef("%q is not a command", rest[0])
		}
		return say(stdout, c.help())
	}
	return usagef("ask about one command at a time")
}

func writeHelp(w io.Writer) error {
	var b strings.Builder
	b.WriteString("Parley prepares diplomatic negotiations: talks, actors, disputes and sources in one file.\n\n")
	b.WriteString("Usage:\n  parley [--db FILE] [--empty]   (opens the window)\n")
	for _, name := range commandNames() {
		b.WriteString("  " + strings.TrimSpace("parley "+name+" "+commands[name].usage) + "\n")
	}
	b.WriteString("\nCommands:\n")
	for _, name := range commandNames() {
		fmt.Fprintf(&b, "  %-8s %s\n", name, firstClause(commands[name].summary))
	}
	b.WriteString("\nWithout --db, Parley uses the database in your data folder.\n")
	b.WriteString("Run \"parley help COMMAND\" for one command.\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// firstClause is a summary up to its first full stop or semicolon, for the overview; `parley
// help COMMAND` shows the rest.
func firstClause(summary string) string {
	end := len(summary)
	for _, sep := range []string{". ", "; "} {
		if i := strings.Index(summary, sep); i >= 0 && i < end {
			end = i
		}
	}
	return sentence(summary[:end])
}
