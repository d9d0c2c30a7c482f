package digits

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"time"

	"nnmath/mnist"
)

// Trainer trains a Net on the training images by mini-batch gradient
// descent, epoch by epoch, in steps as small as the caller likes so that a
// screen can show its progress.
//
// Every number it computes is the same for the same Config on any number of
// workers: each image of a batch has a slot of its own for its forward and
// backward pass, whichever worker fills it, and each weight is then updated
// by a single worker, adding the images' contributions in their order in the
// batch. No sum is ever split between workers, so no sum depends on them.
type Trainer struct {
	cfg     Config
	net     *Net
	train   *mnist.Set
	order   []int32 // the training images in this epoch's order
	rng     *rand.Rand
	epoch   int     // epochs finished
	pos     int     // images of this epoch trained on
	lossSum float64 // the sum of their losses
	slots   []slot  // one per image of a batch
	workers int
	batch   []int32 // the images of the batch being trained on
	pool    *pool
}

// slot holds one image's sparse inputs, forward and backward pass.
type slot struct {
	idx    []int32   // the pixels that are not blank
	val    []float64 // their darkness, from 0 to 1
	idxBuf []int32   // room for idx: Inputs pixels
	valBuf []float64 // room for val
	hidden []float64 // the hidden outputs
	dh     []float64 // δ of each hidden node
	out    []float64 // the outputs
	dout   []float64 // δ of each output
	y      []float64 // the targets
	loss   float64
}

func newSlot(hidden, outputs int) slot {
	return slot{
		idxBuf: make([]int32, Inputs), valBuf: make([]float64, Inputs),
		hidden: make([]float64, hidden), dh: make([]float64, hidden),
		out: make([]float64, outputs), dout: make([]float64, outputs), y: make([]float64, outputs),
	}
}

// NewTrainer returns a trainer of a new network on the training images of
// train, as cfg says, before its first epoch.
func NewTrainer(train *mnist.Set, cfg Config) (*Trainer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if train.Len() == 0 {
		return nil, fmt.Errorf("digits: no training images")
	}
	w := min(workersFor(cfg.Workers), cfg.Batch, cfg.Hidden)
	t := &Trainer{
		cfg: cfg, net: NewNet(cfg.Hidden, cfg.Outputs, cfg.Seed), train: train,
		order: make([]int32, train.Len()), workers: w,
		rng:   rand.New(rand.NewPCG(cfg.Seed, 0x6f72646572)), // "order"
		slots: make([]slot, min(cfg.Batch, train.Len())),
	}
	for i := range t.order {
		t.order[i] = int32(i)
	}
	for i := range t.slots {
		t.slots[i] = newSlot(cfg.Hidden, cfg.Outputs)
	}
	t.shuffle()
	return t, nil
}

// Config returns the trainer's configuration.
func (t *Trainer) Config() Config { return t.cfg }

// Net returns the network being trained. It changes with every step: take a
// Clone to keep it.
func (t *Trainer) Net() *Net { return t.net }

// Epoch returns the number of epochs finished.
func (t *Trainer) Epoch() int { return t.epoch }

// Done reports whether the trainer has finished every epoch of its Config.
func (t *Trainer) Done() bool { return t.epoch >= t.cfg.Epochs }

// Progress returns the images trained on in this epoch and their number in an epoch.
func (t *Trainer) Progress() (done, total int) { return t.pos, len(t.order) }

// AverageLoss returns the average loss J of the images trained on so far in
// this epoch, each measured on the network as it was when its batch began.
func (t *Trainer) AverageLoss() float64 {
	if t.pos == 0 {
		return math.NaN()
	}
	return t.lossSum / float64(t.pos)
}

// shuffle puts the training images in a new order drawn from the seed.
func (t *Trainer) shuffle() {
	for i := len(t.order) - 1; i > 0; i-- {
		j := t.rng.IntN(i + 1)
		t.order[i], t.order[j] = t.order[j], t.order[i]
	}
}

// Train trains on the next images of the epoch, whole batches of them,
// until at least images more are done or the epoch ends, and reports
// whether it has ended. The caller then calls FinishEpoch before training
// on. It does not allocate, beyond starting its workers.
func (t *Trainer) Train(images int) (epochEnded bool) {
	if t.workers > 1 && t.pool == nil {
		t.pool = startPool(t, t.workers)
		defer t.stopPool()
	}
	start := time.Now()
	goal := min(t.pos+images, len(t.order))
	for b := 0; t.pos < goal; b++ {
		if t.pool != nil && b%64 == 63 && t.pool.stalled(time.Since(start)) {
			t.stopPool() // the system keeps the workers from their cores: go on alone
		}
		end := min(t.pos+t.cfg.Batch, len(t.order))
		t.batch = t.order[t.pos:end]
		t.run(phaseForward)
		for s := range t.batch {
			t.lossSum += t.slots[s].loss
		}
		t.run(phaseUpdate)
		t.pos = end
		runtime.Gosched() // let a screen's goroutine run between batches, on however busy a machine
	}
	return t.pos == len(t.order)
}

