#!/usr/bin/env bash
# l4_compare.sh - torii's L4 data plane (TCPRoute, UDPRoute, TLSRoute passthrough) in the same
# alternating run as nginx (stream module) and haproxy (mode tcp), on the shared bench's own
# backends and load tools (../shared/bench: sourced and used, never copied or edited).
#
# Setups (alternated per round: A B C D, D C B A, ...):
#   direct   client straight to the backend (reference of the shared summary)
#   nginx    nginx stream, 1 worker            haproxy  mode tcp, nbthread 1 (no UDP)
#   torii    `toriictl serve` on tests/bench/l4/*.yaml, one worker (TORII_ARGS adds options),
#            its Services bound to the bench's backends with --backend
# Tests (TESTS, default all):
#   stream   iperf3, one TCP stream, DUR s: Mbit/s
#   rr       pxload tcprr -c16: 16 persistent connections, 64-byte ping-pong: round trips/s
#   conn     pxload tcpconn -c16: connect, 64-byte echo, close: connections/s
#   udp      pxload udp -c16: 16 flows, 64-byte datagram ping-pong: round trips/s
#   sni      pxload tls -c16: TLS 1.3 full handshakes through SNI routing (a/b alternating,
#            every answer checked to come from the right backend): handshakes/s
#   resumed  the same with TLS 1.3 session-ticket resumptions (pxload -R), as the shared bench's
#            sni-resumed: the backends' crypto is cheap there, so the proxy's own cost per
#            connection shows (sni-full is bound by the load generator's client-side crypto)
#            With KEY_TYPE=rsa (shared bench: RSA-2048 certificates) the backends' signing fills
#            the server core that the proxy shares, so sni-full then ranks the proxies by their
#            own CPU per connection: KEY_TYPE=rsa TESTS=sni bash tests/bench/l4_compare.sh
# Output: the shared summary (vs direct) and, per test, torii/nginx and torii/haproxy as the
# median of per-round ratios with their min-max.
# Usage (from anywhere): TORIICTL=build-x/app/cli/toriictl ROUNDS=3 bash tests/bench/l4_compare.sh
# BENCH_PORT_BASE (shared bench, default 18400) moves every port: base+10 .. base+67 are used.
# For speed work, read the deterministic figures first (system calls per connection and per round
# trip with `strace -c -f -p <torii pid>` while pxload runs; callgrind instructions): wall-clock
# ratios on a shared machine swing by tens of percent between rounds.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
[ -r "$SHARED_BENCH/lib/common.sh" ] || { echo "l4_compare.sh: no $SHARED_BENCH/lib/common.sh" >&2; exit 1; }
TORIICTL=${TORIICTL:-$REPO/build/app/cli/toriictl}
[ -x "$TORIICTL" ] || { echo "l4_compare.sh: no toriictl at $TORIICTL (set TORIICTL)" >&2; exit 1; }
: "${ROUNDS:=3}" "${DUR:=4}" "${RESULTS_DIR:=${TMPDIR:-/tmp}/torii-bench-results}"
# shellcheck source=/dev/null
source "$SHARED_BENCH/lib/common.sh"
: "${TESTS:=stream rr conn udp sni resumed}"
: "${SETUPS:=direct nginx haproxy torii}"
: "${TORII_ARGS:=}"
P_TORII_ECHO=$((B + 64)) P_TORII_IPERF=$((B + 65)) P_TORII_UDP=$((B + 66)) P_TORII_SNI=$((B + 67))

ensure_base
ensure_stream
need_cmd iperf3 iperf3
build_tools
check_free tcp:$P_ECHO tcp:$P_IPERF udp:$P_UECHO tcp:$P_TLSA tcp:$P_TLSB \
    tcp:$P_NGX_ECHO tcp:$P_NGX_IPERF udp:$P_NGX_UDP tcp:$P_NGX_SNI \
    tcp:$P_HAP_ECHO tcp:$P_HAP_IPERF tcp:$P_HAP_SNI \
    tcp:$P_TORII_ECHO tcp:$P_TORII_IPERF udp:$P_TORII_UDP tcp:$P_TORII_SNI

say "backends"
start_server backend mockd-tcp "$MOCKD" tcp "$P_ECHO"
start_server backend iperf3 iperf3 -s -B 127.0.0.1 -p "$P_IPERF"
start_server backend mockd-udp "$MOCKD" udp "$P_UECHO"
make_cert a a.example.test
make_cert b b.example.test
start_tls_backend backend tls-backends "$P_TLSA:a:tls-a" "$P_TLSB:b:tls-b"

