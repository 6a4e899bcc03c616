#!/usr/bin/env bash
# Runs a command with throwaway PostgreSQL and MariaDB servers:
#
#   scripts/with-test-databases.sh CMD [ARGS...]
#
# Installs the server packages if they are missing (Debian), starts both
# servers on free ports of 127.0.0.1 with their data in one temporary folder,
# exports MIGRATE_TEST_POSTGRESQL_URL and MIGRATE_TEST_MYSQL_URL, runs CMD, and
# exits with CMD's status. Beside PostgreSQL it starts PgBouncer in
# transaction pooling mode (MIGRATE_TEST_PGBOUNCER_URL) and a hot standby
# streaming from it (MIGRATE_TEST_POSTGRESQL_STANDBY_URL). The servers are stopped and the folder removed
# however the script ends: CMD failing, Ctrl-C, or a TERM from a CI timeout.
#
# A developer with servers of their own sets both variables before calling:
# then nothing is installed or started and CMD runs against those servers.
set -euo pipefail

# A fixed password: these servers live for one run, listen on loopback only,
# and the tests need a real password so that they can check a wrong one fails.
readonly PASSWORD=migrate-test-pw
# How long a server may take to accept connections before we give up.
readonly START_TIMEOUT_SECONDS=60
# How many times to retry a start whose port was taken between probe and bind.
readonly PORT_ATTEMPTS=5

log() { echo "with-test-databases: $*" >&2; }
die() { log "$*"; exit 1; }

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 64
fi

if [ -n "${MIGRATE_TEST_POSTGRESQL_URL:-}" ] && [ -n "${MIGRATE_TEST_MYSQL_URL:-}" ]; then
  log "MIGRATE_TEST_POSTGRESQL_URL and MIGRATE_TEST_MYSQL_URL are set: using those servers, starting none."
  exec "$@"
fi

scripts_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/ensure-packages.sh
source "$scripts_dir/ensure-packages.sh"

is_root() { [ "$(id -u)" -eq 0 ]; }

# --- Lifecycle: everything started is recorded here so cleanup can stop it.

work_dir=""
postgresql_bin=""
postgresql_dir=""
mariadb_dir=""
mariadb_pid=""
command_pid=""
postgresql_port=""
pgbouncer_port=""
pgbouncer_pid=""
standby_port=""
started_port=""
standby_dir=""
mariadb_port=""
mariadb_version=""

# shellcheck disable=SC2317  # only called from the EXIT trap
stop_postgresql() {
  [ -n "$postgresql_dir" ] || return 0
  stop_cluster "$postgresql_dir/data" fast
}

# Stops the PostgreSQL cluster in folder $1 (pg_ctl mode $2), if it runs.
# shellcheck disable=SC2317  # only called from cleanup
stop_cluster() {
  local data=$1 mode=$2
  [ -f "$data/postmaster.pid" ] || return 0
  as_postgres "$postgresql_bin/pg_ctl" --pgdata="$data" \
    --mode="$mode" --wait --timeout=30 stop >/dev/null 2>&1 && return 0
  # A server that will not stop cleanly must still not outlive the script.
  local pid
  pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null) || return 0
  if [ -n "$pid" ]; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
}

stop_mariadb() {
  [ -n "$mariadb_pid" ] || return 0
  # mariadbd removes its pid file as the last step of a clean shutdown. With
  # no pid file it is still starting (we were interrupted) and TERM may not be
  # handled yet, so it gets KILL at once.
  if [ -f "$mariadb_dir/mysqld.pid" ]; then
    kill -TERM "$mariadb_pid" 2>/dev/null || true
    local tenths=0
    while [ -f "$mariadb_dir/mysqld.pid" ] && [ "$tenths" -lt 300 ]; do
      sleep 0.1
      tenths=$((tenths + 1))
    done
  fi
  kill -KILL "$mariadb_pid" 2>/dev/null || true
  # mariadbd is our child: reap it, or it lingers as a zombie.
  wait "$mariadb_pid" 2>/dev/null || true
  mariadb_pid=""
}

