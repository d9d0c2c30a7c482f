package judge

import (
	"math"
	"sort"
	"strings"

	"nnmath/mathcore"
)

// SlipID is the stable name of a slip. The names keep their meaning; new
// ones may be added.
type SlipID string

// The slips the judge diagnoses.
const (
	Sign              SlipID = "sign"               // the sign of dJ/dout, or of the whole answer, flipped
	SigmoidSign       SlipID = "sigmoid_sign"       // σ(-x) used for σ(x)
	NetForOut         SlipID = "net_for_out"        // net used where out belongs
	OutForNet         SlipID = "out_for_net"        // out used where net belongs
	MissingDerivative SlipID = "missing_derivative" // the dout/dnet factor left out
	DoubleDerivative  SlipID = "double_derivative"  // the dout/dnet factor applied twice
	DJdoutMinusOne    SlipID = "dJdout_minus_one"   // dJ/dout taken as -1
	MSEFactor         SlipID = "mse_factor"         // the 2/n of J = (1/n) sum (y - out)^2 mixed with the 1/2 loss
	WrongPath         SlipID = "wrong_path"         // a weight on the wrong path (w10 for w9)
	UpdatedWeight     SlipID = "updated_weight"     // an already updated weight used in a hidden-layer gradient
	UpdateSign        SlipID = "update_sign"        // + instead of - in the update
	MissingEta        SlipID = "missing_eta"        // eta left out of the update
	WrongInput        SlipID = "wrong_input"        // the input of another node
	PaperValue        SlipID = "paper_value"        // the number the paper printed
	ActivationSlope   SlipID = "activation_slope"   // a wrong formula for the activation's slope
	SwappedIndices    SlipID = "swapped_indices"    // the weight of the edge j->i used for i->j
	GradientAsWeight  SlipID = "gradient_as_weight" // the gradient given where the new weight is asked
	WeightAsGradient  SlipID = "weight_as_gradient" // the new weight given where the gradient is asked
	NoStep            SlipID = "no_step"            // the old weight given as the new one
	EarlyRounding     SlipID = "early_rounding"     // intermediates (or the answer) rounded to a few decimals
)

// Slips lists every SlipID the judge diagnoses.
var Slips = []SlipID{Sign, SigmoidSign, NetForOut, OutForNet, MissingDerivative, DoubleDerivative,
	DJdoutMinusOne, MSEFactor, WrongPath, UpdatedWeight, UpdateSign, MissingEta, WrongInput, PaperValue,
	ActivationSlope, SwappedIndices, GradientAsWeight, WeightAsGradient, NoStep, EarlyRounding}

// slipWords names each slip in the words a learner reads; the ids belong
// to --json.
var slipWords = map[SlipID]string{
	Sign:              "a flipped sign",
	SigmoidSign:       "σ(-x) for σ(x)",
	NetForOut:         "net where out belongs",
	OutForNet:         "out where net belongs",
	MissingDerivative: "the slope dout/dnet left out",
	DoubleDerivative:  "the slope dout/dnet applied twice",
	DJdoutMinusOne:    "dJ/dout taken as −1",
	MSEFactor:         "a wrong factor of the loss",
	WrongPath:         "a weight on the wrong path",
	UpdatedWeight:     "the updated weights in the backward pass",
	UpdateSign:        "+ instead of − in the update",
	MissingEta:        "η left out of the update",
	WrongInput:        "the input of another node",
	PaperValue:        "the paper's printed number",
	ActivationSlope:   "a wrong slope of the activation",
	SwappedIndices:    "a weight's indices swapped",
	GradientAsWeight:  "the gradient for the new weight",
	WeightAsGradient:  "the new weight for the gradient",
	NoStep:            "the weight before the update",
	EarlyRounding:     "rounding too early",
}

// Diagnosis names the slip that explains a wrong answer.
type Diagnosis struct {
	Slip SlipID
	// Cause is, for PaperValue, the slip the paper made; otherwise it equals Slip.
	Cause SlipID
	// Value is the quantity recomputed under the slip.
	Value float64
	// Steps are where the slip enters, with the value each step has under
	// the slip beside its exact value.
	Steps []Step
	// Also lists the other slips that produce the answer too; Slip is the
	// most specific of them.
	Also        []SlipID
	Explanation string
}

// Step is one value of a worked computation: its symbol, its exact value
// and, when known, another value for it (the learner's, or the value a slip
// gives it).
type Step struct {
	Symbol  string
	Name    string // the quantity's canonical name, or "" when it is no quantity (an input, a weight)
	Exact   float64
	Value   float64 // the learner's or the slip's value
	HasUser bool    // whether Value is set
}

