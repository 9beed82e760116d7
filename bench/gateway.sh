#!/usr/bin/env bash
# Gateway overhead (issue 5, performance): requests/s and p50/p99 with wrk through the gateway on
# an API route at basic (bearer JWT validated offline, rate limits in Redis) against the same stub
# upstream called directly, with 32 connections and with one (the time the gateway adds to a request
# that does not wait for a CPU), and the gateway's CPU time per request. Also through the floor:
# Spring Cloud Gateway alone with one route (bench/gateway-floor: no security, no Redis, nothing of
# ours), what any gateway built on it costs on these cores. Everything on 127.0.0.1;
# the stub upstream and the issuer's JWKS are one WireMock standalone process (the jar the gateway
# tests already use, from the local Maven repository); the token is minted by
# bench/GatewayBenchToken.java with a key made for this run.
# Writes bench/results/gateway-latest.md, prints it and stops what it started.
#
# Environment: REDIS_URL (else a throwaway redis-server), BENCH_DURATION (20s), BENCH_WARMUP (5s),
# BENCH_GATEWAY_WARMUP (60s: on 2 busy cores the JIT compilers take about a minute of load to finish
# the reactive request path; before that they use a large share of the CPU), BENCH_GATEWAY_JAR (a
# gateway jar to measure instead of the one built here, e.g. an older commit's), BENCH_CPUS (0,1:
# gateway, upstream, Redis and wrk share these cores), BENCH_SKIP_BUILD=1,
# BENCH_RATE_LIMIT (requests per minute per subject and per address during the run; default
# 100000000, so that the limiter is exercised but never refuses).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly HOST=127.0.0.1
readonly GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18080}"
readonly FLOOR_PORT="${BENCH_FLOOR_PORT:-18082}"
readonly UPSTREAM_PORT="${BENCH_UPSTREAM_PORT:-18091}"
readonly DURATION="${BENCH_DURATION:-20s}"
readonly WARMUP="${BENCH_WARMUP:-5s}"
readonly GATEWAY_WARMUP="${BENCH_GATEWAY_WARMUP:-60s}"
readonly THREADS=2
readonly CONNECTIONS=32
readonly RESULTS=bench/results
readonly WIREMOCK_VERSION=3.13.2
readonly LIMIT="${BENCH_RATE_LIMIT:-100000000}"

mkdir -p "$RESULTS"
work_dir="$(mktemp -d)"
pids=()

