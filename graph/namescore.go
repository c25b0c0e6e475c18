package graph

// NameScore is the score [NameIndex.Search] gives the folded name key for
// the folded query q, before the bonus of the name's kind (0.05 for a
// label, 0.03 for an alias, 0 for an id); 0 when they do not match. It
// lets a source that searches elsewhere (a database's trigram index)
// rank its candidates exactly as the in-memory index does.
func NameScore(q, key string) float64 { return score(q, key, 0) }

// NameBonus is what Search adds to a name's score for its kind: "label",
// "alias" or "id".
func NameBonus(kind string) float64 {
	switch kind {
	case "label":
		return 0.05
	case "alias":
		return 0.03
	}
	return 0
}