# shellcheck disable=SC2317  # runs from the EXIT trap
cleanup() {
  local status=$?
  # Cleanup must run to the end whatever fails in it.
  set +e
  trap - EXIT INT TERM HUP
  stop_mariadb
  stop_pgbouncer
  stop_standby
  stop_postgresql
  [ -n "$work_dir" ] && rm -rf "$work_dir"
  exit "$status"
}

# INT/TERM/HUP: stop CMD first (it runs in the background, see the end), then
# exit with the conventional 128+signal status, which runs cleanup via EXIT.
# shellcheck disable=SC2317  # runs from the signal traps
interrupted() {
  local status=$1
  trap - INT TERM HUP
  if [ -n "$command_pid" ]; then
    kill -TERM "$command_pid" 2>/dev/null || true
    wait "$command_pid" 2>/dev/null || true
  fi
  exit "$status"
}

trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM
trap 'interrupted 129' HUP

# --- Ports

# A port is free when nothing accepts a connection on it. The probe and the
# server's bind are not atomic, so the starters also retry on "address in use".
port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Below Linux's ephemeral range (32768+), so outgoing connections do not hold it.
pick_free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if port_is_free "$port"; then
      echo "$port"
      return 0
    fi
  done
  die "found no free TCP port on 127.0.0.1 after $attempt tries"
}

show_log_tail() {
  local file=$1
  [ -f "$file" ] || return 0
  log "last lines of ${file#"$work_dir"/}:"
  tail -n 30 "$file" | sed 's/^/    /' >&2
}

# --- PostgreSQL

# initdb and postgres refuse to run as root: as root they run as `postgres`.
as_postgres() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Prefers 15 (the version the project targets), then pg_config's, then the newest.
find_postgresql_bin() {
  local candidate installed=()
  mapfile -t installed < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r)
  for candidate in /usr/lib/postgresql/15/bin \
    "$(pg_config --bindir 2>/dev/null || true)" "${installed[@]}"; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  done
  die "found no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin"
}

start_postgresql() {
  postgresql_bin=$(find_postgresql_bin)
  postgresql_dir=$work_dir/postgresql
  mkdir -m 700 "$postgresql_dir"
  if is_root; then chown postgres:postgres "$postgresql_dir"; fi

  # initdb reads the superuser's password from a file, never from argv.
  (umask 077 && printf '%s\n' "$PASSWORD" >"$postgresql_dir/password")
  if is_root; then chown postgres:postgres "$postgresql_dir/password"; fi

  # Socket logins are trusted (only this user can reach the folder); TCP
  # logins need the password, so a wrong one is refused as in production.
  if ! as_postgres "$postgresql_bin/initdb" --pgdata="$postgresql_dir/data" \
    --username=postgres --pwfile="$postgresql_dir/password" \
    --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-locale --no-sync >"$postgresql_dir/initdb.log" 2>&1; then
    show_log_tail "$postgresql_dir/initdb.log"
    die "PostgreSQL initdb failed"
  fi

  # Durability is worthless for a server that is deleted after the run, and
  # its fsyncs slow a suite that creates and drops many databases. Parallel query is off because
  # containers often have a small /dev/shm that its workers run out of.
  cat >>"$postgresql_dir/data/postgresql.conf" <<EOF

# Added by scripts/with-test-databases.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$postgresql_dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
max_parallel_workers_per_gather = 0
EOF

  start_cluster "$postgresql_dir/data" server pg_ctl PostgreSQL
  postgresql_port=$started_port
}

