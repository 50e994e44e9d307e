// Package parallel runs the independent pieces of a stage (files to parse,
// pages to render, PDFs to make) on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Do runs fn(i) for every i in [0, n) on all cores and waits for them.
func Do(n int, fn func(i int)) {
	DoWith(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { fn(i) })
}

// DoWith is Do with a value per worker, made by newWorker: state that
// must not be shared between goroutines, such as a renderer.
func DoWith[W any](n int, newWorker func() W, fn func(w W, i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		w := newWorker()
		for i := range n {
			fn(w, i)
		}
		return
	}
	// Workers take the next index from a counter: no channel hand-off
	// (and no wake-up of a sleeping goroutine) per piece of work.
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newWorker()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		}()
	}
	wg.Wait()
}