// stopPool ends the workers, if they run.
func (t *Trainer) stopPool() {
	if t.pool != nil {
		t.pool.stop()
		t.pool = nil
	}
}

// FinishEpoch ends the epoch being trained on: it returns its average loss,
// counts it and shuffles the images for the next one.
func (t *Trainer) FinishEpoch() float64 {
	loss := t.AverageLoss()
	t.epoch++
	t.pos, t.lossSum = 0, 0
	t.shuffle()
	return loss
}

// The phases of one step, each shared between the workers.
const (
	phaseForward = iota // the forward and backward pass of each image, by image
	phaseUpdate         // the update of each weight, by node
)

// run runs phase on every worker and waits for them.
func (t *Trainer) run(phase int) {
	if t.pool == nil {
		for i := range t.items(phase) {
			t.item(phase, i)
		}
		return
	}
	t.pool.run(phase)
}

// pixelBlock is the number of pixels whose weights one item of the update
// phase updates: two rows of the image. Each item writes its own stretch
// of W1, so that two workers never write the same cache line.
const pixelBlock = 2 * 28

// items returns the number of items of phase: in the forward phase, one per
// image of the batch; in the update phase, one per block of pixelBlock
// pixels and one for the biases and the outputs.
func (t *Trainer) items(phase int) int {
	if phase == phaseForward {
		return len(t.batch)
	}
	return (Inputs+pixelBlock-1)/pixelBlock + 1
}

// item does item i of phase.
func (t *Trainer) item(phase, i int) {
	if phase == phaseForward {
		k := int(t.batch[i])
		t.slots[i].pass(t.net, t.train.Image(k), int(t.train.Labels[k]))
		return
	}
	if lo := i * pixelBlock; lo < Inputs {
		t.updatePixels(int32(lo), int32(min(lo+pixelBlock, Inputs)))
		return
	}
	t.updateOutputs()
}

// pass runs the forward and backward pass of image img of digit label,
// leaving in s everything the update needs.
func (s *slot) pass(n *Net, img []uint8, label int) {
	nnz := 0
	idx, val := s.idxBuf[:len(img)], s.valBuf[:len(img)]
	for i, p := range img {
		if p != 0 {
			idx[nnz], val[nnz] = int32(i), float64(p)/255
			nnz++
		}
	}
	s.idx, s.val = idx[:nnz], val[:nnz]
	h := s.hidden
	copy(h, n.B1)
	for t, i := range s.idx {
		axpy(h, n.W1[int(i)*n.Hidden:], s.val[t])
	}
	n.output(h, s.out)
	Targets(s.y, label)
	s.loss = 0
	for k := range s.dh {
		s.dh[k] = 0
	}
	for k, o := range s.out {
		e := o - s.y[k]
		s.loss += e * e / 2
		s.dout[k] = e * o * (1 - o) // ∂J/∂out · σ'(net)
		axpy(s.dh, n.W2[k*n.Hidden:(k+1)*n.Hidden], s.dout[k])
	}
	for j, a := range h {
		s.dh[j] *= a * (1 - a)
	}
}

// updatePixels updates the weights from pixels lo to hi-1 to every hidden node.
func (t *Trainer) updatePixels(lo, hi int32) {
	n, c := t.net, -t.cfg.LearningRate/float64(len(t.batch))
	h := n.Hidden
	for s := range t.batch {
		sl := &t.slots[s]
		p, _ := slices.BinarySearch(sl.idx, lo)
		for ; p < len(sl.idx) && sl.idx[p] < hi; p++ {
			i := int(sl.idx[p])
			axpy(n.W1[i*h:(i+1)*h], sl.dh, c*sl.val[p])
		}
	}
}

// updateOutputs updates the hidden nodes' biases and the outputs' weights and biases.
func (t *Trainer) updateOutputs() {
	n, c := t.net, -t.cfg.LearningRate/float64(len(t.batch))
	for s := range t.batch {
		sl := &t.slots[s]
		axpy(n.B1, sl.dh, c)
		for k := range n.Outputs {
			axpy(n.W2[k*n.Hidden:(k+1)*n.Hidden], sl.hidden, c*sl.dout[k])
			n.B2[k] += c * sl.dout[k]
		}
	}
}

// Overflowed reports whether a weight or bias of the network is no longer a
// finite number (a learning rate far too large).
func (t *Trainer) Overflowed() bool {
	for _, v := range [][]float64{t.net.B1, t.net.W2, t.net.B2} {
		for _, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return true
			}
		}
	}
	return false
}