# Starts the PostgreSQL cluster in folder $1 on a free port (in
# $started_port), logging to $2.log and $3.log in $postgresql_dir; $4 names
# it in messages.
start_cluster() {
  local data=$1 server_log=$postgresql_dir/$2.log ctl_log=$postgresql_dir/$3.log label=$4 attempt port
  for attempt in $(seq 1 "$PORT_ATTEMPTS"); do
    port=$(pick_free_port)
    # pg_ctl (running as postgres) creates the log; a root-owned one would
    # not be writable for it.
    rm -f "$server_log"
    if as_postgres "$postgresql_bin/pg_ctl" --pgdata="$data" \
      --log="$server_log" --options="-p $port" \
      --wait --timeout="$START_TIMEOUT_SECONDS" start >"$ctl_log" 2>&1; then
      started_port=$port
      return 0
    fi
    grep -q "already in use" "$server_log" 2>/dev/null || break
    log "$label port $port was taken; trying another (attempt $attempt)"
  done
  show_log_tail "$ctl_log"
  show_log_tail "$server_log"
  die "$label did not start (pg_ctl waits at most ${START_TIMEOUT_SECONDS}s)"
}

# --- PgBouncer, in transaction pooling mode, in front of that PostgreSQL.
#
# Every database of the server is reachable through it under its own name
# (`* =`). The pool is smaller than the number of clients the tests open, so
# consecutive transactions of one client really do land on different server
# connections. Clients log in with the same password as on the server.

# shellcheck disable=SC2317  # only called from cleanup
stop_pgbouncer() {
  [ -n "$pgbouncer_pid" ] || return 0
  # As root $pgbouncer_pid is runuser, which does not pass TERM on:
  # pgbouncer itself is the pid in its pid file.
  local pid
  pid=$(cat "$work_dir/pgbouncer/pgbouncer.pid" 2>/dev/null) || true
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
  kill -TERM "$pgbouncer_pid" 2>/dev/null || true
  wait "$pgbouncer_pid" 2>/dev/null || true
  pgbouncer_pid=""
}

start_pgbouncer() {
  local program dir attempt port tenths
  program=$(find_program pgbouncer)
  dir=$work_dir/pgbouncer
  mkdir -m 700 "$dir"
  (umask 077 && printf '"postgres" "%s"\n' "$PASSWORD" >"$dir/userlist.txt")
  if is_root; then chown postgres:postgres "$dir" "$dir/userlist.txt"; fi
  for attempt in $(seq 1 "$PORT_ATTEMPTS"); do
    port=$(pick_free_port)
    cat >"$dir/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$postgresql_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $dir/userlist.txt
pool_mode = transaction
default_pool_size = 3
max_client_conn = 400
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
ignore_startup_parameters = extra_float_digits,options
EOF
    # pgbouncer refuses to run as root. It runs in the foreground, as our child.
    as_postgres "$program" "$dir/pgbouncer.ini" </dev/null >>"$dir/stdout.log" 2>&1 &
    pgbouncer_pid=$!
    tenths=0
    while [ "$tenths" -lt 100 ] && kill -0 "$pgbouncer_pid" 2>/dev/null && port_is_free "$port"; do
      sleep 0.1
      tenths=$((tenths + 1))
    done
    if kill -0 "$pgbouncer_pid" 2>/dev/null && ! port_is_free "$port"; then
      pgbouncer_port=$port
      return 0
    fi
    stop_pgbouncer
    grep -qs "in use" "$dir/pgbouncer.log" "$dir/stdout.log" || break
    log "PgBouncer port $port was taken; trying another (attempt $attempt)"
  done
  show_log_tail "$dir/pgbouncer.log"
  show_log_tail "$dir/stdout.log"
  die "PgBouncer did not start"
}

# --- A hot standby of that PostgreSQL, made by pg_basebackup -R (streaming
# replication over the socket). Tests check that writing commands refuse it.

# shellcheck disable=SC2317  # only called from cleanup
stop_standby() {
  [ -n "$standby_dir" ] || return 0
  stop_cluster "$standby_dir" immediate
}

