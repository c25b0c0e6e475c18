package bolt

import (
	"strings"

	"github.com/linkscope/linkscope/source"
)

// Every query starts with a comment naming it (/* linkscope KIND */), so
// that a server's query log tells them apart; every parameter is a
// parameter ($name), never text spliced into the query; every query that
// may return many rows carries its ORDER BY and LIMIT.

const (
	qExists = `/* linkscope exists */ MATCH (n:Entity) WHERE n.id IN $ids RETURN n.id AS id LIMIT $limit`
	qInfo   = `/* linkscope info */ OPTIONAL MATCH (g:Graph) WITH g LIMIT 1
MATCH (n:Entity) WITH g, count(n) AS entities
OPTIONAL MATCH (:Entity)-[r]->(:Entity) RETURN g.title AS title, g.description AS description, entities, count(r) AS relations`
	// search: names (folded) containing the query, scored as the
	// in-memory index's classes; byte lengths come from nameLengths
	qSearch = `/* linkscope search */ MATCH (n:Entity) WHERE any(x IN n.names WHERE x CONTAINS $q)
WITH n, [i IN range(0, size(n.names) - 1) WHERE n.names[i] CONTAINS $q |
  (CASE WHEN n.names[i] = $q THEN 0.95
        WHEN n.names[i] STARTS WITH $q THEN 0.80 + 0.1 * $qlen / toFloat(CASE WHEN n.nameLengths[i] > $qlen THEN n.nameLengths[i] ELSE $qlen END)
        WHEN (' ' + n.names[i]) CONTAINS (' ' + $q) THEN 0.65 + 0.1 * $qlen / toFloat(CASE WHEN n.nameLengths[i] > $qlen THEN n.nameLengths[i] ELSE $qlen END)
        ELSE 0.50 + 0.1 * $qlen / toFloat(CASE WHEN n.nameLengths[i] > $qlen THEN n.nameLengths[i] ELSE $qlen END) END) + n.bonuses[i]] AS scores
WITH n, reduce(best = 0.0, s IN scores | CASE WHEN s > best THEN s ELSE best END) AS score
RETURN n.id AS id, n.type AS type, n.label AS label, coalesce(n.degree, 0) AS degree, n.names AS names, n.shown AS shown, n.bonuses AS bonuses, score
ORDER BY score DESC, degree DESC, id LIMIT $limit`
	// typo-tolerant candidates: the full-text index linkscope_names
	// (Lucene, ASCII-folding analyser) with fuzzy terms
	qFuzzy = `/* linkscope fuzzy */ CALL db.index.fulltext.queryNodes('linkscope_names', $lucene) YIELD node, score
RETURN node.id AS id, node.type AS type, node.label AS label, coalesce(node.degree, 0) AS degree, node.names AS names, node.shown AS shown, node.bonuses AS bonuses
ORDER BY score DESC, id LIMIT $limit`
	qEntities = `/* linkscope entities */ MATCH (n:Entity) WHERE n.id IN $ids
RETURN n.id AS id, n.type AS type, n.label AS label, n.aliases AS aliases, n.props AS props, n.sources AS sources LIMIT $limit`
	qRelationRecords = `/* linkscope relation-records */ MATCH (a:Entity)-[r]->(b:Entity) WHERE r.id IN $ids
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type, r.date AS date, r.props AS props, r.sources AS sources LIMIT $limit`
	qSources = `/* linkscope sources */ MATCH (s:Source) WHERE s.id IN $ids
RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.published AS published, s.language AS language, s.url AS url, s.file AS file, s.note AS note
ORDER BY id LIMIT $limit`
	qTop = `/* linkscope top */ MATCH (n:Entity) RETURN n.id AS id, n.type AS type, n.label AS label, coalesce(n.degree, 0) AS degree
ORDER BY degree DESC, id LIMIT $limit`
)

// levelCypher is the query for the entities one hop from $frontier, not
// among $visited, by degree then id, LIMIT $limit (when limited): the
// direction is the pattern's arrow, the type filters are predicates on
// every hop.
func levelCypher(dir source.Direction, relTypes, entityTypes, limited bool) string {
	pat := "(f:Entity)-[r]-(n:Entity)"
	switch dir {
	case source.Out:
		pat = "(f:Entity)-[r]->(n:Entity)"
	case source.In:
		pat = "(f:Entity)<-[r]-(n:Entity)"
	}
	var b strings.Builder
	b.WriteString("/* linkscope level */ MATCH " + pat + " WHERE f.id IN $frontier AND NOT n.id IN $visited")
	if relTypes {
		b.WriteString(" AND type(r) IN $relTypes")
	}
	if entityTypes {
		b.WriteString(" AND n.type IN $entityTypes")
	}
	b.WriteString(" WITH DISTINCT n RETURN n.id AS id, coalesce(n.degree, 0) AS degree ORDER BY degree DESC, id")
	if limited {
		b.WriteString(" LIMIT $limit")
	}
	return b.String()
}

// relationsCypher is the query for the relations among $result and from
// it to $known ($all is both), of the allowed types, by id.
func relationsCypher(relTypes bool) string {
	q := "/* linkscope relations */ MATCH (a:Entity)-[r]->(b:Entity) WHERE ((a.id IN $result AND b.id IN $all) OR (b.id IN $result AND a.id IN $known))"
	if relTypes {
		q += " AND type(r) IN $relTypes"
	}
	return q + " RETURN r.id AS id, a.id AS source, b.id AS target ORDER BY id LIMIT $limit"
}
