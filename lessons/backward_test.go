package lessons

import (
	"strings"
	"testing"

	"nnmath/internal/testnet"
	"nnmath/mathcore"
)

// unmarked drops the rise and fall marks from s.
func unmarked(s string) string { return strings.NewReplacer(Up, "", Down, "").Replace(s) }

// Every δ the backward pass shows is the trace's dJ/dnet, and every
// gradient it lists is δ times the out it names, on every test network.
func TestBackwardShowsEveryDeltaAndGradient(t *testing.T) {
	for _, name := range learningNetNames {
		n := network(t, name)
		s := NewSession(n)
		page := lessonByID(t, IDBackward).Build(s, 100)
		if page.Skip != "" {
			continue
		}
		if len(page.Sweep) != len(page.Steps)+1 {
			t.Fatalf("%s: %d sweep states for %d steps", name, len(page.Sweep), len(page.Steps))
		}
		results := map[string]string{}
		var grads []string
		for _, st := range page.Steps {
			if strings.HasPrefix(st.Title, "δ_") {
				results[strings.Fields(st.Title)[0]] = unmarked(st.Result)
			}
			if strings.HasPrefix(st.Title, "Gradients into") {
				grads = append(grads, st.Figure...)
			}
		}
		for l := n.Output(); l >= 1; l-- {
			for j := 0; j < min(n.Sizes[l], nodesShown); j++ {
				d := deltaName(n, l, j) + ":"
				if got, want := results[d], s.F(s.Trace.Delta[l][j]); got != want {
					t.Errorf("%s: %s shows %q, want %q", name, d, got, want)
				}
			}
		}
		text := strings.Join(grads, "\n")
		for _, p := range n.Params() {
			if n.ParamCount() > 40 {
				break // a large network lists its first gradients of each layer only
			}
			row := "dJ/d" + n.ParamLabel(p) + " "
			if !strings.Contains(text, row) {
				t.Errorf("%s: no row for %s", name, row)
				continue
			}
			for _, line := range grads {
				if strings.HasPrefix(line, row) && !strings.HasSuffix(unmarked(line), "= "+s.F(s.Trace.Gradient(p))) {
					t.Errorf("%s: %q does not end in dJ/d%s = %s", name, line, n.ParamLabel(p), s.F(s.Trace.Gradient(p)))
				}
			}
		}
		// The sweep starts with no δ drawn and ends with every node's.
		if strings.Contains(strings.Join(page.Sweep[0], "\n"), "δ -") {
			t.Errorf("%s: the sweep shows a δ before any step", name)
		}
		if got, want := strings.Count(strings.Join(page.Aside, "\n"), "δ "), drawnNodes(n); n.ParamCount() < 40 && got < want {
			t.Errorf("%s: the finished sweep shows %d δs, want %d", name, got, want)
		}
		if last := page.Sweep[len(page.Sweep)-1]; last != nil {
			t.Errorf("%s: the nudge check carries a sweep of its own", name)
		}
	}
}

// drawnNodes counts the computed nodes of n, which the last sweep shows a δ for.
func drawnNodes(n *mathcore.Network) int {
	k := 0
	for l := 1; l < len(n.Sizes); l++ {
		k += n.Sizes[l]
	}
	return k
}

// On the textbook example the hidden δs are sums over two paths, shown term
// by term with the textbook's printed values (0.055399425, -0.019049119,
// 0.036350306 for h1), and they use the weights before the update.
func TestBackwardTextbookTwoPaths(t *testing.T) {
	s := NewSession(mathcore.Textbook())
	page := lessonByID(t, IDBackward).Build(s, 100)
	text := testnet.PageText(page)
	for _, want := range []string{
		"through o1: w5·δ_o1 = 0.4000·0.1385 = 0.05540",
		"through o2: w6·δ_o2 = 0.5000·(-0.03810) = -0.01905",
		"sum: dJ/dout_h1 = 0.03635",
		"A sum over two paths",
		"the ones before the update",
		"With the updated w5 and w6 (0.3589 and 0.5113), a slip published worked examples make, δ_h1 would be 0.007294",
		"dJ/dw5  = δ_o1·out_h1  = 0.1385·0.5933",
		"dJ/db3  = δ_o1·1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the textbook's backward pass does not show %q", want)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "this one, 2-2-2 with biases 54 16") {
		t.Error("the cost table does not count 54 multiplications for the chains and 16 for the backward pass")
	}
}

