#pragma once

// Reads the server name (SNI) out of the first bytes a TLS client sends, without terminating
// TLS: what a Passthrough listener routes on. A parser of our own (RFC 8446 §4.1.2 and RFC 6066
// §3), bounds-checked at every length field, fed the bytes received so far: a ClientHello split
// across reads, or across several TLS records, asks for more instead of failing.
//
// Limits: the handshake message may span records but may not exceed kMaxClientHello bytes (a
// ClientHello with post-quantum key shares is ~2 KiB; 64 KiB leaves room and bounds the memory
// a client can make a listener hold before it is routed). SSLv2-compatible hellos, records that
// are not handshakes, and any other first handshake message are Invalid.
//
// Pure: no I/O, no allocation beyond the returned strings. Thread: any.

#include <cstddef>
#include <string>
#include <string_view>

namespace Torii::Proxy {

struct ClientHelloResult
{
    enum class Status {
        NeedMore, // the bytes so far are a valid prefix: read more
        Complete, // the ClientHello is whole; serverName is set (or empty: no SNI sent)
        Invalid,  // not a TLS ClientHello (error says why, in English)
    };
    Status status = Status::NeedMore;
    std::string serverName; // the first host_name of the server_name extension, lower case
    std::string error;
};

constexpr std::size_t kMaxClientHello = 64 * 1024;

// `bytes`: everything received from the client so far, from its first byte.
ClientHelloResult parseClientHello(std::string_view bytes);

} // namespace Torii::Proxy
