#!/usr/bin/env bash
# Makes a PostgreSQL server available on 127.0.0.1 for the storage tests' PostgreSQL half, using
# Debian's packages (postgresql-common's cluster tools), and prints its Npgsql connection string:
#
#   export ASHBRIDGE_TEST_POSTGRES="$(eng/postgres.sh)"
#
# Idempotent: installs only what is missing, creates a cluster only if there is none, starts it only
# if it is down. Stdout carries exactly one line (the connection string); progress goes to stderr.
set -euo pipefail

# Installing packages and acting as the postgres user need root; re-run under sudo when not root.
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "postgres.sh: run as root (or install sudo)." >&2; exit 1; }
  exec sudo -- bash "$0" "$@"
fi

log() { echo "postgres.sh: $*" >&2; }

server_binaries() { compgen -G '/usr/lib/postgresql/*/bin/postgres' || true; }

# Runs with stdout sent to stderr (see the end), so that only the result line reaches stdout.
setup() {
  # 1. Install Debian's server (and with it the client and the pg_* cluster tools) if anything is missing.
  if ! command -v pg_ctlcluster >/dev/null || ! command -v pg_isready >/dev/null \
     || ! command -v psql >/dev/null || [ -z "$(server_binaries)" ]; then
    log "installing Debian's postgresql package"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
  fi

  # 2. The newest installed major version, and its cluster ("main" if there is one; created if none).
  ver=$(server_binaries | awk -F/ '{print $5}' | sort -V | tail -n 1)
  [ -n "$ver" ] || { log "no PostgreSQL server binaries under /usr/lib/postgresql"; exit 1; }
  cluster() { pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" {m = $0} $1 == v && f == "" {f = $0} END {print (m != "" ? m : f)}'; }
  if [ -z "$(cluster)" ]; then
    log "creating cluster $ver/main"
    pg_createcluster "$ver" main
  fi
  read -r _ name port status _ < <(cluster)

  # 3. Start it if it is down (the package's own start is skipped in containers without an init system).
  if [[ $status != online* ]]; then
    log "starting cluster $ver/$name on port $port"
    # Another caller may start it at the same moment; only a cluster that is still down is an error.
    pg_ctlcluster "$ver" "$name" start || [[ $(cluster | awk '{print $4}') == online* ]] \
      || { log "could not start $ver/$name; see /var/log/postgresql/postgresql-$ver-$name.log"; exit 1; }
  fi

  # 4. Wait until it accepts TCP connections on 127.0.0.1 (bounded: 60 x 0.5 s).
  for _ in $(seq 60); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.5
  done
  pg_isready -h 127.0.0.1 -p "$port" \
    || { log "the server does not accept connections on 127.0.0.1:$port (check listen_addresses)"; exit 1; }

  # 5. Give the postgres role a known password, over the local socket with peer auth (no password needed).
  (cd / && su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $port") <<< "ALTER ROLE postgres PASSWORD 'postgres';"

  # 6. Make sure password auth over TCP works. Debian's pg_hba.conf has
  #    "host all all 127.0.0.1/32 scram-sha-256"; if a changed file lacks it, put such a line first.
  can_connect() { PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'select 1' >/dev/null; }
  if ! can_connect; then
    hba=$(cd / && su postgres -c "psql -X -tA -p $port -c 'show hba_file'")
    marker="# added by Ashbridge's eng/postgres.sh"
    if ! grep -qF "$marker" "$hba"; then
      log "allowing password auth for postgres on 127.0.0.1 in $hba"
      sed -i "1i host all postgres 127.0.0.1/32 scram-sha-256 $marker" "$hba"
    fi
    pg_ctlcluster "$ver" "$name" reload
    can_connect || { log "cannot connect as postgres/postgres to 127.0.0.1:$port"; exit 1; }
  fi

  log "PostgreSQL $ver ($ver/$name) ready on 127.0.0.1:$port"
}

# Not "exec 1>&2" plus a saved descriptor: the server started above would inherit that descriptor
# and hold the caller's $(...) pipe open forever. Bash's own save of stdout here is close-on-exec.
setup >&2
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres"
