package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// Resolve finds the entities a user means by ref, as graph.Graph's
// Resolve does: the entity whose id is exactly ref, otherwise those whose
// id, label or an alias folds to the same as ref (at most limit, by id).
func (db *DB) Resolve(ctx context.Context, ref string, limit int) ([]string, error) {
	if err := db.start(ctx); err != nil {
		return nil, err
	}
	found, err := db.entitiesIn(ctx, []string{ref})
	if err != nil {
		return nil, wrap(ctx, "resolve", err)
	}
	if found[ref] {
		return []string{ref}, nil
	}
	f := graph.Fold(ref)
	if f == "" {
		return nil, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT DISTINCT entity FROM names WHERE folded = $1 ORDER BY entity LIMIT $2`, f, limit)
	if err != nil {
		return nil, wrap(ctx, "resolve", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return ids, wrap(ctx, "resolve", err)
}

// Named returns the entities whose label or an alias folds to the same as
// name, as graph.Graph's Named does (at most limit, by id).
func (db *DB) Named(ctx context.Context, name string, limit int) ([]string, error) {
	if err := db.start(ctx); err != nil {
		return nil, err
	}
	f := graph.Fold(name)
	if f == "" {
		return nil, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT DISTINCT entity FROM names WHERE folded = $1 AND bonus > 0 ORDER BY entity LIMIT $2`, f, limit)
	if err != nil {
		return nil, wrap(ctx, "named", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return ids, wrap(ctx, "named", err)
}

// Top returns the n most connected entities (by degree, then id), from
// the degree index.
func (db *DB) Top(ctx context.Context, n int) ([]source.Hit, error) {
	if err := db.start(ctx); err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, `SELECT id, type, label, degree FROM entities ORDER BY degree DESC, id LIMIT $1`, n)
	if err != nil {
		return nil, wrap(ctx, "top", err)
	}
	var hits []source.Hit
	var h source.Hit
	var deg int32
	_, err = pgx.ForEachRow(rows, []any{&h.ID, &h.Type, &h.Label, &deg}, func() error {
		h.Degree, h.Matched, h.Score = int(deg), h.Label, 1
		hits = append(hits, h)
		return nil
	})
	return hits, wrap(ctx, "top", err)
}
