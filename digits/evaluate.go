package digits

import (
	"sync"

	"nnmath/mnist"
)

// Report is how well a network answers on a set of images.
type Report struct {
	Outputs  int     // 1 or 10: which question was asked
	Images   int     // the images answered
	Correct  int     // the right answers
	Accuracy float64 // Correct / Images

	// For "Is it a 4?" (one output), counting a 4 as a positive: images of
	// a 4 answered "4" (TruePos), other digits answered "4" (FalsePos) and
	// 4s answered "not a 4" (FalseNeg); Precision = TP / (TP + FP),
	// Recall = TP / (TP + FN) and F1 is their harmonic mean.
	TruePos, FalsePos, FalseNeg int
	Precision, Recall, F1       float64

	// For "Which digit?" (ten outputs): the share of each digit's images
	// answered right, and how many images each digit has.
	PerDigit [10]float64
	Count    [10]int

	Answers []int8    // the answer for each image: a digit, or -1 for "not a 4"
	Scores  []float64 // the output the answer rests on (the largest with ten)
}

// Wrong reports whether the network's answer to image k of the set is wrong.
func (r *Report) Wrong(set *mnist.Set, k int) bool {
	want := int(set.Labels[k])
	if r.Outputs == 1 && want != Four {
		want = -1
	}
	return int(r.Answers[k]) != want
}

// Evaluate answers every image of set with n, on workers goroutines (0: one
// per core), and counts the right answers. The Report is the same on any
// number of workers.
func Evaluate(n *Net, set *mnist.Set, workers int) *Report {
	count := set.Len()
	r := &Report{Outputs: n.Outputs, Images: count, Answers: make([]int8, count), Scores: make([]float64, count)}
	workers = max(1, min(workersFor(workers), count))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := part(count, w, workers)
		wg.Go(func() {
			x := make([]float64, Inputs)
			h := make([]float64, n.Hidden)
			out := make([]float64, n.Outputs)
			for k := lo; k < hi; k++ {
				Darkness(x, set.Image(k))
				n.Forward(x, h, out)
				a := Answer(out)
				r.Answers[k] = int8(a)
				r.Scores[k] = out[0]
				if len(out) > 1 {
					r.Scores[k] = out[a]
				}
			}
		})
	}
	wg.Wait()
	r.count(set)
	return r
}

// count fills in the figures of r from its answers.
func (r *Report) count(set *mnist.Set) {
	var right [10]int
	for k, label := range set.Labels {
		r.Count[label]++
		if !r.Wrong(set, k) {
			r.Correct++
			right[label]++
		}
		if r.Outputs == 1 {
			switch four, said := label == Four, r.Answers[k] == Four; {
			case four && said:
				r.TruePos++
			case said:
				r.FalsePos++
			case four:
				r.FalseNeg++
			}
		}
	}
	r.Accuracy = ratio(r.Correct, r.Images)
	for d := range r.PerDigit {
		r.PerDigit[d] = ratio(right[d], r.Count[d])
	}
	if r.Outputs == 1 {
		r.Precision = ratio(r.TruePos, r.TruePos+r.FalsePos)
		r.Recall = ratio(r.TruePos, r.TruePos+r.FalseNeg)
		r.F1 = ratio(2*r.TruePos, 2*r.TruePos+r.FalsePos+r.FalseNeg)
	}
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Darkness writes into x the darkness of each pixel of img, from 0 to 1.
func Darkness(x []float64, img []uint8) {
	for i, p := range img {
		x[i] = float64(p) / 255
	}
}

// part returns the range of worker w out of n over count items.
func part(count, w, n int) (lo, hi int) { return count * w / n, count * (w + 1) / n }
