//go:build !unix

package app

import "time"

// cpuTime is not measured here: the benchmarks report wall time alone (cpu-ms/op reads 0).
func cpuTime() time.Duration { return 0 }
