package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/render"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/path"
	"github.com/linkscope/linkscope/graph/query"
)

func init() {
	register(&command{
		name: "export",
		args: "[-d FILE] [--db URL] [--query PATTERN | --focus NODE [--depth N]] [--layout " + strings.Join(view.Names(), "|") + "] " +
			"[--width W --height H --scale S] [--theme light|dark] [--title T] [--source LINE | --no-source] [--no-legend] [--transparent] " +
			"[--seed N] [--iterations N] [--timeout D] [--timeline [--entities ID,ID,...]] --out FILE",
		summary: "draw the graph or a part of it as PNG or SVG, or export it for other tools\n\n" +
			"The format follows FILE's extension: .png .svg (pictures, --width×--height logical\n" +
			"pixels, times --scale for PNG), .graphml (yEd, Gephi, Cytoscape), .gexf (Gephi),\n" +
			".dot (Graphviz: render with neato -n2), .json (Linkscope), .csv (FILE-nodes.csv and\n" +
			"FILE-edges.csv). Positions, colours and sizes are those of the picture.\n" +
			"Pictures have the dataset's title (--title), a source line naming the publishers\n" +
			"of its sources (--source, --no-source) and a legend of the entity and relation\n" +
			"types (--no-legend).\n" +
			"--query keeps the entities and relations on the pattern's matches; --focus keeps\n" +
			"the entities within --depth hops (default 1) of NODE and centres radial layouts.\n" +
			"With --db URL in place of -d, --focus is required and the neighbourhood is cut at\n" +
			"the 500 most connected entities by the database's query.\n" +
			"The layout is the one `linkscope layout` and the window compute for the same\n" +
			"--layout and --seed, then, for .png and .svg, fitted to the picture so that labels\n" +
			"do not overlap (data formats get the layout's positions).\n" +
			"--timeout D (default 30s) bounds the query and the layout together: a query\n" +
			"stopped there exports the matches found so far, fa2 stopped there the positions\n" +
			"reached, and both say so on stderr (exit 0); a static layout that does not finish\n" +
			"in time writes nothing (exit 1).\n" +
			"With -w WS.linkscope the export is of the workspace's edited graph: without --query,\n" +
			"--focus or --layout, a picture is the saved view exactly as the window showed it\n" +
			"(positions, viewport and canvas size, filters, selection, highlight, theme, legend;\n" +
			"--width/--height only for a view never shown), and a data file (.json, ...) holds\n" +
			"the whole edited graph with the view's positions.\n" +
			"--timeline draws the window's timeline view instead (PNG or SVG): one line per\n" +
			"entity of --entities (ids; default the six with most dated relations), each dated\n" +
			"relation between two of them a mark on both lines joined by a connector, hollow\n" +
			"when its time is the date it was first reported.",
		run: runExport,
	})
}

// exportFlags are export's options.
type exportFlags struct {
	query, focus, layout, theme, title, out string
	source                                  string
	depth, width, height, iterations        int
	scale                                   float64
	seed                                    uint64
	noLegend, transparent, titleSet         bool
	noSource, sourceSet                     bool
	layoutSet                               bool
	timeout                                 time.Duration
	// timeline draws the i2-style timeline of entities (ids, comma
	// separated; empty: the most connected few) instead of the graph.
	timeline, heightSet bool
	entities            string
}

