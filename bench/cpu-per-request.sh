#!/usr/bin/env bash
# The server's CPU per request, user and kernel apart, for Atrium and the bare framework (bench/bare-quarkus),
# each as a native executable and on the JVM, started alternately. Requests per second move with the speed of
# the machine of the day (it has halved from one day to the next here); the CPU a request costs moves less, and
# Atrium beside the bare framework, on the same route, shows what Atrium's own code costs in each form.
# Writes bench/results/<date>-cpu-per-request.md.
#   bench/cpu-per-request.sh                      # target/*-runner, target/quarkus-app and bench/bare-quarkus's, 2 rounds
#   ROUNDS=3 NATIVE=/tmp/other-runner bench/cpu-per-request.sh
# The routes: /hello_world (a Vert.x route in both applications: the framework's floor) and, for Atrium, / as the
# held anonymous index (Accept: text/html, as a browser asks). The database is empty but for the schema, so the
# index holds no posts: this measures the path a request takes, not the size of the page.
# Build the bare application's jar and executable with (cd bench/bare-quarkus && ../../mvnw package
# -Dquarkus.native.enabled=true ...), the rest of the line as the README builds Atrium's natively.
# Needs PostgreSQL on 127.0.0.1:5432 (it creates and drops atrium_bench_cpr) and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

NATIVE=${NATIVE:-$(ls target/*-runner 2>/dev/null | head -n 1 || true)}
APP_JAR=${APP_JAR:-target/quarkus-app/quarkus-run.jar}
BARE_NATIVE=${BARE_NATIVE:-$(ls bench/bare-quarkus/target/*-runner 2>/dev/null | head -n 1 || true)}
BARE_JAR=${BARE_JAR:-bench/bare-quarkus/target/quarkus-app/quarkus-run.jar}
for f in "$NATIVE" "$BARE_NATIVE"; do [ -x "$f" ] || { echo "cpu-per-request: no native executable ($f)" >&2; exit 1; }; done
for f in "$APP_JAR" "$BARE_JAR"; do [ -f "$f" ] || { echo "cpu-per-request: no $f" >&2; exit 1; }; done
ROUNDS=${ROUNDS:-2}
. bench/servers.sh
own_database atrium_bench_cpr

ticks() { awk '{ print $14, $15 }' "/proc/$pid/stat"; } # user and kernel CPU so far, in clock ticks

measure() { # label routes command...: one start; a table row per route
  local label=$1 routes=$2 u0 s0 u1 s1 n; shift 2
  run "$@"
  first_200 || { echo "cpu-per-request: $* did not answer" >&2; exit 1; }
  for route in $routes; do
    # 10 s unmeasured first: the JVM's JIT compiles the route (the native executable has nothing to warm)
    wrk -t2 -c64 -d10s -H "Accept: text/html" "http://127.0.0.1:$PORT$route" > /dev/null
    read -r u0 s0 < <(ticks)
    n=$(wrk -t2 -c64 -d10s -H "Accept: text/html" "http://127.0.0.1:$PORT$route" | awk '/requests in/ { print $1 }')
    read -r u1 s1 < <(ticks)
    awk -v label="$label" -v route="$route" -v n="$n" -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "| %s | `%s` | %.0f | %.1f | %.1f | %.1f |\n", label, route, n / 10, u * 1e6 / hz / n, s * 1e6 / hz / n, (u + s) * 1e6 / hz / n }'
  done
  stop
}

out=bench/results/$(date -u +%Y-%m-%d-%H%M)-cpu-per-request.md
{
  echo "# CPU per request, native and JVM, Atrium and the bare framework, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr), clock source $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null || echo unknown); load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Native: \`$(basename "$NATIVE")\`, \`$(basename "$BARE_NATIVE")\`, with \`${NATIVE_OPTS:-their defaults}\`. JVM: $(java -version 2>&1 | head -n 1) with \`${JAVA_OPTS:-its defaults}\`."
  echo "Loads: wrk -t2 -c64 -H 'Accept: text/html', 10 s unmeasured then 10 s; CPU is the server process's, from /proc/<pid>/stat."
  echo
  echo "| build | route | requests/s | user µs/request | kernel µs/request | total µs/request |"
  echo "|---|---|---|---|---|---|"
} > "$out"
for _ in $(seq 1 "$ROUNDS"); do
  measure "Atrium, native" "/hello_world /" "$NATIVE" "${native_opts[@]}" | tee -a "$out"
  measure "Atrium, JVM" "/hello_world /" java "${java_opts[@]}" -jar "$APP_JAR" | tee -a "$out"
  measure "bare, native" "/hello_world" "$BARE_NATIVE" "${native_opts[@]}" | tee -a "$out"
  measure "bare, JVM" "/hello_world" java "${java_opts[@]}" -jar "$BARE_JAR" | tee -a "$out"
done
echo "cpu-per-request: $out"
