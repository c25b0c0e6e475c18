#!/usr/bin/env bash
# Runs a command against a private PostgreSQL server: installs Debian's
# postgresql (and postgresql-contrib, for pg_trgm) when missing, creates a
# cluster in a temporary directory, starts it on a free local port as an
# unprivileged user (PostgreSQL refuses to run as root), creates the
# database linkscope_test with pg_trgm, exports
#   LINKSCOPE_TEST_PG=postgres://linkscope@127.0.0.1:PORT/linkscope_test
# runs the command, and stops the server and removes the directory on any
# exit, failure included.
#
#   scripts/pgtest.sh go test ./source/postgres/...
#   scripts/pgtest.sh --shell      # keep a server up and print its URL (Ctrl-C stops it)
set -euo pipefail

PGUSER_OS=${LINKSCOPE_PG_OS_USER:-linkscope-pg}

find_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
	done
	if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return 0; fi
	return 1
}

have_trgm() {
	ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1
}

if ! bindir=$(find_bindir) || ! have_trgm; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "pgtest: PostgreSQL is not installed and this is not a Debian/Ubuntu system: install PostgreSQL (with pg_trgm) yourself" >&2
		exit 1
	fi
	echo "pgtest: installing postgresql postgresql-contrib" >&2
	sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >&2
	bindir=$(find_bindir)
fi

dir=$(mktemp -d /tmp/linkscope-pg.XXXXXX)
chmod 755 "$dir"
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	if ! id "$PGUSER_OS" >/dev/null 2>&1; then
		useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
	fi
	chown "$PGUSER_OS" "$dir"
	# from the cluster's directory: the caller's may be closed to that user
	run_pg() { (cd "$dir" && runuser -u "$PGUSER_OS" -- "$@"); }
fi

stop() {
	local rc=$?
	if [ -f "$dir/data/postmaster.pid" ]; then
		run_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	exit $rc
}
trap stop EXIT
trap 'exit 130' INT TERM

run_pg "$bindir/initdb" -D "$dir/data" -U linkscope -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }

# a free port: try a few random ones, refusing those something answers on
started=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
	port=$(( 20000 + RANDOM % 40000 ))
	if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then continue; fi
	if run_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c maintenance_work_mem=512MB -c max_wal_size=4GB" \
		start >/dev/null 2>&1; then
		started=1
		break
	fi
done
if [ -z "$started" ]; then
	echo "pgtest: the server did not start:" >&2
	cat "$dir/server.log" >&2 || true
	exit 1
fi

"$bindir/psql" -q -h 127.0.0.1 -p "$port" -U linkscope -d postgres -v ON_ERROR_STOP=1 \
	-c "CREATE DATABASE linkscope_test" >/dev/null
"$bindir/psql" -q -h 127.0.0.1 -p "$port" -U linkscope -d linkscope_test -v ON_ERROR_STOP=1 \
	-c "CREATE EXTENSION pg_trgm" >/dev/null

export LINKSCOPE_TEST_PG="postgres://linkscope@127.0.0.1:$port/linkscope_test?sslmode=disable"
echo "pgtest: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port ($dir)" >&2

if [ "${1:-}" = "--shell" ]; then
	echo "$LINKSCOPE_TEST_PG"
	while :; do sleep 3600 & wait $!; done # wait: a signal stops it at once
fi
"$@"
