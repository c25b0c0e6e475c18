package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/linkscope/linkscope/assets"
)

// iconShape is an icon flattened to polygons in its 24×24 box: filled
// polygons and stroked polylines (round caps and joins).
type iconShape struct {
	fills   [][]Point
	strokes []iconStroke
	// svg is the icon's inner markup, for SVG export.
	svg string
}

type iconStroke struct {
	pts    []Point
	closed bool
	width  float64
}

var (
	iconsOnce sync.Once
	iconSet   map[string]*iconShape
)

// icon returns the parsed icon, "other" when the name is unknown.
func icon(name string) *iconShape {
	iconsOnce.Do(func() {
		iconSet = map[string]*iconShape{}
		for _, n := range assets.IconNames() {
			src, _ := assets.Icon(n)
			if sh, err := parseIcon(src); err == nil {
				iconSet[n] = sh
			}
		}
	})
	if sh, ok := iconSet[name]; ok {
		return sh
	}
	if sh, ok := iconSet["other"]; ok {
		return sh
	}
	return &iconShape{}
}

// parseIcon reads the SVG subset our icons use: <path d> with M L H V C
// S Q Z (absolute and relative) and <circle>, each filled and/or stroked
// as its attributes or the root's say.
func parseIcon(src []byte) (*iconShape, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	sh := &iconShape{}
	rootFill, rootStroke, rootWidth := "none", "#000", 1.0
	var inner strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := map[string]string{}
		for _, a := range se.Attr {
			attr[a.Name.Local] = a.Value
		}
		if se.Name.Local == "svg" {
			if v, ok := attr["fill"]; ok {
				rootFill = v
			}
			if v, ok := attr["stroke"]; ok {
				rootStroke = v
			}
			if v, ok := attr["stroke-width"]; ok {
				rootWidth, _ = strconv.ParseFloat(v, 64)
			}
			continue
		}
		fill, stroke, width := rootFill, rootStroke, rootWidth
		if v, ok := attr["fill"]; ok {
			fill = v
		}
		if v, ok := attr["stroke"]; ok {
			stroke = v
		}
		if v, ok := attr["stroke-width"]; ok {
			width, _ = strconv.ParseFloat(v, 64)
		}
		var subs []subpath
		switch se.Name.Local {
		case "path":
			subs, err = parsePathData(attr["d"])
			if err != nil {
				return nil, err
			}
		case "circle":
			cx, _ := strconv.ParseFloat(attr["cx"], 64)
			cy, _ := strconv.ParseFloat(attr["cy"], 64)
			r, _ := strconv.ParseFloat(attr["r"], 64)
			subs = []subpath{{pts: circlePoints(cx, cy, r, 32), closed: true}}
		default:
			continue
		}
		fmt.Fprintf(&inner, "<%s", se.Name.Local)
		for _, a := range se.Attr {
			fmt.Fprintf(&inner, " %s=\"%s\"", a.Name.Local, xmlEscape(a.Value))
		}
		inner.WriteString("/>")
		for _, sp := range subs {
			if fill != "none" && len(sp.pts) >= 3 {
				sh.fills = append(sh.fills, sp.pts)
			}
			if stroke != "none" && width > 0 && len(sp.pts) >= 1 {
				sh.strokes = append(sh.strokes, iconStroke{sp.pts, sp.closed, width})
			}
		}
	}
	sh.svg = inner.String()
	return sh, nil
}