func runExport(env *Env, args []string) error {
	fs := newFlags("export")
	ds := addDatasetFlags(fs)
	var f exportFlags
	fs.StringVar(&f.query, "query", "", "")
	fs.StringVar(&f.focus, "focus", "", "")
	fs.IntVar(&f.depth, "depth", 1, "")
	fs.StringVar(&f.layout, "layout", "fa2", "")
	fs.IntVar(&f.width, "width", 1600, "")
	fs.IntVar(&f.height, "height", 1000, "")
	fs.Float64Var(&f.scale, "scale", 1, "")
	fs.StringVar(&f.theme, "theme", "light", "")
	fs.StringVar(&f.title, "title", "", "")
	fs.BoolVar(&f.noLegend, "no-legend", false, "")
	fs.StringVar(&f.source, "source", "", "")
	fs.BoolVar(&f.noSource, "no-source", false, "")
	fs.BoolVar(&f.transparent, "transparent", false, "")
	fs.Uint64Var(&f.seed, "seed", 1, "")
	fs.IntVar(&f.iterations, "iterations", 0, "")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "")
	fs.StringVar(&f.out, "out", "", "")
	fs.StringVar(&f.out, "o", "", "")
	fs.BoolVar(&f.timeline, "timeline", false, "")
	fs.StringVar(&f.entities, "entities", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "title" {
			f.titleSet = true
		}
		if fl.Name == "source" {
			f.sourceSet = true
		}
		if fl.Name == "layout" {
			f.layoutSet = true
		}
		if fl.Name == "height" {
			f.heightSet = true
		}
	})
	theme, okTheme := render.ParseTheme(f.theme)
	_, layoutErr := view.Lookup(f.layout)
	ext := strings.ToLower(filepath.Ext(f.out))
	switch {
	case len(pos) > 0:
		return usagef("unexpected argument %q (use --out FILE)", pos[0])
	case f.out == "":
		return usagef("missing --out FILE")
	case ext != ".png" && ext != ".svg" && ext != ".csv" && dataset.Writers[ext] == nil:
		return usagef("cannot tell the format of %q: use .png, .svg, .graphml, .gexf, .dot, .json or .csv", f.out)
	case f.query != "" && f.focus != "":
		return usagef("give --query or --focus, not both")
	case f.depth < 0:
		return usagef("--depth must not be negative")
	case f.width < 1 || f.height < 1 || f.width > 20000 || f.height > 20000:
		return usagef("--width and --height must be between 1 and 20000")
	case !(f.scale > 0) || f.scale > 16:
		return usagef("--scale must be above 0 and at most 16")
	case !okTheme:
		return usagef("unknown --theme %q (light, dark)", f.theme)
	case f.iterations < 0:
		return usagef("--iterations must not be negative")
	case layoutErr != nil:
		return usagef("--layout: %v", layoutErr)
	case f.timeout <= 0:
		return usagef("--timeout must be positive")
	case f.timeline && ext != ".png" && ext != ".svg":
		return usagef("--timeline draws a picture: use .png or .svg")
	case f.entities != "" && !f.timeline:
		return usagef("--entities goes with --timeline")
	}
	var g *graph.Graph
	if ds.db != "" {
		if err := ds.checkDB(); err != nil {
			return err
		}
		// a neighbourhood of the database, the most connected first
		if f.focus == "" {
			return usagef("with --db, export draws a neighbourhood: give --focus NODE")
		}
		if g, f.focus, _, err = dbNeighborhood(context.Background(), ds.db, f.focus, f.depth, DBExportCap, nil); err != nil {
			return err
		}
	} else if g, _, err = ds.load(env); err != nil {
		return err
	}
	if f.timeline {
		return exportTimeline(env, g, &f, theme, ext)
	}
	if ds.ws != nil && f.query == "" && f.focus == "" && !f.layoutSet {
		if scene, opts, ok := view.FromWorkspace(g, ds.ws.View, f.width, f.height); ok {
			// the saved view, drawn as the window showed it
			if f.titleSet {
				opts.Title = f.title
			}
			return writeExport(env, ext, f.out, g, scene, opts)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.timeout)
	defer cancel()
	sub, focus, err := selectSubgraph(ctx, env, g, &f)
	if err != nil {
		return err
	}
	scene := render.NewScene(sub)
	// computed measures styling the chart (size by, colour by)
	view.ApplyStyling(scene, sub)
	if ds.ws != nil && (ext == ".png" || ext == ".svg") {
		// a workspace never shown in the window: its chart's filters
		// (hidden types, timeline) still apply to the picture
		vis := view.Visible(sub, view.FilterOf(sub, ds.ws.View))
		scene.SetNodeVisible(vis.Nodes)
		scene.SetEdgeVisible(vis.Edges)
	}
	title := sub.Title
	if f.titleSet {
		title = f.title
	}
	source := ""
	if !f.noSource {
		source = render.SourceLine(sub)
	}
	if f.sourceSet {
		source = f.source
	}
	opts := render.ImageOptions{Width: f.width, Height: f.height, Scale: f.scale,
		Options: render.Options{Theme: theme, Title: title, Source: source, Legend: !f.noLegend, Transparent: f.transparent}}
	if tf, ok, _ := ds.timeFilter(); ok {
		opts.TimeLabel = tf.TimeLabel()
	} else if ds.ws != nil {
		opts.TimeLabel = view.FilterOf(sub, ds.ws.View).TimeLabel()
	}
	positions, err := exportPositions(ctx, sub, scene, &f, focus, opts, ext == ".png" || ext == ".svg")
	switch {
	case err != nil && ctx.Err() != nil && positions != nil:
		fmt.Fprintf(env.Stderr, lang.L("stopped the %s layout at the timeout: the drawing may not have settled (raise --timeout)\n"), f.layout)
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf(lang.L("the %s layout did not finish within --timeout %v: nothing written"), f.layout, f.timeout)
	case err != nil:
		return err
	}
	scene.SetPositions(positions)
	if ds.ws != nil && (ext == ".png" || ext == ".svg") {
		// drawn as view.FromWorkspace draws a saved view: filters,
		// collapsed groups, styling, highlight
		scene = view.SceneOf(sub, ds.ws.View, positions)
	}
	return writeExport(env, ext, f.out, sub, scene, opts)
}

// writeExport writes the picture of scene (.png, .svg) or the graph sub
// with the picture's positions to out.
func writeExport(env *Env, ext, out string, sub *graph.Graph, scene *render.Scene, opts render.ImageOptions) error {
	var files []string
	var err error
	switch ext {
	case ".png", ".svg":
		err = writeFile(out, func(w io.Writer) error {
			if ext == ".png" {
				return render.WritePNG(w, scene, opts)
			}
			return render.WriteSVG(w, scene, opts)
		})
		files = []string{out}
	default:
		files, err = dataset.WriteFile(out, sub, visualOf(scene, opts))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, lang.L("wrote %s (%d entities, %d relations)\n"), strings.Join(files, ", "), sub.NodeCount(), sub.EdgeCount())
	return nil
}

