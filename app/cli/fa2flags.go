package cli

import (
	"flag"
	"fmt"
	"math"
	"strconv"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/app/view"
	"github.com/linkscope/linkscope/graph/layout"
)

// fa2Flags override ForceAtlas2's settings, otherwise the registry's
// (view.FA2Settings: inferred from the graph's size, as Gephi and
// graphology do), from the command line.
type fa2Flags struct {
	scaling, gravity, theta, edgeWeight, slowDown              optFloat
	linLog, strongGravity, dissuadeHubs, preventOverlap, exact optBool
}

// fa2FlagsUsage documents the flags, for the command's help.
const fa2FlagsUsage = "ForceAtlas2 settings are inferred from the graph's size; --scaling R, --gravity G,\n" +
	"--theta T (Barnes-Hut), --edge-weight-influence W, --slow-down S, --linlog,\n" +
	"--strong-gravity, --dissuade-hubs, --prevent-overlap and --exact (no Barnes-Hut)\n" +
	"override them (--strong-gravity=false turns one off)."

func addFA2Flags(fs *flag.FlagSet) *fa2Flags {
	f := &fa2Flags{}
	fs.Var(&f.scaling, "scaling", "")
	fs.Var(&f.gravity, "gravity", "")
	fs.Var(&f.theta, "theta", "")
	fs.Var(&f.edgeWeight, "edge-weight-influence", "")
	fs.Var(&f.slowDown, "slow-down", "")
	fs.Var(&f.linLog, "linlog", "")
	fs.Var(&f.strongGravity, "strong-gravity", "")
	fs.Var(&f.dissuadeHubs, "dissuade-hubs", "")
	fs.Var(&f.preventOverlap, "prevent-overlap", "")
	fs.Var(&f.exact, "exact", "")
	return f
}

// settings returns the registry's settings for n entities with the
// overrides applied.
func (f *fa2Flags) settings(n int) layout.FA2Settings {
	st := view.FA2Settings(n)
	f.scaling.apply(&st.ScalingRatio)
	f.gravity.apply(&st.Gravity)
	f.theta.apply(&st.Theta)
	f.edgeWeight.apply(&st.EdgeWeightInfluence)
	f.slowDown.apply(&st.SlowDown)
	f.linLog.apply(&st.LinLog)
	f.strongGravity.apply(&st.StrongGravity)
	f.dissuadeHubs.apply(&st.DissuadeHubs)
	f.preventOverlap.apply(&st.AdjustSizes)
	if f.exact.set {
		st.BarnesHut = !f.exact.v
	}
	return st
}

// optFloat is a float flag that remembers whether it was given.
type optFloat struct {
	v   float64
	set bool
}

func (o *optFloat) String() string {
	if o == nil || !o.set {
		return ""
	}
	return strconv.FormatFloat(o.v, 'g', -1, 64)
}

func (o *optFloat) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf(lang.L("want a finite number, not %s"), s)
	}
	o.v, o.set = v, true
	return nil
}

func (o *optFloat) apply(dst *float64) {
	if o.set {
		*dst = o.v
	}
}

// optBool is a boolean flag that remembers whether it was given.
type optBool struct {
	v   bool
	set bool
}

func (o *optBool) String() string {
	if o == nil || !o.set {
		return ""
	}
	return strconv.FormatBool(o.v)
}

func (o *optBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	o.v, o.set = v, true
	return nil
}

// IsBoolFlag lets "--linlog" stand for "--linlog=true".
func (o *optBool) IsBoolFlag() bool { return true }

func (o *optBool) apply(dst *bool) {
	if o.set {
		*dst = o.v
	}
}
