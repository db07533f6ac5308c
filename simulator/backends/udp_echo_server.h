#pragma once

#include "echo_identity.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

// One endpoint (pod) of a mock Service behind a UDPRoute:
// - Mode::Echo, as echo-basic with UDP_ECHO_SERVER (../shared/conformance/cases/FAMILIES.md §3):
//   each datagram is answered with one datagram
//   {"request":"<datagram>","namespace":"…","ingress":"…","service":"…","pod":"…"} to its sender,
//   so a client can tell which endpoint (and Service) answered.
// - Mode::Dns, the stand-in for the conformance `coredns` Service: a standard query gets a reply
//   with its message ID and question; an A question is answered with the asker's IPv4 address
//   (as coredns' whoami plugin does), anything else with no answer records; a malformed
//   query gets FORMERR.
// Thread: start()/stop() from one owning thread; one receive thread. The destructor stops it.
namespace Torii::Backends {

class UdpEchoServer
{
public:
    enum class Mode { Echo, Dns };
    UdpEchoServer(Mode mode, EchoIdentity identity);
    ~UdpEchoServer();
    UdpEchoServer(const UdpEchoServer &) = delete;
    UdpEchoServer &operator=(const UdpEchoServer &) = delete;

    // Binds 127.0.0.1:`port` (0: the OS chooses). Empty on success, else why (English).
    std::string start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    std::uint64_t answered() const { return m_answered.load(); }

    // The answers, pure (exposed for tests). `dnsAnswer` returns "" for a datagram that is not
    // worth an answer (shorter than a DNS header, or itself a response).
    static std::string echoAnswer(const EchoIdentity &identity, std::string_view datagram);
    static std::string dnsAnswer(std::string_view query, std::uint32_t askerIpv4);

private:
    void receiveLoop();

    Mode m_mode;
    EchoIdentity m_identity;
    int m_fd = -1;
    int m_stopPipe[2] = {-1, -1};
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<std::uint64_t> m_answered{0};
};

} // namespace Torii::Backends
