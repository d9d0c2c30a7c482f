package digits

import (
	"fmt"
	"math"
	"runtime"
)

// Config is how a network is trained.
type Config struct {
	Hidden       int     // hidden nodes
	Outputs      int     // 1: "Is it a 4?"; 10: "Which digit?"
	Epochs       int     // passes over the 60,000 training images
	LearningRate float64 // η
	Batch        int     // images per step of gradient descent (a mini-batch)
	Seed         uint64  // the seed of the first weights and of the order of the images
	Workers      int     // goroutines that share the work; 0: one per core
}

// Limits on a Config.
const (
	MaxHidden = 512
	MaxEpochs = 1000
	MaxBatch  = 1000 // each image of a batch has its own room for its pass: about 10 KB
)

// DefaultConfig returns the default training of a network with outputs
// outputs (1 or 10), the one that reaches the targets in the README in a
// few seconds: 30 hidden nodes for "Is it a 4?" (Nielsen's network.py has
// 30) and 64 for "Which digit?", five epochs of mini-batches of 10 at η = 3.
func DefaultConfig(outputs int) Config {
	c := Config{Hidden: 30, Outputs: outputs, Epochs: 5, LearningRate: 3, Batch: 10, Seed: 1}
	if outputs == 10 {
		c.Hidden = 64
	}
	return c
}

// Check reports the first value of c that cannot be trained with, naming
// the flag that sets it.
func (c Config) Check() error {
	switch {
	case c.Hidden < 1 || c.Hidden > MaxHidden:
		return fmt.Errorf("--hidden is %d: give 1 to %d hidden nodes", c.Hidden, MaxHidden)
	case c.Outputs != 1 && c.Outputs != 10:
		return fmt.Errorf("--outputs is %d: give 1 (is it a 4?) or 10 (which digit?)", c.Outputs)
	case c.Epochs < 1 || c.Epochs > MaxEpochs:
		return fmt.Errorf("--epochs is %d: give 1 to %d", c.Epochs, MaxEpochs)
	case math.IsNaN(c.LearningRate) || c.LearningRate <= 0 || c.LearningRate > 1000:
		return fmt.Errorf("--lr is %v: give a positive learning rate up to 1000", c.LearningRate)
	case c.Batch < 1 || c.Batch > MaxBatch:
		return fmt.Errorf("--batch is %d: give 1 to %d images", c.Batch, MaxBatch)
	case c.Workers < 0:
		return fmt.Errorf("workers is %d: give 0 (one per core) or more", c.Workers)
	}
	return nil
}

// workersFor returns the number of workers that w asks for: w itself, or one per core for 0.
func workersFor(w int) int {
	if w <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return w
}
