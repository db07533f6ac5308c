#pragma once

// The request half for protocols tcp, tls and udp (TCPRoute, TLSRoute, UDPRoute cases), as the
// conformance suite's clients send them (../shared/conformance/cases/FAMILIES.md §2–§4):
// - tcp / tls with a payload: connect (tls: handshake with SNI = the host, trusting the setup's
//   certificates, no ALPN), read the echo's welcome line, then send each payload line after the
//   previous answer: PING → PONG, IS_TLS → expect.response.isTLS, TEST → the JSON's namespace,
//   pod (`<expect.backend>-` prefix) and tls.serverName (expect.tls.serverName).
// - tcp without payload, expect.connection ok: a TCP connection opens.
// - tls, expect.connection reset: the TLS dial must end in EOF or a reset before any
//   ServerHello (a refused connection, a timeout or a completed handshake fail the item).
// - udp with a payload: one datagram from a new socket, 2 s for the answer; with
//   expect.backend/namespace the answer's JSON `service`/`namespace` must equal them, with
//   expect.connection ok any answer passes. udp without payload: a DNS query for foo.bar.com A;
//   any reply with its message ID passes.
// - expect.distribution: `requests` samples (tcp/tls: TEST; udp: the payload), each reduced to
//   its Deployment; the shares must lie within the tolerance, as for HTTP.
// One attempt per item, as for HTTP (request_runner.h says why).
// Thread: the caller's.

#include "http_exchange.h"
#include "request_case.h"
#include "status_assertions.h"

#include <QtCore/QtGlobal>

namespace Torii::Scenarios {

// `tls`: the client's TLS options for protocol tls (server name, trust); null otherwise.
CheckResult runStreamRequest(const RequestCase &item, quint16 port, const TlsClientOptions *tls);

// A standard DNS query (one question `name` type A class IN, recursion desired) with `id`.
std::string dnsQuery(std::uint16_t id, const std::string &name);

} // namespace Torii::Scenarios
