// Package pgtest gives tests a fresh PostgreSQL schema on the server that
// scripts/pgtest.sh starts (LINKSCOPE_TEST_PG). Without a server, tests
// skip, unless LINKSCOPE_REQUIRE_PG is set (as `make test` sets it): then
// they fail, so that a broken harness cannot pass for a green run.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

var counter atomic.Int64

// URL returns the server's URL, skipping or failing t without one.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("LINKSCOPE_TEST_PG")
	if u == "" {
		if os.Getenv("LINKSCOPE_REQUIRE_PG") != "" {
			t.Fatal("LINKSCOPE_REQUIRE_PG is set but LINKSCOPE_TEST_PG is not: run the tests through scripts/pgtest.sh (make test does)")
		}
		t.Skip("no PostgreSQL server: LINKSCOPE_TEST_PG is unset (scripts/pgtest.sh starts one)")
	}
	return u
}

// Schema creates a schema of its own for t, dropped when t ends, and
// returns a URL whose search_path names it (then public, where pg_trgm
// lives).
func Schema(t testing.TB) string {
	t.Helper()
	base := URL(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), counter.Add(1))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	q := u.Query()
	q.Set("search_path", name+",public")
	u.RawQuery = q.Encode()
	return u.String()
}
