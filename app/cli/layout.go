package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	json "github.com/goccy/go-json"

	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/layout"
)

func init() {
	register(&command{
		name: "layout",
		args: "[-d FILE] [--algo " + strings.Join(view.Names(), "|") + "|none] [--iterations N] [--seed S] " +
			"[--focus NODE] [--left-right] [--init FILE] [--no-overlap] [--labels] [--timeout D] [--out FILE] [--stats] [FA2 settings]",
		summary: "compute node positions and write {\"positions\":{\"id\":[x,y]}}\n\n" + algoHelp() +
			"  none      keep --init positions (to measure another program's layout)\n\n" +
			"The positions are those the window and export lay out for the same --algo and\n" +
			"--seed (--iterations: chosen by the graph size unless given; --focus centres radial,\n" +
			"--left-right turns layered).\n" +
			"--init FILE starts from positions in the same format. --no-overlap then moves\n" +
			"nodes (and, with --labels, their labels) until nothing overlaps. --stats prints one\n" +
			"JSON line: timings (load excluded from ms_per_iter) and quality measures.\n" +
			"--timeout D (e.g. 2s; default none) bounds the layout: fa2 stops there and writes\n" +
			"the positions reached, says so on stderr (\"timed_out\" and the iterations done in\n" +
			"--stats) and exits 0; the other layouts have nothing to show then and exit 1.\n\n" + fa2FlagsUsage,
		run: runLayout,
	})
}

// layoutStats is the --stats line.
type layoutStats struct {
	Algo       string  `json:"algo"`
	Nodes      int     `json:"nodes"`
	Edges      int     `json:"edges"`
	Iterations int     `json:"iterations"`
	MsPerIter  float64 `json:"ms_per_iter"`
	LayoutMs   float64 `json:"layout_ms"`
	SetupMs    float64 `json:"setup_ms"` // fa2: model -> layout input, CSR build
	LoadMs     float64 `json:"load_ms"`
	OverlapMs  float64 `json:"overlap_ms,omitempty"`
	Threads    int     `json:"threads"`
	TimedOut   bool    `json:"timed_out,omitempty"` // --timeout stopped fa2
	layout.Quality
	QualityMs float64 `json:"quality_ms"`
}

func runLayout(env *Env, args []string) error {
	fs := newFlags("layout")
	ds := addDatasetFlags(fs)
	algo := fs.String("algo", "fa2", "")
	iters := fs.Int("iterations", 0, "")
	seed := fs.Uint64("seed", 1, "")
	focus := fs.String("focus", "", "")
	initFile := fs.String("init", "", "")
	noOverlap := fs.Bool("no-overlap", false, "")
	labels := fs.Bool("labels", false, "")
	leftRight := fs.Bool("left-right", false, "")
	out := fs.String("out", "", "")
	stats := fs.Bool("stats", false, "")
	timeout := fs.Duration("timeout", 0, "")
	fa2f := addFA2Flags(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q (use -d FILE)", pos[0])
	case *out == "" && !*stats:
		return usagef("nothing to do: give --out FILE and/or --stats")
	case *iters < 0:
		return usagef("--iterations must not be negative")
	case *iters > MaxIterations && *timeout == 0:
		return usagef("--iterations %d is over %d: give a --timeout to run so many", *iters, MaxIterations)
	case *algo == "none" && *initFile == "":
		return usagef("--algo none needs --init FILE")
	case *timeout < 0:
		return usagef("--timeout must not be negative")
	}
	var alg *view.Algorithm
	if *algo != "none" {
		a, err := view.Lookup(*algo)
		if err != nil {
			return usagef("--algo: %v (or none)", err)
		}
		alg = a
	}

	g, loadDur, err := ds.load(env)
	if err != nil {
		return err
	}
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	tIn := time.Now()
	scene := render.NewScene(g)
	lg := view.Input(g, scene)
	inputDur := time.Since(tIn)
	var initPos []layout.Point
	if *initFile != "" {
		if initPos, err = readPositions(*initFile, g, *seed); err != nil {
			return err
		}
	}
	st := layoutStats{Algo: *algo, Nodes: lg.N, Edges: lg.M(), LoadMs: ms(loadDur), Threads: runtime.GOMAXPROCS(0)}

	total := *iters
	if total == 0 {
		total = view.DefaultIterations(lg.N)
	}
	var p []layout.Point
	if alg == nil {
		p = initPos
	} else {
		st.Algo = alg.Name
		req := view.LayoutRequest{Algo: alg.Name, Seed: *seed, Iterations: *iters, Focus: view.NoFocus, LeftToRight: *leftRight}
		if *focus != "" {
			if req.Focus, err = resolveNode(g, *focus); err != nil {
				return err
			}
		}
		if initPos != nil {
			req.Initial = make([]render.Point, len(initPos))
			for i, q := range initPos {
				req.Initial[i] = render.Point(q)
			}
		}
		if alg.Iterative {
			settings := fa2f.settings(lg.N)
			req.FA2 = &settings
		}
		st.SetupMs = ms(inputDur)
		done := 0
		t1 := time.Now()
		pos, err := view.Layout(ctx, g, scene, req, func(d, _ int) { done = d })
		st.LayoutMs = ms(time.Since(t1))
		switch {
		case alg.Iterative && pos != nil && err != nil && ctx.Err() != nil:
			st.TimedOut = true
		case err != nil && ctx.Err() != nil:
			return fmt.Errorf(lang.L("the %s layout did not finish within --timeout %v: nothing written"), *algo, *timeout)
		case errors.Is(err, layout.ErrDiverged):
			return fmt.Errorf(lang.L("%v: nothing written"), err)
		case err != nil && alg.Iterative:
			return usagef("%v", err) // settings ForceAtlas2 refuses
		case err != nil:
			return err
		}
		st.Iterations = 1
		if alg.Iterative {
			st.Iterations = done
		}
		if st.Iterations > 0 {
			st.MsPerIter = st.LayoutMs / float64(st.Iterations)
		}
		p = make([]layout.Point, len(pos))
		for i, q := range pos {
			p[i] = layout.Point(q)
		}
	}

	radii := lg.Radii()
	var lab []layout.Size
	if *labels {
		lab = labelSizes(g, 2*layout.DefaultNodeSize)
	}
	placement := layout.LabelPlacement{Side: layout.LabelRight, Gap: 0.5 * layout.DefaultNodeSize}
	if *noOverlap {
		t0 := time.Now()
		q, _, err := layout.RemoveOverlaps(p, layout.OverlapOptions{Radii: radii, Labels: lab, Placement: placement})
		if err != nil {
			return err
		}
		p = q
		st.OverlapMs = ms(time.Since(t0))
	}
	for i, q := range p {
		// No layout may hand out NaN, infinite or all-equal positions as if
		// it had worked (writePositions would write them as 0).
		if math.IsNaN(q.X) || math.IsNaN(q.Y) || math.IsInf(q.X, 0) || math.IsInf(q.Y, 0) {
			return fmt.Errorf(lang.L("the %s layout gave %s the position (%g, %g): nothing written"), st.Algo, termQuote(g.Node(int32(i)).ID), q.X, q.Y)
		}
	}
	if *out != "" {
		if err := writePositions(*out, g, p); err != nil {
			return err
		}
	}
	if st.TimedOut {
		fmt.Fprintf(env.Stderr, lang.L("stopped at the timeout after %d of %d iterations (raise --timeout)\n"), st.Iterations, total)
	}
	if *stats {
		t0 := time.Now()
		st.Quality = layout.Measure(lg, p, layout.QualityOptions{Radii: radii, Labels: lab, Placement: placement, StressSeed: 1})
		st.QualityMs = ms(time.Since(t0))
		return writeJSON(env.Stdout, st)
	}
	return nil
}

