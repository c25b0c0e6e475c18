// Package postgres is the [source.Source] over a graph held in PostgreSQL
// (see SCHEMA.md for the tables): every search, expansion and fetch is a
// few SQL queries that carry their own filters, ordering and LIMIT, so
// that a window on a graph of millions of entities fetches only what it
// shows. [Load] copies a graph in.
package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/source"
)

// DB is the [source.Source] over a PostgreSQL database loaded by [Load].
// It is safe for concurrent use.
type DB struct {
	pool   *pgxpool.Pool
	own    bool // Close closes the pool
	closed atomic.Bool
}

var _ source.Source = (*DB)(nil)

// Open connects to the database at url (a postgres:// URL or a libpq
// keyword string; search_path=SCHEMA picks the schema) and checks that it
// holds a Linkscope graph.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	Configure(cfg)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := &DB{pool: pool, own: true}
	if err := db.check(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// Configure sets what the source's queries expect of every connection of
// a pool: custom plans (the planner sees each search pattern and id
// array, so that it picks the trigram index or a scan by what they are)
// and the word-similarity threshold of the typo-tolerant search.
func Configure(cfg *pgxpool.Config) {
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, `SELECT set_config('pg_trgm.word_similarity_threshold', $1, false)`, strconv.FormatFloat(wordSimilarity, 'f', -1, 64))
		return err
	}
}

// New returns the source over a pool the caller made (with [Configure])
// and closes.
func New(pool *pgxpool.Pool) *DB { return &DB{pool: pool} }

// Pool returns the source's connection pool.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