start_standby() {
  standby_dir=$postgresql_dir/standby
  # -R writes standby.signal and primary_conninfo (this socket and port).
  # The replication slot (-C -S) keeps the primary's WAL until the standby has
  # it: without one, the whole suite's WAL can be recycled before the standby
  # streams it, and the standby stops replaying for good.
  if ! as_postgres "$postgresql_bin/pg_basebackup" --host="$postgresql_dir" --port="$postgresql_port" \
    --username=postgres --pgdata="$standby_dir" --write-recovery-conf --wal-method=stream \
    --create-slot --slot=migrate_test_standby \
    --checkpoint=fast --no-sync >"$postgresql_dir/basebackup.log" 2>&1; then
    show_log_tail "$postgresql_dir/basebackup.log"
    die "pg_basebackup for the standby failed"
  fi
  start_cluster "$standby_dir" standby standby_ctl "The PostgreSQL standby"
  standby_port=$started_port
}

# --- MariaDB

# mariadbd lives in /usr/sbin, which is not on an ordinary user's PATH.
find_program() {
  local name
  for name in "$@"; do
    PATH="$PATH:/usr/sbin:/usr/local/sbin:/usr/libexec" command -v "$name" && return 0
  done
  die "found none of: $*"
}

start_mariadb() {
  local server install_db admin client user
  server=$(find_program mariadbd mysqld)
  install_db=$(find_program mariadb-install-db mysql_install_db)
  admin=$(find_program mariadb-admin mysqladmin)
  client=$(find_program mariadb mysql)
  user=$(id -un)
  mariadb_version=$("$server" --no-defaults --version | awk '{print $3}')
  mariadb_dir=$work_dir/mariadb
  mkdir -m 700 "$mariadb_dir"
  local socket=$mariadb_dir/mysqld.sock

  # --no-defaults everywhere: the machine's /etc/mysql/my.cnf is for its own
  # server (port 3306, /run/mysqld) and must not leak into this one.
  # "normal" authentication gives root a password-based account that the
  # password set below protects, instead of unix_socket authentication.
  if ! "$install_db" --no-defaults --datadir="$mariadb_dir/data" --user="$user" \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
    >"$mariadb_dir/install.log" 2>&1; then
    show_log_tail "$mariadb_dir/install.log"
    die "mariadb-install-db failed"
  fi

  local attempt port deadline outcome
  for attempt in $(seq 1 "$PORT_ATTEMPTS"); do
    port=$(pick_free_port)
    rm -f "$mariadb_dir/server.log"
    # The character set matches Debian's packaged server (not the compiled-in
    # latin1). Connections: eight test processes with several each, plus
    # lock-contention tests. Durability is off as for PostgreSQL.
    "$server" --no-defaults --user="$user" \
      --datadir="$mariadb_dir/data" --port="$port" --bind-address=127.0.0.1 \
      --socket="$socket" --pid-file="$mariadb_dir/mysqld.pid" \
      --log-error="$mariadb_dir/server.log" --skip-name-resolve \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --max-connections=500 \
      --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
      </dev/null >>"$mariadb_dir/stdout.log" 2>&1 &
    mariadb_pid=$!

    deadline=$((SECONDS + START_TIMEOUT_SECONDS))
    # `ping` succeeds as soon as the server answers, even before root has a
    # password; the socket is created only once it accepts connections.
    until "$admin" --no-defaults --protocol=socket --socket="$socket" --user=root \
      --connect-timeout=2 ping >/dev/null 2>&1; do
      if ! kill -0 "$mariadb_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
        break
      fi
      sleep 0.2
    done

    if [ -S "$socket" ] && kill -0 "$mariadb_pid" 2>/dev/null; then
      mariadb_port=$port
      break
    fi
    outcome="exited while starting"
    kill -0 "$mariadb_pid" 2>/dev/null && outcome="did not accept connections within ${START_TIMEOUT_SECONDS}s"
    stop_mariadb
    if ! grep -qE "already in use|Bind on TCP/IP port" "$mariadb_dir/server.log" 2>/dev/null; then
      show_log_tail "$mariadb_dir/server.log"
      die "MariaDB $outcome"
    fi
    log "MariaDB port $port was taken; trying another (attempt $attempt)"
  done
  [ -n "$mariadb_port" ] || die "MariaDB found no free port in $PORT_ATTEMPTS attempts"

  # With --skip-name-resolve a TCP client from 127.0.0.1 is root@127.0.0.1,
  # not root@localhost (which is the socket). Both get the password; the other
  # root accounts mariadb-install-db makes (::1, the host name) cannot be
  # reached on a server bound to 127.0.0.1 only.
  if ! "$client" --no-defaults --protocol=socket --socket="$socket" --user=root \
    >>"$mariadb_dir/install.log" 2>&1 <<SQL; then
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
ALTER USER 'root'@'localhost' IDENTIFIED BY '$PASSWORD';
SQL
    show_log_tail "$mariadb_dir/install.log"
    die "could not set the MariaDB root password"
  fi
}

