// Command gen writes a linkscope/1 file with realistic records, for the
// loading benchmarks: labels of 20–60 characters (French names with
// accents among them, some with quotes), two or three aliases per entity,
// a few properties, dated relations, money on fines and citations of a
// list of sources. The synthetic files of the peers' generator have
// labels like "Node 12345" and nothing else, which makes the loader look
// faster than it is on a real graph.
//
//	go run ./bench/gen -nodes 120000 -edges 360000 -seed 42 -out real-120k.json
//	go run ./bench/gen -nodes 1000000 -edges 3000000 -out real-1m.json
//
// The JSON is compact (no spaces between members), as JavaScript's
// JSON.stringify writes it. -ascii writes every non-ASCII character as a \uXXXX escape, as Python's
// json.dump does by default. The output depends only on the flags.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var (
	orgHeads = []string{"Société", "Compagnie", "Banque", "Groupe", "Établissements", "Crédit", "Caisse", "Régie", "Office", "Fédération", "Association", "Institut", "Agence", "Union", "Mutuelle", "Holding", "Fondation", "Syndicat", "Laboratoires", "Entreprise"}
	orgWords = []string{"Générale", "Française", "Nationale", "Européenne", "Internationale", "des Pétroles", "d'Électricité", "Méditerranéenne", "du Rhône", "de Lyon", "de l'Île-de-France", "des Transports", "Aéronautique", "Pharmaceutique", "Industrielle", "Financière", "Immobilière", "Agricole", "Maritime", "de Développement", "du Littoral", "Atlantique", "des Alpes", "de Bretagne", "d'Investissement", "Numérique", "Énergétique", "Hospitalière", "Minière", "Textile", "du Crédit Foncier", "des Eaux", "de Gestion", "Commerciale", "Technologique", "Pétrolière", "Chimique", "Sidérurgique", "Forestière", "Portuaire"}
	orgTails = []string{"S.A.", "SAS", "SARL", "SCA", "& Cie", "GmbH", "Ltd", "S.p.A.", "B.V.", "AG", "", "", "", ""}
	given    = []string{"Jean-François", "Hélène", "François", "Zoé", "Clément", "Amélie", "Jérôme", "Agnès", "Benoît", "Cécile", "Raphaël", "Léa", "Loïc", "Maëlle", "Noël", "Thérèse", "André", "Gaël", "Inès", "Stéphane", "Ève", "Frédéric", "Josée", "Anaïs", "Jürgen", "Søren", "María José", "Ángel", "Łukasz", "Çağla"}
	family   = []string{"Lefèvre", "Dubois-Mercier", "Müller", "Castañeda", "Beaumont-Lévêque", "Bérenger", "Châtelain", "Desrosières", "Dupré", "Fournier", "Gauthier-Lémery", "Hébert", "Jourdain", "Lacroix", "Lemaître", "Marchand", "Nguyễn", "Pérez", "Rousseau", "Sébastien", "Thibault", "Valéry", "Wójcik", "Ødegaard", "d'Arcy", "de La Rochefoucauld", "Duchêne", "Périer", "Brossard", "Crémieux"}
	titles   = []string{"", "", "", "M. ", "Mme ", "Dr ", "Me ", "Pr "}
	places   = []string{"Paris", "Lyon", "Marseille", "Genève", "Bruxelles", "Montréal", "Québec", "Nîmes", "Besançon", "Orléans", "Saint-Étienne", "Aix-en-Provence", "Zürich", "Köln", "São Paulo", "Bogotá", "Córdoba", "Liège", "Dakar", "Abidjan"}
	media    = []string{"Le Monde", "Libération", "Les Échos", "Le Canard enchaîné", "Médiapart", "L'Équipe", "Le Figaro", "La Dépêche du Midi", "Ouest-France", "L'Humanité", "Télérama", "Le Nouvel Économiste"}
	regs     = []string{"Autorité des marchés financiers", "Autorité de la concurrence", "Commission nationale de l'informatique et des libertés", "Autorité de contrôle prudentiel et de résolution", "Direction générale de la concurrence", "Haute Autorité pour la transparence de la vie publique", "Agence française anticorruption", "Cour des comptes", "Conseil d'État", "Parquet national financier"}
	nodeType = []string{"company", "company", "company", "person", "person", "client", "regulator", "ngo", "authority", "media"}
	edgeType = []string{"fined", "complained-against", "used-by", "investigated", "reported-on", "ordered", "cooperated-with", "owns", "director-of", "subsidiary-of", "paid", "sued"}
	roles    = []string{"administrateur", "président du conseil", "directeur général délégué", "commissaire aux comptes", "actionnaire minoritaire", "gérant", "liquidateur judiciaire", "mandataire"}
	quotes   = []string{"a été condamnée à une amende de", "selon le rapport annuel publié en", "les enquêteurs ont relevé des « irrégularités »", "d'après un communiqué de l'autorité", "le tribunal a jugé que la société « n'avait pas respecté » ses obligations"}
)

