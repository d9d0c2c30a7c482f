package main

import (
	"flag"
	"io"
	"regexp"
	"strings"
)

// This file reads the commands' own flag sets and help at run time, so
// that completions and "nnmath help TOPIC" follow every command and flag
// without a second list of them.

// flagCatcher is a writer given to a command as its stderr: newFlagSet
// records each flag set it makes for it, and the help the command writes
// into it is kept.
type flagCatcher struct {
	strings.Builder
	sets []*flag.FlagSet
}

// catch records fs when stderr is a flagCatcher.
func catch(stderr io.Writer, fs *flag.FlagSet) {
	if c, ok := stderr.(*flagCatcher); ok {
		c.sets = append(c.sets, fs)
	}
}

// reference is what a command is, read from the command itself: its help
// text, its flag set, and its subcommands' references (class report).
type reference struct {
	name  string // "quiz", "class report"; "" for the tutor
	help  string // what "nnmath NAME --help" writes
	flags *flag.FlagSet
	subs  []reference
}

// synopsis returns the help's first line that starts "Usage: nnmath ",
// without those words (a command may say something else first, such as
// which subcommand it expected).
func (r reference) synopsis() string {
	for _, l := range strings.Split(r.help, "\n") {
		if s, ok := strings.CutPrefix(l, "Usage: nnmath "); ok {
			return s
		}
	}
	return ""
}

// referenceOf asks command c for its help with args followed by -h and
// records the flag set it builds. A command that builds none but names
// subcommands in its usage lines ("class report ...", "digits train|ask",
// or one line per subcommand) has their references as subs.
func referenceOf(name string, run func(args []string, stdout, stderr io.Writer) int, args ...string) reference {
	var c flagCatcher
	run(append(args, "-h"), &c, &c)
	r := reference{name: strings.TrimSpace(name + " " + strings.Join(args, " ")), help: c.String()}
	if len(c.sets) > 0 {
		r.flags = c.sets[len(c.sets)-1]
		return r
	}
	if len(args) > 0 {
		return r
	}
	seen := map[string]bool{}
	for _, l := range strings.Split(r.help, "\n") { // "Usage: nnmath NAME SUB ...", "       nnmath NAME SUB2 ..."
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "Usage:"))
		rest, ok := strings.CutPrefix(l, "nnmath "+name+" ")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		for _, sub := range strings.Split(fields[0], "|") {
			if subcommandName.MatchString(sub) && !seen[sub] {
				seen[sub] = true
				r.subs = append(r.subs, referenceOf(name, run, sub))
			}
		}
	}
	return r
}

// subcommandName is what a subcommand named in a synopsis looks like.
var subcommandName = regexp.MustCompile(`^[a-z][a-z-]*$`)

// tutorReference is the tutor's: nnmath with no command.
func tutorReference() reference {
	return referenceOf("", func(args []string, stdout, stderr io.Writer) int { return runTutor(args, stdout, stderr) })
}

// references returns every command's reference, in the command table's order.
func references() []reference {
	var out []reference
	for _, c := range commands() {
		out = append(out, referenceOf(c.name, c.run))
	}
	return out
}

// find returns the reference of the command (and subcommand) named by
// words, and how many words named it.
func findReference(refs []reference, words []string) (reference, int, bool) {
	if len(words) == 0 {
		return reference{}, 0, false
	}
	for _, r := range refs {
		if r.name != words[0] {
			continue
		}
		if len(r.subs) > 0 && len(words) > 1 {
			for _, s := range r.subs {
				if s.name == r.name+" "+words[1] {
					return s, 2, true
				}
			}
		}
		return r, 1, true
	}
	return reference{}, 0, false
}
