#pragma once

// One SSL_read or SSL_write on a non-blocking socket, reported as Net::readSome/writeSome report
// a plain one, so every connection of the data plane (client connections over HTTP/1.1 and
// HTTP/2, upstreams through a BackendTLSPolicy) reads and writes TLS the same way.

#include "engine/net/tcp_socket.h"

#include <openssl/types.h>

#include <cstddef>
#include <string_view>

namespace Torii::Proxy::Internal {

// An EOF without close_notify reads as closed, a socket error as its errno, any other failure as
// EPROTO. `wantsWrite` (optional) is set when OpenSSL must write before it can read on (a
// handshake message or key update in flight): the caller then waits for writability too.
Net::IoResult tlsReadSome(SSL *ssl, char *buffer, std::size_t capacity,
                          bool *wantsWrite = nullptr);
// WANT_READ and WANT_WRITE both mean "wait and retry with the same bytes"; a failure is the
// socket's errno, else EPIPE.
Net::IoResult tlsWriteSome(SSL *ssl, std::string_view bytes);

} // namespace Torii::Proxy::Internal
