#pragma once

// What the black-box tests of `toriictl serve` share: the real binary as a child process
// (ServeProcess), a minimal HTTP/1.1 response reader over a raw socket that does not use the
// project's codec (so a codec bug cannot hide itself), curl as a child process, and SinkBackend:
// a real local app the tests bind with --backend, which reports what it received (size and
// SHA-256 of the decoded body, framing) and can answer with a chunked body.
//
// Written against the process's output and sockets only: the data plane under it may be replaced
// (Qt sockets → epoll) and these tests must pass unchanged.

#include <QtCore/QCryptographicHash>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtTest/QTest>

#include <arpa/inet.h>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace Torii::Test {

// `toriictl serve` in a child process, stdout and stderr merged in order.
class ServeProcess
{
public:
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts `toriictl serve ARGS` and waits for "serving;". False (with the output in output())
    // when it exits or does not get there in 30 s.
    bool start(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(TORIICTL_PATH));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TORII_LANG"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setArguments(QStringList{QStringLiteral("serve")} + arguments);
        m_process.start();
        if (!m_process.waitForStarted()) {
            return false;
        }
        return waitFor(QStringLiteral("serving;"), 30000);
    }

    // Waits until the output since `from` (an offset into output()) contains `text`.
    bool waitFor(const QString &text, int timeoutMs, qsizetype from = 0)
    {
        QElapsedTimer clock;
        clock.start();
        while (!m_output.mid(from).contains(text.toUtf8())) {
            if (clock.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning) {
                m_output += m_process.readAll();
                return m_output.mid(from).contains(text.toUtf8());
            }
            m_process.waitForReadyRead(50);
            m_output += m_process.readAll();
        }
        return true;
    }

    const QByteArray &output()
    {
        m_output += m_process.readAll();
        return m_output;
    }

    // The local port printed for a Gateway's listener, 0 when none.
    quint16 port(const QString &gateway, int listenerPort)
    {
        const QRegularExpression line(
            QRegularExpression::escape(gateway) +
            QStringLiteral(" listener %1 \\(HTTP\\) → http://[^:]+:(\\d+)").arg(listenerPort));
        quint16 found = 0;
        auto it = line.globalMatch(QString::fromUtf8(output())); // the latest line wins
        while (it.hasNext()) {
            found = static_cast<quint16>(it.next().captured(1).toUInt());
        }
        return found;
    }

    qint64 pid() const { return m_process.processId(); }
    QProcess &process() { return m_process; }

    // A line of /proc/PID/status in kB ("VmHWM", "VmRSS"); -1 when unreadable.
    qint64 statusKb(const char *field) const
    {
        QFile f(QStringLiteral("/proc/%1/status").arg(pid()));
        if (!f.open(QIODevice::ReadOnly)) {
            return -1;
        }
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith(QByteArray(field) + ':')) {
                return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong();
            }
        }
        return -1;
    }

    // Sends `signal` and waits for the exit; the exit code, or -1 if it crashed or hung.
    int stopWith(int signal)
    {
        ::kill(static_cast<pid_t>(pid()), signal);
        if (!m_process.waitForFinished(15000)) {
            return -1;
        }
        m_output += m_process.readAll();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

// A parsed response, as read from the wire by ResponseReader.
struct RawResponse
{
    int status = 0;
    QByteArray head;                               // status line and fields, as received
    std::multimap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;                               // decoded (chunked framing removed)
    bool chunked = false;

    QByteArray header(const QByteArray &name) const
    {
        const auto it = headers.find(name.toLower());
        return it == headers.end() ? QByteArray() : it->second;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A blocking client over a POSIX socket: write raw bytes, read responses one at a time (1xx
// interim ones included, as their own response). Independent of engine/http on purpose.
class RawConnection
{
public:
    explicit RawConnection(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~RawConnection()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    bool connected() const { return m_fd >= 0; }

    bool send(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n =
                ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        return true;
    }

    // Reads one response (of a request with `method`); nullopt on timeout or a close before a
    // complete response.
    std::optional<RawResponse> read(int timeoutMs = 10000, const QByteArray &method = "GET")
    {
        RawResponse r;
        qsizetype end;
        while ((end = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (!fill(timeoutMs)) {
                return std::nullopt;
            }
        }
        r.head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> lines = r.head.split('\n');
        r.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                r.headers.emplace(line.left(colon).trimmed().toLower(),
                                  line.mid(colon + 1).trimmed());
            }
        }
        if (r.status / 100 == 1 || r.status == 204 || r.status == 304 || method == "HEAD") {
            return r;
        }
        r.chunked = r.header("transfer-encoding").toLower().contains("chunked");
        if (r.chunked) {
            for (;;) {
                qsizetype lineEnd;
                while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                    if (!fill(timeoutMs)) {
                        return std::nullopt;
                    }
                }
                bool ok = false;
                const qint64 size =
                    m_buffer.left(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok) {
                    return std::nullopt;
                }
                m_buffer.remove(0, lineEnd + 2);
                if (size == 0) {
                    while ((lineEnd = m_buffer.indexOf("\r\n")) != 0) { // trailers, then the end
                        if (lineEnd > 0) {
                            m_buffer.remove(0, lineEnd + 2);
                        } else if (!fill(timeoutMs)) {
                            return std::nullopt;
                        }
                    }
                    m_buffer.remove(0, 2);
                    return r;
                }
                while (m_buffer.size() < size + 2) {
                    if (!fill(timeoutMs)) {
                        return std::nullopt;
                    }
                }
                r.body += m_buffer.left(size);
                m_buffer.remove(0, size + 2);
            }
        }
        if (r.headers.count("content-length")) {
            const qint64 length = r.header("content-length").toLongLong();
            while (m_buffer.size() < length) {
                if (!fill(timeoutMs)) {
                    return std::nullopt;
                }
            }
            r.body = m_buffer.left(length);
            m_buffer.remove(0, length);
            return r;
        }
        while (fill(timeoutMs)) { // close-delimited
        }
        r.body = m_buffer;
        m_buffer.clear();
        return r;
    }

    // True when the peer closed the connection within `timeoutMs` (bytes before it are dropped).
    bool closedWithin(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < timeoutMs) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char b[4096];
                const ssize_t n = ::recv(m_fd, b, sizeof b, 0);
                if (n <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

private:
    bool fill(int timeoutMs)
    {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0) {
            return false;
        }
        char b[65536];
        const ssize_t n = ::recv(m_fd, b, sizeof b, 0);
        if (n <= 0) {
            return false;
        }
        m_buffer.append(b, n);
        return true;
    }

    int m_fd = -1;
    QByteArray m_buffer;
};

struct CurlResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CurlResult curl(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{QStringLiteral("-sS")} + arguments);
    CurlResult r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// A real local app on 127.0.0.1 (blocking sockets, a thread per connection, keep-alive). For each
// request it reads the whole body (Content-Length or chunked) into a SHA-256 and answers JSON:
// {"method","path","received","sha256","chunked","expect"}. GET /chunked/N answers N bytes of
// "0123456789…" in chunks of 1000 (chunked response). It answers "100 Continue" itself when asked.
class SinkBackend
{
public:
    SinkBackend()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_listen, 64);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~SinkBackend()
    {
        m_stopping = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_acceptor.join();
        std::lock_guard lock(m_mutex);
        for (int fd : m_connections) {
            ::shutdown(fd, SHUT_RDWR);
        }
        for (std::thread &t : m_threads) {
            t.join();
        }
    }
    quint16 port() const { return m_port; }

private:
    void acceptLoop()
    {
        while (!m_stopping) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0) {
                return;
            }
            std::lock_guard lock(m_mutex);
            m_connections.push_back(fd);
            m_threads.emplace_back([this, fd] {
                serve(fd);
                ::close(fd);
            });
        }
    }

    static bool readMore(int fd, std::string &buffer)
    {
        char b[256 * 1024];
        const ssize_t n = ::recv(fd, b, sizeof b, 0);
        if (n <= 0) {
            return false;
        }
        buffer.append(b, size_t(n));
        return true;
    }

    static bool sendAll(int fd, const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n =
                ::send(fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            done += n;
        }
        return true;
    }

    static void serve(int fd)
    {
        std::string buffer;
        for (;;) {
            size_t end;
            while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
                if (!readMore(fd, buffer)) {
                    return;
                }
            }
            const QByteArray head = QByteArray::fromStdString(buffer.substr(0, end));
            buffer.erase(0, end + 4);
            const QList<QByteArray> lines = head.split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            std::optional<qint64> length;
            bool chunked = false;
            bool expect = false;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
                const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed().toLower();
                if (name == "content-length") {
                    length = value.toLongLong();
                } else if (name == "transfer-encoding") {
                    chunked = value.contains("chunked");
                } else if (name == "expect") {
                    expect = value == "100-continue";
                }
            }
            if (expect && !sendAll(fd, "HTTP/1.1 100 Continue\r\n\r\n")) {
                return;
            }
            QCryptographicHash sha(QCryptographicHash::Sha256);
            qint64 received = 0;
            const auto take = [&](size_t n) {
                sha.addData(QByteArrayView(buffer.data(), qsizetype(n)));
                received += qint64(n);
                buffer.erase(0, n);
            };
            if (chunked) {
                for (;;) {
                    size_t lineEnd;
                    while ((lineEnd = buffer.find("\r\n")) == std::string::npos) {
                        if (!readMore(fd, buffer)) {
                            return;
                        }
                    }
                    const qint64 size = std::stoll(buffer.substr(0, lineEnd), nullptr, 16);
                    buffer.erase(0, lineEnd + 2);
                    if (size == 0) {
                        while ((lineEnd = buffer.find("\r\n")) != 0) {
                            if (lineEnd != std::string::npos) {
                                buffer.erase(0, lineEnd + 2);
                            } else if (!readMore(fd, buffer)) {
                                return;
                            }
                        }
                        buffer.erase(0, 2);
                        break;
                    }
                    qint64 left = size;
                    while (left > 0) {
                        if (buffer.empty() && !readMore(fd, buffer)) {
                            return;
                        }
                        const size_t n = std::min<size_t>(buffer.size(), size_t(left));
                        take(n);
                        left -= qint64(n);
                    }
                    while (buffer.size() < 2) {
                        if (!readMore(fd, buffer)) {
                            return;
                        }
                    }
                    buffer.erase(0, 2);
                }
            } else if (length) {
                qint64 left = *length;
                while (left > 0) {
                    if (buffer.empty() && !readMore(fd, buffer)) {
                        return;
                    }
                    const size_t n = std::min<size_t>(buffer.size(), size_t(left));
                    take(n);
                    left -= qint64(n);
                }
            }
            const QByteArray path = requestLine.value(1);
            if (path.startsWith("/chunked/")) {
                const qint64 total = path.mid(9).toLongLong();
                QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                 "Transfer-Encoding: chunked\r\n\r\n";
                QByteArray pattern;
                for (qint64 i = 0; i < total; ++i) {
                    pattern += char('0' + i % 10);
                }
                for (qint64 at = 0; at < total; at += 1000) {
                    const QByteArray piece = pattern.mid(at, 1000);
                    out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
                }
                out += "0\r\n\r\n";
                if (!sendAll(fd, out)) {
                    return;
                }
                continue;
            }
            QJsonObject answer;
            answer[QStringLiteral("method")] = QString::fromUtf8(requestLine.value(0));
            answer[QStringLiteral("path")] = QString::fromUtf8(path);
            answer[QStringLiteral("received")] = received;
            answer[QStringLiteral("sha256")] = QString::fromLatin1(sha.result().toHex());
            answer[QStringLiteral("chunked")] = chunked;
            answer[QStringLiteral("expect")] = expect;
            const QByteArray body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
            if (!sendAll(fd,
                         "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                             QByteArray::number(body.size()) + "\r\n\r\n" + body)) {
                return;
            }
        }
    }

    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<int> m_connections;
    std::vector<std::thread> m_threads;
};

} // namespace Torii::Test
