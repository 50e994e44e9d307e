package parallel

import (
	"sync/atomic"
	"testing"
)

func TestDoRunsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]int32, n)
		Do(n, func(i int) { atomic.AddInt32(&seen[i], 1) })
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: index %d ran %d times", n, i, c)
			}
		}
	}
	var workers atomic.Int32
	DoWith(100, func() int { return int(workers.Add(1)) }, func(w int, i int) {})
	if workers.Load() < 1 {
		t.Error("no worker made")
	}
}
