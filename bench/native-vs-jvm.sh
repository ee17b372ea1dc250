#!/usr/bin/env bash
# The native executable beside the JVM, on one database and the same routes, started alternately so a slow
# minute of the machine falls on both: start to first 200 (and the CPU used by then), requests per second
# of four routes, and resident memory after the load, split into what is mapped from the executable or the
# jars (file-backed, clean: shared and reclaimable) and the process's own anonymous memory (heap, stacks,
# buffers). Writes bench/results/<date>-native-vs-jvm.md.
#   bench/native-vs-jvm.sh                       # target/*-runner and target/quarkus-app, 3 rounds
#   NATIVE_OPTS="-Xmx96m" ROUNDS=1 bench/native-vs-jvm.sh
# The routes: / (the held anonymous index), /?page=3 (a page of posts through the database and the template
# on every request), /posts/5 (a held anonymous post page), /api/v1/posts?page=2 (JSON through the database).
# Needs PostgreSQL on 127.0.0.1:5432 (it creates and drops atrium_bench_nvj) and wrk. bench/run.sh measures
# more routes (the signed-in ones among them) with both when a native executable is there; this script is
# the quick alternation for the heap and start-up questions.
set -euo pipefail
cd "$(dirname "$0")/.."

NATIVE=${NATIVE:-$(ls target/*-runner 2>/dev/null | head -n 1 || true)}
APP_JAR=${APP_JAR:-target/quarkus-app/quarkus-run.jar}
[ -x "$NATIVE" ] || { echo "native-vs-jvm: no native executable (./mvnw package -Dnative, or NATIVE=<path>)" >&2; exit 1; }
[ -f "$APP_JAR" ] || { echo "native-vs-jvm: no $APP_JAR (./mvnw package)" >&2; exit 1; }
ROUNDS=${ROUNDS:-3}
. bench/servers.sh
own_database atrium_bench_nvj
mb() { awk -v k="$1" '$1 == k":" { printf "%.0f", $2 / 1024 }' "$2"; }

# the schema (Flyway, on the first start), then 10,000 posts by 200 authors, as bench/run.sh seeds them
run "$NATIVE"; first_200; stop
psql -h 127.0.0.1 -U postgres -d $DB -q > /dev/null <<'SQL'
insert into users (email, username, password_hash, role, confirmed, created_at, password_changed_at)
  select 'author' || n || '@example.org', 'author' || n, 'x', 'USER', true, now(), now() from generate_series(1, 200) n;
insert into posts (author_id, title, body, created_at, updated_at)
  select u.id, 'Post ' || p || ' by ' || u.username, 'Some **Markdown** with a [link](https://example.org).',
         now() - (p || ' minutes')::interval - (u.id || ' seconds')::interval, now() - (p || ' minutes')::interval
  from users u cross join generate_series(1, 50) p where u.username like 'author%';
analyze;
SQL

ROUTES=("/" "/?page=3" "/posts/5" "/api/v1/posts?page=2")
measure() { # label command...: one start and the loads; prints a table row
  local label=$1 begin ms cpu rates="" accept rps; shift
  begin=$(date +%s%N)
  run "$@"; first_200
  ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
  for route in "${ROUTES[@]}"; do
    accept=text/html; case $route in /api/*) accept=application/json ;; esac
    # 15 s unmeasured first: the JVM's JIT compiles the route (the native executable has nothing to warm)
    wrk -t2 -c64 -d15s -H "Accept: $accept" "http://127.0.0.1:$PORT$route" > /dev/null 2>&1
    rps=$(wrk -t2 -c64 -d10s -H "Accept: $accept" "http://127.0.0.1:$PORT$route" \
      | awk '/Requests\/sec/ { printf "%d", $2 } /Non-2xx/ { printf " (errors)" }')
    rates="$rates | $rps"
  done
  echo "| $label | $ms | $cpu$rates | $(mb VmRSS "/proc/$pid/status") | $(mb Anonymous "/proc/$pid/smaps_rollup") | $(mb VmHWM "/proc/$pid/status") | $(cut -d' ' -f1 /proc/loadavg) |"
  stop
}

out=bench/results/$(date -u +%Y-%m-%d-%H%M)-native-vs-jvm.md
{
  echo "# Native beside the JVM, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Native: \`$(basename "$NATIVE")\` with \`${NATIVE_OPTS:-its defaults}\`. JVM: $(java -version 2>&1 | head -n 1) with \`${JAVA_OPTS:-its defaults}\`."
  echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX. PostgreSQL on 127.0.0.1, 10,000 posts. Loads: wrk -t2 -c64, 15 s unmeasured then 10 s."
  echo
  echo "| build | first 200 (ms) | CPU by then (ms) | \`/\` | \`/?page=3\` | \`/posts/5\` | \`/api/v1/posts?page=2\` | resident after (MB) | of which anonymous (MB) | peak resident (MB) | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} > "$out"
for _ in $(seq 1 "$ROUNDS"); do
  measure native "$NATIVE" "${native_opts[@]}" | tee -a "$out"
  measure JVM java "${java_opts[@]}" -jar "$APP_JAR" | tee -a "$out"
done
echo "native-vs-jvm: $out"
