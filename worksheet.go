package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"nnmath/atomicfile"
	"nnmath/export"
	"nnmath/judge"
	"nnmath/mathcore"
	"nnmath/quiz"
)

const worksheetSynopsis = "worksheet [--net FILE | --example NAME] [--seed N] [--count N] [--topics ..] [--format markdown|latex] [--answers] [-o FILE]"

// distinctQuestions draws count questions from seed on n, skipping a
// quantity already asked (a small network has one J), so long as the
// network has enough quantities of the topics.
func distinctQuestions(seed uint64, n *mathcore.Network, topics []judge.Topic, count int) ([]*quiz.Question, error) {
	g, err := quiz.NewGenerator(seed, n, topics)
	if err != nil {
		return nil, err
	}
	var qs []*quiz.Question
	asked := map[string]bool{}
	for tries := 0; len(qs) < count && tries < 50*count; tries++ {
		q, err := g.Next()
		if err != nil {
			return nil, err
		}
		if !asked[q.Target.Name] {
			asked[q.Target.Name] = true
			qs = append(qs, q)
		}
	}
	if len(qs) < count {
		return nil, fmt.Errorf("the network has only %d different quantit%s of these topics to ask; give a smaller --count", len(qs),
			map[bool]string{true: "y", false: "ies"}[len(qs) == 1])
	}
	return qs, nil
}

// defaultSheetCount is the number of questions on a sheet unless --count
// says otherwise.
const defaultSheetCount = 6

// runWorksheet writes a printable exercise sheet, or its answer key.
func runWorksheet(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("worksheet", worksheetSynopsis, stderr)
	var nf networkFlags
	nf.add(fs, false)
	seedText := fs.String("seed", "", "seed `N` that draws the questions: the same seed gives the same sheet (default: random, printed on the sheet)")
	count := fs.Int("count", defaultSheetCount, "number of questions `N` (1 to 50)")
	var topics string
	fs.Func("topics", "comma-separated `topics`: forward, loss, gradients, update (default: all)",
		nonEmpty(&topics, "one or more of forward, loss, gradients, update"))
	format := fs.String("format", "markdown", "document `FORMAT`: markdown or latex (a whole document for pdflatex)")
	answers := fs.Bool("answers", false, "write the answer key: every value with its worked chain")
	var out string
	fs.Func("o", "write the sheet to `FILE` (replaced atomically); - is standard output; a .tex name selects latex",
		nonEmpty(&out, "a file name, or - for standard output"))
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "nnmath worksheet: "+format+"\n", a...)
		return exitUsage
	}
	formatSet := false
	fs.Visit(func(fl *flag.Flag) { formatSet = formatSet || fl.Name == "format" })
	if !formatSet && strings.EqualFold(filepath.Ext(out), ".tex") {
		*format = "latex"
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected argument %q\nUsage: nnmath %s", fs.Arg(0), worksheetSynopsis)
	case *count < 1 || *count > 50:
		return fail("--count must be from 1 to 50, got %d", *count)
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return fail("--format: %v", err)
	}
	seed := uint64(time.Now().UnixNano())
	if *seedText != "" {
		if seed, err = strconv.ParseUint(*seedText, 10, 64); err != nil {
			return fail("--seed must be a whole number from 0 to %d, got %q", uint64(1<<64-1), *seedText)
		}
	}
	ts, err := quiz.ParseTopics(topics)
	if err != nil {
		return fail("--topics: %v", err)
	}
	n, err := nf.load() // the paper's network, a file's or a built-in example
	if err != nil {
		return fail("%v", err)
	}
	qs, err := distinctQuestions(seed, n, ts, *count)
	if err != nil {
		return fail("%s", strings.TrimPrefix(err.Error(), "quiz: "))
	}
	sheet := make([]export.SheetQuestion, len(qs))
	for i, q := range qs {
		sheet[i] = export.SheetQuestion{Topic: q.Topic.String(), Target: q.Target, Parts: q.Parts}
	}
	again := sheetCommand(nf, seed, *count, topics)
	data, err := export.Worksheet(qs[0].Judge, sheet, export.SheetOptions{Format: f, Answers: *answers, Seed: seed, Again: again})
	if err != nil {
		fmt.Fprintf(stderr, "nnmath worksheet: %v\n", err)
		return exitFail
	}
	if out == "" || out == "-" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "nnmath worksheet: writing the sheet: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	if err := atomicfile.WriteFile(out, data, 0o644); err != nil {
		return fail("-o: %v", err)
	}
	return exitOK
}

// sheetCommand is the command line that writes the same sheet again: the
// network, the seed, and the count and topics when they are not the
// defaults.
func sheetCommand(nf networkFlags, seed uint64, count int, topics string) string {
	args := []string{"nnmath", "worksheet"}
	switch {
	case nf.net != "":
		args = append(args, "--net", shellQuote(nf.net))
	case nf.example != "":
		args = append(args, "--example", nf.example)
	}
	args = append(args, "--seed", strconv.FormatUint(seed, 10))
	if count != defaultSheetCount {
		args = append(args, "--count", strconv.Itoa(count))
	}
	if topics != "" {
		args = append(args, "--topics", shellQuote(topics))
	}
	return strings.Join(args, " ")
}

// shellQuote writes s so that a POSIX shell reads it back as one word.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./,:+=@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
