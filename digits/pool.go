package digits

import (
	"runtime"
	"sync/atomic"
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
	// job is the number of the current phase in the high 32 bits and the
	// next item to claim in the low 32 bits.
	job      atomic.Uint64
	phase    int // the current phase, written before job announces it
	items    int // its number of items
	finished atomic.Int64
	quit     atomic.Bool
	sleeping atomic.Int64  // workers asleep or about to sleep on wake
	wake     chan struct{} // a token for a sleeping worker
}

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
		gen := p.job.Load() >> 32
		if gen == seen {
			if p.quit.Load() {
				return
			}
			if spins < spinLimit {
				pause(spins)
				continue
			}
			p.sleeping.Add(1)
			if p.job.Load()>>32 == seen && !p.quit.Load() {
				<-p.wake
			}
			p.sleeping.Add(-1)
			spins = 0
			continue
		}
		seen, spins = gen, 0
		p.drain(gen)
	}
}

// run does phase on every worker and returns when all its items are done.
func (p *pool) run(phase int) {
	p.phase, p.items = phase, p.t.items(phase)
	p.finished.Store(0)
	gen := p.job.Load()>>32 + 1
	p.job.Store(gen << 32)
	p.rouse()
	p.drain(gen)
	for spins := 0; p.finished.Load() != int64(p.items); spins++ {
		pause(spins)
	}
}

// drain does items of phase number gen until none is left to claim.
func (p *pool) drain(gen uint64) {
	for {
		job := p.job.Load()
		item := int(job & 0xffffffff)
		if job>>32 != gen || item >= p.items {
			return
		}
		if !p.job.CompareAndSwap(job, job+1) {
			continue
		}
		p.t.item(p.phase, item)
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
