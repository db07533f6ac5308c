#!/usr/bin/env bash
# HTTP/2 requests/s through the gateway vs nginx (`listen ... http2`, h2c with prior knowledge) on
# the same route: every request → one HTTP/1.1 backend (an nginx worker answering 200 "hello"),
# upstream keep-alive on both. Load: h2load (Debian package nghttp2-client), C connections with
# M concurrent streams each. Setups alternate (nginx, torii, torii, nginx, ...) for ROUNDS rounds;
# only the same-run ratio means anything (tests/bench/README.md). Pins h2load to CPU 0 and the
# proxies and backend to CPU 1 when taskset and 2 CPUs exist.
#   BENCH_GATEWAY=build/tests/bench/bench_h2_gateway bash tests/bench/h2/h2_compare.sh
# BACKEND=h2c: the backend speaks HTTP/2 with prior knowledge instead (nginx `listen ... http2`),
# reached by the gateway as an appProtocol kubernetes.io/h2c Service port and by nginx through
# grpc_pass (its only HTTP/2 upstream; it forwards plain requests as well), keepalive on both.
# Environment: ROUNDS (4), REQUESTS (200000), CONNS (16), STREAMS (10), WORKERS (1), PORT_BASE (19400),
# BACKEND (http1 | h2c).
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
gateway=${BENCH_GATEWAY:-$here/build/tests/bench/bench_h2_gateway}
: "${ROUNDS:=4}" "${REQUESTS:=200000}" "${CONNS:=16}" "${STREAMS:=10}" "${WORKERS:=1}"
: "${PORT_BASE:=19400}" "${BACKEND:=http1}"
case "$BACKEND" in
    http1) backend_listen=""; upstream_pass="proxy_pass http://backend; proxy_http_version 1.1;
                        proxy_set_header Connection \"\";"; gateway_mode="" ;;
    h2c) backend_listen=" http2"; upstream_pass="grpc_pass grpc://backend;"; gateway_mode="h2c" ;;
    *) echo "h2_compare: BACKEND is http1 or h2c" >&2; exit 2 ;;
esac
backend_port=$((PORT_BASE + 1)); nginx_port=$((PORT_BASE + 2)); torii_port=$((PORT_BASE + 3))
for tool in nginx h2load; do
    command -v "$tool" >/dev/null || { echo "h2_compare: $tool is not installed" >&2; exit 2; }
done
[ -x "$gateway" ] || { echo "h2_compare: $gateway is not built (target bench_h2_gateway)" >&2; exit 2; }
work=$(mktemp -d /tmp/h2-compare.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
server_cpu=(); load_cpu=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    server_cpu=(taskset -c 1); load_cpu=(taskset -c 0)
fi
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fcgi; uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream backend { server 127.0.0.1:$backend_port; keepalive 256; }
  server { listen 127.0.0.1:$backend_port$backend_listen; keepalive_requests 1000000;
           location / { return 200 "hello\n"; } }
  server { listen 127.0.0.1:$nginx_port http2; keepalive_requests 1000000;
           location / { $upstream_pass } }
}
CONF
"${server_cpu[@]}" nginx -c "$work/nginx.conf" -p "$work" >"$work/nginx.out" 2>&1 &
pids+=($!)
"${server_cpu[@]}" "$gateway" "$torii_port" "127.0.0.1:$backend_port" "$WORKERS" $gateway_mode >"$work/torii.out" 2>&1 &
pids+=($!)
for port in $backend_port $nginx_port $torii_port; do
    for _ in $(seq 50); do
        curl -s -o /dev/null --http2-prior-knowledge "http://127.0.0.1:$port/" 2>/dev/null && break
        sleep 0.1
    done
done
run() { # setup port → req/s (only 2xx answers count: a run with failures is reported as such)
    "${load_cpu[@]}" h2load -n "$REQUESTS" -c "$CONNS" -m "$STREAMS" "http://127.0.0.1:$2/api/items" \
        >"$work/$1.h2load" 2>&1
    awk -v n="$REQUESTS" -v who="$1" '
        /^finished in/ { gsub(",", ""); for (i = 1; i <= NF; i++) if ($(i+1) == "req/s") rate = $i }
        /^status codes:/ { ok = $3 }
        END { if (ok != n) { printf "h2_compare: %s answered %s of %s with 2xx\n", who, ok, n > "/dev/stderr" }
              print rate }' "$work/$1.h2load"
}
ok=$(h2load -n 100 -c 1 -m 10 "http://127.0.0.1:$torii_port/api/items" | awk '/^status codes:/ {print $3}')
[ "$ok" = "100" ] || { echo "h2_compare: the gateway did not answer 100 x 2xx ($ok)" >&2; exit 1; }
declare -a nginx_rates torii_rates
echo "round nginx_req_s torii_req_s ratio"
for round in $(seq "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then n=$(run nginx $nginx_port); t=$(run torii $torii_port)
    else t=$(run torii $torii_port); n=$(run nginx $nginx_port); fi
    nginx_rates+=("$n"); torii_rates+=("$t")
    echo "$round $n $t $(awk -v a="$t" -v b="$n" 'BEGIN { printf "%.2f", a / b }')"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mn=$(median "${nginx_rates[@]}"); mt=$(median "${torii_rates[@]}")
echo "median nginx $mn req/s, torii $mt req/s, torii/nginx $(awk -v a="$mt" -v b="$mn" 'BEGIN { printf "%.2f", a / b }')"
echo "(h2load -n $REQUESTS -c $CONNS -m $STREAMS; backend $BACKEND; gateway workers $WORKERS; load average $(cut -d' ' -f1-3 /proc/loadavg))"
