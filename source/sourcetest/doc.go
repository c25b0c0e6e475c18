// Package sourcetest holds fixtures for testing sources: a hand-made case
// and random graphs.
package sourcetest
