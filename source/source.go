// Package source is the seam between Linkscope and where an
// investigation's data lives: a file loaded whole ([File], today), a
// PostgreSQL database (pgx) or a Neo4j server (Bolt) tomorrow. A window on
// a large source never holds all of it: it holds a working set (see
// app/view) grown from a [Source] by searches, expansions and fetches that
// the source answers itself.
//
// # The contract
//
// Every source answers the same question with the same records in the same
// order, so that a working set grown from a database is the one a file
// would have given. [Expander.Expand] is defined exactly:
//
//  1. The walk starts at the seeds and follows relations of the allowed
//     types (ExpandOptions.RelationTypes; all when empty) in the allowed
//     direction (Out: subject to object, In: object to subject, Both),
//     entering only entities of the allowed types
//     (ExpandOptions.EntityTypes; all when empty). Seeds are always
//     entered, whatever their type. The reached entities are those, other
//     than the seeds, at most Depth hops away in that walk; an entity's
//     hops is its shortest distance in it.
//  2. They are ordered by hops, then degree (the number of relations
//     touching the entity in the whole source, of any type and direction,
//     a self-loop counting twice) from most to least, then id in byte
//     order. With a Limit, the first Limit are kept and Truncated says
//     whether any were left out.
//  3. The result's relations are every relation of an allowed type (in
//     either direction: Direction restricts the walk, not what is shown)
//     joining two kept entities or seeds, or one of them and an entity of
//     ExpandOptions.Known, self-loops included, in id order. Known
//     entities that end such a relation are returned too, after the
//     others in id order, so that no relation of a result has an end
//     outside it. The entities come seeds first (in the order asked,
//     duplicates dropped), then the kept ones in the order above.
//
// # What a server-side source must push into its query
//
// A database source must not fetch a neighbourhood and cut it in Go: a hub
// entity may have millions of relations. Its query must carry:
//
//   - the type filters on every hop of the walk (a recursive CTE's join, a
//     Cypher pattern's label and relationship-type predicates), so that the
//     walk never crosses an entity or relation the caller excluded;
//   - the direction of the walk (source→target, target→source or both);
//   - the ordering ORDER BY hops, degree DESC, id, with id compared as
//     bytes (COLLATE "C" in PostgreSQL), and degree precomputed (a column
//     kept up to date, not a count per query);
//   - the LIMIT, as LIMIT n+1, the extra row telling whether the result
//     was truncated;
//   - the known ids as a parameter (= ANY($known) in PostgreSQL, IN $known
//     in Cypher) of the second query, the one for the relations among the
//     result.
//
// Search pushes its LIMIT and ordering (score, then degree, then id) the
// same way and matches accent- and case-insensitively (unaccent and
// pg_trgm in PostgreSQL, a full-text index with an ASCII-folding analyser
// in Neo4j). A source passes ctx to its driver, so that cancelling an
// expansion cancels the server's query, and returns ctx.Err() (wrapped or
// not: errors.Is must find it).
//
// The package sourcetest holds the conformance suite every source must
// pass.
package source

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/linkscope/linkscope/graph"
)

// Source is where an investigation's entities and relations come from.
// Implementations are safe for concurrent use.
type Source interface {
	// Info describes the source: title and, when known, counts.
	Info(ctx context.Context) (Info, error)
	Searcher
	Expander
	Fetcher
	// Close releases the source's connections; a closed source answers
	// nothing.
	Close() error
}

// Searcher finds entities by name.
type Searcher interface {
	// Search returns up to limit entities whose label, alias or id matches
	// query, ignoring case and accents and tolerating typos, best first
	// (by score, then degree, then id). limit <= 0 means no limit. A query
	// with no letter or digit finds nothing.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
}

// Expander returns the neighbourhood of entities.
type Expander interface {
	// Expand returns the seeds and the entities within opt.Depth hops of
	// them, as defined in the package documentation. An unknown seed is an
	// error wrapping [ErrNotFound]; unknown Known ids are ignored. No ids
	// gives an empty Subgraph.
	Expand(ctx context.Context, ids []string, opt ExpandOptions) (*Subgraph, error)
}

// Fetcher returns records by id.
type Fetcher interface {
	// Fetch returns the entities and relations with the given ids (either
	// kind, duplicates ignored) and the ends of those relations. Entities
	// come in the order asked, then the ends of the relations that were not
	// asked for, in the order of the relations, subject before object;
	// relations in the order asked. An unknown id is an error wrapping
	// [ErrNotFound] that names every unknown id.
	Fetch(ctx context.Context, ids []string) (*Subgraph, error)
}

// Info describes a source.
type Info struct {
	Title, Description string
	// Entities and Relations are the numbers of entities and relations,
	// -1 when the source does not know them cheaply.
	Entities, Relations int
	// EntityTypes and RelationTypes count entities and relations by type,
	// most frequent first, then by name; nil when unknown.
	EntityTypes, RelationTypes []graph.TypeCount
}

