# Sourced by scripts/test: a throwaway PostgreSQL cluster for the tests that run on PostgreSQL.
# Exports SMMKPI_TEST_POSTGRES_URL; the cluster is stopped and its folder removed on exit.
# initdb and pg_ctl refuse to run as root: as root they run as the postgres user.
# Already set (a server of your own)? It is used as it is. SMMKPI_PG_SERVER_OPTS replaces the
# server options (the tests turn durability off for speed; the benchmark keeps the defaults).
if [[ -z ${SMMKPI_TEST_POSTGRES_URL:-} ]]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [[ -z $pg_bin || ! -x $pg_bin/initdb ]]; then
    echo "postgres.setup.sh: PostgreSQL is not installed (apt-get install postgresql); the PostgreSQL tests will be skipped" >&2
  else
    pg_as() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    pg_dir=$(mktemp -d /tmp/smmkpi-pg.XXXXXX)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$pg_dir"
    pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    pg_pass=test-$RANDOM$RANDOM
    echo "$pg_pass" > "$pg_dir/pw"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$pg_dir/pw"
    pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U smmkpi --pwfile="$pg_dir/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    on_cleanup "rm -rf '$pg_dir'"
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 ${SMMKPI_PG_SERVER_OPTS--c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off}" start >/dev/null
    on_cleanup "pg_as '$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop >/dev/null"
    PGPASSWORD=$pg_pass "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U smmkpi -d postgres -qc "CREATE DATABASE smmkpi_test" >/dev/null
    export SMMKPI_TEST_POSTGRES_URL="postgres://smmkpi:$pg_pass@127.0.0.1:$pg_port/smmkpi_test"
    echo "postgres.setup.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
  fi
fi
