package graph

// Resolve finds the entities a user means by ref in a path question: the
// entity whose id is exactly ref when there is one, otherwise those whose
// id, label or an alias folds (see [Fold]) to the same as ref. More than
// one result means ref is ambiguous; none means it names nothing.
func (g *Graph) Resolve(ref string) []int32 {
	if i, ok := g.nodeIDs[ref]; ok {
		return []int32{i}
	}
	return g.Index().Exact(ref)
}

// Named returns the entities whose label or an alias folds to the same as
// name (case- and accent-insensitive, exact after folding), in index order.
func (g *Graph) Named(name string) []int32 {
	fq := Fold(name)
	if fq == "" {
		return nil
	}
	var out []int32
	for _, v := range g.Index().Exact(name) {
		n := &g.nodes[v]
		ok := Fold(n.Label) == fq
		for _, a := range n.Aliases {
			ok = ok || Fold(a) == fq
		}
		if ok {
			out = append(out, v)
		}
	}
	return out
}
