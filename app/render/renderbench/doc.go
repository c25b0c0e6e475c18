// Package renderbench benchmarks the renderer on the shared synthetic
// graphs (/work/peers/graphs, or $LINKSCOPE_PEERS/graphs) laid out with
// ForceAtlas2. It has no code of its own: run
//
//	go test ./app/render/renderbench -run X -bench . -benchtime 20x
package renderbench
