package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// maxHeapFloor bounds the heap the collector lets grow before it collects
// while what is live is small (see heapFloor).
const maxHeapFloor = 1 << 30

// heapFloor is the least heap goal serve keeps when GOGC is unset: a
// sixteenth of the machine's memory, at most maxHeapFloor, and at most a
// quarter of limit, the GOMEMLIMIT in force (math.MaxInt64 for none). Under
// writes every PUT leaves some 15 KB of garbage, and with a live heap of
// 15–30 MB the collector, at defaultGOGC, ran about once a second; a PUT
// that overlapped a collection took twice as long as the others
// (docs/BENCHMARKS.md). With the floor it runs about every ten seconds at
// the same rate. Zero means no floor.
func heapFloor(limit int64) uint64 {
	total, err := memlimit.FromSystem()
	if err != nil {
		return 0
	}
	floor := min(uint64(maxHeapFloor), total/16)
	if limit > 0 && limit < math.MaxInt64 {
		floor = min(floor, uint64(limit)/4)
	}
	return floor
}

// floorPercent is the GOGC that puts the heap goal at floor for a live
// heap of live bytes, and never below percent.
func floorPercent(floor, live uint64, percent int) int {
	if live == 0 || floor <= live {
		return percent
	}
	return max(percent, int(min(floor/live, 1<<20))*100-100)
}

// gcFloor keeps the collector's heap goal at or above a floor: after each
// collection it sets GOGC from the live heap, so that a small live heap
// does not make the collector run every few megabytes of garbage, while a
// large one keeps the ratio of percent. GOMEMLIMIT still makes it collect
// sooner as the heap nears the limit.
type gcFloor struct {
	floor   uint64
	percent int
	set     atomic.Int64 // the GOGC last set, for tests
	sample  []metrics.Sample
}

// startGCFloor sets GOGC to percent and from then on after every
// collection; it runs on the finalizer goroutine.
func startGCFloor(floor uint64, percent int) *gcFloor {
	f := &gcFloor{floor: floor, percent: percent, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	debug.SetGCPercent(percent)
	f.set.Store(int64(percent))
	f.arm()
	return f
}

// gcSentinel is an object that only the next collection frees; it holds a
// pointer so that the allocator gives it a block of its own, which a
// finalizer needs.
type gcSentinel struct {
	_ *gcFloor
	_ [16]byte
}

func (f *gcFloor) arm() {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		f.tune()
		f.arm()
	})
}

func (f *gcFloor) tune() {
	metrics.Read(f.sample)
	if f.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	p := floorPercent(f.floor, f.sample[0].Value.Uint64(), f.percent)
	// Setting GOGC is cheap, but leave it be for a change within 5%.
	if old := int(f.set.Load()); p*20 < old*19 || p*20 > old*21 {
		debug.SetGCPercent(p)
		f.set.Store(int64(p))
	}
}