# --- Main

# Only Debian-like systems can be provisioned; elsewhere the servers' programs
# must already be installed (the errors below say which one is missing).
if command -v dpkg-query >/dev/null; then
  ensure_packages "${BUILD_PACKAGES[@]}" postgresql pgbouncer mariadb-server mariadb-client
fi

# One folder for both servers, so one `rm -rf` removes everything. 0711: the
# postgres user must pass through it to reach its own subfolder, but need not
# list it.
work_dir=$(mktemp -d "${TMPDIR:-/tmp}/migrate-test-databases.XXXXXX")
chmod 711 "$work_dir"
if is_root && ! runuser -u postgres -- test -x "$work_dir"; then
  # $TMPDIR sits below a folder the postgres user cannot enter (e.g. /root).
  rm -rf "$work_dir"
  work_dir=$(mktemp -d /tmp/migrate-test-databases.XXXXXX)
  chmod 711 "$work_dir"
fi

if [ -z "${MIGRATE_TEST_POSTGRESQL_URL:-}" ]; then
  start_postgresql
  export MIGRATE_TEST_POSTGRESQL_URL="postgresql://postgres:$PASSWORD@127.0.0.1:$postgresql_port/postgres"
  log "PostgreSQL $("$postgresql_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$postgresql_port"
  start_pgbouncer
  export MIGRATE_TEST_PGBOUNCER_URL="postgresql://postgres:$PASSWORD@127.0.0.1:$pgbouncer_port/postgres"
  log "PgBouncer (pool_mode = transaction) on 127.0.0.1:$pgbouncer_port"
  start_standby
  export MIGRATE_TEST_POSTGRESQL_STANDBY_URL="postgresql://postgres:$PASSWORD@127.0.0.1:$standby_port/postgres"
  log "PostgreSQL hot standby on 127.0.0.1:$standby_port"
else
  log "PostgreSQL: using MIGRATE_TEST_POSTGRESQL_URL as set"
fi

if [ -z "${MIGRATE_TEST_MYSQL_URL:-}" ]; then
  start_mariadb
  export MIGRATE_TEST_MYSQL_URL="mysql://root:$PASSWORD@127.0.0.1:$mariadb_port/"
  log "MariaDB $mariadb_version on 127.0.0.1:$mariadb_port"
else
  log "MariaDB: using MIGRATE_TEST_MYSQL_URL as set"
fi
log "data and server logs in $work_dir (removed on exit)"

# CMD runs in the background so that a TERM to this script is handled at once
# (bash defers traps until a foreground child exits) and passed on to CMD.
# A background command's stdin would be /dev/null: hand it ours through fd 3.
exec 3<&0
"$@" <&3 3<&- &
command_pid=$!
exec 3<&-
status=0
wait "$command_pid" || status=$?
command_pid=""
exit "$status"
