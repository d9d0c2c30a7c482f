package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"nnmath/judge"
	"nnmath/numtext"
)

const checkSynopsis = "check [--net FILE | --example NAME] [--tolerance X] [--json] [--list] QUANTITY VALUE"

// runCheck checks one hand-computed value against the network: exit 0 when
// correct, 1 when close or incorrect, 2 for a bad quantity, number or flag.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", checkSynopsis, stderr)
	var nf networkFlags
	nf.add(fs, false)
	tolText := fs.String("tolerance", "0.01", "relative tolerance `X` of a correct answer (0.01 is 1% of the exact value, or of the step of an updated weight)")
	asJSON := fs.Bool("json", false, "print one JSON object {quantity, answer, exact, verdict, slip, explanation}")
	list := fs.Bool("list", false, "list every quantity of the network, values hidden")
	flagArgs, pos := splitCheckArgs(fs, args)
	if code := parseFlags(fs, flagArgs); code >= 0 {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "nnmath check: "+format+"\n", a...)
		return exitUsage
	}
	tol, err := numtext.Parse(*tolText)
	if err != nil {
		return fail("--tolerance: %v", err)
	}
	if tol <= 0 || tol >= 1 {
		return fail("--tolerance must be above 0 and below 1 (0.01 is 1%% of the exact value, however small; an exact 0 is answered by 0), got %s", *tolText)
	}
	n, err := nf.load()
	if err != nil {
		return fail("%v", err)
	}
	j, err := judge.New(n)
	if err != nil {
		return fail("%v", err)
	}
	j.Tolerance = tol
	if *list {
		if len(pos) > 0 {
			return fail("--list takes no QUANTITY or VALUE, got %q", strings.Join(pos, " "))
		}
		return writeQuantityList(stdout, stderr, j, *asJSON)
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "nnmath check: want QUANTITY and VALUE, got %d argument(s)\nUsage: nnmath %s\n", len(pos), checkSynopsis)
		return exitUsage
	}
	q, err := j.Lookup(pos[0])
	if err != nil {
		var unknown *judge.UnknownQuantityError
		if errors.As(err, &unknown) {
			why := "is not a quantity of this network"
			if unknown.Note != "" {
				why += ": " + unknown.Note
			}
			return fail("%q %s; nearest valid names: %s (\"nnmath check --list\" lists them all)",
				unknown.Name, why, strings.Join(unknown.Nearest, ", "))
		}
		return fail("%v", err)
	}
	answer, err := numtext.Parse(pos[1])
	if err != nil {
		return fail("VALUE: %v", err)
	}
	res := j.Check(q, answer)
	if *asJSON {
		if err := writeCheckJSON(stdout, res); err != nil {
			return fail("%v", err)
		}
	} else {
		writeCheck(stdout, j, res)
	}
	if res.Verdict == judge.Correct {
		return exitOK
	}
	return exitFail
}

// splitCheckArgs separates flags from the positional QUANTITY and VALUE so
// that flags may follow them and a negative VALUE such as -0.0493 is not
// read as a flag. Unknown flags that do not start like a number are left to
// fs to report; everything after "--" is positional.
func splitCheckArgs(fs *flag.FlagSet, args []string) (flags, pos []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(pos, args[i+1:]...)
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil && name != "h" && name != "help" {
			// A number, or what was meant as one ("-0.049.3"): the VALUE,
			// which then gets its own message if it is not a number.
			if _, err := numtext.Parse(a); err == nil || strings.ContainsAny(a[1:2], "0123456789.,") {
				pos = append(pos, a)
				continue
			}
		}
		flags = append(flags, a)
		if f != nil && !hasValue && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, pos
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// checkOutput is the --json form of a check.
type checkOutput struct {
	Quantity    string  `json:"quantity"`
	Answer      float64 `json:"answer"`
	Exact       float64 `json:"exact"`
	Verdict     string  `json:"verdict"`
	Slip        *string `json:"slip"`
	Explanation string  `json:"explanation"`
}

// writeCheckJSON writes the result as one JSON object. Its numbers are
// finite: the answer was parsed as a finite number, and a network is only
// loaded when every value it computes is finite (mathcore.CheckFinite).
func writeCheckJSON(w io.Writer, r judge.Result) error {
	o := checkOutput{Quantity: r.Quantity.Name, Answer: plusZero(r.Answer), Exact: r.Exact, Verdict: r.Verdict.String(), Explanation: r.Explanation}
	if r.Diagnosis != nil {
		s := string(r.Diagnosis.Slip)
		o.Slip = &s
	}
	data, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// plusZero returns x with a negative zero made positive, so that JSON
// shows 0 rather than -0.
func plusZero(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x
}

// writeCheck prints the verdict, the explanation and, for an answer that is
// not correct, the worked chain with the answer beside the exact value.
func writeCheck(w io.Writer, j *judge.Judge, r judge.Result) {
	fmt.Fprintf(w, "%s = %s: %s\n", r.Quantity.Name, strconv.FormatFloat(r.Answer, 'g', -1, 64), r.Verdict)
	fmt.Fprintln(w, wrapText(r.Explanation, 78))
	if r.Verdict == judge.Correct {
		return
	}
	wk := j.Chain(r.Quantity, r.Answer, nil)
	fmt.Fprintln(w, "\nWorked chain")
	fmt.Fprintln(w, "  "+wk.Formula)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for k, path := range wk.Paths {
		for i, s := range path {
			lead := "    "
			if wk.Sum && len(wk.Paths) > 1 && i == 0 {
				lead = fmt.Sprintf("  %d ", k+1)
			}
			fmt.Fprintf(tw, "%s%s\t%s\n", lead, s.Symbol, numtext.FormatSig(s.Exact, 4))
		}
	}
	fmt.Fprintf(tw, "  = %s\t%s\tyours %s\n", r.Quantity.Name, numtext.FormatSig(r.Exact, 4), strconv.FormatFloat(r.Answer, 'g', -1, 64))
	tw.Flush()
}

// writeQuantityList prints every quantity of the network by topic, values hidden.
func writeQuantityList(stdout, stderr io.Writer, j *judge.Judge, asJSON bool) int {
	qs := j.Quantities()
	if asJSON {
		type item struct {
			Name        string `json:"name"`
			Topic       string `json:"topic"`
			Description string `json:"description"`
		}
		var out struct {
			Quantities []item `json:"quantities"`
		}
		for _, q := range qs {
			out.Quantities = append(out.Quantities, item{q.Name, q.Topic().String(), q.Description})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "nnmath check: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	fmt.Fprintln(stdout, "Quantities you can check (values hidden): nnmath check QUANTITY VALUE")
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, t := range []judge.Topic{judge.Forward, judge.LossTopic, judge.Gradients, judge.Update} {
		fmt.Fprintf(tw, "\n%s\n", t)
		for _, q := range qs {
			if q.Topic() == t {
				fmt.Fprintf(tw, "  %s\t%s\n", q.Name, q.Description)
			}
		}
	}
	tw.Flush()
	return exitOK
}

// wrapText breaks s into lines of at most width columns at spaces.
func wrapText(s string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(s) {
		n := len([]rune(word))
		if col > 0 && col+1+n > width {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}
