package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"nnmath/atomicfile"
	"nnmath/classreport"
	"nnmath/classroom"
)

const classSynopsis = "class report --dir DIR [--dir DIR2 ...] [--format markdown|csv|json] [-o FILE]"

// runClass runs nnmath class: for now its one subcommand, report.
func runClass(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "report" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprintf(stderr, "Usage: nnmath %s\n\nRun \"nnmath class report --help\" for its flags.\n", classSynopsis)
			return exitOK
		}
		got := "nothing"
		if len(args) > 0 {
			got = fmt.Sprintf("%q", args[0])
		}
		fmt.Fprintf(stderr, "nnmath class: expected \"report\", got %s\nUsage: nnmath %s\n", got, classSynopsis)
		return exitUsage
	}
	return runClassReport(args[1:], stdout, stderr)
}

// runClassReport writes the report of one or more class directories.
func runClassReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("class report", classSynopsis, stderr)
	var dirs []string
	fs.Func("dir", "class `DIR` that nnmath serve writes; repeat it to merge several servers' directories", func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("it is empty: give a class directory")
		}
		dirs = append(dirs, s)
		return nil
	})
	format := fs.String("format", "markdown", "report `format`: markdown, csv or json")
	out := fs.String("o", "", "write the report to `FILE` instead of standard output")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "nnmath class report: "+format+"\n", a...)
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected argument %q\nUsage: nnmath %s", fs.Arg(0), classSynopsis)
	case len(dirs) == 0:
		return fail("give the class directory with --dir DIR (the --dir of nnmath serve)")
	}
	if *format == "md" {
		*format = "markdown"
	}
	if !strings.Contains(" markdown csv json ", " "+*format+" ") {
		return fail("--format: unknown format %q: choose markdown, csv or json", *format)
	}
	members, problems, err := classroom.Read(dirs...)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath class report: %s\n", strings.TrimPrefix(err.Error(), "classroom: "))
		return exitUsage
	}
	for _, p := range problems {
		fmt.Fprintf(stderr, "nnmath class report: skipped %v\n", p)
	}
	r := classreport.Build(dirs, members, problems, time.Now())
	var b bytes.Buffer
	if err := classreport.Write(&b, r, *format); err != nil {
		fmt.Fprintf(stderr, "nnmath class report: writing the report: %v\n", err)
		return exitFail
	}
	if *out == "" {
		_, _ = stdout.Write(b.Bytes())
		return exitOK
	}
	if err := atomicfile.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "nnmath class report: writing %s: %v\n", *out, withoutPath(err))
		return exitFail
	}
	return exitOK
}
