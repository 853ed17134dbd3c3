# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this file
# Shared by ops/up and ops/down: paths, settings and the PostgreSQL helpers. Source it; it defines, it runs nothing.
# Settings (environment): DOSSIERTRACKER_PG=auto|compose|local (default auto), TRACKER_PORT (5080), PG_PORT (5433),
# POSTGRES_IMAGE (postgres:16, for compose).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data_dir="$root/.data"
api_dir="$root/src/DossierTracker.Api"
api_dll="$api_dir/bin/Release/net10.0/DossierTracker.Api.dll"

tracker_port="${TRACKER_PORT:-5080}"
tracker_url="http://127.0.0.1:$tracker_port"
tracker_pid_file="$data_dir/tracker.pid"
tracker_log="$data_dir/tracker.log"
keys_file="$data_dir/demo-keys.env"
# The live traffic simulator ops/up starts and ops/down stops.
simulator_pid_file="$data_dir/simulator.pid"
# The demo mail server (src/DossierTracker.DemoMail): the tracker's emails go to its SMTP port, a page shows them.
mail_smtp_port="${MAIL_SMTP_PORT:-2525}"
mail_web_port="${MAIL_WEB_PORT:-8025}"
mail_pid_file="$data_dir/demo-mail.pid"
mail_dll="$root/src/DossierTracker.DemoMail/bin/Release/net10.0/DossierTracker.DemoMail.dll"

pg_port="${PG_PORT:-5433}"
pg_db=dossiertracker
pg_user=dossiertracker
pg_password=dossiertracker
connection_string="Host=127.0.0.1;Port=$pg_port;Database=$pg_db;Username=$pg_user;Password=$pg_password"
# Which PostgreSQL ops/up started ("compose" or "local"), and where a local cluster keeps its data.
pg_mode_file="$data_dir/pg-mode"
pg_location_file="$data_dir/pg-location"
export POSTGRES_IMAGE="${POSTGRES_IMAGE:-postgres:16}"

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Closes every descriptor the script inherited besides stdin, stdout and stderr (and 255, bash's own). Run under
# `flock LOCK ops/bench/run`, the lock's descriptor is inherited, and a PostgreSQL or tracker that ops/up starts in the
# background would keep it, and so the lock, for as long as it runs: every other benchmark then waits forever.
close_inherited_descriptors() {
  local path fd
  for path in /proc/$$/fd/*; do
    fd="${path##*/}"
    if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-"; fi
  done
}

# --- Docker Compose -------------------------------------------------------------------------------------------------

# Prints the compose command ("docker compose" or "docker-compose") when one is installed and an engine answers.
compose_command() {
  if docker compose version >/dev/null 2>&1 && docker info >/dev/null 2>&1; then echo "docker compose"; return 0; fi
  if command -v docker-compose >/dev/null 2>&1 && docker-compose version >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    echo "docker-compose"; return 0
  fi
  return 1
}

compose() {
  local cmd
  cmd="$(compose_command)" || die "Docker Compose is not available."
  # The project is named here, not in compose.yaml (docker-compose 1.x, Debian's, refuses a top-level "name").
  # shellcheck disable=SC2086 # the command is one or two words on purpose
  (cd "$root" && $cmd -p dossiertracker -f compose.yaml "$@")
}

postgres_image_available() {
  docker image inspect "$POSTGRES_IMAGE" >/dev/null 2>&1 && return 0
  note "Pulling $POSTGRES_IMAGE (60 s at most) ..."
  timeout 60 docker pull -q "$POSTGRES_IMAGE" >/dev/null 2>&1
}

# --- A private PostgreSQL cluster from the machine's own packages ---------------------------------------------------

# Prints the bin directory of the newest installed PostgreSQL 15 or later.
find_pg_bin() {
  local dir version best="" best_version=0
  for dir in /usr/lib/postgresql/*/bin; do
    if [ ! -x "$dir/initdb" ] || [ ! -x "$dir/pg_ctl" ]; then continue; fi
    version="$(basename "$(dirname "$dir")")"
    version="${version%%.*}"
    if [ "$version" -ge 15 ] 2>/dev/null && [ "$version" -gt "$best_version" ]; then best="$dir"; best_version="$version"; fi
  done
  if [ -z "$best" ] && command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    version="$(pg_ctl --version | grep -oE '[0-9]+' | head -1)"
    [ "${version:-0}" -ge 15 ] && best="$(dirname "$(command -v pg_ctl)")"
  fi
  [ -n "$best" ] && echo "$best"
}

# The OS user that owns and runs the cluster: postgres when we are root (PostgreSQL refuses to run as root), else us.
pg_os_user() { if is_root; then echo postgres; else id -un; fi; }

as_pg_user() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the local cluster's data lives: .data/pg, unless a parent folder of the repository is closed to the postgres
# user, in which case a folder of postgres's own (recorded in .data/pg-location so ops/down finds it).
local_pg_data() {
  if [ -s "$pg_location_file" ]; then cat "$pg_location_file"; else echo "$data_dir/pg"; fi
}

# Prints the socket directory for a data directory: inside it (only its owner can enter) unless the path is too long.
pg_socket_dir() {
  local pgdata="$1"
  if [ "${#pgdata}" -lt 90 ]; then echo "$pgdata"; else echo /tmp; fi
}

local_pg_running() {
  local bin pgdata
  bin="$(find_pg_bin)" || return 1
  pgdata="$(local_pg_data)"
  [ -f "$pgdata/PG_VERSION" ] && as_pg_user "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1
}

# True when the tracker's PostgreSQL answers at 127.0.0.1:$pg_port with the tracker's own login.
tracker_db_answers() {
  local psql
  psql="$(command -v psql || echo "$(find_pg_bin)/psql")"
  [ -x "$psql" ] || return 1
  PGPASSWORD="$pg_password" PGCONNECT_TIMEOUT=3 "$psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d "$pg_db" -XtAc 'select 1' >/dev/null 2>&1
}

# --- The tracker ----------------------------------------------------------------------------------------------------

tracker_pid() {
  local pid
  [ -s "$tracker_pid_file" ] || return 1
  pid="$(cat "$tracker_pid_file")"
  # A pid file can outlive its process, and the number can be reused: check that it is still our service.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'DossierTracker.Api.dll'; then
    echo "$pid"; return 0
  fi
  return 1
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

tracker_ready() { [ "$(http_status "$tracker_url/health/ready")" = 200 ]; }
