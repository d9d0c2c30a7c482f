// Command nnmath is a terminal tutor that teaches the math inside a neural
// network by walking, number by number, through a worked example.
//
// With no command it opens the tutor on the paper's network (or, with
// --net FILE, on a network of one's own). Commands:
//
//	nnmath print   lessons as plain text, every step revealed
//	nnmath trace   one forward pass, backward pass and update, as tables or JSON
//
// Run "nnmath help" for the full list and "nnmath COMMAND --help" for flags.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"nnmath/mathcore"
	"nnmath/numtext"
)

// version is the version nnmath reports with --version.
const version = "0.1.0"

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1 // the command ran and the answer is "no" (a wrong check), or a runtime error
	exitUsage = 2 // bad flags, arguments or files
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand of nnmath.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"print", "print lessons as plain text, every step revealed", runPrint},
		{"trace", "print one forward pass, backward pass and update (tables or --json)", runTrace},
		{"check", "check one hand-computed value and name the slip (--json, --list)", runCheck},
		{"export", "write the worked solution of one training step (Markdown or LaTeX)", runExport},
		{"quiz", "take a quiz: compute values by hand, get the slip named (--stats)", runQuiz},
		{"worksheet", "write a printable exercise sheet, or its answer key (--answers)", runWorksheet},
		{"serve", "serve the tutor to a class over SSH", runServe},
		{"class", "report on a class served by nnmath serve: answers, slips, questions missed", runClass},
		{"digits", "train a network on 70,000 handwritten digits, or ask it (train|ask)", runDigits},
		{"completion", "print a shell's completion script (bash, zsh, fish)", runCompletion},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runTutor(args, stdout, stderr)
	}
	switch args[0] {
	case "help":
		return runHelp(args[1:], stdout, stderr)
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "__complete": // asked by the completion scripts
		return runComplete(args[1:], stdout, stderr)
	case "--version", "-version", "version":
		fmt.Fprintln(stdout, "nnmath", version)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			if asksHelp(args[1:]) { // asked for: the help goes to stdout, so that it can be paged
				return c.run(args[1:], stdout, stdout)
			}
			return c.run(args[1:], stdout, stderr)
		}
	}
	if strings.HasPrefix(args[0], "-") {
		return runTutor(args, stdout, stderr)
	}
	fmt.Fprintf(stderr, "nnmath: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "nnmath: learn the math inside a neural network, number by number.")
	fmt.Fprintln(w, "\nUsage:\n  nnmath [--net FILE | --example NAME] [--plain]   open the tutor\n  nnmath COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"nnmath help COMMAND\" (or \"nnmath COMMAND --help\") for a command's flags, \"nnmath help all\" for\nevery command's reference in one place, \"nnmath --version\" for the version.")
}

// asksHelp reports whether args ask for a command's help before any "--":
// -h or -help, with one dash or two and with or without "=value", as the
// flag package reads them.
func asksHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		name, ok := strings.CutPrefix(a, "-")
		if !ok {
			continue
		}
		name = strings.TrimPrefix(name, "-")
		name, _, _ = strings.Cut(name, "=")
		if name == "h" || name == "help" {
			return true
		}
	}
	return false
}

// newFlagSet returns a flag set for a subcommand whose errors and help go to stderr.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	catch(stderr, fs) // for completions and help topics (reference.go)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: nnmath %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs. It returns the exit status to stop with,
// or -1 to go on: 0 after --help, 2 after a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case err != nil:
		return exitUsage
	}
	return -1
}

// networkFlags are the flags that choose the network and its sample.
type networkFlags struct {
	net     string
	example string
	inputs  string
	targets string
	lr      string
}

// add registers the flags on fs; withSample adds --inputs, --targets and --lr.
func (f *networkFlags) add(fs *flag.FlagSet, withSample bool) {
	fs.Func("net", "network `FILE` (JSON); default: the paper's 4-2-1 network", nonEmpty(&f.net, "a file name"))
	fs.Func("example", "built-in example `NAME`: "+strings.Join(mathcore.ExampleNames(), " or ")+" (default "+mathcore.DefaultExample+")",
		nonEmpty(&f.example, "one of "+strings.Join(mathcore.ExampleNames(), ", ")))
	if withSample {
		fs.Func("inputs", "input values, comma-separated, such as `0.5,0.56,0.3,0`", nonEmpty(&f.inputs, "comma-separated numbers"))
		fs.Func("targets", "target `values`, comma-separated", nonEmpty(&f.targets, "comma-separated numbers"))
		fs.Func("lr", "learning rate eta, a positive `number`", nonEmpty(&f.lr, "a positive number"))
	}
}

