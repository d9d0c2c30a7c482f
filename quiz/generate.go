package quiz

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"nnmath/judge"
	"nnmath/mathcore"
	"nnmath/numtext"
)

// AllTopics lists the quiz topics in teaching order.
var AllTopics = []judge.Topic{judge.Forward, judge.LossTopic, judge.Gradients, judge.Update}

// ParseTopics reads a comma-separated list of topic names ("forward",
// "loss", "gradients", "update"); an empty list means every topic. The
// error names the unknown topic and the valid ones.
func ParseTopics(s string) ([]judge.Topic, error) {
	if strings.TrimSpace(s) == "" {
		return append([]judge.Topic(nil), AllTopics...), nil
	}
	var out []judge.Topic
	seen := map[judge.Topic]bool{}
	for _, part := range strings.Split(s, ",") {
		name := strings.ToLower(strings.TrimSpace(part))
		found := false
		for _, t := range AllTopics {
			if t.String() == name {
				found = true
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown topic %q: choose from forward, loss, gradients, update", part)
		}
	}
	return out, nil
}

// Generator draws the questions of one quiz. The same seed, network and
// topics give the same questions in the same order.
type Generator struct {
	rng    *rand.Rand
	net    *mathcore.Network // nil: a fresh network per question
	topics []judge.Topic
	n      int             // questions drawn so far
	asked  map[string]bool // the names of the quantities asked so far
}

// NewGenerator returns a generator seeded with seed. With net nil every
// question draws a fresh network (RandomNetwork); otherwise every question
// uses a copy of net, which must be valid. topics (nil for all) are taken
// in turn, so a quiz of a few questions covers each of them.
func NewGenerator(seed uint64, net *mathcore.Network, topics []judge.Topic) (*Generator, error) {
	if len(topics) == 0 {
		topics = AllTopics
	}
	if net != nil {
		if err := net.Validate(); err != nil {
			return nil, fmt.Errorf("quiz: %w", err)
		}
		net = net.Clone()
	}
	return &Generator{
		rng:    rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		net:    net,
		topics: append([]judge.Topic(nil), topics...),
		asked:  map[string]bool{},
	}, nil
}

// Generate returns count questions from a new generator: a convenience
// for NewGenerator followed by count calls of Next.
func Generate(seed uint64, net *mathcore.Network, topics []judge.Topic, count int) ([]*Question, error) {
	g, err := NewGenerator(seed, net, topics)
	if err != nil {
		return nil, err
	}
	qs := make([]*Question, 0, count)
	for range count {
		q, err := g.Next()
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	return qs, nil
}

// Next draws the next question. The topics are taken in turn, and no
// quantity is asked twice while another is left to ask: a topic whose
// quantities have all been asked (the loss has just J) gives its turn to
// the next. It fails only when the network has no quantity of the topic
// whose turn it is.
func (g *Generator) Next() (*Question, error) {
	first := g.n % len(g.topics)
	g.n++
	n := g.net
	if n == nil {
		n = RandomNetwork(g.rng)
	}
	j, err := judge.New(n)
	if err != nil {
		return nil, fmt.Errorf("quiz: %w", err)
	}
	var pool, fresh []judge.Quantity
	for k := range g.topics {
		topic := g.topics[(first+k)%len(g.topics)]
		for _, q := range j.Quantities() {
			if asked(q, n) && q.Topic() == topic {
				if k == 0 {
					pool = append(pool, q)
				}
				if !g.asked[q.Name] {
					fresh = append(fresh, q)
				}
			}
		}
		if len(fresh) > 0 {
			pool = fresh
			break
		}
	}
	if len(pool) == 0 {
		return nil, fmt.Errorf("quiz: the network has no %s quantity to ask", g.topics[first])
	}
	target := pool[g.rng.IntN(len(pool))]
	g.asked[target.Name] = true
	return newQuestion(g.n, target.Topic(), j, target), nil
}

// asked reports whether q is a quantity the quiz asks for: the forward
// values, J and dJ/dout of the outputs, the activations' slopes, the
// gradients and the updated parameters. The deltas and the weight factors
// are only steps on the way.
func asked(q judge.Quantity, n *mathcore.Network) bool {
	switch q.Kind {
	case judge.KindDelta, judge.KindWeightFactor:
		return false
	case judge.KindDOut:
		return q.Layer == n.Output()
	}
	return true
}

// RandomNetwork draws a 4-2-1 sigmoid network without biases, with the
// loss J = 1/2 (y - out)^2, whose numbers can be worked by hand: inputs in
// [0, 1] and weights in [-1, 1] with two decimals (no weight is zero),
// a target of 0 or 1, and a learning rate in [0.1, 1] with at most two
// decimals.
func RandomNetwork(r *rand.Rand) *mathcore.Network {
	hundredths := func(lo, hi int) float64 { return float64(lo+r.IntN(hi-lo+1)) / 100 }
	weight := func() float64 {
		for {
			if w := hundredths(-100, 100); w != 0 {
				return w
			}
		}
	}
	n := &mathcore.Network{
		Sizes:       []int{4, 2, 1},
		Activations: []mathcore.Activation{mathcore.Sigmoid, mathcore.Sigmoid},
		Loss:        mathcore.HalfSSE,
		Weights:     [][][]float64{make([][]float64, 2), make([][]float64, 1)},
		Targets:     []float64{float64(r.IntN(2))},
		Name:        "a random 4-2-1 network",
	}
	n.Inputs = make([]float64, 4)
	for i := range n.Inputs {
		n.Inputs[i] = hundredths(0, 100)
	}
	for j := range 2 {
		n.Weights[0][j] = make([]float64, 4)
		for i := range 4 {
			n.Weights[0][j][i] = weight()
		}
	}
	n.Weights[1][0] = []float64{weight(), weight()}
	n.LearningRate = hundredths(10, 100)
	return n
}

// Question is one question of a quiz: a network, the quantity asked for,
// and the parts the learner answers on the way to it.
type Question struct {
	Number int         // 1-based position in the quiz
	Topic  judge.Topic // the topic of Target
	Judge  *judge.Judge
	Target judge.Quantity
	// Parts are the quantities asked in order: the values Target is computed
	// from directly (its chain), then Target itself, which is last.
	Parts []judge.Quantity
}

// Network returns the question's network; callers must not change it.
func (q *Question) Network() *mathcore.Network { return q.Judge.Network() }

// newQuestion builds the question for target: its parts are the named
// operands of its worked computation that a learner computes (not the
// weights on a path, which are given), then target.
func newQuestion(number int, topic judge.Topic, j *judge.Judge, target judge.Quantity) *Question {
	q := &Question{Number: number, Topic: topic, Judge: j, Target: target}
	seen := map[string]bool{target.Name: true}
	w := j.Chain(target, j.Exact(target), nil)
	for _, path := range w.Paths {
		for _, s := range path {
			if s.Name == "" || seen[s.Name] {
				continue
			}
			p, err := j.Lookup(s.Name)
			if err != nil || p.Kind == judge.KindWeightFactor {
				continue
			}
			seen[s.Name] = true
			q.Parts = append(q.Parts, p)
		}
	}
	q.Parts = append(q.Parts, target)
	return q
}

// Hints returns the hints for part p of the question in the order they
// are revealed: the formula, then each factor or term of the chain with
// its exact value, one at a time.
func (q *Question) Hints(p judge.Quantity) []string {
	w := q.Judge.Chain(p, q.Judge.Exact(p), nil)
	hints := []string{w.Formula}
	for _, path := range w.Paths {
		for _, s := range path {
			hints = append(hints, s.Symbol+" = "+numtext.FormatSig(s.Exact, 4))
		}
	}
	return hints
}
