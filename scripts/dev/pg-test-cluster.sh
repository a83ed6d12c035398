#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server tests (crm-app/server runs them on PGlite and on a real PostgreSQL).
#
#   bash scripts/dev/pg-test-cluster.sh start   # installs PostgreSQL if missing, starts the cluster, prints its URL
#   bash scripts/dev/pg-test-cluster.sh url     # prints the URL (fails if the cluster is not running)
#   bash scripts/dev/pg-test-cluster.sh stop    # stops the cluster and deletes its data
#
#   export TEST_DATABASE_URL=$(bash scripts/dev/pg-test-cluster.sh start)
#
# stdout carries only the URL, so `$(...)` works; progress goes to stderr. `start` on a running cluster just prints
# the URL. The cluster lives in /tmp, belongs to the `postgres` user (PostgreSQL refuses to run as root), listens on
# 127.0.0.1 only, keeps its socket in its own directory, and is not meant to hold anything worth keeping.
# Overrides: PG_TEST_PORT (default 55432), PG_TEST_DIR (default /tmp/closer-pg-test).
set -euo pipefail

PORT=${PG_TEST_PORT:-55432}
BASE=${PG_TEST_DIR:-/tmp/closer-pg-test}
DATA=$BASE/data
LOG=$BASE/postgres.log
DB_NAME=closer_test
DB_USER=closer_test
# Not a secret: the cluster only accepts connections from this machine and holds test data only.
DB_PASSWORD=closer_test
URL="postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"

say() { echo "pg-test-cluster: $*" >&2; }
die() {
  say "$*"
  exit 1
}

bin_dir() {
  local initdb
  initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif [ "$(id -un)" = postgres ]; then
    "$@"
  else
    die "run as root (or as the postgres user): PostgreSQL must run as 'postgres', not as $(id -un)"
  fi
}

ensure_installed() {
  if [ -n "$(bin_dir)" ]; then return; fi
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; as root: apt-get update && apt-get install -y postgresql"
  say "installing PostgreSQL with apt-get (one time)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  [ -n "$(bin_dir)" ] || die "apt-get install postgresql did not provide initdb under /usr/lib/postgresql/*/bin"
}

is_running() {
  local bin
  bin=$(bin_dir) || return 1
  [ -f "$DATA/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$DATA" status > /dev/null 2>&1
}

start() {
  ensure_installed
  local bin
  bin=$(bin_dir)
  if is_running; then
    echo "$URL"
    return
  fi

  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "creating cluster in $DATA ($("$bin/postgres" --version))"
    rm -rf "$BASE"
    mkdir -p "$BASE"
    chown postgres:postgres "$BASE"
    chmod 700 "$BASE"
    local pwfile=$BASE/pwfile
    # initdb wants the superuser password in a file; it is the same throwaway password.
    printf '%s\n' "$DB_PASSWORD" > "$pwfile"
    chown postgres:postgres "$pwfile"
    as_postgres "$bin/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" \
      --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 > "$BASE/initdb.log" 2>&1 ||
      die "initdb failed: $(tail -n 20 "$BASE/initdb.log")"
    rm -f "$pwfile"
    # Tests open many short connections in parallel; fsync is pointless for throwaway data.
    cat >> "$DATA/postgresql.conf" << EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$BASE'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    local fresh=1
  fi

  say "starting on 127.0.0.1:$PORT"
  # 9>&-: the server must not inherit the lock below, or it would hold it for its whole life.
  as_postgres "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 start > /dev/null 9>&- ||
    die "PostgreSQL did not start (is port $PORT taken?): $(tail -n 20 "$LOG" 2>/dev/null)"

  if [ -n "${fresh:-}" ]; then
    as_postgres "$bin/psql" -h "$BASE" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q > /dev/null << EOF
CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD';
CREATE DATABASE $DB_NAME OWNER $DB_USER;
EOF
    say "created database $DB_NAME owned by $DB_USER"
  fi
  echo "$URL"
}

stop() {
  local bin
  bin=$(bin_dir) || true
  if [ -n "$bin" ] && is_running; then
    say "stopping"
    as_postgres "$bin/pg_ctl" -D "$DATA" -m fast -w stop > /dev/null
  fi
  rm -rf "$BASE"
  say "removed $BASE"
}

url() {
  is_running || die "not running; start it with: bash scripts/dev/pg-test-cluster.sh start"
  echo "$URL"
}

command=${1:-}
case "$command" in
  start | stop | url)
    # One caller at a time: parallel test runs may all try to start the cluster.
    mkdir -p "$(dirname "$BASE")"
    exec 9> "$BASE.lock"
    flock 9
    "$command"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
