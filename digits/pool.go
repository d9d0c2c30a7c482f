package digits

import (
	"runtime"
	"sync/atomic"
	"time"
)

// pool is the goroutines that share a Trainer's phases with the goroutine
// that calls Train, which takes part too.
//
// A phase is a number of items (the images of a batch, or blocks of
// nodes to update), each of which gives the same numbers whoever does it.
// Workers claim items one at a time, so when the system takes a core away
// from a worker, the others do its share instead of waiting for it. A phase
// of a small batch lasts some tens of microseconds, less than waking a
// sleeping goroutine takes, so between phases a worker spins a little
// before it sleeps; a busy machine then costs a wake-up, never a wait.
type pool struct {
	t     *Trainer
	count int
	// job is the current phase in one word, so that a worker reads all of
	// it at once: its number (jobGen), the phase, its number of items and
	// the next item to claim.
	job      atomic.Uint64
	finished atomic.Int64  // the items of the phase done
	quit     atomic.Bool   // Train has returned: the workers end
	sleeping atomic.Int64  // workers asleep or about to sleep on wake
	wake     chan struct{} // a token for a sleeping worker
	waited   time.Duration // how long run has waited for items other workers had claimed
}

// The fields of pool.job: the low 20 bits are the next item, the next 20
// the number of items (a batch has at most MaxBatch < 2^20 images), then
// 2 bits of phase and 22 bits of the phase's number.
const (
	jobItemBits  = 20
	jobItemMask  = 1<<jobItemBits - 1
	jobPhaseBits = 2
	jobGenShift  = 2*jobItemBits + jobPhaseBits
)

// spinLimit is the number of times a worker looks for a new phase before
// it sleeps: some tens of microseconds.
const spinLimit = 200

// startPool starts n-1 workers for t.
func startPool(t *Trainer, n int) *pool {
	p := &pool{t: t, count: n, wake: make(chan struct{}, n)}
	for range n - 1 {
		go p.worker()
	}
	return p
}

func (p *pool) worker() {
	var seen uint64
	for spins := 0; ; spins++ {
		job := p.job.Load()
		if gen := job >> jobGenShift; gen != seen {
			seen, spins = gen, 0
			p.drain(gen)
			continue
		}
		if p.quit.Load() {
			return
		}
		if spins < spinLimit {
			pause(spins)
			continue
		}
		p.sleeping.Add(1)
		if p.job.Load()>>jobGenShift == seen && !p.quit.Load() {
			<-p.wake
		}
		p.sleeping.Add(-1)
		spins = 0
	}
}

// run does phase on every worker and returns when all its items are done.
func (p *pool) run(phase int) {
	items := uint64(p.t.items(phase))
	p.finished.Store(0)
	gen := (p.job.Load()>>jobGenShift + 1) & (1<<(64-jobGenShift) - 1)
	p.job.Store(gen<<jobGenShift | uint64(phase)<<(2*jobItemBits) | items<<jobItemBits)
	p.rouse()
	p.drain(gen)
	if p.finished.Load() == int64(items) {
		return
	}
	start := time.Now()
	for spins := 0; p.finished.Load() != int64(items); spins++ {
		pause(spins)
	}
	p.waited += time.Since(start)
}

// stalled reports whether, out of elapsed time training, run has spent a
// third waiting for items that other workers claimed: on a machine
// whose cores are taken by other work, the system preempts a worker in the
// middle of an item and the others wait for it, so one worker alone is
// faster. The numbers are the same either way.
func (p *pool) stalled(elapsed time.Duration) bool { return 3*p.waited > elapsed }

// drain does items of phase number gen until none is left to claim.
func (p *pool) drain(gen uint64) {
	for {
		job := p.job.Load()
		item, items := job&jobItemMask, job>>jobItemBits&jobItemMask
		if job>>jobGenShift != gen || item >= items {
			return
		}
		if !p.job.CompareAndSwap(job, job+1) {
			continue
		}
		p.t.item(int(job>>(2*jobItemBits)&(1<<jobPhaseBits-1)), int(item))
		p.finished.Add(1)
	}
}

// pause waits a little in a spin loop: it yields to other goroutines after
// the first few tries.
func pause(spins int) {
	if spins > 64 {
		runtime.Gosched()
	}
}

// rouse gives a token to each sleeping worker, without waiting.
func (p *pool) rouse() {
	for range p.sleeping.Load() {
		select {
		case p.wake <- struct{}{}:
		default:
		}
	}
}

// stop ends the workers.
func (p *pool) stop() {
	p.quit.Store(true)
	p.rouse()
}