type gen struct {
	r     *rand.Rand
	w     *bufio.Writer
	ascii bool
	buf   []byte
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// name composes a label of 20 to 60 characters for an entity of type t.
func (g *gen) name(t string, i int) string {
	var b strings.Builder
	switch t {
	case "person":
		b.WriteString(g.pick(titles))
		b.WriteString(g.pick(given))
		if g.r.IntN(3) == 0 {
			b.WriteString(" " + g.pick(given))
		}
		b.WriteString(" " + g.pick(family))
		if g.r.IntN(4) == 0 {
			b.WriteString(" " + g.pick(family))
		}
	case "media":
		b.WriteString(g.pick(media))
		b.WriteString(" – édition de " + g.pick(places))
	case "regulator", "authority":
		b.WriteString(g.pick(regs))
		if g.r.IntN(2) == 0 {
			b.WriteString(" (" + g.pick(places) + ")")
		}
	default:
		b.WriteString(g.pick(orgHeads))
		for n := 1 + g.r.IntN(3); n > 0; n-- {
			b.WriteString(" " + g.pick(orgWords))
		}
		if g.r.IntN(8) == 0 {
			b.WriteString(` "` + g.pick(places) + `"`)
		}
		if tail := g.pick(orgTails); tail != "" {
			b.WriteString(" " + tail)
		}
	}
	s := b.String()
	for utf8.RuneCountInString(s) < 20 {
		s += " " + g.pick(places)
	}
	// Distinct labels: a number in one entity of eight (homonyms are real).
	if i%8 == 0 {
		s += " " + strconv.Itoa(i%9973)
	}
	if r := []rune(s); len(r) > 60 {
		s = strings.TrimRight(string(r[:60]), " -–(")
	}
	return s
}

// aliases gives two or three other names: initials, the label without
// accents in capitals, a shorter form.
func (g *gen) aliases(label string) []string {
	words := strings.Fields(label)
	var ini strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			ini.WriteRune(r)
		}
	}
	out := []string{strings.ToUpper(stripAccents(label))}
	if ini.Len() >= 2 {
		out = append(out, ini.String())
	} else {
		out = append(out, words[len(words)-1])
	}
	if g.r.IntN(2) == 0 && len(words) > 2 {
		out = append(out, strings.Join(words[:2], " "))
	}
	return out
}

func stripAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// str writes s as a JSON string.
func (g *gen) str(s string) {
	b := g.buf[:0]
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20:
			b = append(b, fmt.Sprintf(`\u%04x`, r)...)
		case r >= 0x80 && g.ascii:
			if r >= 0x10000 {
				r1, r2 := utf16Pair(r)
				b = append(b, fmt.Sprintf(`\u%04x\u%04x`, r1, r2)...)
			} else {
				b = append(b, fmt.Sprintf(`\u%04x`, r)...)
			}
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	b = append(b, '"')
	g.buf = b
	g.w.Write(b)
}

func utf16Pair(r rune) (rune, rune) {
	r -= 0x10000
	return 0xD800 + (r>>10)&0x3FF, 0xDC00 + r&0x3FF
}

func (g *gen) raw(s string) { g.w.WriteString(s) }

func nodeID(i int) string { return "Q" + strconv.Itoa(100000+i*37) }

