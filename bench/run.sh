#!/usr/bin/env bash
# Load test of the auth-server's machine-to-machine endpoints (docs/performance.md):
# client-credentials tokens, JWKS and introspection, each for BENCH_DURATION with wrk.
# Starts what it needs (Redis, the auth-server with the local profile's demo clients) on
# 127.0.0.1, writes bench/results/latest.md, prints it and stops what it started.
#
# Environment: REDIS_URL (use this Redis instead of a throwaway one), BENCH_DURATION (20s),
# BENCH_WARMUP (5s, not recorded), BENCH_CPUS (0,1: server, Redis and wrk share these cores),
# BENCH_SKIP_BUILD=1 (use the jars as they are), BENCH_JAVA_OPTS (JVM options; default: the
# sizing of a 2-core node, a fixed 256 MiB heap with the serial collector).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly HOST=127.0.0.1
readonly PORT=9000
readonly BASE="http://$HOST:$PORT"
readonly DURATION="${BENCH_DURATION:-20s}"
readonly WARMUP="${BENCH_WARMUP:-5s}"
readonly THREADS=2
readonly CONNECTIONS=32
readonly CLIENT_ID=demo-service
readonly CLIENT_SECRET=demo-service-secret
readonly RESULTS=bench/results
readonly JAVA_OPTS="${BENCH_JAVA_OPTS--Xms256m -Xmx256m -XX:+UseSerialGC}"

mkdir -p "$RESULTS"
work_dir="$(mktemp -d)"
server_pid=""
redis_pid=""
redis_note=""

log() { printf '[bench] %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

stop_pid() {
    local pid="$1"
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 150); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    # only what this script started, newest first: the server before the Redis it uses
    if [[ -n "$server_pid" ]]; then stop_pid "$server_pid"; fi
    if [[ -n "$redis_pid" ]]; then stop_pid "$redis_pid"; fi
    rm -rf "$work_dir"
}
trap cleanup EXIT

listening() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

pinned=()
if command -v taskset >/dev/null && (( $(nproc) >= 2 )); then
    pinned=(taskset -c "${BENCH_CPUS:-0,1}")
fi

java_cmd=java
if [[ -n "${JAVA_HOME:-}" ]]; then java_cmd="$JAVA_HOME/bin/java"; fi

