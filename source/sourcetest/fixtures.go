package sourcetest

import (
	"fmt"
	"math/rand/v2"

	"github.com/linkscope/linkscope/graph"
)

// CaseGraph is a small hand-made case (after the Clearview one) whose
// expansions the suite checks against answers written out by hand:
// parallel fines, a self-loop, accented names, an isolated entity, and
// degree ties broken by id.
//
// Degrees: clearview 13 (the self-loop counts twice), cnil 4, garante,
// noyb, pi and sg 2, hoan, ico, muller, police and walmart 1, aland 0.
func CaseGraph() *graph.Graph {
	g := graph.New(12, 15)
	g.Title = "The Clearview case (fixture)"
	g.Description = "A hand-made fixture for the source conformance suite."
	g.Sources = []graph.Source{
		{ID: "a1", Title: "Reconnaissance faciale : la CNIL sanctionne Clearview AI", Publisher: "Le Monde",
			Published: mustDate("2022-10-20"), Language: "fr", URL: "https://example.org/a1"},
		{ID: "a2", Title: "Clearview AI, l’entreprise qui aspire nos visages", Publisher: "Libération",
			Published: mustDate("2021-05"), Language: "fr"},
		{ID: "a3", Title: "Unused source", Publisher: "Nobody", Published: mustDate("2020")},
	}
	cite := func(src, quote string) []graph.Citation {
		return []graph.Citation{{Source: src, Quote: quote, Gloss: "gloss of " + quote}}
	}
	nodes := []graph.Node{
		{ID: "cnil", Type: "regulator", Label: "CNIL",
			Aliases: []string{"Commission Nationale de l’Informatique et des Libertés"},
			Props:   graph.PropsOf(map[string]any{"country": "FR", "founded": 1978.0}), Sources: cite("a1", "la CNIL")},
		{ID: "clearview", Type: "company", Label: "Clearview AI", Aliases: []string{"Smartcheckr"},
			Props: graph.PropsOf(map[string]any{"hq": "New York", "images": 3e10, "public": false,
				"founders": []any{"Hoan Ton-That", "Richard Schwartz"}, "extra": map[string]any{"k": nil}}),
			Sources: append(cite("a1", "Clearview AI"), cite("a2", "la société")...)},
		{ID: "pi", Type: "ngo", Label: "Privacy International"},
		{ID: "noyb", Type: "ngo", Label: "noyb", Aliases: []string{"None of Your Business"}},
		{ID: "garante", Type: "regulator", Label: "Garante per la protezione dei dati personali"},
		{ID: "ico", Type: "regulator", Label: "Information Commissioner’s Office", Aliases: []string{"ICO"}},
		{ID: "walmart", Type: "client", Label: "Walmart"},
		{ID: "police", Type: "client", Label: "Police nationale"},
		{ID: "hoan", Type: "person", Label: "Hoan Ton-That"},
		{ID: "sg", Type: "company", Label: "Société Générale"},
		{ID: "muller", Type: "person", Label: "Jürgen Müller"},
		{ID: "aland", Type: "company", Label: "Åland Data Oy"},
	}
	for _, n := range nodes {
		if _, err := g.AddNode(n); err != nil {
			panic(err)
		}
	}
	eur := func(a float64) map[string]any { return map[string]any{"amount": a, "currency": "EUR"} }
	rels := []struct {
		id, from, typ, to, date string
		props                   map[string]any
		src                     []graph.Citation
	}{
		{"r01", "pi", "complained-against", "clearview", "2021-05-27", nil, cite("a2", "plainte")},
		{"r02", "noyb", "complained-against", "clearview", "2021-05", nil, nil},
		{"r03", "cnil", "fined", "clearview", "2022-10-17", eur(20000000), cite("a1", "20 millions d’euros")},
		{"r04", "cnil", "fined", "clearview", "2023-04-13", eur(5200000), cite("a1", "astreinte")},
		{"r05", "cnil", "ordered", "clearview", "2021-11", nil, nil},
		{"r06", "garante", "fined", "clearview", "2022-03", eur(20000000), nil},
		{"r07", "ico", "fined", "clearview", "2022-05", map[string]any{"amount": 7552800.0, "currency": "GBP"}, nil},
		{"r08", "clearview", "used-by", "walmart", "2020-02", nil, nil},
		{"r09", "clearview", "used-by", "police", "2020", nil, nil},
		{"r10", "hoan", "founded", "clearview", "2017", nil, nil},
		{"r11", "clearview", "renamed", "clearview", "2017", map[string]any{"from": "Smartcheckr"}, nil},
		{"r12", "muller", "works-for", "sg", "", nil, nil},
		{"r13", "clearview", "used-by", "sg", "2020-03", nil, nil},
		{"r14", "pi", "cooperates-with", "noyb", "", nil, nil},
		{"r15", "cnil", "cooperates-with", "garante", "", nil, nil},
	}
	for _, r := range rels {
		from, _ := g.NodeIndex(r.from)
		to, _ := g.NodeIndex(r.to)
		e := graph.Edge{ID: r.id, From: from, To: to, Type: r.typ, Props: graph.PropsOf(r.props), Sources: r.src}
		if r.date != "" {
			e.Date = mustDate(r.date)
		}
		if _, err := g.AddEdge(e); err != nil {
			panic(err)
		}
	}
	return g
}

