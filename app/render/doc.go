// Package render draws a graph scene — entities, relations, positions,
// styles, a viewport and the highlight state — into an image.RGBA, and
// writes the same picture as SVG. It is pure Go: no display, no Fyne. The
// window and every export share it, so files look like the screen.
//
// Build a [Scene] once per graph with [NewScene], give it positions with
// [Scene.SetPositions], choose a [Viewport] (often with [Fit]) and call
// [Render]. Render only reads the scene, so it may run on any goroutine
// while the UI shows an older image; a Scene's setters replace rather than
// modify what they change, so [Scene.Snapshot] is a cheap, consistent copy
// to hand to a rendering goroutine while the UI keeps editing the original.
//
// Large graphs stay fast through level of detail (thin edges without
// arrowheads, no icons and no labels when zoomed far out) and by
// rasterising horizontal bands of the image in parallel.
package render
