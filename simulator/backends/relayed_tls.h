#pragma once

#include "echo_identity.h"

#include <QtGlobal>

#include <openssl/types.h>

#include <optional>

// The TLS facts of connections that reach an HTTP echo endpoint through its HTTPS port. The
// HTTPS port (StreamEchoServer, Mode::HttpsRelay) terminates TLS and relays the plain bytes to
// the replica's HttpEchoBackend on 127.0.0.1, so the echo would not know the connection was TLS;
// the relay records what the handshake established under the local port of its relayed
// connection (bound before connecting), and the echo connection whose peer is that port takes
// them for the answer's `tls` object. Loopback ports are unique at any moment, so one table for
// the process is exact.
//
// Thread: any; the table is guarded by a mutex. Each call is O(log n) in the open relays.
namespace Torii::Backends {

// version ("TLSv1.3"), serverName (SNI), negotiatedProtocol (ALPN), cipherSuite (IANA name, as
// Go prints it) of a completed server-side handshake.
EchoTls echoTlsOf(SSL *ssl);

void recordRelayedTls(quint16 relayPort, const EchoTls &tls);
void forgetRelayedTls(quint16 relayPort);
// The facts of the relay whose local port is `peerPort`, if one is open.
std::optional<EchoTls> relayedTlsFor(quint16 peerPort);

} // namespace Torii::Backends
