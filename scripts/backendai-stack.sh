#!/usr/bin/env bash
# Real Backend.AI manager 23.09.10 (+ webserver, + Python client SDK) on loopback,
# for integration tests. Debian 12, run as root (CI) or as a user with sudo-less
# access to the installed binaries (then PostgreSQL runs as that user).
#
#   backendai-stack.sh install   # apt packages + venv with pinned Backend.AI 23.09.10 (skips what is there)
#   backendai-stack.sh start     # fresh data dirs, start pg/redis/etcd, schema+fixtures, manager, webserver
#   backendai-stack.sh stop      # stop everything by recorded PID
#   backendai-stack.sh env       # print the env vars tests need
#
# Everything listens on 127.0.0.1 only. Ports are overridable by env vars.
set -euo pipefail

BAI_DIR=${BAI_DIR:-/tmp/bai-stack}            # venv + state live here; must be enterable by the postgres user
PYTHON=${PYTHON:-python3}                      # must be CPython 3.11 (23.09.x requires >=3.11,<3.12)
BAI_VERSION=${BAI_VERSION:-23.9.10}
PG_PORT=${PG_PORT:-15432}
REDIS_PORT=${REDIS_PORT:-16379}
ETCD_PORT=${ETCD_PORT:-12379}
ETCD_PEER_PORT=${ETCD_PEER_PORT:-12380}
MANAGER_PORT=${MANAGER_PORT:-18081}
WEBSERVER_PORT=${WEBSERVER_PORT:-18090}
AIOMON_TERM_PORT=${AIOMON_TERM_PORT:-18100}
AIOMON_WEB_PORT=${AIOMON_WEB_PORT:-18200}
WITH_WEBSERVER=${WITH_WEBSERVER:-1}
START_TIMEOUT=${START_TIMEOUT:-60}

VENV=$BAI_DIR/venv
RUN=$BAI_DIR/run            # wiped on every start
CFG=$RUN/cfg
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Fixture keys: the well-known Backend.AI example keypairs.
ADMIN_AK=AKIAIOSFODNN7EXAMPLE;  ADMIN_SK=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
USER_AK=AKIANABBDUSEREXAMPLE;   USER_SK=C8qnIo29EZvXkPK_MXcuAakYTy4NYrxwmCEyNPlf
ADMIN_EMAIL=admin@lablup.com;   ADMIN_PW=wJalrXUt
USER_EMAIL=user@lablup.com;     USER_PW=C8qnIo29
DB_USER=bai; DB_PW=bai-test-pw; DB_NAME=backend