// algoHelp lists the registry's layouts for the help text.
func algoHelp() string {
	var b strings.Builder
	for _, a := range view.Algorithms {
		fmt.Fprintf(&b, "  %-9s %s\n", a.Name, a.Summary)
	}
	return b.String()
}

// ms converts a duration to milliseconds rounded to 0.001.
func ms(d time.Duration) float64 {
	return math.Round(float64(d.Microseconds())) / 1000
}

// MaxInitCoord bounds the coordinates of an --init file: far beyond any
// drawing, and small enough that the layouts' arithmetic stays finite.
// More --iterations than MaxIterations (hours of work on a large graph)
// need a --timeout.
const (
	MaxInitCoord  = 1e15
	MaxIterations = 1_000_000
)

// positionsFile is the --out / --init format.
type positionsFile struct {
	Positions map[string][2]float64 `json:"positions"`
}

// readPositions reads a positions file; entities it lacks get seeded random
// positions.
func readPositions(path string, g *graph.Graph, seed uint64) ([]layout.Point, error) {
	data, err := readSideFile(path, "--init", MaxSideFileBytes)
	if err != nil {
		return nil, err
	}
	var f positionsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf(lang.L("--init %s: want {\"positions\": {\"ID\": [x, y], ...}}: %v"), path, err)
	}
	p := layout.RandomPositions(g.NodeCount(), seed)
	for i := range p {
		id := g.Node(int32(i)).ID
		if xy, ok := f.Positions[id]; ok {
			for _, v := range xy {
				if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > MaxInitCoord {
					return nil, fmt.Errorf(lang.L("--init %s: the position of %s is [%g, %g]: coordinates must be finite and within ±%g"), path, termQuote(id), xy[0], xy[1], float64(MaxInitCoord))
				}
			}
			p[i] = layout.Point{X: xy[0], Y: xy[1]}
		}
	}
	return p, nil
}

// writePositions writes {"positions":{"id":[x,y],...}} in node order.
func writePositions(path string, g *graph.Graph, p []layout.Point) error {
	return dataset.WriteAtomic(path, func(w io.Writer) error {
		io.WriteString(w, `{"positions":{`)
		buf := make([]byte, 0, 128)
		for i, pt := range p {
			buf = buf[:0]
			if i > 0 {
				buf = append(buf, ',')
			}
			id, _ := json.Marshal(g.Node(int32(i)).ID)
			buf = append(buf, id...)
			buf = append(buf, ':', '[')
			buf = strconv.AppendFloat(buf, finite(pt.X), 'g', -1, 64)
			buf = append(buf, ',')
			buf = strconv.AppendFloat(buf, finite(pt.Y), 'g', -1, 64)
			buf = append(buf, ']')
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, "}}\n")
		return err
	})
}

// finite maps NaN and infinities (which JSON cannot hold) to 0.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