say "nginx, haproxy, torii"
conf=$WORK/conf/nginx-l4.conf
{
    ngx_main l4 stream
    cat <<NGX
stream {
    server { listen 127.0.0.1:$P_NGX_ECHO;  proxy_pass 127.0.0.1:$P_ECHO; }
    server { listen 127.0.0.1:$P_NGX_IPERF; proxy_pass 127.0.0.1:$P_IPERF; }
    server { listen 127.0.0.1:$P_NGX_UDP udp; proxy_pass 127.0.0.1:$P_UECHO; proxy_timeout 20s; }
    map \$ssl_preread_server_name \$sni_upstream {
        a.example.test 127.0.0.1:$P_TLSA;
        b.example.test 127.0.0.1:$P_TLSB;
        default        unix:$WORK/run/no-such-backend.sock;
    }
    server { listen 127.0.0.1:$P_NGX_SNI; ssl_preread on; preread_timeout 5s; proxy_pass \$sni_upstream; }
}
NGX
} >"$conf"
start_nginx nginx l4 "$conf"

conf=$WORK/conf/haproxy-l4.cfg
{
    hap_global
    cat <<HAP
    mode tcp
frontend fe_echo
    bind 127.0.0.1:$P_HAP_ECHO
    default_backend be_echo
frontend fe_iperf
    bind 127.0.0.1:$P_HAP_IPERF
    default_backend be_iperf
frontend fe_sni
    bind 127.0.0.1:$P_HAP_SNI
    tcp-request inspect-delay 5s
    tcp-request content accept if { req.ssl_hello_type 1 }
    use_backend be_tls_a if { req.ssl_sni -i a.example.test }
    use_backend be_tls_b if { req.ssl_sni -i b.example.test }
    tcp-request content reject
backend be_echo
    server echo 127.0.0.1:$P_ECHO
backend be_iperf
    server iperf 127.0.0.1:$P_IPERF
backend be_tls_a
    server a 127.0.0.1:$P_TLSA
backend be_tls_b
    server b 127.0.0.1:$P_TLSB
HAP
} >"$conf"
start_haproxy haproxy l4 "$conf"