// nonEmpty returns a flag setter that stores its value in dst and refuses
// an empty one, saying that want is expected.
func nonEmpty(dst *string, want string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("it is empty: give " + want)
		}
		*dst = s
		return nil
	}
}

// load returns the network the flags name, with their overrides applied.
func (f *networkFlags) load() (*mathcore.Network, error) {
	if f.net != "" && f.example != "" {
		return nil, errors.New("give --net FILE or --example NAME, not both")
	}
	n := mathcore.Paper()
	if f.example != "" {
		var err error
		if n, err = mathcore.NewExample(f.example); err != nil {
			return nil, fmt.Errorf("--example: %w", err)
		}
	}
	if f.net != "" {
		var err error
		if n, err = loadNetworkFile(f.net); err != nil {
			return nil, err
		}
	}
	if f.inputs != "" {
		v, err := parseList("--inputs", f.inputs, n.Sizes[0])
		if err != nil {
			return nil, err
		}
		n.Inputs = v
	}
	if f.targets != "" {
		v, err := parseList("--targets", f.targets, n.Sizes[n.Output()])
		if err != nil {
			return nil, err
		}
		n.Targets = v
	}
	if f.lr != "" {
		v, err := numtext.Parse(f.lr)
		if err != nil {
			return nil, fmt.Errorf("--lr: %w", err)
		}
		if v <= 0 {
			return nil, fmt.Errorf("--lr: the learning rate must be positive, got %s", f.lr)
		}
		n.LearningRate = v
	}
	if err := n.Validate(); err != nil { // the overrides may make values overflow
		return nil, err
	}
	return n, nil
}

// loadNetworkFile reads and checks the network file at path.
func loadNetworkFile(path string) (*mathcore.Network, error) {
	data, err := readNetworkFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	n, err := mathcore.ParseNetwork(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

// readNetworkFile returns the contents of the file at path, reading at
// most mathcore.MaxFileSize bytes: a larger regular file is refused before
// it is read, and a device or pipe that runs on is refused when it passes
// the limit or as soon as it yields a NUL byte, which no JSON text holds
// (so /dev/zero is refused at once).
func readNetworkFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading network file: %w", withoutPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > mathcore.MaxFileSize {
		return nil, mathcore.FileTooLarge()
	}
	// Chunks, joined at the end, hold a stream that runs past the limit in
	// no more memory than the limit, where a growing buffer would double.
	var chunks [][]byte
	total := 0
	r := io.LimitReader(f, mathcore.MaxFileSize+1)
	for {
		chunk := make([]byte, 1<<20)
		k, err := io.ReadFull(r, chunk)
		if i := bytes.IndexByte(chunk[:k], 0); i >= 0 {
			return nil, fmt.Errorf("byte %d is NUL: a network file is JSON text", total+i)
		}
		chunks, total = append(chunks, chunk[:k]), total+k
		if total > mathcore.MaxFileSize {
			return nil, mathcore.FileTooLarge()
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return bytes.Join(chunks, nil), nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading network file: %w", withoutPath(err))
		}
	}
}

// parseList parses a comma-separated list of want numbers given to flag.
func parseList(flag, s string, want int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if len(parts) != want {
		return nil, fmt.Errorf("%s has %d values but the network needs %d", flag, len(parts), want)
	}
	v := make([]float64, len(parts))
	for i, p := range parts {
		x, err := numtext.Parse(p)
		if err != nil {
			return nil, fmt.Errorf("%s value %d: %w", flag, i+1, err)
		}
		v[i] = x
	}
	return v, nil
}

// withoutPath returns the cause of a file error without the path that os
// puts in front of it: loadNetworkFile names the file once, itself.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
