package mathcore

// OutSymbol returns the name of node j's output in layer l as the paper
// writes it: "out_h1", just "out" for the single output of a network, and
// the input's own label "i1" in the input layer.
func (n *Network) OutSymbol(l, j int) string {
	if l == 0 {
		return n.NodeLabel(0, j)
	}
	if l == n.Output() && n.Sizes[l] == 1 {
		return "out"
	}
	return "out_" + n.NodeLabel(l, j)
}

// NetSymbol returns the name of node j's net input in layer l: "net_h1", "net_o".
func (n *Network) NetSymbol(l, j int) string {
	return "net_" + n.NodeLabel(l, j)
}

// FactorSymbol returns f written as a derivative: "dJ/dout", "dout/dnet_o",
// "dnet_o/dout_h1", "dout_h1/dnet_h1", "dnet_h1/dw1" or "dnet_h1/db1".
func (n *Network) FactorSymbol(f Factor) string {
	switch f.Kind {
	case LossFactor:
		return "dJ/d" + n.OutSymbol(f.Layer, f.Node)
	case ActFactor:
		return "d" + n.OutSymbol(f.Layer, f.Node) + "/d" + n.NetSymbol(f.Layer, f.Node)
	case WeightFactor:
		return "d" + n.NetSymbol(f.Layer, f.Node) + "/d" + n.OutSymbol(f.Layer-1, f.Source)
	default:
		return "d" + n.NetSymbol(f.Layer, f.Node) + "/d" + n.ParamLabel(f.Param)
	}
}