mkdir -p "$WORK/design"
for f in "$REPO"/tests/bench/l4/*.yaml; do
    sed -e "s/@P_TORII_ECHO@/$P_TORII_ECHO/g" -e "s/@P_TORII_IPERF@/$P_TORII_IPERF/g" \
        -e "s/@P_TORII_UDP@/$P_TORII_UDP/g" -e "s/@P_TORII_SNI@/$P_TORII_SNI/g" \
        "$f" >"$WORK/design/$(basename "$f")"
done
# shellcheck disable=SC2086  # TORII_ARGS is a list of options
start_server torii toriictl "$TORIICTL" serve "$WORK/design" --accept-all-classes \
    --backend "bench/tcp-echo=127.0.0.1:$P_ECHO" --backend "bench/iperf=127.0.0.1:$P_IPERF" \
    --backend "bench/udp-echo=127.0.0.1:$P_UECHO" --backend "bench/tls-a=127.0.0.1:$P_TLSA" \
    --backend "bench/tls-b=127.0.0.1:$P_TLSB" $TORII_ARGS

for p in $P_ECHO $P_IPERF $P_NGX_ECHO $P_NGX_IPERF $P_HAP_ECHO $P_HAP_IPERF $P_NGX_SNI $P_HAP_SNI \
    $P_TORII_ECHO $P_TORII_IPERF $P_TORII_SNI; do wait_port tcp "$p" 30; done
for p in $P_UECHO $P_NGX_UDP $P_TORII_UDP; do wait_port udp "$p" 30; done

for p in $P_ECHO $P_NGX_ECHO $P_HAP_ECHO $P_TORII_ECHO; do
    "$PXLOAD" tcprr -p "$p" -c 1 -d 1 >/dev/null || die "TCP echo check through port $p failed"
done
for p in $P_UECHO $P_NGX_UDP $P_TORII_UDP; do
    "$PXLOAD" udp -p "$p" -c 1 -d 1 -t 200 >/dev/null || die "UDP echo check through port $p failed"
done
sni_check() { # PORT NAME EXPECT(label or "refused")
    local got
    got=$(curl -sk --max-time 5 -o /dev/null -D - --resolve "$2:$1:127.0.0.1" "https://$2:$1/" | tr -d '\r' |
        awk -F': ' 'tolower($1) == "x-backend" { print $2 }') || true
    [ "${got:-refused}" = "$3" ] || die "SNI check port $1 name $2: got '${got:-refused}', want $3"
}
for p in $P_NGX_SNI $P_HAP_SNI $P_TORII_SNI; do
    sni_check "$p" a.example.test tls-a
    sni_check "$p" b.example.test tls-b
    sni_check "$p" c.example.test refused
done
say "echo (TCP, UDP) and SNI routing checks: ok"
{
    echo "torii: $("$TORIICTL" --version 2>/dev/null | head -1 || true) ($TORIICTL${TORII_ARGS:+ $TORII_ARGS})"
    echo "TLS version negotiated through torii: $(tls_version "$P_TORII_SNI" a.example.test); key: $KEY_TYPE"
} >"$WORK/notes"
cat "$WORK/notes" >&2

results_open l4-compare

iperf_run() { # SETUP ROUND PROXY_GROUP PORT
    local dur=$DUR
    [ "$2" = 0 ] && dur=$WARMUP
    run_load "$3" backend iperf3 -c 127.0.0.1 -p "$4" -t "$dur" -J
    [ "$2" = 0 ] && return 0
    local mbps
    mbps=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1f" % (d["end"]["sum_received"]["bits_per_second"]/1e6))' \
        "$WORK/last.out" 2>/dev/null || true)
    [ -n "$mbps" ] || { say "iperf3 failed for $1:"; tail -5 "$WORK/last.out" >&2; }
    record tcp-stream "$1" 1 "$2" "$mbps" Mbit/s "" "" "$([ -n "$mbps" ] && echo 0 || echo 1)" direct
}

one() { # TEST SETUP ROUND
    local test=$1 setup=$2 r=$3 pg="" pe=$P_ECHO pi=$P_IPERF pu=$P_UECHO ps=$P_TLSA
    case $setup in
        nginx)   pg=nginx; pe=$P_NGX_ECHO; pi=$P_NGX_IPERF; pu=$P_NGX_UDP; ps=$P_NGX_SNI ;;
        haproxy) pg=haproxy; pe=$P_HAP_ECHO; pi=$P_HAP_IPERF; pu=""; ps=$P_HAP_SNI ;;
        torii)   pg=torii; pe=$P_TORII_ECHO; pi=$P_TORII_IPERF; pu=$P_TORII_UDP; ps=$P_TORII_SNI ;;
    esac
    local sni=a.example.test exp="X-Backend: tls-a"
    if [ "$setup" != direct ]; then sni=a.example.test,b.example.test; exp="X-Backend: tls-a,X-Backend: tls-b"; fi
    case $test in
        stream) iperf_run "$setup" "$r" "$pg" "$pi" ;;
        rr)     pxload_run tcp-rr "$setup" 16 "$r" direct "$pg" backend rt/s tcprr -p "$pe" -s 64 ;;
        conn)   pxload_run tcp-conn "$setup" 16 "$r" direct "$pg" backend conn/s tcpconn -p "$pe" -s 64 ;;
        udp)    [ -n "$pu" ] && pxload_run udp-rr "$setup" 16 "$r" direct "$pg" backend rt/s udp -p "$pu" -s 64 -t 200 ;;
        sni)    pxload_run sni-full "$setup" 16 "$r" direct "$pg" backend hs/s tls -p "$ps" -n "$sni" -e "$exp" ;;
        resumed) pxload_run sni-resumed "$setup" 16 "$r" direct "$pg" backend hs/s tls -p "$ps" -n "$sni" -e "$exp" -R ;;
    esac
    return 0
}

say "warm-up"
for t in $TESTS; do for s in $SETUPS; do one "$t" "$s" 0; done; done
for ((r = 1; r <= ROUNDS; r++)); do
    for t in $TESTS; do
        for s in $(order_for "$r" $SETUPS); do one "$t" "$s" "$r"; done
    done
done

# torii against each peer, paired by round (the shared summary only compares with direct)
python3 - "$RESULTS_TSV" >"$WORK/ratios" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
val = {}
for r in rows:
    if r["value"]:
        val[(r["test"], r["conc"], r["setup"], r["round"])] = float(r["value"])
tests = sorted({(r["test"], r["conc"], r["unit"]) for r in rows}, key=lambda t: [x["test"] for x in rows].index(t[0]))
print()
print("| test | conc | torii median | torii / nginx | torii / haproxy | torii per proxy core / nginx's |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
cpu = {}
for r in rows:
    if r["value"] and r["cpu_proxy"] not in ("", "-") and float(r["cpu_proxy"]) > 0:
        cpu[(r["test"], r["conc"], r["setup"], r["round"])] = float(r["value"]) / float(r["cpu_proxy"]) * 100
def ratio(test, conc, peer, table):
    rs = [table[(test, conc, "torii", rd)] / table[(test, conc, peer, rd)]
          for (t, c, s, rd) in table if (t, c, s) == (test, conc, "torii")
          and (test, conc, peer, rd) in table and table[(test, conc, peer, rd)] > 0]
    if not rs:
        return "n/a"
    return "%.2f (%.2f-%.2f)" % (statistics.median(rs), min(rs), max(rs))
for test, conc, unit in tests:
    mine = [v for (t, c, s, rd), v in val.items() if (t, c, s) == (test, conc, "torii")]
    med = ("%s %s" % (format(round(statistics.median(mine)), ","), unit)) if mine else "n/a"
    print("| %s | %s | %s | %s | %s | %s |" % (test, conc, med, ratio(test, conc, "nginx", val),
          ratio(test, conc, "haproxy", val), ratio(test, conc, "nginx", cpu)))
PY
cat "$WORK/ratios" >>"$WORK/notes"
EXTRA_NOTES=$WORK/notes print_results "l4_compare: torii's TCP, UDP and TLS passthrough against nginx and haproxy"
