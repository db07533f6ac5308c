#!/usr/bin/env bash
# The traffic generator's request rate and CPU cost per request next to wrk's, in the same
# alternating run (../shared/bench conventions: load generator pinned to CPU 0, server to CPU 1,
# rounds A B, B A, ...; median of per-round ratios), against the bench's own epoll mock backend
# (mockd http, "200 ok"), keep-alive, closed loop, one thread each:
#   bash tests/bench/bench_traffic_generator.sh            # ROUNDS=3 DUR=5 CONNS="16 64"
# HTTPS rows (TLS_CONNS="64", empty: none): the same against the bench's TLS-terminating
# 1-worker nginx answering 200 "ok" itself (start_tls_backend), TLS keep-alive; wrk does not
# verify the certificate, the generator verifies it against the bench's self-signed one.
# The issue's target: generator rate >= 0.8 x wrk's. Needs ../shared/bench and wrk (Debian).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
[ -r "$shared/lib/common.sh" ] || { echo "bench_traffic_generator: $shared/lib/common.sh not found" >&2; exit 2; }
GEN=${GEN:-$here/build/tests/bench/bench_traffic_generator}
[ -x "$GEN" ] || { echo "bench_traffic_generator: build the target bench_traffic_generator first ($GEN)" >&2; exit 2; }
: "${ROUNDS:=3}" "${DUR:=5}" "${CONNS:=16 64}"
# shellcheck source=/dev/null
source "$shared/lib/common.sh"
HZ=$(getconf CLK_TCK)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
: "${TLS_CONNS=64}"
need_cmd wrk wrk
build_tools
check_free "tcp:$P_DEF"
start_server backend mockd-http "$MOCKD" http "$P_DEF:def"
wait_port tcp "$P_DEF"
if [ -n "$TLS_CONNS" ]; then
    need_cmd nginx nginx
    check_free "tcp:$P_DTLS"
    make_cert gw gw.example.test
    start_tls_backend tlsbe direct-tls "$P_DTLS:gw:a"
fi
RESULTS_DIR=${TMPDIR:-/tmp}/bench-results
mkdir -p "$RESULTS_DIR"
results_open traffic-generator

declare -A RPS=() CPU=()
run_one() { # SETUP CONC ROUND   (SETUP: wrk torii wrk-tls torii-tls)
    local setup=$1 conc=$2 round=$3 line rps p50 p99 errs
    if [ "$setup" = wrk ] || [ "$setup" = wrk-tls ]; then
        local url="http://127.0.0.1:$P_DEF/" group=backend
        [ "$setup" = wrk-tls ] && url="https://127.0.0.1:$P_DTLS/" group=tlsbe
        run_load "" "$group" wrk -t1 -c"$conc" -d"${DUR}s" --latency --timeout 2s \
            -s "$shared/lib/report.lua" "$url"
        line=$(grep '^WRKRESULT' "$WORK/last.out" || true)
        parse_kv "$line"
        rps=${KV[rps]:-0} p50=${KV[p50_us]:-} p99=${KV[p99_us]:-}
        errs=$(( ${KV[err_connect]:-0} + ${KV[err_read]:-0} + ${KV[err_write]:-0} + ${KV[err_status]:-0} + ${KV[err_timeout]:-0} ))
    elif [ "$setup" = torii-tls ]; then
        run_load "" tlsbe "$GEN" 127.0.0.1 "$P_DTLS" "$conc" "$DUR" / \
            --https gw.example.test --ca "$WORK/certs/gw.crt"
        line=$(grep '^TORIILOAD' "$WORK/last.out" || true)
        parse_kv "$line"
        rps=${KV[rps]:-0} p50=${KV[p50_us]:-} p99=${KV[p99_us]:-} errs=${KV[errors]:-1}
    else
        run_load "" backend "$GEN" 127.0.0.1 "$P_DEF" "$conc" "$DUR"
        line=$(grep '^TORIILOAD' "$WORK/last.out" || true)
        parse_kv "$line"
        rps=${KV[rps]:-0} p50=${KV[p50_us]:-} p99=${KV[p99_us]:-} errs=${KV[errors]:-1}
    fi
    [ "$round" = 0 ] && return 0
    record gen-c"$conc" "$setup" "$conc" "$round" "$rps" req/s "$p50" "$p99" "$errs" wrk
    RPS[$setup.$conc.$round]=$rps
    CPU[$setup.$conc.$round]=$CPU_LG
}

rounds_of() { # WRK_SETUP TORII_SETUP CONC
    say "warm-up $1/$2 c$3"
    DUR_SAVED=$DUR; DUR=$WARMUP; run_one "$1" "$3" 0; run_one "$2" "$3" 0; DUR=$DUR_SAVED
    for ((r = 1; r <= ROUNDS; r++)); do
        if ((r % 2)); then order="$1 $2"; else order="$2 $1"; fi
        for s in $order; do run_one "$s" "$3" "$r"; done
    done
}
for conc in $CONNS; do rounds_of wrk torii "$conc"; done
for conc in $TLS_CONNS; do rounds_of wrk-tls torii-tls "$conc"; done

echo
echo "## Traffic generator vs wrk (closed loop, keep-alive, one thread) — $STAMP"
echo
echo "| target | connections | wrk req/s (median) | torii req/s (median) | ratio (median of rounds) | wrk CPU µs/req | torii CPU µs/req |"
echo "|---|---:|---:|---:|---:|---:|---:|"
table_row() { # LABEL WRK_SETUP TORII_SETUP CONC
    python3 - "$4" "$ROUNDS" "$(declare -p RPS)" "$(declare -p CPU)" "$1" "$2" "$3" <<'PY'
import re, statistics, sys
conc, rounds = sys.argv[1], int(sys.argv[2])
label, wrk_setup, torii_setup = sys.argv[5], sys.argv[6], sys.argv[7]
def parse(decl):
    return dict(re.findall(r'\[([^\]]+)\]="([^"]*)"', decl))
rps, cpu = parse(sys.argv[3]), parse(sys.argv[4])
def series(setup, table):
    return [float(table.get(f"{setup}.{conc}.{r}", "0") or 0) for r in range(1, rounds + 1)]
w, t = series(wrk_setup, rps), series(torii_setup, rps)
ratios = [b / a for a, b in zip(w, t) if a > 0]
def us_per_req(setup):
    vals = []
    for r in range(1, rounds + 1):
        c = cpu.get(f"{setup}.{conc}.{r}", "-"); q = float(rps.get(f"{setup}.{conc}.{r}", "0") or 0)
        if c not in ("-", "") and q > 0:
            vals.append(float(c) / 100.0 / q * 1e6)
    return f"{statistics.median(vals):.1f}" if vals else "-"
print(f"| {label} | {conc} | {statistics.median(w):.0f} | {statistics.median(t):.0f} | "
      f"{statistics.median(ratios) if ratios else 0:.2f} | {us_per_req(wrk_setup)} | "
      f"{us_per_req(torii_setup)} |")
PY
}
for conc in $CONNS; do table_row "HTTP (mockd)" wrk torii "$conc"; done
for conc in $TLS_CONNS; do table_row "HTTPS (nginx TLS, 200 ok)" wrk-tls torii-tls "$conc"; done
echo
echo "raw: $RESULTS_TSV"