// The paper's backward pass names δ, the reuse and the cost on the three networks.
func TestBackwardPaperWords(t *testing.T) {
	s := NewSession(mathcore.Paper())
	text := testnet.PageText(lessonByID(t, IDBackward).Build(s, 100))
	for _, want := range []string{
		"Backpropagation", "backward pass", "δ of a node is dJ/dnet of that node",
		"δ_o = dJ/dout · dout/dnet_o", "δ_h1 = (w9·δ_o) · out_h1·(1 - out_h1)", "δ_h2 = (w10·δ_o) · out_h2·(1 - out_h2)",
		"those first two factors are δ_o, computed for w9",
		"this one, the paper's 4-2-1", "64-16-1 (an 8x8 image)",
		"dJ/dw1  = δ_h1·i1  = (-0.01203)·0.5000   = -0.006017",
		"Check dJ/dw1 by nudging w1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the paper's backward pass does not show %q", want)
		}
	}
}

// The chain-rule lesson no longer says J cannot be written in terms of w9:
// it writes it, and says why the chain is the practical way.
func TestChainOutputWritesJWhole(t *testing.T) {
	text := testnet.PageText(lessonByID(t, IDChainOutput).Build(NewSession(mathcore.Paper()), 100))
	if strings.Contains(text, "Nobody can write") {
		t.Error("lesson 9 still says nobody can write J in terms of w9")
	}
	if !strings.Contains(text, "J = 1/2·(y - σ(w9·out_h1 + w10·out_h2))^2") {
		t.Error("lesson 9 does not write J in terms of w9")
	}
}

// The matrix lesson defines δ before its gradient steps use it, with the
// backward pass's numbers.
func TestMatrixDefinesDeltaFirst(t *testing.T) {
	s := NewSession(mathcore.Paper())
	page := lessonByID(t, IDMatrix).Build(s, 100)
	defined := -1
	for i, st := range page.Steps {
		text := strings.Join(append(st.Text, st.Figure...), " ")
		if strings.Contains(text, "δ of a node is dJ/dnet") {
			defined = i
			for l := 1; l <= 2; l++ {
				for j := range s.Trace.Delta[l] {
					if !strings.Contains(text, s.F(s.Trace.Delta[l][j])) {
						t.Errorf("the δ columns do not show δ of node %d of layer %d", j, l)
					}
				}
			}
		}
		if strings.Contains(st.Formula, "δ") && defined < 0 {
			t.Errorf("step %d uses δ before it is defined", i+1)
		}
	}
	if defined < 0 {
		t.Error("the matrix lesson never defines δ")
	}
}

// The words comparing the counts agree with the counts: 36 against 15 is
// not "about 1/2".
func TestRatioWords(t *testing.T) {
	for _, tc := range []struct {
		chain, back float64
		want        string
	}{
		{36, 15, "fewer than half the multiplications of"},
		{54, 16, "about 1/3 of the multiplications of"},
		{4128, 1073, "about 1/4 of the multiplications of"},
		{4, 3, "fewer multiplications than"},
		{10, 10, "at least as many multiplications as"},
		{20, 10, "half the multiplications of"},
	} {
		if got := ratioWords(tc.chain, tc.back); got != tc.want {
			t.Errorf("%v against %v: %q, want %q", tc.chain, tc.back, got, tc.want)
		}
	}
}

// A network of the paper's shape that is not the paper's example is not
// called the paper's.
func TestOwnNetworkOfThePapersShape(t *testing.T) {
	n := mathcore.Paper()
	n.Name, n.Notes = "A 4-2-1 network", ""
	n.Weights[1][0][0] = 0.5
	s := NewSession(n)
	for _, id := range []string{IDOverview, IDBackward} {
		text := testnet.PageText(lessonByID(t, id).Build(s, 100))
		if strings.Contains(text, "the paper's 4-2-1") || strings.Contains(text, "The example from the paper") {
			t.Errorf("%s calls a network of one's own the paper's:\n%s", id, text)
		}
	}
}

// The backward pass points back only to chains the chain lessons showed:
// the output-chain lesson works through one weight, the hidden-chain
// lesson through the selected one.
func TestBackwardPointsToChainsShown(t *testing.T) {
	s := NewSession(mathcore.Textbook())
	text := strings.Join(strings.Fields(testnet.PageText(lessonByID(t, IDBackward).Build(s, 100))), " ")
	shown := s.Net.ParamLabel(firstOutputWeight(s.Net))
	for _, p := range s.Net.Params() {
		if p.Layer == s.Net.Output()-1 && !p.Bias && p != firstOutputWeight(s.Net) {
			if lbl := s.Net.ParamLabel(p); strings.Contains(text, "multiplied them for "+lbl) {
				t.Errorf("says the output-chain lesson multiplied for %s; it shows %s", lbl, shown)
			}
		}
	}
	if sel := s.Net.ParamLabel(s.selected()); !strings.Contains(text, "in the chain for "+sel+",") {
		t.Errorf("does not point to the hidden chain the lesson shows (%s):\n%s", sel, text)
	}
}