func (db *DB) check(ctx context.Context) error {
	var v string
	err := db.pool.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'version'`).Scan(&v)
	if err != nil {
		var pe interface{ SQLState() string }
		if errors.As(err, &pe) && pe.SQLState() == "42P01" {
			return fmt.Errorf("postgres: the database holds no Linkscope graph (load one with 'linkscope db load')")
		}
		return fmt.Errorf("postgres: %w", err)
	}
	if v != SchemaVersion {
		return fmt.Errorf("postgres: the database's graph has schema version %s, this linkscope reads %s (load it again)", v, SchemaVersion)
	}
	return nil
}

// Close implements [source.Source]; it closes the pool when Open made it.
func (db *DB) Close() error {
	if !db.closed.Swap(true) && db.own {
		db.pool.Close()
	}
	return nil
}

func (db *DB) start(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if db.closed.Load() {
		return source.ErrClosed
	}
	return nil
}

// wrap adds the package's prefix to a driver error, keeping ctx's error
// findable with errors.Is.
func wrap(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if c := ctx.Err(); c != nil && !errors.Is(err, c) {
		return fmt.Errorf("postgres: %s: %w (%v)", op, c, err)
	}
	return fmt.Errorf("postgres: %s: %w", op, err)
}

// Info implements [source.Source] from the counts Load wrote.
func (db *DB) Info(ctx context.Context) (source.Info, error) {
	if err := db.start(ctx); err != nil {
		return source.Info{}, err
	}
	info := source.Info{Entities: -1, Relations: -1}
	rows, err := db.pool.Query(ctx, `SELECT key, value FROM meta`)
	if err != nil {
		return info, wrap(ctx, "info", err)
	}
	var k, v string
	_, err = pgx.ForEachRow(rows, []any{&k, &v}, func() error {
		switch k {
		case "title":
			info.Title = v
		case "description":
			info.Description = v
		case "entities":
			info.Entities, _ = strconv.Atoi(v)
		case "relations":
			info.Relations, _ = strconv.Atoi(v)
		}
		return nil
	})
	if err != nil {
		return info, wrap(ctx, "info", err)
	}
	rows, err = db.pool.Query(ctx, `SELECT kind::text, type, count FROM type_counts ORDER BY kind, count DESC, type`)
	if err != nil {
		return info, wrap(ctx, "info", err)
	}
	var kind, typ string
	var n int32
	_, err = pgx.ForEachRow(rows, []any{&kind, &typ, &n}, func() error {
		tc := graph.TypeCount{Type: typ, Count: int(n)}
		if kind == "e" {
			info.EntityTypes = append(info.EntityTypes, tc)
		} else {
			info.RelationTypes = append(info.RelationTypes, tc)
		}
		return nil
	})
	if info.EntityTypes == nil {
		info.EntityTypes = []graph.TypeCount{}
	}
	if info.RelationTypes == nil {
		info.RelationTypes = []graph.TypeCount{}
	}
	return info, wrap(ctx, "info", err)
}

// wordSimilarity is pg_trgm's word-similarity threshold below which a name
// is not even a candidate of the typo-tolerant search; narrowSimilarity
// the one it tries first.
const (
	wordSimilarity   = 0.3
	narrowSimilarity = 0.6
)

// fuzzyCandidates bounds the names the typo-tolerant search scores.
const fuzzyCandidates = 2000

// The in-memory index's scores (graph/index.go), in SQL: exact, prefix,
// word prefix, substring, each with up to 0.1 for the length ratio, plus
// the name's bonus. $1 is the folded query, $2 its length in bytes.
const scoreSQL = `(CASE WHEN n.folded = $1 THEN 0.95::float8
	WHEN starts_with(n.folded, $1) THEN 0.80::float8 + 0.1::float8 * ($2::float8 / greatest(octet_length(n.folded), $2)::float8)
	WHEN strpos(' ' || n.folded, ' ' || $1) > 0 THEN 0.65::float8 + 0.1::float8 * ($2::float8 / greatest(octet_length(n.folded), $2)::float8)
	ELSE 0.50::float8 + 0.1::float8 * ($2::float8 / greatest(octet_length(n.folded), $2)::float8) END) + n.bonus`

// Search implements [source.Searcher]. Names containing the folded query
// are found through the trigram index (LIKE '%q%'), scored in SQL as the
// in-memory index scores them and cut by the query's ORDER BY and LIMIT.
// When they are fewer than limit, typo-tolerant candidates (pg_trgm's word
// similarity, at most a few thousand, best first) are scored in Go with
// the in-memory index's edit distance; they all rank below the substring
// matches, as in memory. A name the trigram filter misses (a short query
// with its one typo in the middle) is found in memory but not here.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]source.Hit, error) {
	if err := db.start(ctx); err != nil {
		return nil, err
	}
	q := graph.Fold(query)
	if q == "" {
		return nil, nil
	}
	lim := ""
	if limit > 0 {
		lim = " LIMIT " + strconv.Itoa(limit)
	}
	sql := `SELECT e.id, e.type, e.label, e.degree, m.name, m.score FROM (
		SELECT DISTINCT ON (n.entity) n.entity, n.name, ` + scoreSQL + ` AS score
		FROM names n WHERE n.folded LIKE $3
		ORDER BY n.entity, score DESC, n.ord) m
	JOIN entities e ON e.id = m.entity
	ORDER BY m.score DESC, e.degree DESC, e.id` + lim
	rows, err := db.pool.Query(ctx, sql, q, len(q), "%"+q+"%")
	if err != nil {
		return nil, wrap(ctx, "search", err)
	}
	var hits []source.Hit
	var h source.Hit
	var deg int32
	_, err = pgx.ForEachRow(rows, []any{&h.ID, &h.Type, &h.Label, &deg, &h.Matched, &h.Score}, func() error {
		h.Degree = int(deg)
		hits = append(hits, h)
		return nil
	})
	if err != nil {
		return nil, wrap(ctx, "search", err)
	}
	if len(q) < 3 || (limit > 0 && len(hits) >= limit) {
		return hits, nil
	}
	found := make(map[string]bool, len(hits))
	for _, h := range hits {
		found[h.ID] = true
	}
	// typo-tolerant candidates: first those that share most trigrams with
	// the query (few, cheap to find), then, when they do not fill the
	// limit, the wider set
	var fuzzy []source.Hit
	for _, threshold := range []float64{narrowSimilarity, wordSimilarity} {
		if fuzzy, err = db.fuzzy(ctx, q, threshold, found); err != nil {
			return nil, wrap(ctx, "search", err)
		}
		if limit > 0 && len(hits)+len(fuzzy) >= limit {
			break
		}
	}
	slices.SortFunc(fuzzy, func(a, b source.Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Degree, a.Degree); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	hits = append(hits, fuzzy...)
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// fuzzy returns the typo-tolerant matches among the names whose word
// similarity with q is at least threshold (at most fuzzyCandidates of
// them, most similar first), scored with the in-memory index's edit
// distance, leaving out the entities in found; best first.
func (db *DB) fuzzy(ctx context.Context, q string, threshold float64, found map[string]bool) ([]source.Hit, error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT set_config('pg_trgm.word_similarity_threshold', $1, false)`, strconv.FormatFloat(threshold, 'f', -1, 64)); err != nil {
		return nil, err
	}
	rows, err := conn.Query(ctx, `SELECT n.entity, n.ord, n.name, n.folded, n.bonus, e.type, e.label, e.degree
		FROM names n JOIN entities e ON e.id = n.entity
		WHERE $1 <% n.folded AND strpos(n.folded, $1) = 0
		ORDER BY word_similarity($1, n.folded) DESC, n.entity, n.ord LIMIT `+strconv.Itoa(fuzzyCandidates), q)
	if err != nil {
		return nil, err
	}
	best := map[string]int{} // entity → index in fuzzy
	var fuzzy []source.Hit
	var name, folded string
	var bonus float64
	var c source.Hit
	var ord, deg int32
	ords := map[string]int32{}
	_, err = pgx.ForEachRow(rows, []any{&c.ID, &ord, &name, &folded, &bonus, &c.Type, &c.Label, &deg}, func() error {
		if found[c.ID] {
			return nil
		}
		s := graph.NameScore(q, folded)
		if s == 0 {
			return nil
		}
		s += bonus
		c.Degree, c.Matched, c.Score = int(deg), name, s
		if i, ok := best[c.ID]; !ok {
			best[c.ID] = len(fuzzy)
			fuzzy = append(fuzzy, c)
			ords[c.ID] = ord
		} else if s > fuzzy[i].Score || s == fuzzy[i].Score && ord < ords[c.ID] {
			fuzzy[i] = c
			ords[c.ID] = ord
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(fuzzy, func(a, b source.Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Degree, a.Degree); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return fuzzy, nil
}

// Describe names the database a URL points at, without its password:
// "db on host:port".
func Describe(url string) string {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return "database"
	}
	c := cfg.ConnConfig
	return fmt.Sprintf("%s on %s:%d", c.Database, c.Host, c.Port)
}