// Hit is one result of a search.
type Hit struct {
	ID, Type, Label string
	// Matched is the name (label, alias or id) that matched best.
	Matched string
	// Score ranks hits, higher first; it is comparable within one answer
	// only.
	Score float64
	// Degree is the number of relations touching the entity.
	Degree int
}

// Direction restricts which way an expansion walks relations.
type Direction int

const (
	// Both follows relations either way.
	Both Direction = iota
	// Out follows relations from subject to object.
	Out
	// In follows relations from object to subject.
	In
)

func (d Direction) String() string {
	switch d {
	case Both:
		return "both"
	case Out:
		return "out"
	case In:
		return "in"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// ExpandOptions shape an expansion. The zero value returns the seeds alone
// (Depth 0) with the relations among them.
type ExpandOptions struct {
	// Depth is the number of hops from the seeds; negative is an error.
	Depth int
	// EntityTypes, when not empty, are the entity types the walk may enter.
	EntityTypes []string
	// RelationTypes, when not empty, are the relation types the walk may
	// follow and the result may hold.
	RelationTypes []string
	// Direction is the way relations are followed.
	Direction Direction
	// Limit bounds the number of entities returned besides the seeds and
	// the Known ends of relations; 0 means no limit, negative is an error.
	Limit int
	// Known are the ids of entities the caller already holds (a working
	// set's): relations joining them to the result are returned too.
	Known []string
}

func (o ExpandOptions) check() error {
	switch {
	case o.Depth < 0:
		return fmt.Errorf("source: expand: depth %d is negative", o.Depth)
	case o.Limit < 0:
		return fmt.Errorf("source: expand: limit %d is negative", o.Limit)
	case o.Direction < Both || o.Direction > In:
		return fmt.Errorf("source: expand: unknown direction %d", int(o.Direction))
	}
	return nil
}

// Subgraph is a source's answer: full records, self-contained (every
// relation's ends are among its entities), with the dataset sources their
// citations refer to. Its maps and slices belong to the caller.
type Subgraph struct {
	Entities  []Entity
	Relations []Relation
	// Sources are the documents cited by the entities and relations, by id.
	Sources []graph.Source
	// Hops gives, for an expansion, each seed (0) and reached entity's
	// distance from the seeds; Known ends of relations are not in it.
	Hops map[string]int
	// Truncated is set when an expansion's Limit left entities out.
	Truncated bool
}

// Entity is an entity's record.
type Entity struct {
	ID, Type, Label string
	Aliases         []string
	// Props are free-form properties as JSON decodes them (string,
	// float64, bool, nil, []any, map[string]any).
	Props   map[string]any
	Sources []graph.Citation
}

// Relation is a relation's record: Source did Type to Target.
type Relation struct {
	ID             string
	Source, Target string // entity ids
	Type           string
	Date           graph.Date
	Props          map[string]any
	Sources        []graph.Citation
}

// ErrNotFound is wrapped by the errors for ids a source does not have.
var ErrNotFound = errors.New("not found")

// NotFoundError names the ids a source does not have.
type NotFoundError struct {
	// Op is what was asked ("fetch", "expand").
	Op  string
	IDs []string
}

func (e *NotFoundError) Error() string {
	q := make([]string, len(e.IDs))
	for i, id := range e.IDs {
		q[i] = fmt.Sprintf("%q", id)
	}
	what := "no entity or relation"
	if e.Op == "expand" {
		what = "no entity"
	}
	return fmt.Sprintf("source: %s: %s %s", e.Op, what, strings.Join(q, ", "))
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// Dedupe returns ids without repeats, in the order they first appear.
func Dedupe(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// FetchSets is the part of a [Fetcher]'s Fetch that every server source
// shares, once it has asked its server which of ids (without repeats)
// are entities and what the ends of the others are: entities are the
// entities asked for, in the order asked, then the ends of the relations
// asked for that were not among them; relations are the relations asked
// for; an id that is neither makes a NotFoundError naming every such id.
func FetchSets(ids []string, isEntity func(id string) bool, ends func(id string) (src, dst string, ok bool)) (entities, relations []string, err error) {
	var missing []string
	for _, id := range ids {
		switch {
		case isEntity(id):
			entities = append(entities, id)
		default:
			if _, _, ok := ends(id); ok {
				relations = append(relations, id)
			} else {
				missing = append(missing, id)
			}
		}
	}
	if len(missing) > 0 {
		return nil, nil, &NotFoundError{Op: "fetch", IDs: missing}
	}
	seen := make(map[string]bool, len(entities))
	for _, v := range entities {
		seen[v] = true
	}
	for _, r := range relations {
		s, d, _ := ends(r)
		for _, v := range [2]string{s, d} {
			if !seen[v] {
				seen[v] = true
				entities = append(entities, v)
			}
		}
	}
	return entities, relations, nil
}
