package dataset

import "testing"

func BenchmarkDuplicateKeys(b *testing.B) {
	_, data := benchGraph(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if p := duplicateKeys(data); len(p) != 0 {
			b.Fatal(p[0].msg)
		}
	}
}
