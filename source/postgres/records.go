package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// records loads the full records of the given entities and relations (ids
// that exist, without duplicates), in that order, with their citations and
// the dataset sources those cite.
func (db *DB) records(ctx context.Context, entities, relations []string) (*source.Subgraph, error) {
	sub := &source.Subgraph{Entities: make([]source.Entity, 0, len(entities)), Relations: make([]source.Relation, 0, len(relations))}
	ents := make(map[string]*source.Entity, len(entities))
	if len(entities) > 0 {
		rows, err := db.pool.Query(ctx, `SELECT id, type, label, aliases, props FROM entities WHERE id = ANY($1)`, entities)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			e := &source.Entity{}
			if err := rows.Scan(&e.ID, &e.Type, &e.Label, &e.Aliases, &e.Props); err != nil {
				rows.Close()
				return nil, err
			}
			if len(e.Aliases) == 0 {
				e.Aliases = nil
			}
			ents[e.ID] = e
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	rels := make(map[string]*source.Relation, len(relations))
	if len(relations) > 0 {
		rows, err := db.pool.Query(ctx, `SELECT id, source, target, type, coalesce(date, ''), props FROM relations WHERE id = ANY($1)`, relations)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			r := &source.Relation{}
			var date string
			if err := rows.Scan(&r.ID, &r.Source, &r.Target, &r.Type, &date, &r.Props); err != nil {
				rows.Close()
				return nil, err
			}
			if date != "" {
				d, err := graph.ParseDate(date)
				if err != nil {
					rows.Close()
					return nil, fmt.Errorf("relation %q: date %q: %w", r.ID, date, err)
				}
				r.Date = d
			}
			rels[r.ID] = r
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	// citations, in their order
	rows, err := db.pool.Query(ctx, `SELECT kind::text, owner, ord, source, quote, gloss FROM citations WHERE kind = 'e' AND owner = ANY($1)
		UNION ALL SELECT kind::text, owner, ord, source, quote, gloss FROM citations WHERE kind = 'r' AND owner = ANY($2)
		ORDER BY 1, 2, 3`, entities, relations)
	if err != nil {
		return nil, err
	}
	cited := map[string]bool{}
	var kind, owner string
	var ord int32
	var c graph.Citation
	_, err = pgx.ForEachRow(rows, []any{&kind, &owner, &ord, &c.Source, &c.Quote, &c.Gloss}, func() error {
		cited[c.Source] = true
		if kind == "e" {
			if e := ents[owner]; e != nil {
				e.Sources = append(e.Sources, c)
			}
		} else if r := rels[owner]; r != nil {
			r.Sources = append(r.Sources, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, id := range entities {
		if e := ents[id]; e != nil {
			sub.Entities = append(sub.Entities, *e)
		}
	}
	for _, id := range relations {
		if r := rels[id]; r != nil {
			sub.Relations = append(sub.Relations, *r)
		}
	}
	if len(cited) > 0 {
		rows, err := db.pool.Query(ctx, `SELECT id, title, publisher, published, language, url, file, note FROM sources WHERE id = ANY($1) ORDER BY id`,
			slices.Sorted(maps.Keys(cited)))
		if err != nil {
			return nil, err
		}
		var s graph.Source
		var published string
		_, err = pgx.ForEachRow(rows, []any{&s.ID, &s.Title, &s.Publisher, &published, &s.Language, &s.URL, &s.File, &s.Note}, func() error {
			s.Published = graph.Date{}
			if published != "" {
				d, err := graph.ParseDate(published)
				if err != nil {
					return fmt.Errorf("source %q: date %q: %w", s.ID, published, err)
				}
				s.Published = d
			}
			sub.Sources = append(sub.Sources, s)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return sub, nil
}
