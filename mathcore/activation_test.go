package mathcore

import (
	"math"
	"testing"
)

func TestBestLoss(t *testing.T) {
	n := Paper()
	if best, out := BestLoss(n); best != 0 || out {
		t.Errorf("the paper's target 1: best %v, unreachable %v", best, out)
	}
	n.Targets[0] = 1.5
	if best, out := BestLoss(n); best != 0.125 || !out { // 1/2·(1.5 - 1)^2
		t.Errorf("target 1.5: best %v, unreachable %v", best, out)
	}
	n.Targets[0] = -0.2
	if best, out := BestLoss(n); math.Abs(best-0.02) > 1e-15 || !out { // 1/2·0.2^2
		t.Errorf("target -0.2: best %v, unreachable %v", best, out)
	}
	n.Activations[1] = Linear
	if best, out := BestLoss(n); best != 0 || out {
		t.Errorf("linear output: best %v, unreachable %v", best, out)
	}
}
