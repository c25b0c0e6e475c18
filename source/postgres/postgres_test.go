package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
	"github.com/linkscope/linkscope/source/postgres"
	"github.com/linkscope/linkscope/source/postgres/pgtest"
	"github.com/linkscope/linkscope/source/sourcetest"
)

// open loads g into a fresh schema and opens the source on it.
func open(t *testing.T, g *graph.Graph) *postgres.DB {
	t.Helper()
	ctx := context.Background()
	u := pgtest.Schema(t)
	pool, err := pgxpool.New(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if err := postgres.Load(ctx, pool, g, nil); err != nil {
		t.Fatal(err)
	}
	db, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	sourcetest.Run(t, func(t *testing.T, g *graph.Graph) source.Source { return open(t, g) })
}
