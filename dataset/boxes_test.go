package dataset

import "testing"

// Short string values and small integers share their boxes: decoding one
// again allocates nothing, and the value is the one decoded the first time.
func TestPropertyValuesShareBoxes(t *testing.T) {
	for _, c := range []struct {
		in   string
		want any
	}{{`"FR"`, "FR"}, {`1977`, 1977.0}, {`0`, 0.0}, {`4095`, 4095.0}, {`""`, ""}, {`"EUR"`, "EUR"}} {
		s := newFastScanner([]byte(c.in))
		v, ok := s.value()
		if !ok || v != c.want {
			t.Fatalf("%s: %v, %v", c.in, v, ok)
		}
		allocs := testing.AllocsPerRun(100, func() {
			s.i = 0
			if v, ok := s.value(); !ok || v != c.want {
				t.Fatalf("%s again: %v, %v", c.in, v, ok)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations per decode, want 0", c.in, allocs)
		}
	}
	// Longer strings, escaped ones and other numbers are decoded as before.
	for _, c := range []struct {
		in   string
		want any
	}{{`"Paris"`, "Paris"}, {`"F\u0052"`, "FR"}, {`4096`, 4096.0}, {`-3`, -3.0}, {`1.5`, 1.5}} {
		s := newFastScanner([]byte(c.in))
		if v, ok := s.value(); !ok || v != c.want {
			t.Errorf("%s: %v, %v", c.in, v, ok)
		}
	}
}
