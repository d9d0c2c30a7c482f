package main

import (
	"fmt"
	"io"
	"strings"

	"nnmath/plain"
)

// helpTopics returns the topics of "nnmath help TOPIC": every command,
// the tutor, plain mode and all of them at once.
func helpTopics() []string {
	topics := []string{"all", "tutor", "plain"}
	for _, c := range commands() {
		topics = append(topics, c.name)
	}
	return topics
}

// runHelp writes the reference of one topic (a command, "tutor", "plain"
// or "all") to stdout.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	topic := args[0]
	switch topic {
	case "all":
		writeAllHelp(stdout)
		return exitOK
	case "tutor":
		writeTutorHelp(stdout)
		return exitOK
	case "plain":
		io.WriteString(stdout, plain.Help())
		return exitOK
	}
	r, used, ok := findReference(references(), args)
	if !ok || used < len(args) {
		fmt.Fprintf(stderr, "nnmath help: no topic %q; the topics are: %s\n", strings.Join(args, " "), strings.Join(helpTopics(), ", "))
		return exitUsage
	}
	writeReference(stdout, r)
	return exitOK
}

// writeReference writes a command's help, or each of its subcommands'.
func writeReference(w io.Writer, r reference) {
	if len(r.subs) == 0 {
		io.WriteString(w, r.help)
		return
	}
	for i, s := range r.subs {
		if i > 0 {
			io.WriteString(w, "\n")
		}
		io.WriteString(w, s.help)
	}
}

// writeTutorHelp writes the tutor's flags and its plain mode.
func writeTutorHelp(w io.Writer) {
	io.WriteString(w, tutorReference().help)
	io.WriteString(w, "\nWith --plain, or when standard input or output is not a terminal, or TERM=dumb, the tutor is\nwritten as plain text: run \"nnmath help plain\" for its commands.\n")
}

// writeAllHelp writes every topic's reference in one text: the overview,
// the tutor, each command, plain mode and completions.
func writeAllHelp(w io.Writer) {
	usage(w)
	section := func(title string) { fmt.Fprintf(w, "\n%s\n%s\n\n", title, strings.Repeat("=", len(title))) }
	section("nnmath (the tutor)")
	writeTutorHelp(w)
	for _, r := range references() {
		section("nnmath " + r.name)
		writeReference(w, r)
	}
	section("Plain mode")
	io.WriteString(w, plain.Help())
}
