package mathcore

// PrintedValue is a number the paper printed in its worked example, named
// by the quantity it stands for ("out_h1", "dJ/dw9", "w9_new").
type PrintedValue struct {
	Quantity string
	Printed  float64
}

// PaperPrinted returns the numbers the paper printed for its worked example
// (Paper()), in the order the computation meets them. It repeats the first
// two columns of package paper's table (paper.Values), which new code reads
// instead; it stays only until its last caller moves there.
func PaperPrinted() []PrintedValue {
	return []PrintedValue{
		{"net_h1", 0.376},
		{"out_h1", 0.407},
		{"net_h2", 0.1766},
		{"out_h2", 0.455},
		{"out", 0.64},
		{"dJ/dout", -0.36},
		{"dout/dnet_o", 0.2306},
		{"dout/dnet_o", 0.2304},
		{"dJ/dw9", -0.033},
		{"w9_new", 0.603},
		{"dout_h1/dnet_h1", 0.241},
		{"dJ/dw1", -0.016},
		{"w1_new", 0.4016},
	}
}