func circlePoints(cx, cy, r float64, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = Point{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	return pts
}

type subpath struct {
	pts    []Point
	closed bool
}

// parsePathData flattens SVG path data (M L H V C S Q T Z, absolute and
// relative; no arcs) into polylines.
func parsePathData(d string) ([]subpath, error) {
	var subs []subpath
	var cur subpath
	var x, y, sx, sy, lcx, lcy float64 // current, subpath start, last control
	var cmd, prev byte
	fromZ := false // cur holds only the point a Z returned to
	i := 0
	num := func() (float64, error) {
		for i < len(d) && (d[i] == ' ' || d[i] == ',' || d[i] == '\n' || d[i] == '\t' || d[i] == '\r') {
			i++
		}
		j := i
		if j < len(d) && (d[j] == '-' || d[j] == '+') {
			j++
		}
		dot := false
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' && !dot) {
			if d[j] == '.' {
				dot = true
			}
			j++
		}
		if j < len(d) && (d[j] == 'e' || d[j] == 'E') {
			j++
			if j < len(d) && (d[j] == '-' || d[j] == '+') {
				j++
			}
			for j < len(d) && d[j] >= '0' && d[j] <= '9' {
				j++
			}
		}
		v, err := strconv.ParseFloat(d[i:j], 64)
		if err != nil {
			return 0, fmt.Errorf("path data %q: bad number at %d", d, i)
		}
		i = j
		return v, nil
	}
	flush := func() {
		if len(cur.pts) > 0 && !(fromZ && len(cur.pts) == 1) {
			subs = append(subs, cur)
		}
		cur = subpath{}
		fromZ = false
	}
	nums := func(k int) ([]float64, error) {
		out := make([]float64, k)
		for n := range out {
			v, err := num()
			if err != nil {
				return nil, err
			}
			out[n] = v
		}
		return out, nil
	}
	for {
		for i < len(d) && strings.IndexByte(" ,\n\t\r", d[i]) >= 0 {
			i++
		}
		if i >= len(d) {
			break
		}
		c := d[i]
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
			cmd = c
			i++
		} else if cmd == 0 {
			return nil, fmt.Errorf("path data %q: number before a command", d)
		} else if cmd == 'M' {
			cmd = 'L'
		} else if cmd == 'm' {
			cmd = 'l'
		}
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = x, y
		}
		switch cmd | 0x20 {
		case 'm':
			a, err := nums(2)
			if err != nil {
				return nil, err
			}
			flush()
			x, y = ox+a[0], oy+a[1]
			sx, sy = x, y
			cur.pts = append(cur.pts, Point{x, y})
		case 'l':
			a, err := nums(2)
			if err != nil {
				return nil, err
			}
			x, y = ox+a[0], oy+a[1]
			cur.pts = append(cur.pts, Point{x, y})
		case 'h':
			a, err := nums(1)
			if err != nil {
				return nil, err
			}
			x = ox + a[0]
			cur.pts = append(cur.pts, Point{x, y})
		case 'v':
			a, err := nums(1)
			if err != nil {
				return nil, err
			}
			y = oy + a[0]
			cur.pts = append(cur.pts, Point{x, y})
		case 'c', 's':
			var c1x, c1y float64
			var a []float64
			var err error
			if cmd|0x20 == 'c' {
				a, err = nums(6)
				if err != nil {
					return nil, err
				}
				c1x, c1y = ox+a[0], oy+a[1]
				a = a[2:]
			} else {
				a, err = nums(4)
				if err != nil {
					return nil, err
				}
				c1x, c1y = x, y
				if p := prev | 0x20; p == 'c' || p == 's' {
					c1x, c1y = 2*x-lcx, 2*y-lcy
				}
			}
			c2x, c2y, ex, ey := ox+a[0], oy+a[1], ox+a[2], oy+a[3]
			for k := 1; k <= 12; k++ {
				t := float64(k) / 12
				u := 1 - t
				cur.pts = append(cur.pts, Point{
					u*u*u*x + 3*u*u*t*c1x + 3*u*t*t*c2x + t*t*t*ex,
					u*u*u*y + 3*u*u*t*c1y + 3*u*t*t*c2y + t*t*t*ey})
			}
			lcx, lcy = c2x, c2y
			x, y = ex, ey
		case 'q', 't':
			var qx, qy float64
			var a []float64
			var err error
			if cmd|0x20 == 'q' {
				a, err = nums(4)
				if err != nil {
					return nil, err
				}
				qx, qy = ox+a[0], oy+a[1]
				a = a[2:]
			} else {
				a, err = nums(2)
				if err != nil {
					return nil, err
				}
				qx, qy = x, y
				if p := prev | 0x20; p == 'q' || p == 't' {
					qx, qy = 2*x-lcx, 2*y-lcy
				}
			}
			ex, ey := ox+a[0], oy+a[1]
			for k := 1; k <= 10; k++ {
				t := float64(k) / 10
				u := 1 - t
				cur.pts = append(cur.pts, Point{u*u*x + 2*u*t*qx + t*t*ex, u*u*y + 2*u*t*qy + t*t*ey})
			}
			lcx, lcy = qx, qy
			x, y = ex, ey
		case 'z':
			cur.closed = true
			x, y = sx, sy
			flush()
			cur.pts = append(cur.pts, Point{x, y})
			fromZ = true // a following command continues from the start point
		default:
			return nil, fmt.Errorf("path data %q: unsupported command %q", d, cmd)
		}
		if cmd|0x20 != 'z' {
			fromZ = false
		}
		prev = cmd
	}
	flush()
	return subs, nil
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
