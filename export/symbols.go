package export

import (
	"strings"

	"nnmath/mathcore"
)

// Symbols: mathcore's labels ("net_h1", "out", "w9", "dJ/dout") written as
// LaTeX math ("\mathrm{net}_{h1}", "\mathrm{out}", "w_{9}",
// "\frac{dJ}{d\mathrm{out}}").

// symbol returns a mathcore label as LaTeX math.
func symbol(label string) string {
	for _, word := range []string{"out", "net"} {
		if label == word {
			return `\mathrm{` + word + `}`
		}
		if rest, ok := strings.CutPrefix(label, word+"_"); ok {
			return `\mathrm{` + word + `}_{` + rest + `}`
		}
	}
	if len(label) > 1 && strings.ContainsRune("wbiy", rune(label[0])) && isDigits(label[1:]) {
		return label[:1] + "_{" + label[1:] + "}"
	}
	return label
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// derivative returns the derivative of top by bottom, both LaTeX, written
// with d as the tutor, print and check write it (dJ/dw9).
func derivative(top, bottom string) string {
	return `\frac{d` + top + `}{d` + bottom + `}`
}

// factorSymbol returns a chain-rule factor ("dnet_o/dout_h1") as a fraction.
func factorSymbol(n *mathcore.Network, f mathcore.Factor) string {
	top, bottom, _ := strings.Cut(n.FactorSymbol(f), "/")
	return derivative(symbol(strings.TrimPrefix(top, "d")), symbol(strings.TrimPrefix(bottom, "d")))
}

// paramSymbol returns a parameter as LaTeX: w_{9}, b_{1}.
func paramSymbol(n *mathcore.Network, p mathcore.Param) string {
	return symbol(n.ParamLabel(p))
}

// outSymbol returns the output of node j of layer l: i_{1} for an input,
// \mathrm{out}_{h1} for a hidden node, \mathrm{out} for a single output.
func outSymbol(n *mathcore.Network, l, j int) string {
	return symbol(n.OutSymbol(l, j))
}

// netSymbol returns the net input of node j of layer l: \mathrm{net}_{h1}.
func netSymbol(n *mathcore.Network, l, j int) string {
	return symbol(n.NetSymbol(l, j))
}

// targetSymbol returns the target of output k: y, or y_{1}, y_{2}.. when
// there are several outputs.
func targetSymbol(n *mathcore.Network, k int) string {
	if n.Sizes[n.Output()] == 1 {
		return "y"
	}
	return symbol("y" + itoa(k+1))
}

// apply returns the activation a applied to arg, as LaTeX.
func apply(a mathcore.Activation, arg string) string {
	switch a {
	case mathcore.Tanh:
		return `\tanh(` + arg + `)`
	case mathcore.ReLU:
		return `\max(0,\, ` + arg + `)`
	case mathcore.Linear:
		return arg
	default:
		return `\sigma(` + arg + `)`
	}
}