func mustDate(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Entity and relation types of the random graphs.
var (
	randomEntityTypes   = []string{"company", "regulator", "ngo", "person", "client"}
	randomRelationTypes = []string{"fined", "owns", "complained-against", "used-by", "funds"}
)

// RandomGraph returns a random multigraph of n entities and about m
// relations, the same for the same seed: several entity and relation
// types, dates of every precision, properties of every JSON kind,
// citations, parallel relations, self-loops and a few isolated entities.
// Ids are "n1", "n2", ... and "r1", "r2", ..., so that byte order ("n10" <
// "n9") differs from numeric order.
func RandomGraph(seed uint64, n, m int) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	g := graph.New(n, m)
	g.Title = fmt.Sprintf("random graph %d (%d entities)", seed, n)
	for k := 1; k <= 4; k++ {
		g.Sources = append(g.Sources, graph.Source{ID: fmt.Sprintf("s%d", k), Title: fmt.Sprintf("Article %d", k),
			Publisher: "Éditions Test", Published: graph.Date{Year: int16(2018 + k), Month: int8(k)}, Language: "fr"})
	}
	cites := func() []graph.Citation {
		var cs []graph.Citation
		for k := rng.IntN(3); k > 0; k-- {
			cs = append(cs, graph.Citation{Source: fmt.Sprintf("s%d", 1+rng.IntN(4)), Quote: fmt.Sprintf("citation %d", rng.IntN(1000))})
		}
		return cs
	}
	props := func() map[string]any {
		if rng.IntN(3) == 0 {
			return nil
		}
		p := map[string]any{"amount": float64(rng.IntN(1e6)), "currency": "EUR"}
		if rng.IntN(2) == 0 {
			p["tags"] = []any{"a", float64(rng.IntN(9)), true}
			p["meta"] = map[string]any{"checked": rng.IntN(2) == 0, "none": nil}
		}
		return p
	}
	for i := 1; i <= n; i++ {
		typ := randomEntityTypes[rng.IntN(len(randomEntityTypes))]
		nd := graph.Node{ID: fmt.Sprintf("n%d", i), Type: typ, Label: fmt.Sprintf("%s %d", typ, i),
			Props: graph.PropsOf(props()), Sources: cites()}
		if rng.IntN(4) == 0 {
			nd.Aliases = []string{fmt.Sprintf("alias %d", i), fmt.Sprintf("Désignation %d", i)}
		}
		if _, err := g.AddNode(nd); err != nil {
			panic(err)
		}
	}
	// The last few entities stay isolated.
	linked := max(n-3, 1)
	date := func() graph.Date {
		switch rng.IntN(4) {
		case 0:
			return graph.Date{}
		case 1:
			return graph.Date{Year: int16(2015 + rng.IntN(10))}
		case 2:
			return graph.Date{Year: int16(2015 + rng.IntN(10)), Month: int8(1 + rng.IntN(12))}
		}
		return graph.Date{Year: int16(2015 + rng.IntN(10)), Month: int8(1 + rng.IntN(12)), Day: int8(1 + rng.IntN(28))}
	}
	for k := 1; k <= m; k++ {
		var from, to int32
		switch r := rng.IntN(20); {
		case r == 0: // a self-loop
			from = int32(rng.IntN(linked))
			to = from
		case r <= 2 && g.EdgeCount() > 0: // parallel to an earlier relation
			e := g.Edge(int32(rng.IntN(g.EdgeCount())))
			from, to = e.From, e.To
		default:
			// skewed towards low indices, so that degrees differ
			from = int32(min(rng.IntN(linked), rng.IntN(linked)))
			to = int32(rng.IntN(linked))
		}
		e := graph.Edge{ID: fmt.Sprintf("r%d", k), From: from, To: to,
			Type: randomRelationTypes[rng.IntN(len(randomRelationTypes))], Date: date(), Props: graph.PropsOf(props()), Sources: cites()}
		if _, err := g.AddEdge(e); err != nil {
			panic(err)
		}
	}
	return g
}
