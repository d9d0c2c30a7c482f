package main

import (
	"fmt"
	"io"
	"testing"
)

// A command added later is read like the others: its flags from the flag
// set newFlagSet makes, its subcommands from its synopsis, even when it
// first says which subcommand it expected (as "digits train|ask" may).
func TestReferenceOfANewCommand(t *testing.T) {
	run := func(args []string, stdout, stderr io.Writer) int {
		if len(args) == 0 || (args[0] != "train" && args[0] != "ask") {
			fmt.Fprintf(stderr, "nnmath digits: expected train or ask\nUsage: nnmath digits train|ask [flags]\n")
			return exitUsage
		}
		fs := newFlagSet("digits "+args[0], "digits "+args[0]+" [--seed N]", stderr)
		fs.Int("seed", 1, "seed `N`")
		if args[0] == "train" {
			fs.String("o", "", "write the weights to `FILE`")
		}
		if code := parseFlags(fs, args[1:]); code >= 0 {
			return code
		}
		t.Error("the command ran instead of printing its help")
		return exitOK
	}
	r := referenceOf("digits", run)
	if r.synopsis() != "digits train|ask [flags]" || len(r.subs) != 2 {
		t.Fatalf("reference: synopsis %q, %d subcommands", r.synopsis(), len(r.subs))
	}
	train, _, ok := findReference([]reference{r}, []string{"digits", "train"})
	if !ok || train.flags == nil || train.flags.Lookup("o") == nil || train.flags.Lookup("seed") == nil {
		t.Fatalf("digits train: %+v", train)
	}
	if got := flagValues(train, train.flags.Lookup("o"), ""); len(got) != 1 || got[0] != completeFiles {
		t.Errorf("digits train -o <TAB> = %v, want files", got)
	}
	ask, _, _ := findReference([]reference{r}, []string{"digits", "ask"})
	if ask.flags == nil || ask.flags.Lookup("o") != nil {
		t.Errorf("digits ask has the flags of train")
	}
}