// candidate is one recomputation of a quantity under a slip.
type candidate struct {
	id    SlipID
	cause SlipID
	rank  int // lower is more specific
	value float64
	what  string // the slip in words
	steps []Step
	text  string // a full explanation that replaces the generated one
}

// maxVariantWeights bounds the networks for which per-node and per-path
// variants of a slip are tried; larger networks get the layer-wide ones.
const maxVariantWeights = 4096

// Diagnose recomputes q under each slip and returns the one whose value
// matches answer within the judge's tolerance. When several match, it
// returns the most specific and lists the others in Also. It reports false
// when no slip matches.
func (j *Judge) Diagnose(q Quantity, answer float64) (Diagnosis, bool) {
	return j.diagnose(q, answer, math.Inf(1))
}

// diagnose is Diagnose among the slips whose value lies within within of
// answer.
func (j *Judge) diagnose(q Quantity, answer, within float64) (Diagnosis, bool) {
	if !finite(answer) {
		return Diagnosis{}, false
	}
	var hits []candidate
	for _, c := range j.candidates(q) {
		if (j.matches(q, answer, c.value) || j.roundsTo(q, answer, c.value)) && math.Abs(answer-c.value) <= within {
			hits = append(hits, c)
		}
	}
	if len(hits) == 0 {
		return Diagnosis{}, false
	}
	relErr := func(c candidate) float64 {
		return math.Abs(answer-c.value) / max(math.Abs(c.value), math.SmallestNonzeroFloat64)
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].rank != hits[b].rank {
			return hits[a].rank < hits[b].rank
		}
		return relErr(hits[a]) < relErr(hits[b])
	})
	best := hits[0]
	d := Diagnosis{Slip: best.id, Cause: best.cause, Value: best.value, Steps: best.steps}
	if d.Cause == "" {
		d.Cause = d.Slip
	}
	seen := map[SlipID]bool{best.id: true}
	for _, h := range hits[1:] {
		if !seen[h.id] {
			seen[h.id] = true
			d.Also = append(d.Also, h.id)
		}
	}
	d.Explanation = j.explainSlip(q, best, d.Also)
	return d, true
}

// explainSlip writes the diagnosis in plain words: the slip, the step where
// it enters with the value that step would have had, and what it gives.
func (j *Judge) explainSlip(q Quantity, c candidate, also []SlipID) string {
	var b strings.Builder
	if c.text != "" {
		b.WriteString(c.text)
	} else {
		b.WriteString("The slip: " + c.what + ".")
		if len(c.steps) > 0 {
			var names, vals, exact []string
			for _, s := range c.steps {
				names = append(names, s.Symbol)
				vals = append(vals, sig(s.Value))
				exact = append(exact, sig(s.Exact))
			}
			b.WriteString(" It enters at " + list(names) + ", which would be " + list(vals) +
				" instead of " + list(exact) + ";")
			b.WriteString(" carried through, " + q.Name + " = " + sig(c.value) + ".")
		} else {
			b.WriteString(" It gives " + q.Name + " = " + sig(c.value) + ".")
		}
	}
	var words []string
	for _, a := range also {
		if a != c.cause { // the paper's own slip, which its explanation names
			words = append(words, slipWords[a])
		}
	}
	if len(words) > 0 {
		b.WriteString(" The same number also comes from " + list(words) + ".")
	}
	return b.String()
}

// list joins words as "a", "a and b" or "a, b and c".
func list(w []string) string {
	switch len(w) {
	case 0:
		return ""
	case 1:
		return w[0]
	}
	return strings.Join(w[:len(w)-1], ", ") + " and " + w[len(w)-1]
}

// slopeForm returns the activation's slope as written from its output.
func slopeForm(a mathcore.Activation) string {
	switch a {
	case mathcore.Sigmoid:
		return "out(1 - out)"
	case mathcore.Tanh:
		return "1 - out^2"
	case mathcore.ReLU:
		return "1 when net > 0, else 0"
	}
	return "1"
}

func weightCount(n *mathcore.Network) int {
	c := 0
	for l := 0; l+1 < len(n.Sizes); l++ {
		c += n.Sizes[l] * n.Sizes[l+1]
	}
	return c
}

// Words returns the slip in the words a learner reads, such as "a flipped
// sign" for Sign, or the id itself for a slip this version does not know
// (from a history written by a newer one).
func (s SlipID) Words() string {
	if w, ok := slipWords[s]; ok {
		return w
	}
	return string(s)
}
