package mathcore

// This file counts the work of two ways to compute every gradient: one
// chain per parameter, and one backward pass. Both need the same factors
// (dJ/dout of each output, each node's activation slope, the weights and
// the outputs); the counts are of the multiplications that combine them.
// They are float64 so that the largest networks (16 layers of 512 nodes,
// about 10^38 paths) do not overflow.

// ChainMultiplications returns how many multiplications computing dJ/dp
// one chain at a time takes, summed over every weight and bias of a
// network with the given layer sizes (biases when it has them): each path
// of a weight into layer l+1 has 2(L-l)+1 factors, so 2(L-l)
// multiplications, where L is the output layer; a bias's paths have no
// input factor, so one multiplication fewer.
func ChainMultiplications(sizes []int, biases bool) float64 {
	L := len(sizes) - 1
	total := 0.0
	for l := 0; l < L; l++ {
		paths := PathCountApprox(sizes, l+1)
		perPath := float64(2 * (L - l))
		total += float64(sizes[l]*sizes[l+1]) * paths * perPath
		if biases {
			total += float64(sizes[l+1]) * paths * (perPath - 1)
		}
	}
	return total
}

// BackwardMultiplications returns how many multiplications one backward
// pass takes on a network with the given layer sizes: one for δ of each
// output (dJ/dout · slope), for δ of each hidden node one per node it feeds
// (w·δ, added up) and one for its slope, and one for each weight's
// gradient (δ · out); a bias's gradient is its node's δ, with nothing to
// multiply.
func BackwardMultiplications(sizes []int, biases bool) float64 {
	L := len(sizes) - 1
	total := float64(sizes[L])
	for l := 1; l < L; l++ {
		total += float64(sizes[l]) * float64(sizes[l+1]+1)
	}
	for l := 0; l < L; l++ {
		total += float64(sizes[l] * sizes[l+1])
	}
	return total
}