func main() {
	nodes := flag.Int("nodes", 120000, "entities")
	edges := flag.Int("edges", 360000, "relations")
	seed := flag.Uint64("seed", 42, "random seed")
	out := flag.String("out", "", "output file")
	ascii := flag.Bool("ascii", false, `write non-ASCII characters as \uXXXX escapes`)
	flag.Parse()
	if *out == "" || *nodes < 2 || *edges < 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -nodes N -edges M [-seed S] [-ascii] -out FILE")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	g := &gen{r: rand.New(rand.NewPCG(*seed, 0x9e3779b97f4a7c15)), w: bufio.NewWriterSize(f, 1<<20), ascii: *ascii}
	const nsrc = 50
	g.raw(`{"format":"linkscope/1","title":`)
	g.str(fmt.Sprintf("Enquête réaliste N=%d M=%d graine=%d", *nodes, *edges, *seed))
	g.raw(",\n\"sources\":[\n")
	for s := 0; s < nsrc; s++ {
		g.raw(`{"id":"s` + strconv.Itoa(s) + `","title":`)
		g.str(fmt.Sprintf("%s, « %s », n° %d", g.pick(media), g.pick(quotes), 1000+s))
		g.raw(`,"published":"20` + fmt.Sprintf("%02d-%02d-%02d", 10+s%15, 1+s%12, 1+s%28) + `","language":"fr"}`)
		if s < nsrc-1 {
			g.raw(",")
		}
		g.raw("\n")
	}
	g.raw("],\n\"nodes\":[\n")
	types := make([]string, *nodes)
	for i := 0; i < *nodes; i++ {
		t := g.pick(nodeType)
		types[i] = t
		label := g.name(t, i)
		g.raw(`{"id":"` + nodeID(i) + `","type":"` + t + `","label":`)
		g.str(label)
		g.raw(`,"aliases":[`)
		for k, a := range g.aliases(label) {
			if k > 0 {
				g.raw(",")
			}
			g.str(a)
		}
		g.raw(`],"props":{"country":"` + g.pick([]string{"FR", "FR", "FR", "BE", "CH", "CA", "DE", "LU"}) + `"`)
		if t == "person" {
			g.raw(`,"born":` + strconv.Itoa(1930+g.r.IntN(75)))
			g.raw(`,"city":`)
			g.str(g.pick(places))
		} else {
			g.raw(`,"founded":` + strconv.Itoa(1850+g.r.IntN(175)))
			g.raw(`,"siren":"` + fmt.Sprintf("%03d %03d %03d", g.r.IntN(1000), g.r.IntN(1000), g.r.IntN(1000)) + `"`)
			if g.r.IntN(3) == 0 {
				g.raw(`,"listed":` + strconv.FormatBool(g.r.IntN(2) == 0))
			}
		}
		g.raw("}")
		if g.r.IntN(10) == 0 {
			g.raw(`,"sources":["s` + strconv.Itoa(g.r.IntN(nsrc)) + `"]`)
		}
		g.raw("}")
		if i < *nodes-1 {
			g.raw(",")
		}
		g.raw("\n")
	}
	g.raw("],\n\"edges\":[\n")
	// Heavy-tailed degrees: an end is the entity at rank floor(N * u^3)
	// of a fixed random order, so a few entities are hubs.
	perm := g.r.Perm(*nodes)
	end := func() int { return perm[int(float64(*nodes)*math.Pow(g.r.Float64(), 3))] }
	for k := 0; k < *edges; k++ {
		s, t := end(), end()
		for t == s {
			t = end()
		}
		typ := g.pick(edgeType)
		g.raw(`{"id":"r` + strconv.Itoa(k) + `","source":"` + nodeID(s) + `","target":"` + nodeID(t) + `","type":"` + typ + `"`)
		switch d := g.r.IntN(10); {
		case d < 3:
			g.raw(fmt.Sprintf(`,"date":"%d-%02d-%02d"`, 1995+g.r.IntN(31), 1+g.r.IntN(12), 1+g.r.IntN(28)))
		case d < 5:
			g.raw(fmt.Sprintf(`,"date":"%d-%02d"`, 1995+g.r.IntN(31), 1+g.r.IntN(12)))
		case d < 6:
			g.raw(fmt.Sprintf(`,"date":"%d"`, 1995+g.r.IntN(31)))
		}
		switch {
		case typ == "fined" || typ == "paid":
			g.raw(fmt.Sprintf(`,"props":{"amount":%d,"currency":"%s"}`, 1000*(1+g.r.IntN(50000)), g.pick([]string{"EUR", "EUR", "EUR", "CHF", "USD", "CAD"})))
		case typ == "director-of" || typ == "owns":
			g.raw(`,"props":{"role":`)
			g.str(g.pick(roles))
			if typ == "owns" {
				g.raw(fmt.Sprintf(`,"share":%.2f`, g.r.Float64()*100))
			}
			g.raw("}")
		}
		switch c := g.r.IntN(20); {
		case c == 0:
			g.raw(`,"sources":[{"source":"s` + strconv.Itoa(g.r.IntN(nsrc)) + `","quote":`)
			g.str(g.pick(quotes) + " " + strconv.Itoa(1995+g.r.IntN(31)))
			g.raw("}]")
		case c < 3:
			g.raw(`,"sources":["s` + strconv.Itoa(g.r.IntN(nsrc)) + `"]`)
		}
		if g.r.IntN(50) == 0 {
			g.raw(`,"undirected":true`)
		}
		g.raw("}")
		if k < *edges-1 {
			g.raw(",")
		}
		g.raw("\n")
	}
	g.raw("]}\n")
	if err := g.w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
