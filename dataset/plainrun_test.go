package dataset

import (
	"math/rand/v2"
	"testing"
)

// TestPlainRunMatchesByteScan checks the eight-bytes-at-a-time scan of
// string contents against the byte-at-a-time one: at every start offset
// of buffers where each byte that stops a scan (the quote, the backslash,
// control bytes, non-ASCII) and its neighbours 0x1f/0x20/0x21,
// 0x7f/0x80, 0x5b/0x5d, 0x21/0x23 sit at every position of a word, and of
// random buffers.
func TestPlainRunMatchesByteScan(t *testing.T) {
	naive := func(d []byte, i int) int {
		for i < len(d) && !strClass[d[i]] {
			i++
		}
		return i
	}
	check := func(d []byte) {
		t.Helper()
		for i := 0; i <= len(d); i++ {
			if got, want := plainRun(d, i), naive(d, i); got != want {
				t.Fatalf("plainRun(%q, %d) = %d, want %d", d, i, got, want)
			}
		}
	}
	special := []byte{0, 1, 0x1f, 0x20, 0x21, '"', 0x23, '\\', 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xff, 'a'}
	for _, c := range special {
		for _, c2 := range special {
			for at := 0; at < 19; at++ {
				d := []byte("abcdefghijklmnopqrstu")
				d[at] = c
				d[(at+5)%len(d)] = c2
				check(d)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		d := make([]byte, r.IntN(40))
		for i := range d {
			if r.IntN(8) == 0 {
				d[i] = special[r.IntN(len(special))]
			} else {
				d[i] = byte(0x20 + r.IntN(0x60))
			}
		}
		check(d)
	}
}
