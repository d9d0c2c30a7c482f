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
	topics := []string{"all", "tutor", "plain", "man"}
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
	case "man":
		writeManPage(stdout)
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
	for _, s := range helpSections() {
		fmt.Fprintf(w, "\n%s\n%s\n\n%s", s.title, strings.Repeat("=", len(s.title)), s.text)
	}
}

// helpSection is one part of help all and of the man page.
type helpSection struct{ title, text string }

// helpSections returns the tutor's, each command's and plain mode's reference.
func helpSections() []helpSection {
	var b strings.Builder
	writeTutorHelp(&b)
	out := []helpSection{{"nnmath (the tutor)", b.String()}}
	for _, r := range references() {
		var b strings.Builder
		writeReference(&b, r)
		out = append(out, helpSection{"nnmath " + r.name, b.String()})
	}
	return append(out, helpSection{"Plain mode", plain.Help()})
}

// writeManPage writes the text of help all as a man page (roff), for
// "nnmath help man > nnmath.1".
func writeManPage(w io.Writer) {
	var u strings.Builder
	usage(&u)
	fmt.Fprintf(w, ".TH NNMATH 1 \"\" \"nnmath %s\" \"User Commands\"\n", version)
	fmt.Fprintln(w, ".SH NAME\nnnmath \\- learn the math inside a neural network, number by number")
	fmt.Fprintln(w, ".SH SYNOPSIS")
	writeRoffBlock(w, u.String())
	for _, s := range helpSections() {
		fmt.Fprintf(w, ".SH %s\n", roffEscape(strings.ToUpper(s.title)))
		writeRoffBlock(w, s.text)
	}
}

// writeRoffBlock writes text as it is laid out, in a no-fill block.
func writeRoffBlock(w io.Writer, text string) {
	fmt.Fprintln(w, ".nf")
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		fmt.Fprintln(w, roffEscape(l))
	}
	fmt.Fprintln(w, ".fi")
}

// roffEscape writes a line of text so that roff prints it as it is: a
// backslash doubled, a leading dot or quote made harmless.
func roffEscape(line string) string {
	line = strings.ReplaceAll(line, `\`, `\e`)
	if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
		line = `\&` + line
	}
	return line
}