install_missing() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    (( ${#missing[@]} == 0 )) && return 0
    [[ "$(id -u)" == 0 ]] || fail "Missing ${missing[*]}: install the Debian package(s) ${missing[*]}"
    log "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
    if [[ "${BENCH_SKIP_BUILD:-}" == 1 ]]; then return 0; fi
    log "Building (Maven skips what is up to date)"
    ./mvnw -B -q -DskipTests install
}

start_redis() {
    if [[ -n "${REDIS_URL:-}" ]]; then
        redis_note="REDIS_URL (not started by this script)"
        return 0
    fi
    if command -v redis-server >/dev/null; then
        local port=16379
        while listening "$port"; do port=$((port + 1)); done
        log "Starting a throwaway Redis on $HOST:$port"
        "${pinned[@]}" redis-server --bind "$HOST" --port "$port" --save "" --appendonly no \
            --dir "$work_dir" >"$RESULTS/redis.log" 2>&1 &
        redis_pid=$!
        for _ in $(seq 1 50); do listening "$port" && break; sleep 0.1; done
        listening "$port" || fail "Redis did not start; see $RESULTS/redis.log"
        REDIS_URL="redis://$HOST:$port"
        redis_note="throwaway redis-server $(redis-server --version | grep -o 'v=[^ ]*'), no persistence"
        return 0
    fi
    redis_note="embedded Redis of local-run (no redis-server binary)"
}

start_server() {
    listening "$PORT" && fail "Port $PORT is in use: stop what listens there, or the numbers would be someone else's"
    if [[ -n "${REDIS_URL:-}" ]]; then
        local jars=(auth-server/target/auth-server-*-exec.jar)
        [[ -f "${jars[0]}" ]] || fail "No auth-server/target/auth-server-*-exec.jar; build first"
        log "Starting ${jars[0]} with the local profile"
        # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
        "${pinned[@]}" "$java_cmd" $JAVA_OPTS -jar "${jars[0]}" \
            --spring.profiles.active=local --server.address="$HOST" --server.port="$PORT" \
            --spring.data.redis.url="$REDIS_URL" >"$RESULTS/server.log" 2>&1 &
        server_pid=$!
    else
        local jar
        jar="$(pwd)/local-run/target/local-run.jar"
        [[ -f "$jar" ]] || fail "No local-run/target/local-run.jar; build first"
        log "Starting local-run (embedded Redis + auth-server); its Redis data stays in a temporary directory"
        # the embedded Redis keeps its files under the working directory: a throwaway one here
        # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
        (cd "$work_dir" && exec "${pinned[@]}" "$java_cmd" $JAVA_OPTS -jar "$jar") \
            >"$RESULTS/server.log" 2>&1 &
        server_pid=$!
    fi
    log "Waiting for $BASE/actuator/health"
    for _ in $(seq 1 240); do
        kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "$RESULTS/server.log" >&2; fail "The server stopped; see $RESULTS/server.log"; }
        if curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then return 0; fi
        sleep 0.5
    done
    fail "The server was not healthy after 120 s; see $RESULTS/server.log"
}

# peak_rss_during <output file> <command...>: runs the command with its output in the file and
# prints the server's peak RSS in MiB meanwhile, sampled every second.
peak_rss_during() {
    local output="$1"
    shift
    local samples="$work_dir/rss"
    : >"$samples"
    (
        while kill -0 "$server_pid" 2>/dev/null; do
            ps -o rss= -p "$server_pid" >>"$samples" || true
            sleep 1
        done
    ) >/dev/null 2>&1 &
    local sampler=$!
    "$@" >"$output"
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sort -n "$samples" | tail -n 1 | awk '{ printf "%d", $1 / 1024 }'
}

# run_wrk <name> <url> [lua script]: warms up, measures, appends one table row.
run_wrk() {
    local name="$1" url="$2" script="${3:-}"
    local args=(-t"$THREADS" -c"$CONNECTIONS" --latency)
    if [[ -n "$script" ]]; then args+=(-s "$script"); fi
    log "$name: warm-up $WARMUP"
    "${pinned[@]}" wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
    log "$name: measuring $DURATION"
    local out="$RESULTS/wrk-${name// /-}.txt"
    local rss
    rss="$(peak_rss_during "$out" "${pinned[@]}" wrk "${args[@]}" -d"$DURATION" "$url")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$out")"
    p50="$(awk '$1 == "50%" { print $2 }' "$out")"
    p99="$(awk '$1 == "99%" { print $2 }' "$out")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { printf "%d", n }' "$out")"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors" "$rss" >>"$work_dir/rows"
}

fetch_token() {
    local response
    response="$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=api "$BASE/oauth2/token")" \
        || fail "The token endpoint refused $CLIENT_ID: is the local profile's demo client declared?"
    sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' <<<"$response"
}

install_missing
build
start_redis
start_server

basic_auth="$(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
: >"$work_dir/rows"

BENCH_FORM="grant_type=client_credentials&scope=api" BENCH_BASIC_AUTH="$basic_auth" \
    run_wrk "client credentials token" "$BASE/oauth2/token" bench/post_form.lua
run_wrk "JWKS" "$BASE/oauth2/jwks"
token="$(fetch_token)"
[[ -n "$token" ]] || fail "No access_token in the token response"
BENCH_FORM="token=$token" BENCH_BASIC_AUTH="$basic_auth" \
    run_wrk "introspection" "$BASE/oauth2/introspect" bench/post_form.lua

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then commit="$commit (with uncommitted changes)"; fi
{
    printf '# Benchmark results\n\n'
    printf -- '- date: %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)"
    printf -- '- commit: %s\n' "$commit"
    printf -- '- machine: %s, %s cores online, pinned to: %s\n' \
        "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" "$(nproc)" \
        "$(if (( ${#pinned[@]} > 0 )); then echo "CPUs ${BENCH_CPUS:-0,1} (server, Redis, wrk)"; else echo "none"; fi)"
    printf -- '- java: %s\n' "$("$java_cmd" -version 2>&1 | head -n 1)"
    printf -- '- JVM options: %s\n' "${JAVA_OPTS:-(none)}"
    printf -- '- Redis: %s\n' "$redis_note"
    printf -- '- wrk: %s threads, %s connections, %s per scenario after %s warm-up\n\n' \
        "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
    printf '| scenario | requests/s | p50 | p99 | errors (non-2xx/3xx + socket) | peak RSS (MiB) |\n'
    printf '|---|---:|---:|---:|---:|---:|\n'
    cat "$work_dir/rows"
    # shellcheck disable=SC2016 # Markdown code spans, not command substitutions
    printf '\nRaw wrk output: `bench/results/wrk-*.txt`; server log: `bench/results/server.log`.\n'
} >"$RESULTS/latest.md"

cat "$RESULTS/latest.md"
