package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/x/term"

	"nnmath/atomicfile"
	"nnmath/digits"
	"nnmath/mathcore"
	"nnmath/mnist"
	"nnmath/numtext"
)

// runDigits runs "nnmath digits train" or "nnmath digits ask".
func runDigits(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "train":
			return runDigitsTrain(args[1:], stdout, stderr)
		case "ask":
			return runDigitsAsk(args[1:], stdout, stderr)
		case "-h", "-help", "--help", "help":
			digitsUsage(stdout)
			return exitOK
		}
		fmt.Fprintf(stderr, "nnmath digits: unknown command %q\n\n", args[0])
	}
	digitsUsage(stderr)
	return exitUsage
}

func digitsUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: nnmath digits train [flags]   train a network on the 60,000 MNIST training digits
       nnmath digits ask [flags] IMAGE  ask a network about a picture (or --index N, a test digit)

Run "nnmath digits train --help" or "nnmath digits ask --help" for the flags.
`)
}

// trainEpoch is one epoch in the --json form of "digits train".
type trainEpoch struct {
	Epoch     int       `json:"epoch"`
	Loss      float64   `json:"loss"`
	Accuracy  float64   `json:"accuracy"`
	Precision *float64  `json:"precision,omitempty"`
	Recall    *float64  `json:"recall,omitempty"`
	F1        *float64  `json:"f1,omitempty"`
	PerDigit  []float64 `json:"accuracy_per_digit,omitempty"`
}

// trainJSON is the --json form of "digits train".
type trainJSON struct {
	Hidden       int          `json:"hidden"`
	Outputs      int          `json:"outputs"`
	Epochs       int          `json:"epochs"`
	LearningRate float64      `json:"learning_rate"`
	Batch        int          `json:"batch"`
	Seed         uint64       `json:"seed"`
	Results      []trainEpoch `json:"results"`
	Saved        string       `json:"saved,omitempty"`
}

func runDigitsTrain(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("digits train",
		"digits train [--hidden N] [--outputs 1|10] [--epochs N] [--lr X] [--batch N] [--seed N] [-o FILE] [--json]", stderr)
	outputs := fs.Int("outputs", 1, "1: one output, \"Is it a 4?\"; 10: ten outputs, \"Which digit?\"")
	hidden := fs.Int("hidden", 0, fmt.Sprintf("hidden `nodes`, 1 to %d (default 30 with one output, 64 with ten)", digits.MaxHidden))
	epochs := fs.Int("epochs", 0, fmt.Sprintf("passes over the training images, 1 to %d (default 5)", digits.MaxEpochs))
	lr := fs.String("lr", "", "learning rate η, a positive `number` up to 1000 (default 3)")
	batch := fs.Int("batch", 0, fmt.Sprintf("images per step of gradient descent, 1 to %d (default 10)", digits.MaxBatch))
	seed := fs.Uint64("seed", 1, "seed of the first weights and of the order of the images")
	var out string
	fs.Func("o", "save the trained network to `FILE` (a network file that --net reads)", nonEmpty(&out, "a file name"))
	asJSON := fs.Bool("json", false, "print one JSON object at the end instead of lines")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nnmath digits train: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	cfg := digits.DefaultConfig(*outputs)
	cfg.Outputs, cfg.Seed = *outputs, *seed
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["hidden"] {
		cfg.Hidden = *hidden
	}
	if set["epochs"] {
		cfg.Epochs = *epochs
	}
	if set["batch"] {
		cfg.Batch = *batch
	}
	if *lr != "" {
		v, err := numtext.Parse(*lr)
		if err != nil {
			fmt.Fprintf(stderr, "nnmath digits train: --lr: %v\n", err)
			return exitUsage
		}
		cfg.LearningRate = v
	}
	if err := cfg.Check(); err != nil {
		fmt.Fprintf(stderr, "nnmath digits train: %v\n", err)
		return exitUsage
	}
	if err := canWrite(out); err != nil { // before the training, not after it
		fmt.Fprintf(stderr, "nnmath digits train: -o: %v\n", err)
		return exitUsage
	}
	return trainDigits(cfg, out, *asJSON, stdout, stderr)
}

// canWrite reports why a file could not be written at path: its folder
// missing or not a folder, or path itself a folder. "" is fine (no file).
func canWrite(path string) error {
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder, not a file name", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("cannot write %s: there is no folder %s", path, dir)
	case !fi.IsDir():
		return fmt.Errorf("cannot write %s: %s is not a folder", path, dir)
	}
	return nil
}

// trainDigits trains as cfg says, printing each epoch, and saves the
// network to out unless it is empty.
func trainDigits(cfg digits.Config, out string, asJSON bool, stdout, stderr io.Writer) int {
	data, err := mnist.Load()
	if err != nil {
		fmt.Fprintf(stderr, "nnmath digits train: %v\n", err)
		return exitFail
	}
	tr, err := digits.NewTrainer(&data.Train, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath digits train: %v\n", err)
		return exitUsage
	}
	bar := newTrainBar(stdout, asJSON)
	result := trainJSON{Hidden: cfg.Hidden, Outputs: cfg.Outputs, Epochs: cfg.Epochs, LearningRate: cfg.LearningRate, Batch: cfg.Batch, Seed: cfg.Seed}
	if !asJSON {
		fmt.Fprintf(stdout, "Training a %d-%d-%d network (%s) on %d images: %d epochs, mini-batches of %d, η = %s, seed %d\n",
			digits.Inputs, cfg.Hidden, cfg.Outputs, question(cfg.Outputs), data.Train.Len(), cfg.Epochs, cfg.Batch, strconv.FormatFloat(cfg.LearningRate, 'g', -1, 64), cfg.Seed)
	}
	start := time.Now()
	for !tr.Done() {
		for !tr.Train(2000) {
			bar.show(tr)
		}
		loss := tr.FinishEpoch()
		if tr.Overflowed() || math.IsNaN(loss) || math.IsInf(loss, 0) {
			bar.clear()
			fmt.Fprintf(stderr, "nnmath digits train: epoch %d: the weights grew too large to compute; a smaller --lr converges\n", tr.Epoch())
			return exitFail
		}
		r := digits.Evaluate(tr.Net(), &data.Test, cfg.Workers)
		e := epochResult(tr.Epoch(), loss, r)
		result.Results = append(result.Results, e)
		bar.clear()
		if !asJSON {
			writeEpoch(stdout, cfg.Epochs, e)
		}
	}
	fmt.Fprintf(stderr, "trained in %.1f s\n", time.Since(start).Seconds())
	if out != "" {
		if err := saveDigitsNet(out, tr.Net(), &data.Test, cfg.LearningRate); err != nil {
			fmt.Fprintf(stderr, "nnmath digits train: -o: %v\n", err)
			return exitFail
		}
		result.Saved = out
		if !asJSON {
			fmt.Fprintf(stdout, "Saved to %s: open it with nnmath --net %s, or ask it with nnmath digits ask --net %s\n", out, out, out)
		}
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(result); err != nil {
			fmt.Fprintf(stderr, "nnmath digits train: %v\n", err)
			return exitFail
		}
	}
	return exitOK
}

// question returns the question a network of outputs outputs answers.
func question(outputs int) string {
	if outputs == 10 {
		return "which digit?"
	}
	return "is it a 4?"
}

// epochResult returns the figures of one epoch.
func epochResult(epoch int, loss float64, r *digits.Report) trainEpoch {
	e := trainEpoch{Epoch: epoch, Loss: loss, Accuracy: r.Accuracy}
	if r.Outputs == 1 {
		e.Precision, e.Recall, e.F1 = &r.Precision, &r.Recall, &r.F1
	} else {
		e.PerDigit = r.PerDigit[:]
	}
	return e
}

// writeEpoch prints one epoch's figures as a line (and, with ten outputs,
// a second line of the accuracy of each digit).
func writeEpoch(w io.Writer, epochs int, e trainEpoch) {
	width := len(fmt.Sprint(epochs))
	fmt.Fprintf(w, "epoch %*d/%d  loss %.5f  accuracy %6.2f%%", width, e.Epoch, epochs, e.Loss, 100*e.Accuracy)
	if e.F1 != nil {
		fmt.Fprintf(w, "  precision %6.2f%%  recall %6.2f%%  F1 %.4f\n", 100**e.Precision, 100**e.Recall, *e.F1)
		return
	}
	var b strings.Builder
	for d, a := range e.PerDigit {
		fmt.Fprintf(&b, "  %d: %.1f%%", d, 100*a)
	}
	fmt.Fprintf(w, "\n  %*s per digit%s\n", 2*width, "", b.String())
}

// saveDigitsNet saves n as a network file whose sample is the first test
// image of a 4.
func saveDigitsNet(path string, n *digits.Net, test *mnist.Set, eta float64) error {
	k := 0
	for test.Labels[k] != digits.Four {
		k++
	}
	x := make([]float64, digits.Inputs)
	digits.Darkness(x, test.Image(k))
	data, err := mathcore.MarshalNetwork(n.Network(x, digits.Four, eta))
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, data, 0o644)
}

// trainBar is the progress bar of "digits train" on a terminal; elsewhere
// it shows nothing.
type trainBar struct {
	w   io.Writer
	bar *progress.Model
}

func newTrainBar(w io.Writer, asJSON bool) trainBar {
	f, ok := w.(*os.File)
	if asJSON || !ok || !term.IsTerminal(f.Fd()) {
		return trainBar{}
	}
	p := progress.New(progress.WithWidth(40), progress.WithoutPercentage())
	return trainBar{w: w, bar: &p}
}

func (b trainBar) show(tr *digits.Trainer) {
	if b.bar == nil {
		return
	}
	done, total := tr.Progress()
	fmt.Fprintf(b.w, "\r%s epoch %d: %d of %d images  loss %.5f\x1b[K", b.bar.ViewAs(float64(done)/float64(total)),
		tr.Epoch()+1, done, total, tr.AverageLoss())
}

func (b trainBar) clear() {
	if b.bar != nil {
		fmt.Fprint(b.w, "\r\x1b[K")
	}
}