// exportPositions lays sub out as `linkscope layout` would for the same
// --layout, --seed and --iterations, then, for a picture, fits the drawing
// to the picture opts describes (the area its title, source line and
// legend leave free; labels moved apart so that they do not overlap:
// minutes on a few thousand entities, and nothing a data format keeps, so
// data exports get the layout's positions). Stopped by ctx, ForceAtlas2
// returns the positions reached (fitted) with ctx's error.
func exportPositions(ctx context.Context, sub *graph.Graph, scene *render.Scene, f *exportFlags, focus int32, opts render.ImageOptions, picture bool) ([]render.Point, error) {
	// a graph whose entities all have a position (a Gephi or yEd file
	// drawn) is drawn as it was, unless --layout asks for a layout
	var pos []render.Point
	var err error
	if placed := view.PlacedPositions(sub); placed != nil && !f.layoutSet {
		pos = placed
	} else {
		req := view.LayoutRequest{Algo: f.layout, Focus: focus, Seed: f.seed, Iterations: f.iterations}
		pos, err = view.Layout(ctx, sub, scene, req, nil)
	}
	if pos == nil {
		return nil, err
	}
	stopped := err
	if !picture {
		return pos, stopped
	}
	if pos, err = fitPicture(pos, scene, opts); err != nil {
		return nil, err
	}
	return pos, stopped
}

// fitPicture is view.FitPicture; tests count its calls.
var fitPicture = view.FitPicture

// writeFile writes path with fn; a failed write leaves the previous file.
func writeFile(path string, fn func(io.Writer) error) error {
	return dataset.WriteAtomic(path, fn)
}

// selectSubgraph applies --query or --focus/--depth and returns the graph
// to export and the radial layout's centre in it (-1: none given). A
// query stopped by ctx, the result cap or the store limit keeps the
// matches found, with a note on env's stderr.
func selectSubgraph(ctx context.Context, env *Env, g *graph.Graph, f *exportFlags) (*graph.Graph, int32, error) {
	switch {
	case f.query != "":
		q, err := query.Parse(f.query)
		if err != nil {
			return nil, -1, queryError(err)
		}
		plan, err := query.Compile(q, g)
		if err != nil {
			return nil, -1, queryError(err)
		}
		res, err := plan.RunWith(ctx, path.NewSearcher(g), query.RunOptions{StoreLimit: storeLimit})
		if err != nil {
			return nil, -1, err
		}
		if len(res.Matches) == 0 {
			if res.TimedOut {
				return nil, -1, fmt.Errorf(lang.L("the query found no match within --timeout %v: nothing to export"), f.timeout)
			}
			return nil, -1, errors.New(lang.L("the pattern matches nothing: nothing to export"))
		}
		switch {
		case res.TimedOut:
			fmt.Fprintf(env.Stderr, lang.L("the query stopped at the timeout after %d matches: exporting those (raise --timeout)\n"), len(res.Matches))
		case res.Full:
			fmt.Fprintf(env.Stderr, lang.L("the query stopped at %d matches, the memory bound: exporting those\n"), len(res.Matches))
		case res.Truncated:
			fmt.Fprintf(env.Stderr, lang.L("the query stopped at %d matches, the limit: exporting those\n"), len(res.Matches))
		}
		var nodes, edges []int32
		for _, m := range res.Matches {
			nodes = append(nodes, m.Path.Nodes...)
			edges = append(edges, m.Path.Edges...)
		}
		sub, _, err := view.Subgraph(g, nodes, edges)
		return sub, -1, err
	case f.focus != "":
		v, err := resolveNode(g, f.focus)
		if err != nil {
			return nil, -1, err
		}
		nb, err := path.NewSearcher(g).Neighborhood(ctx, []int32{v}, f.depth, path.Options{}, 0)
		if err != nil {
			return nil, -1, fmt.Errorf(lang.L("the neighbourhood of %s was not complete within --timeout %v: nothing written"), nodeName(g, v), f.timeout)
		}
		// the focus is first in breadth-first order: index 0 of the subgraph
		sub, _, err := view.Subgraph(g, nb.Nodes, nb.Edges)
		return sub, 0, err
	}
	return g, -1, nil
}

// visualOf gives data exports the picture's positions (logical pixels),
// disc radii and colours.
func visualOf(s *render.Scene, o render.ImageOptions) *dataset.Visual {
	o.Scale = 1
	v := render.ExportViewport(s, o)
	n := s.NodeCount()
	vis := &dataset.Visual{X: make([]float64, n), Y: make([]float64, n), Size: make([]float64, n)}
	types := s.Types()
	for i := 0; i < n; i++ {
		x, y := v.ToScreen(s.Positions()[i])
		vis.X[i], vis.Y[i] = x, y
		vis.Size[i] = render.ScreenRadius(s, v, int32(i))
		vis.Color = append(vis.Color, types[s.NodeType(int32(i))].Style.Color)
	}
	return vis
}
