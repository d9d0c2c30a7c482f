package main

import (
	"encoding/json"
	"flag"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"nnmath/lessons"
)

// Answers of the completer that ask the shell to complete a file or a
// directory name itself.
const (
	completeFiles = "__files__"
	completeDirs  = "__dirs__"
)

// runComplete answers a shell's completion script: args are the words
// after "nnmath" up to the one being completed (the last, maybe empty);
// it prints the candidates, one a line.
func runComplete(args []string, stdout, _ io.Writer) int {
	if len(args) == 0 {
		args = []string{""}
	}
	for _, c := range complete(args) {
		io.WriteString(stdout, c+"\n")
	}
	return exitOK
}

// withoutEquals reads "--flag = value" as "--flag value": bash splits
// --flag=value at the "=" into three words, and completes the part after
// it. A line that ends at the "=" completes an empty value.
func withoutEquals(words []string) []string {
	out := make([]string, 0, len(words))
	for i, w := range words {
		if w == "=" && i > 0 && strings.HasPrefix(words[i-1], "-") {
			if i == len(words)-1 {
				out = append(out, "")
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

// complete returns the candidates for the last of words, the words after
// "nnmath": commands, subcommands, flags, and the values of flags and
// arguments (lessons, quantities of the network the line names, choices
// the help lists, files).
func complete(words []string) []string {
	words = withoutEquals(words)
	cur, before := words[len(words)-1], words[:len(words)-1]
	if len(before) == 0 && !strings.HasPrefix(cur, "-") {
		names := []string{"help"}
		for _, c := range commands() {
			names = append(names, c.name)
		}
		return matching(names, cur)
	}
	if len(before) > 0 && before[0] == "help" {
		if len(before) == 1 {
			return matching(helpTopics(), cur)
		}
		return nil
	}
	r, used, ok := findReference(references(), before)
	switch {
	case !ok && (len(before) == 0 || strings.HasPrefix(before[0], "-")):
		r, used = tutorReference(), 0 // nnmath --net FILE --plain: the tutor's flags
	case !ok:
		return nil
	case len(r.subs) > 0:
		if len(before) == 1 {
			var names []string
			for _, s := range r.subs {
				names = append(names, strings.TrimPrefix(s.name, r.name+" "))
			}
			return matching(names, cur)
		}
		return nil
	}
	args := before[used:]
	if r.flags == nil {
		return nil
	}
	if n := len(args); n > 0 {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[n-1], "-"), "=")
		if f := r.flags.Lookup(name); f != nil && strings.HasPrefix(args[n-1], "-") && !hasValue && !isBoolFlag(f) {
			return flagValues(r, f, cur)
		}
	}
	if strings.HasPrefix(cur, "-") {
		var names []string
		r.flags.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
		return matching(names, cur)
	}
	return positionalValues(r, args, cur)
}

// matching returns the candidates that start with prefix, sorted.
func matching(candidates []string, prefix string) []string {
	var out []string
	for _, c := range candidates {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// flagValues completes the value of flag f of r: the choices its
// synopsis ("--format markdown|latex") or usage ("`format`: markdown, csv
// or json", "`NAME` (paper)") lists, a comma-separated list of them, or
// a file or directory.
func flagValues(r reference, f *flag.Flag, cur string) []string {
	placeholder, usage := flag.UnquoteUsage(f)
	switch placeholder {
	case "FILE":
		return []string{completeFiles}
	case "DIR":
		return []string{completeDirs}
	}
	choices, list := synopsisChoices(r.synopsis(), f.Name)
	if len(choices) == 0 {
		choices = usageChoices(f.Usage)
		list = strings.HasPrefix(usage, "comma-separated")
	}
	switch {
	case len(choices) > 0 && list:
		done, last := "", cur
		if i := strings.LastIndex(cur, ","); i >= 0 {
			done, last = cur[:i+1], cur[i+1:]
		}
		var out []string
		for _, c := range matching(choices, last) {
			out = append(out, done+c)
		}
		return out
	case len(choices) > 0:
		return matching(choices, cur)
	}
	return nil
}

// synopsisChoices returns the values a synopsis shows for --name: "a|b|c"
// (one of them) or "a,b,c" (a list of them).
func synopsisChoices(synopsis, name string) (choices []string, list bool) {
	fields := strings.Fields(synopsis)
	for i, f := range fields {
		if strings.Trim(f, "[]") != "--"+name || i+1 >= len(fields) {
			continue
		}
		v := strings.Trim(fields[i+1], "[]")
		switch {
		case strings.Contains(v, "|"):
			return wordsOnly(strings.Split(v, "|")), false
		case strings.Contains(v, ","):
			return wordsOnly(strings.Split(v, ",")), true
		}
	}
	return nil, false
}

// Choices in a flag's usage text: after its placeholder and a colon, or
// in parentheses right after it.
var (
	usageColonList = regexp.MustCompile("`[^`]*`[^:;]*: ([a-z0-9-]+(?:(?:, [a-z0-9-]+)+|(?:, [a-z0-9-]+)*,? or [a-z0-9-]+))")
	usageParenList = regexp.MustCompile("`[^`]*` \\(([a-z0-9-]+(?:, [a-z0-9-]+)*)\\)")
)

// usageChoices returns the choices a flag's usage lists, or nil.
func usageChoices(usage string) []string {
	usage = parenthetical.ReplaceAllString(usage, "$1")
	for _, re := range []*regexp.Regexp{usageParenList, usageColonList} {
		if m := re.FindStringSubmatch(usage); m != nil {
			list := strings.NewReplacer(" or ", ",", " ", "").Replace(m[1])
			return wordsOnly(strings.Split(list, ","))
		}
	}
	return nil
}

// parenthetical is a remark in parentheses after a word of a list,
// "markdown (GitHub, with $ math) or latex", but not the list in
// parentheses right after a placeholder.
var parenthetical = regexp.MustCompile(`([a-z]) \([^)]*\)`)

// choiceWord is what a value listed as a choice looks like: "latex", "10".
var choiceWord = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// wordsOnly returns the non-empty words of list, or nil when one of them
// is not a plain word (a placeholder such as "..").
func wordsOnly(list []string) []string {
	var out []string
	for _, w := range list {
		w = strings.TrimSpace(w)
		if !choiceWord.MatchString(w) {
			return nil
		}
		out = append(out, w)
	}
	return out
}

// positionalValues completes the argument after args, by the placeholder
// the synopsis puts at its place: LESSON, QUANTITY, a|b|c, FILE, DIR.
func positionalValues(r reference, args []string, cur string) []string {
	var places []string
	fields := strings.Fields(strings.TrimPrefix(r.synopsis(), r.name))
	for i := 0; i < len(fields); i++ {
		f := strings.Trim(fields[i], "[]")
		if strings.HasPrefix(f, "-") {
			fl := r.flags.Lookup(strings.TrimLeft(f, "-"))
			if fl != nil && !isBoolFlag(fl) && i+1 < len(fields) && !strings.HasPrefix(fields[i+1], "[") {
				i++ // the flag's value
			}
			continue
		}
		if f == "|" || f == "..." || f == "" {
			continue
		}
		places = append(places, f)
	}
	k := 0 // arguments before the one completed
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			k++
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if f := r.flags.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) {
			i++
		}
	}
	if len(places) == 0 {
		return nil
	}
	place := places[min(k, len(places)-1)]
	if k >= len(places) && !strings.HasSuffix(place, "...") {
		return nil
	}
	place = strings.TrimSuffix(place, "...")
	switch {
	case place == "LESSON":
		var ids []string
		for _, l := range lessons.All() {
			ids = append(ids, l.ID)
		}
		return matching(ids, cur)
	case place == "QUANTITY":
		return matching(quantityNames(args), cur)
	case place == "TOPIC":
		return matching(helpTopics(), cur)
	case strings.Contains(place, "|"):
		return matching(wordsOnly(strings.Split(place, "|")), cur)
	case place == "FILE":
		return []string{completeFiles}
	case place == "DIR":
		return []string{completeDirs}
	}
	return nil
}

// regularFile reports whether path names a regular file.
func regularFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// quantityNames returns the names of the quantities of the network the
// flags among args name (--net FILE, --example NAME, ...), as nnmath
// check --list reads them; none when they name no network that loads.
func quantityNames(args []string) []string {
	check, _, ok := findReference(references(), []string{"check"})
	if !ok || check.flags == nil {
		return nil
	}
	var flags []string
	for i := 0; i < len(args); i++ {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		f := check.flags.Lookup(name)
		if !strings.HasPrefix(args[i], "-") || f == nil || name == "list" || name == "json" {
			continue
		}
		flags = append(flags, args[i])
		value, _ := strings.CutPrefix(args[i], "-"+strings.TrimPrefix(strings.SplitN(args[i], "=", 2)[0], "-")+"=")
		if !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
			value = args[i]
		}
		if placeholder, _ := flag.UnquoteUsage(f); placeholder == "FILE" && !regularFile(value) {
			return nil // a pipe or a device (--net /dev/stdin) could keep the shell waiting
		}
	}
	var out strings.Builder
	for _, c := range commands() {
		if c.name == "check" && c.run(append(flags, "--list", "--json"), &out, io.Discard) != exitOK {
			return nil
		}
	}
	var list struct {
		Quantities []struct {
			Name string `json:"name"`
		} `json:"quantities"`
	}
	if json.Unmarshal([]byte(out.String()), &list) != nil {
		return nil
	}
	names := make([]string, len(list.Quantities))
	for i, q := range list.Quantities {
		names[i] = q.Name
	}
	return names
}
