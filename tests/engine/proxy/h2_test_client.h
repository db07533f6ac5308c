#pragma once

// The HTTP/2 tests' own client: blocking, one connection, prior knowledge, nghttp2's client
// session; it shows what curl does not (frames, windows, GOAWAY, interim heads, trailers).
#include <nghttp2/nghttp2.h>

#include <QtGlobal>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace TestSupport {

// A blocking HTTP/2 client on one connection (prior knowledge), for what curl does not show:
// frames, windows, GOAWAY.
class H2Client
{
public:
    struct Result
    {
        int status = 0;
        std::vector<int> interim; // 1xx statuses, in order
        std::vector<std::pair<std::string, std::string>> headers;
        std::string body;
        bool closed = false;
        std::uint32_t error = 0;
        std::string header(const std::string &name) const
        {
            for (const auto &[n, v] : headers) {
                if (n == name) {
                    return v;
                }
            }
            return {};
        }
    };

    explicit H2Client(quint16 port, std::int32_t windowSize = 65535)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_header_callback(
            callbacks, [](nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name,
                          size_t nameLength, const uint8_t *value, size_t valueLength, uint8_t,
                          void *user) -> int {
                auto *self = static_cast<H2Client *>(user);
                Result &r = self->results[frame->hd.stream_id];
                const std::string n(reinterpret_cast<const char *>(name), nameLength);
                const std::string v(reinterpret_cast<const char *>(value), valueLength);
                if (n == ":status" && v.size() == 3 && v[0] == '1') {
                    r.interim.push_back(std::stoi(v)); // a 1xx head before the final one
                } else if (n == ":status") {
                    r.status = std::stoi(v);
                } else {
                    r.headers.emplace_back(n, v);
                }
                return 0;
            });
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(
            callbacks, [](nghttp2_session *, uint8_t, int32_t id, const uint8_t *data,
                          size_t length, void *user) -> int {
                auto *self = static_cast<H2Client *>(user);
                self->results[id].body.append(reinterpret_cast<const char *>(data), length);
                return 0;
            });
        nghttp2_session_callbacks_set_on_stream_close_callback(
            callbacks, [](nghttp2_session *, int32_t id, uint32_t error, void *user) -> int {
                auto *self = static_cast<H2Client *>(user);
                self->results[id].closed = true;
                self->results[id].error = error;
                return 0;
            });
        nghttp2_session_callbacks_set_on_frame_recv_callback(
            callbacks, [](nghttp2_session *, const nghttp2_frame *frame, void *user) -> int {
                auto *self = static_cast<H2Client *>(user);
                if (frame->hd.type == NGHTTP2_GOAWAY) {
                    self->goaways++;
                    self->goawayLastStream = frame->goaway.last_stream_id;
                }
                return 0;
            });
        nghttp2_session_client_new(&m_session, callbacks, this);
        nghttp2_session_callbacks_del(callbacks);
        const nghttp2_settings_entry settings[] = {
            {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, std::uint32_t(windowSize)}};
        nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, 1);
    }
    ~H2Client()
    {
        nghttp2_session_del(m_session);
        ::close(m_fd);
    }
    bool connected() const { return m_connected; }

    std::int32_t request(const std::string &method, const std::string &path,
                         const std::string &authority,
                         std::vector<std::pair<std::string, std::string>> extra = {},
                         const std::string *body = nullptr)
    {
        std::vector<std::pair<std::string, std::string>> fields = {
            {":method", method}, {":scheme", "http"}, {":authority", authority}, {":path", path}};
        fields.insert(fields.end(), extra.begin(), extra.end());
        std::vector<nghttp2_nv> nva;
        for (auto &[n, v] : fields) {
            nva.push_back({reinterpret_cast<uint8_t *>(n.data()),
                           reinterpret_cast<uint8_t *>(v.data()), n.size(), v.size(),
                           NGHTTP2_NV_FLAG_NONE});
        }
        nghttp2_data_provider provider{};
        if (body) {
            m_bodies.push_back(std::make_unique<Upload>(Upload{body, 0}));
            provider.source.ptr = m_bodies.back().get();
            provider.read_callback = [](nghttp2_session *, int32_t, uint8_t *buf, size_t length,
                                        uint32_t *flags, nghttp2_data_source *source,
                                        void *) -> ssize_t {
                auto *upload = static_cast<Upload *>(source->ptr);
                const size_t n = std::min(length, upload->body->size() - upload->offset);
                std::memcpy(buf, upload->body->data() + upload->offset, n);
                upload->offset += n;
                if (upload->offset == upload->body->size()) {
                    *flags |= NGHTTP2_DATA_FLAG_EOF;
                }
                return ssize_t(n);
            };
        }
        return nghttp2_submit_request(m_session, nullptr, nva.data(), nva.size(),
                                      body ? &provider : nullptr, nullptr);
    }

    // Sends and receives until `done` or the peer closed or `timeoutMs` passed.
    bool runUntil(const std::function<bool()> &done, int timeoutMs = 10000)
    {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (!done()) {
            const uint8_t *data = nullptr;
            ssize_t n;
            while ((n = nghttp2_session_mem_send(m_session, &data)) > 0) {
                ssize_t off = 0;
                while (off < n) {
                    const ssize_t w = ::send(m_fd, data + off, size_t(n - off), MSG_NOSIGNAL);
                    if (w <= 0) {
                        eof = true;
                        return done();
                    }
                    off += w;
                }
            }
            if (eof || std::chrono::steady_clock::now() > end) {
                return done();
            }
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) > 0) {
                char buffer[65536];
                const ssize_t r = ::recv(m_fd, buffer, sizeof buffer, 0);
                if (r <= 0) {
                    eof = true;
                    continue;
                }
                nghttp2_session_mem_recv(m_session, reinterpret_cast<uint8_t *>(buffer),
                                         size_t(r));
            }
        }
        return true;
    }

    std::map<std::int32_t, Result> results;
    int goaways = 0;
    std::int32_t goawayLastStream = -1;
    bool eof = false;

private:
    struct Upload
    {
        const std::string *body;
        size_t offset;
    };
    int m_fd = -1;
    bool m_connected = false;
    nghttp2_session *m_session = nullptr;
    std::vector<std::unique_ptr<Upload>> m_bodies;
};

} // namespace TestSupport
