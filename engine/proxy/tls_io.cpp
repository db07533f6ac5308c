#include "tls_io.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kMaxChunk = 1 << 30; // SSL_read/SSL_write take an int
} // namespace

Net::IoResult tlsReadSome(SSL *ssl, char *buffer, std::size_t capacity, bool *wantsWrite)
{
    Net::IoResult result;
    ERR_clear_error();
    errno = 0;
    const int n = SSL_read(ssl, buffer, int(std::min(capacity, kMaxChunk)));
    if (n > 0) {
        result.bytes = std::size_t(n);
        return result;
    }
    switch (SSL_get_error(ssl, n)) {
    case SSL_ERROR_WANT_READ:
        result.wouldBlock = true;
        break;
    case SSL_ERROR_WANT_WRITE:
        result.wouldBlock = true;
        if (wantsWrite) {
            *wantsWrite = true;
        }
        break;
    case SSL_ERROR_ZERO_RETURN:
        result.closed = true;
        break;
    case SSL_ERROR_SYSCALL:
        if (errno != 0 && n < 0) {
            result.error = errno;
        } else {
            result.closed = true;
        }
        break;
    default:
        result.error = EPROTO;
        break;
    }
    ERR_clear_error();
    return result;
}

Net::IoResult tlsWriteSome(SSL *ssl, std::string_view bytes)
{
    Net::IoResult result;
    ERR_clear_error();
    errno = 0;
    const int n = SSL_write(ssl, bytes.data(), int(std::min(bytes.size(), kMaxChunk)));
    if (n > 0) {
        result.bytes = std::size_t(n);
        return result;
    }
    switch (SSL_get_error(ssl, n)) {
    case SSL_ERROR_WANT_READ: // renegotiation-like: wait, then retry the write
    case SSL_ERROR_WANT_WRITE:
        result.wouldBlock = true;
        break;
    case SSL_ERROR_SYSCALL:
        result.error = errno != 0 ? errno : EPIPE;
        break;
    default:
        result.error = EPIPE;
        break;
    }
    ERR_clear_error();
    return result;
}

} // namespace Torii::Proxy::Internal