log() { printf '[bench-gateway] %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }
listening() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

cleanup() {
    # only what this script started, newest first
    local index
    for (( index=${#pids[@]}-1; index>=0; index-- )); do
        kill -TERM "${pids[$index]}" 2>/dev/null || true
        wait "${pids[$index]}" 2>/dev/null || true
    done
    rm -rf "$work_dir"
}
trap cleanup EXIT

pinned=()
if command -v taskset >/dev/null; then pinned=(taskset -c "${BENCH_CPUS:-0,1}"); fi
command -v wrk >/dev/null || fail "wrk is missing: apt-get install -y wrk"
command -v curl >/dev/null || fail "curl is missing: apt-get install -y curl"

repo="$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")"
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
    log "Building the gateway (tests skipped; Maven skips what is up to date)"
    ./mvnw -B -q -pl gateway -am package -DskipTests
    ./mvnw -B -q -f bench/gateway-floor/pom.xml package
    ./mvnw -B -q -pl gateway dependency:get -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" >/dev/null
fi
wiremock_jar="$repo/org/wiremock/wiremock-standalone/$WIREMOCK_VERSION/wiremock-standalone-$WIREMOCK_VERSION.jar"
nimbus_jar="$(ls "$repo"/com/nimbusds/nimbus-jose-jwt/*/nimbus-jose-jwt-*.jar | grep -v sources | sort -V | tail -n 1)"
gateway_jar="${BENCH_GATEWAY_JAR:-$(ls gateway/target/gateway-*-exec.jar | head -n 1)}"
floor_jar="$(ls bench/gateway-floor/target/gateway-floor-*.jar | head -n 1)"
[[ -f "$wiremock_jar" && -f "$nimbus_jar" && -f "$gateway_jar" && -f "$floor_jar" ]] || fail "Missing jars; run without BENCH_SKIP_BUILD"

listening "$GATEWAY_PORT" && fail "Port $GATEWAY_PORT is in use"
listening "$UPSTREAM_PORT" && fail "Port $UPSTREAM_PORT is in use"
listening "$FLOOR_PORT" && fail "Port $FLOOR_PORT is in use"

issuer="http://$HOST:$UPSTREAM_PORT"
mkdir -p "$work_dir/wiremock/mappings" "$work_dir/wiremock/__files"
java -cp "$nimbus_jar" bench/GatewayBenchToken.java "$issuer" "$work_dir/wiremock/__files/jwks.json" "$work_dir/token"
cat >"$work_dir/wiremock/mappings/stubs.json" <<JSON
{ "mappings": [
  { "request": { "method": "GET", "urlPath": "/oauth2/jwks" },
    "response": { "status": 200, "bodyFileName": "jwks.json", "headers": { "Content-Type": "application/json" } } },
  { "request": { "method": "GET", "urlPath": "/stadt-news/api/me" },
    "response": { "status": 200, "body": "{\"subject\":\"bench-citizen\",\"level\":\"basic\"}",
                  "headers": { "Content-Type": "application/json" } } }
] }
JSON

log "Starting WireMock (stub upstream and JWKS) on $issuer"
"${pinned[@]}" java -jar "$wiremock_jar" --bind-address "$HOST" --port "$UPSTREAM_PORT" \
    --root-dir "$work_dir/wiremock" --no-request-journal --disable-banner >"$RESULTS/gateway-upstream.log" 2>&1 &
pids+=($!)

if [[ -z "${REDIS_URL:-}" ]]; then
    command -v redis-server >/dev/null || fail "Set REDIS_URL or install redis-server"
    redis_port=16380
    while listening "$redis_port"; do redis_port=$((redis_port + 1)); done
    log "Starting a throwaway Redis on $HOST:$redis_port"
    "${pinned[@]}" redis-server --bind "$HOST" --port "$redis_port" --save "" --appendonly no --dir "$work_dir" \
        >"$RESULTS/gateway-redis.log" 2>&1 &
    pids+=($!)
    REDIS_URL="redis://$HOST:$redis_port"
fi

log "Starting $gateway_jar on $HOST:$GATEWAY_PORT"
"${pinned[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$gateway_jar" --server.address="$HOST" --server.port="$GATEWAY_PORT" \
    --spring.data.redis.url="$REDIS_URL" --buergerkonto.gateway.issuer="$issuer" \
    --buergerkonto.gateway.browser.client-secret=bench-only-unused-secret \
    --buergerkonto.gateway.rate-limit.per-subject.requests="$LIMIT" \
    --buergerkonto.gateway.rate-limit.per-address.requests="$LIMIT" \
    --buergerkonto.gateway.routes[0].id=stadt-news --buergerkonto.gateway.routes[0].path=/stadt-news \
    --buergerkonto.gateway.routes[0].uri="$issuer" --buergerkonto.gateway.routes[0].level=basic \
    --buergerkonto.gateway.routes[0].audiences=demo-cli >"$RESULTS/gateway-server.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")

log "Starting the floor $floor_jar on $HOST:$FLOOR_PORT"
"${pinned[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$floor_jar" --server.address="$HOST" --server.port="$FLOOR_PORT" \
    --spring.cloud.gateway.server.webflux.routes[0].id=stadt-news \
    --spring.cloud.gateway.server.webflux.routes[0].uri="$issuer" \
    --spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/stadt-news/** >"$RESULTS/gateway-floor.log" 2>&1 &
floor_pid=$!
pids+=("$floor_pid")

token="$(cat "$work_dir/token")"
for _ in $(seq 1 240); do
    kill -0 "$gateway_pid" 2>/dev/null || { tail -n 40 "$RESULTS/gateway-server.log" >&2; fail "The gateway stopped"; }
    if curl -fsS -H "Authorization: Bearer $token" "http://$HOST:$GATEWAY_PORT/stadt-news/api/me" >/dev/null 2>&1; then break; fi
    sleep 0.5
done
curl -fsS -H "Authorization: Bearer $token" "http://$HOST:$GATEWAY_PORT/stadt-news/api/me" >/dev/null \
    || fail "The gateway does not forward the bench token; see $RESULTS/gateway-server.log"
for _ in $(seq 1 120); do
    kill -0 "$floor_pid" 2>/dev/null || { tail -n 40 "$RESULTS/gateway-floor.log" >&2; fail "The floor stopped"; }
    if curl -fsS "http://$HOST:$FLOOR_PORT/stadt-news/api/me" >/dev/null 2>&1; then break; fi
    sleep 0.5
done
curl -fsS "http://$HOST:$FLOOR_PORT/stadt-news/api/me" >/dev/null || fail "The floor does not forward; see $RESULTS/gateway-floor.log"

printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$token" >"$work_dir/bearer.lua"
: >"$work_dir/rows"
# CPU time (user + system) of a process so far, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
run_wrk() {
    local name="$1" url="$2" warmup="$3" connections="${4:-$CONNECTIONS}" measured_pid="${5:-$gateway_pid}"
    local args=(-t"$(( connections < THREADS ? connections : THREADS ))" -c"$connections" --latency -s "$work_dir/bearer.lua")
    log "$name: warm-up $warmup"
    "${pinned[@]}" wrk "${args[@]}" -d"$warmup" "$url" >/dev/null
    log "$name: measuring $DURATION"
    local out="$RESULTS/gateway-wrk-${name// /-}.txt"
    local ticks_before
    ticks_before="$(cpu_ticks "$measured_pid")"
    "${pinned[@]}" wrk "${args[@]}" -d"$DURATION" "$url" >"$out"
    measured_ticks=$(( $(cpu_ticks "$measured_pid") - ticks_before ))
    measured_requests="$(awk '/ requests in / { print $1 }' "$out")"
    local rps p50 p99 errors
    rps="$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$out")"
    p50="$(awk '$1 == "50%" { print $2 }' "$out")"
    p99="$(awk '$1 == "99%" { print $2 }' "$out")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { printf "%d", n }' "$out")"
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$errors" >>"$work_dir/rows"
}
# less dependent on what else runs on the cores than requests/s: a proxy's own CPU per request
cpu_per_request() {
    awk -v ticks="$measured_ticks" -v hz="$(getconf CLK_TCK)" -v n="$measured_requests" 'BEGIN { printf "%.2f", ticks * 1000 / hz / n }'
}
run_wrk "through the floor (Spring Cloud Gateway alone)" "http://$HOST:$FLOOR_PORT/stadt-news/api/me" "$GATEWAY_WARMUP" "$CONNECTIONS" "$floor_pid"
floor_cpu_per_request="$(cpu_per_request)"
run_wrk "through the gateway" "http://$HOST:$GATEWAY_PORT/stadt-news/api/me" "$GATEWAY_WARMUP"
cpu_per_request="$(cpu_per_request)"
# after the proxies: by now no JVM compiles in the background any more
run_wrk "upstream directly" "http://$HOST:$UPSTREAM_PORT/stadt-news/api/me" "$WARMUP"
# one connection: what the gateway adds to a single request when it does not wait for the CPU
run_wrk "upstream directly, 1 connection" "http://$HOST:$UPSTREAM_PORT/stadt-news/api/me" "$WARMUP" 1
run_wrk "through the gateway, 1 connection" "http://$HOST:$GATEWAY_PORT/stadt-news/api/me" "$WARMUP" 1

{
    printf '# Gateway benchmark\n\n'
    printf -- '- date: %s, commit: %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    printf -- '- wrk %s threads, %s connections, %s after %s warm-up (gateway: %s); CPUs: %s\n' "$THREADS" "$CONNECTIONS" \
        "$DURATION" "$WARMUP" "$GATEWAY_WARMUP" "$(if (( ${#pinned[@]} > 0 )); then echo "${BENCH_CPUS:-0,1}, shared by all"; else echo "not pinned"; fi)"
    if [[ -n "${BENCH_GATEWAY_JAR:-}" ]]; then printf -- '- gateway jar: %s\n' "$BENCH_GATEWAY_JAR"; fi
    printf -- '- route /stadt-news at basic: RS256 at+jwt validated offline, two Redis rate-limit checks per request\n\n'
    printf '| path | requests/s | p50 | p99 | errors |\n|---|---|---|---|---|\n'
    cat "$work_dir/rows"
    printf '\nCPU (user + system, all threads) per request of the 32-connection runs: gateway %s ms, floor %s ms; load average at the end: %s\n' \
        "$cpu_per_request" "$floor_cpu_per_request" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
    printf '\nTarget (issue 5): through the gateway >= 50%% of the direct requests/s and <= 2 ms more at p50.\n'
} >"$RESULTS/gateway-latest.md"
cat "$RESULTS/gateway-latest.md"
