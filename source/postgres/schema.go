package postgres

// SchemaVersion is written to the meta table; a database of another
// version is refused.
const SchemaVersion = "1"

// tables is the DDL of a Linkscope graph, in the schema the connection's
// search_path names first (see SCHEMA.md). Every id is COLLATE "C", so
// that ORDER BY id is byte order, as in the in-memory source.
var tables = []string{
	`CREATE TABLE meta (
		key   text PRIMARY KEY,
		value text NOT NULL)`,
	`CREATE TABLE entities (
		id      text COLLATE "C" PRIMARY KEY,
		type    text COLLATE "C" NOT NULL,
		label   text NOT NULL,
		aliases text[] NOT NULL,
		props   jsonb,
		degree  integer NOT NULL)`,
	`CREATE TABLE names (
		entity text COLLATE "C" NOT NULL,
		ord    integer NOT NULL,
		name   text NOT NULL,
		folded text COLLATE "C" NOT NULL,
		bonus  float8 NOT NULL)`,
	`CREATE TABLE relations (
		id       text COLLATE "C" PRIMARY KEY,
		source   text COLLATE "C" NOT NULL,
		target   text COLLATE "C" NOT NULL,
		type     text COLLATE "C" NOT NULL,
		date     text,
		directed boolean NOT NULL,
		props    jsonb)`,
	`CREATE TABLE sources (
		id        text COLLATE "C" PRIMARY KEY,
		title     text NOT NULL,
		publisher text NOT NULL,
		published text NOT NULL,
		language  text NOT NULL,
		url       text NOT NULL,
		file      text NOT NULL,
		note      text NOT NULL)`,
	`CREATE TABLE citations (
		kind   "char" NOT NULL,
		owner  text COLLATE "C" NOT NULL,
		ord    integer NOT NULL,
		source text COLLATE "C" NOT NULL,
		quote  text NOT NULL,
		gloss  text NOT NULL)`,
	`CREATE TABLE type_counts (
		kind  "char" NOT NULL,
		type  text COLLATE "C" NOT NULL,
		count integer NOT NULL)`,
}

// indexes are built after the rows are copied in, which is faster than
// maintaining them row by row.
var indexes = []string{
	// the walk: one index-only lookup per frontier entity and direction
	`CREATE INDEX relations_source ON relations (source) INCLUDE (target, type)`,
	`CREATE INDEX relations_target ON relations (target) INCLUDE (source, type)`,
	`CREATE INDEX relations_type ON relations (type)`,
	`CREATE INDEX entities_degree ON entities (degree DESC, id)`,
	`CREATE INDEX entities_type ON entities (type)`,
	// search: trigram index on the folded names, for LIKE '%q%' and the
	// typo-tolerant word-similarity candidates
	`CREATE INDEX names_trgm ON names USING gin (folded gin_trgm_ops)`,
	`CREATE INDEX names_folded ON names (folded)`,
	`CREATE INDEX names_entity ON names (entity)`,
	`CREATE INDEX citations_owner ON citations (kind, owner, ord)`,
}

// dropTables removes a previous graph.
const dropTables = `DROP TABLE IF EXISTS meta, entities, names, relations, sources, citations, type_counts`
