package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	_ "image/gif" // pictures may be GIF or JPEG as well as PNG
	_ "image/jpeg"
	_ "image/png"
	"io"
	"os"
	"strings"

	"nnmath/digits"
	"nnmath/mathcore"
	"nnmath/mnist"
)

// maxPicturePixels is the largest picture "digits ask" reads: 24 million
// pixels (a 6000x4000 photo), far more than a digit needs, and about
// 300 MB while it is converted.
const maxPicturePixels = 24 << 20

// askJSON is the --json form of "digits ask".
type askJSON struct {
	Source   string    `json:"source"`
	Label    *int      `json:"label,omitempty"`
	Question string    `json:"question"`
	Answer   string    `json:"answer"`
	Outputs  []float64 `json:"outputs"`
	Image    []int     `json:"image"` // the 784 darknesses the network saw, 0 to 255, row by row
}

func runDigitsAsk(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("digits ask", "digits ask [--net FILE] [--outputs 1|10] [--json] (IMAGE.png | --index N)", stderr)
	var net string
	fs.Func("net", "network `FILE` with 784 inputs and 1 or 10 outputs; default: train the default network first", nonEmpty(&net, "a file name"))
	outputs := fs.Int("outputs", 1, "without --net: 1 asks \"Is it a 4?\", 10 asks \"Which digit?\"")
	index := fs.Int("index", -1, "ask about test image `N` (0 to 9999) instead of a picture")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if setFlag(fs, "index") && *index < 0 {
		fmt.Fprintf(stderr, "nnmath digits ask: --index is %d: the test images are numbered from 0\n", *index)
		return exitUsage
	}
	img, source, label, err := askImage(fs.Args(), *index)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath digits ask: %v\n", err)
		return exitUsage
	}
	n, err := askNetwork(net, *outputs, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "nnmath digits ask: %v\n", err)
		return exitUsage
	}
	digits.Darkness(n.Inputs, img)
	t := mathcore.NewTrace(n)
	t.LossFor(n, n.Inputs, n.Targets)
	out := t.Outputs()
	pixels := make([]int, len(img))
	for i, p := range img {
		pixels[i] = int(p)
	}
	res := askJSON{Source: source, Label: label, Question: question(len(out)), Answer: answerWords(out), Outputs: out, Image: pixels}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "nnmath digits ask: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	writeAsk(stdout, res)
	return exitOK
}

// askImage returns the 28x28 image asked about: test image index, or the
// picture named by the one argument, converted the MNIST way.
func askImage(args []string, index int) (img []uint8, source string, label *int, err error) {
	switch {
	case index >= 0 && len(args) > 0:
		return nil, "", nil, errors.New("give a picture or --index, not both")
	case index >= 0:
		d, err := mnist.Load()
		if err != nil {
			return nil, "", nil, err
		}
		if index >= d.Test.Len() {
			return nil, "", nil, fmt.Errorf("--index is %d: the test images are numbered 0 to %d", index, d.Test.Len()-1)
		}
		l := int(d.Test.Labels[index])
		return d.Test.Image(index), fmt.Sprintf("test image %d", index), &l, nil
	case len(args) == 0:
		return nil, "", nil, errors.New("give a picture (PNG, of any size) or --index N for a test image")
	case len(args) > 1:
		return nil, "", nil, fmt.Errorf("unexpected argument %q: give one picture", args[1])
	}
	img, err = readPicture(args[0])
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", args[0], err)
	}
	return img, args[0], nil, nil
}

// readPicture reads the picture at path and converts it the MNIST way.
func readPicture(path string) ([]uint8, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, withoutPath(err)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		return nil, fmt.Errorf("not a picture nnmath reads (PNG, JPEG or GIF): %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPicturePixels {
		return nil, fmt.Errorf("the %s picture is %dx%d pixels: at most %d million pixels are read: scale it down", format, cfg.Width, cfg.Height, maxPicturePixels>>20)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	pic, _, err := image.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decoding the %s picture: %w", format, err)
	}
	return mnist.Convert(pic)
}

// askNetwork returns the network to ask: the file path, or when path is
// empty the default network for outputs outputs, trained now.
func askNetwork(path string, outputs int, stderr io.Writer) (*mathcore.Network, error) {
	if path != "" {
		n, err := loadNetworkFile(path)
		if err != nil {
			return nil, err
		}
		if err := digits.CheckNetwork(n); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return n, nil
	}
	if outputs != 1 && outputs != 10 {
		return nil, fmt.Errorf("--outputs is %d: give 1 (is it a 4?) or 10 (which digit?)", outputs)
	}
	d, err := mnist.Load()
	if err != nil {
		return nil, err
	}
	cfg := digits.DefaultConfig(outputs)
	fmt.Fprintf(stderr, "No --net given: training the default network first (%d epochs; save one with nnmath digits train -o FILE)\n", cfg.Epochs)
	tr, err := digits.NewTrainer(&d.Train, cfg)
	if err != nil {
		return nil, err
	}
	for !tr.Done() {
		for !tr.Train(d.Train.Len()) {
		}
		tr.FinishEpoch()
	}
	return tr.Net().Network(make([]float64, digits.Inputs), digits.Four, cfg.LearningRate), nil
}

// answerWords returns the answer the outputs out give, in words.
func answerWords(out []float64) string {
	a := digits.Answer(out)
	switch {
	case len(out) > 1:
		return fmt.Sprint(a)
	case a == digits.Four:
		return "yes, a 4"
	}
	return "no, not a 4"
}

// writeAsk prints the image as the network saw it and its answer.
func writeAsk(w io.Writer, r askJSON) {
	const ramp = " .:-=+*#%@"
	fmt.Fprintf(w, "%s, as the network sees it (28x28):\n", r.Source)
	row := make([]byte, 0, 2+2*mnist.Side)
	for y := range mnist.Side {
		row = append(row[:0], "  "...)
		for x := range mnist.Side {
			c := ramp[int(r.Image[y*mnist.Side+x])*len(ramp)/256]
			row = append(row, c, c)
		}
		fmt.Fprintf(w, "%s\n", strings.TrimRight(string(row), " "))
	}
	if r.Label != nil {
		fmt.Fprintf(w, "Its label: %d\n", *r.Label)
	}
	q := strings.ToUpper(r.Question[:1]) + r.Question[1:]
	if len(r.Outputs) == 1 {
		fmt.Fprintf(w, "%s %s (output %.4f; 0.5 or more means a 4)\n", q, r.Answer, r.Outputs[0])
		return
	}
	fmt.Fprintf(w, "%s %s (output %.4f, the largest)\n", q, r.Answer, r.Outputs[digits.Answer(r.Outputs)])
	for d, o := range r.Outputs {
		fmt.Fprintf(w, "  %d: %.4f\n", d, o)
	}
}

// setFlag reports whether the flag called name was given on the command
// line.
func setFlag(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