log() { echo "[bai-stack $(date +%T)] $*" >&2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_http() {  # url timeout_s name pidfile
  local url=$1 t=$2 name=$3 pidf=$4 i
  for ((i = 0; i < t * 4; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; then return 0; fi
    if [ -n "$pidf" ] && ! alive "$(cat "$pidf")"; then
      log "$name died; last log lines:"; tail -40 "$RUN/$name.log" >&2; return 1
    fi
    sleep 0.25
  done
  log "$name not ready after ${t}s"; tail -40 "$RUN/$name.log" >&2; return 1
}

cmd_install() {
  local t0=$SECONDS
  local have_packages=1
  for binary in redis-server etcd etcdctl curl; do command -v "$binary" >/dev/null || have_packages=0; done
  [ -n "$PGBIN" ] || have_packages=0
  if [ "$(id -u)" = 0 ] && [ "$have_packages" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      postgresql redis-server etcd-server etcd-client curl python3-venv >/dev/null
  fi
  "$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11), f"need CPython 3.11, got {sys.version}"'
  mkdir -p "$BAI_DIR"
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  if "$VENV/bin/python" -c 'import ai.backend.manager.server, ai.backend.web.server, ai.backend.client' 2>/dev/null \
    && "$VENV/bin/pip" show backend.ai-manager 2>/dev/null | grep -x "Version: $BAI_VERSION" >/dev/null; then
    log "Backend.AI $BAI_VERSION already installed in $VENV"
    return 0
  fi
  "$VENV/bin/pip" install -q --upgrade 'pip<25'
  local cons=()
  [ -f "$SCRIPT_DIR/backendai-constraints-$BAI_VERSION.txt" ] && cons=(-c "$SCRIPT_DIR/backendai-constraints-$BAI_VERSION.txt")
  # yarl pinned to 1.9.4 (tested): with yarl 1.25.1, which pip otherwise picks, aiohttp 3.8.6 answers
  # 500 on every routed request ("Host '127.0.0.1:PORT' cannot contain ':'") and the 23.09
  # client SDK crashes on URL._val. The newest yarl that still works was not searched for.
  "$VENV/bin/pip" install -q "${cons[@]}" \
    "backend.ai-manager==$BAI_VERSION" "backend.ai-client==$BAI_VERSION" \
    "backend.ai-webserver==$BAI_VERSION" 'yarl==1.9.4'
  log "install done in $((SECONDS - t0))s"
}

write_configs() {
  mkdir -p "$CFG" "$RUN/ipc"
  cat > "$CFG/manager.toml" <<EOF
[etcd]
namespace = "local"
addr = { host = "127.0.0.1", port = $ETCD_PORT }
user = ""
password = ""

[db]
type = "postgresql"
addr = { host = "127.0.0.1", port = $PG_PORT }
name = "$DB_NAME"
user = "$DB_USER"
password = "$DB_PW"

[manager]
num-proc = 1
id = "i-bai-local"
service-addr = { host = "127.0.0.1", port = $MANAGER_PORT }
ipc-base-path = "$RUN/ipc"
rpc-auth-manager-keypair = "$CFG/manager.key_secret"
distributed-lock = "pg_advisory"
pid-file = "$RUN/manager.pid"
hide-agents = true
aiomonitor-termui-port = $AIOMON_TERM_PORT
aiomonitor-webui-port = $AIOMON_WEB_PORT

[docker-registry]
ssl-verify = false

[logging]
level = "INFO"
drivers = ["console"]

[logging.pkg-ns]
"" = "WARNING"
"aiohttp" = "INFO"
"ai.backend" = "INFO"

[logging.console]
colored = false
format = "simple"

[debug]
enabled = false
EOF
  cat > "$CFG/alembic.ini" <<EOF
[alembic]
script_location = ai.backend.manager.models:alembic
sqlalchemy.url = postgresql://$DB_USER:$DB_PW@127.0.0.1:$PG_PORT/$DB_NAME

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
formatter = generic

[formatter_generic]
format = %(levelname)s [%(name)s] %(message)s
EOF
  cat > "$CFG/etcd-config.json" <<EOF
{"system": {"timezone": "UTC"}, "redis": {"addr": "127.0.0.1:$REDIS_PORT"}, "api": {"allow-origins": "*"}}
EOF
  # A storage-proxy entry is mandatory in the schema; nothing listens there and
  # the user-config / ssh-keypair APIs never contact it.
  cat > "$CFG/etcd-volumes.json" <<EOF
{"_types": {"user": ""}, "default_host": "local:volume1",
 "proxies": {"local": {"client_api": "http://127.0.0.1:16021", "manager_api": "http://127.0.0.1:16022",
                       "secret": "bai-local-storage-secret", "ssl_verify": "false"}}}
EOF
  cat > "$CFG/fixture.json" <<EOF
{
 "domains": [{"name": "default", "description": "default domain", "is_active": true,
   "total_resource_slots": {}, "allowed_vfolder_hosts": {}, "allowed_docker_registries": []}],
 "keypair_resource_policies": [{"name": "default", "default_for_unspecified": "UNLIMITED",
   "total_resource_slots": {}, "max_session_lifetime": 0, "max_concurrent_sessions": 5,
   "max_containers_per_session": 1, "max_vfolder_count": 10, "max_vfolder_size": 0,
   "idle_timeout": 3600, "allowed_vfolder_hosts": {}}],
 "user_resource_policies": [{"name": "default", "max_vfolder_size": 0, "max_session_count_per_model_session": 10}],
 "project_resource_policies": [{"name": "default", "max_vfolder_size": 0}],
 "groups": [{"id": "2de2b969-1d04-48a6-af16-0bc8adb3c831", "name": "default", "description": "default project",
   "is_active": true, "domain_name": "default", "resource_policy": "default",
   "total_resource_slots": {}, "allowed_vfolder_hosts": {}}],
 "scaling_groups": [{"name": "default", "description": "default", "is_active": true, "driver": "static",
   "driver_opts": {}, "scheduler": "fifo", "scheduler_opts": {}, "use_host_network": false}],
 "sgroups_for_domains": [{"scaling_group": "default", "domain": "default"}],
 "users": [
  {"uuid": "f38dea23-50fa-42a0-b5ae-338f5f4693f4", "username": "admin", "email": "$ADMIN_EMAIL",
   "password": "$ADMIN_PW", "need_password_change": false, "full_name": "Admin", "description": "superadmin",
   "status": "active", "status_info": "admin-requested", "domain_name": "default",
   "resource_policy": "default", "role": "superadmin", "sudo_session_enabled": false},
  {"uuid": "dfa9da54-4b28-432f-be29-c0d680c7a412", "username": "user", "email": "$USER_EMAIL",
   "password": "$USER_PW", "need_password_change": false, "full_name": "User", "description": "user",
   "status": "active", "status_info": "admin-requested", "domain_name": "default",
   "resource_policy": "default", "role": "user", "sudo_session_enabled": false}],
 "association_groups_users": [
  {"group_id": "2de2b969-1d04-48a6-af16-0bc8adb3c831", "user_id": "f38dea23-50fa-42a0-b5ae-338f5f4693f4"},
  {"group_id": "2de2b969-1d04-48a6-af16-0bc8adb3c831", "user_id": "dfa9da54-4b28-432f-be29-c0d680c7a412"}],
 "keypairs": [
  {"user_id": "$ADMIN_EMAIL", "access_key": "$ADMIN_AK", "secret_key": "$ADMIN_SK", "is_active": true,
   "is_admin": true, "resource_policy": "default", "rate_limit": 30000, "num_queries": 0,
   "user": "f38dea23-50fa-42a0-b5ae-338f5f4693f4"},
  {"user_id": "$USER_EMAIL", "access_key": "$USER_AK", "secret_key": "$USER_SK", "is_active": true,
   "is_admin": false, "resource_policy": "default", "rate_limit": 30000, "num_queries": 0,
   "user": "dfa9da54-4b28-432f-be29-c0d680c7a412"}]
}
EOF
  # The manager resolves the request's user through users.main_access_key: without
  # this second pass every signed request is answered 401 "Unauthorized access".
  cat > "$CFG/fixture-main-keys.json" <<EOF
{"__mode": "update", "users": [
  {"uuid": "f38dea23-50fa-42a0-b5ae-338f5f4693f4", "main_access_key": "$ADMIN_AK"},
  {"uuid": "dfa9da54-4b28-432f-be29-c0d680c7a412", "main_access_key": "$USER_AK"}]}
EOF
  cat > "$CFG/webserver.toml" <<EOF
[service]
ip = "127.0.0.1"
port = $WEBSERVER_PORT
mode = "webui"
[service.wsproxy]
url = ""
[resources]
[environments]
[plugin]
[ui]
brand = "Backend.AI local test"
[api]
domain = "default"
endpoint = "http://127.0.0.1:$MANAGER_PORT"
text = "Backend.AI local"
ssl_verify = false
[session]
max_age = 3600
[session.redis]
addr = { host = "127.0.0.1", port = $REDIS_PORT }
db = 10
[webserver]
event-loop = "asyncio"
ipc-base-path = "$RUN/ipc"
pid-file = "$RUN/webserver.pid"
[logging]
level = "INFO"
drivers = ["console"]
[logging.pkg-ns]
"" = "WARNING"
"ai.backend" = "INFO"
[logging.console]
colored = false
format = "simple"
[debug]
enabled = false
EOF
}

cmd_start() {
  local t0=$SECONDS
  [ -x "$VENV/bin/python" ] || { log "run '$0 install' first"; exit 1; }
  [ -n "$PGBIN" ] || { log "PostgreSQL binaries not found"; exit 1; }
  [ -d "$RUN" ] && cmd_stop || true
  rm -rf "$RUN"; mkdir -p "$RUN/pg" "$RUN/etcd" "$RUN/redis"
  chmod 755 "$BAI_DIR" "$RUN"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$RUN/pg"
  write_configs
  local M="$VENV/bin/python -m ai.backend.manager.cli -f $CFG/manager.toml"

  # --- PostgreSQL (own cluster in $RUN/pg, trust auth on loopback only) ---
  as_pg "$PGBIN/initdb" -D "$RUN/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN/initdb.log"
  as_pg "$PGBIN/pg_ctl" -D "$RUN/pg/data" -l "$RUN/pg/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $RUN/pg -c fsync=off -c full_page_writes=off" start >/dev/null
  head -1 "$RUN/pg/data/postmaster.pid" > "$RUN/postgres.pidnum"
  "$PGBIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PW'" -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"

  # --- Redis ---
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$RUN/redis" \
    --daemonize yes --pidfile "$RUN/redis.pidnum" --logfile "$RUN/redis.log"

  # --- etcd (single member) ---
  etcd --name bai --data-dir "$RUN/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "bai=http://127.0.0.1:$ETCD_PEER_PORT" >"$RUN/etcd.log" 2>&1 &
  echo $! > "$RUN/etcd.pidnum"
  for i in $(seq 1 80); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
  wait_http "http://127.0.0.1:$ETCD_PORT/health" 20 etcd "$RUN/etcd.pidnum"
  log "pg/redis/etcd up after $((SECONDS - t0))s"

  # --- manager bootstrap: RPC keypair, schema, fixtures, shared config ---
  $M generate-rpc-keypair "$CFG" manager >/dev/null 2>&1
  (cd "$CFG" && $M schema oneshot -f alembic.ini) >"$RUN/schema.log" 2>&1
  $M fixture populate "$CFG/fixture.json" >"$RUN/fixture.log" 2>&1
  $M fixture populate "$CFG/fixture-main-keys.json" >>"$RUN/fixture.log" 2>&1
  grep -q "Failed to populate" "$RUN/fixture.log" && { cat "$RUN/fixture.log" >&2; exit 1; }
  $M etcd put-json config "$CFG/etcd-config.json" >"$RUN/etcd-put.log" 2>&1
  $M etcd put-json volumes "$CFG/etcd-volumes.json" >>"$RUN/etcd-put.log" 2>&1
  log "schema+fixtures+etcd config done after $((SECONDS - t0))s"

  # --- manager API server ---
  # AgentRegistry builds an aiodocker client at start-up and aborts if no Docker
  # endpoint is configured; it is never contacted by the APIs used here.
  DOCKER_HOST="unix://$RUN/no-docker.sock" "$VENV/bin/python" -m ai.backend.manager.server \
    -f "$CFG/manager.toml" >"$RUN/manager.log" 2>&1 &
  echo $! > "$RUN/manager.pidnum"
  wait_http "http://127.0.0.1:$MANAGER_PORT/" "$START_TIMEOUT" manager "$RUN/manager.pidnum"
  log "manager ready at http://127.0.0.1:$MANAGER_PORT after $((SECONDS - t0))s"

  if [ "$WITH_WEBSERVER" = 1 ]; then
    "$VENV/bin/python" -m ai.backend.web.server -f "$CFG/webserver.toml" >"$RUN/webserver.log" 2>&1 &
    echo $! > "$RUN/webserver.pidnum"
    wait_http "http://127.0.0.1:$WEBSERVER_PORT/func/ping" "$START_TIMEOUT" webserver "$RUN/webserver.pidnum"
    log "webserver ready at http://127.0.0.1:$WEBSERVER_PORT after $((SECONDS - t0))s"
  fi
  cmd_env
}

alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; [ -n "$s" ] && [ "${s:0:1}" != Z ]; }

stop_pid() {  # name pidfile
  local f=$RUN/$2 p i
  [ -f "$f" ] || return 0
  p=$(cat "$f"); rm -f "$f"
  alive "$p" || return 0
  kill -TERM "$p" 2>/dev/null || true
  for ((i = 0; i < 80; i++)); do alive "$p" || { log "stopped $1 (pid $p)"; return 0; }; sleep 0.25; done
  log "$1 (pid $p) ignored SIGTERM for 20s, sending SIGKILL"; kill -KILL "$p" 2>/dev/null || true
}

cmd_stop() {
  [ -d "$RUN" ] || return 0
  stop_pid webserver webserver.pidnum   # master process; it terminates its workers
  stop_pid manager manager.pidnum
  stop_pid etcd etcd.pidnum
  stop_pid redis redis.pidnum
  if [ -f "$RUN/postgres.pidnum" ] && [ -n "$PGBIN" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$RUN/pg/data" -m fast -w stop >/dev/null 2>&1 || stop_pid postgres postgres.pidnum
    rm -f "$RUN/postgres.pidnum"; log "stopped postgres"
  fi
}

cmd_env() {
  cat <<EOF
export BACKEND_ENDPOINT=http://127.0.0.1:$MANAGER_PORT
export BACKEND_ENDPOINT_TYPE=api
export BACKEND_ACCESS_KEY=$USER_AK
export BACKEND_SECRET_KEY=$USER_SK
export BAI_ADMIN_ACCESS_KEY=$ADMIN_AK
export BAI_ADMIN_SECRET_KEY=$ADMIN_SK
export BAI_WEBSERVER=http://127.0.0.1:$WEBSERVER_PORT
export BAI_USER_EMAIL=$USER_EMAIL BAI_USER_PASSWORD=$USER_PW
export BAI_API_VERSION=v7.20230615
EOF
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  all) cmd_install; cmd_start ;;
  *) echo "usage: $0 install|start|stop|env|all" >&2; exit 2 ;;
esac
