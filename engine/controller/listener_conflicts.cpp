#include "listener_conflicts.h"

namespace Torii::Controller::Internal {

namespace {

// Listeners that share a port must differ in what picks them: HTTP, HTTPS and TLS by hostname,
// TCP and UDP only by port. Torii serves one kind of traffic per port (a port's table has one
// protocol), so listeners of different protocol keys on one port conflict, as the spec allows
// for implementations that "cannot mix HTTPS and generic TLS listens on the same port". UDP
// ports are a separate space from TCP ones.
std::string protocolKey(const ListenerState &state)
{
    if (state.protocol == ListenerProtocol::Tls) {
        return state.passthrough ? "TLS (Passthrough)" : "TLS (Terminate)";
    }
    return protocolName(state.protocol);
}

std::optional<Verdict> conflictBetween(const ListenerState &a, const ListenerState &b)
{
    if (a.port() != b.port()) {
        return std::nullopt;
    }
    const bool udpA = a.protocol == ListenerProtocol::Udp;
    const bool udpB = b.protocol == ListenerProtocol::Udp;
    if (udpA != udpB) {
        return std::nullopt;
    }
    const std::string port = std::to_string(a.port());
    if (protocolKey(a) != protocolKey(b)) {
        return Verdict::no(Reason::ProtocolConflict,
                           "Port " + port + " is used with protocol " + protocolKey(b) + " by " +
                               b.display() + "; this listener uses " + protocolKey(a) + ".");
    }
    const bool byHostname = a.protocol == ListenerProtocol::Http ||
                            a.protocol == ListenerProtocol::Https ||
                            a.protocol == ListenerProtocol::Tls;
    if (byHostname && a.hostname != b.hostname) {
        return std::nullopt;
    }
    return Verdict::no(Reason::HostnameConflict,
                       "Port " + port + ", protocol " + protocolKey(a) + " and hostname " +
                           a.hostname.value_or("(any)") + " are also used by " + b.display() + ".");
}

} // namespace

void detectConflicts(const std::vector<std::vector<ListenerState *>> &sources)
{
    std::vector<const ListenerState *> winners; // unconflicted listeners of earlier groups
    for (const std::vector<ListenerState *> &group : sources) {
        std::vector<ListenerState *> candidates;
        for (ListenerState *listener : group) {
            if (!listener->accepted.ok) {
                continue; // an unsupported listener claims nothing
            }
            for (const ListenerState *winner : winners) {
                if (auto conflict = conflictBetween(*listener, *winner)) {
                    listener->conflicted = *conflict;
                    break;
                }
            }
            if (listener->conflicted.ok) {
                candidates.push_back(listener);
            }
        }
        // Inside one group no listener wins: every member of a conflicting pair is conflicted.
        std::vector<Verdict> found(candidates.size(), Verdict::yes(Reason::NoConflicts, ""));
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            for (std::size_t j = 0; j < candidates.size(); ++j) {
                if (i == j || !found[i].ok) {
                    continue;
                }
                if (auto conflict = conflictBetween(*candidates[i], *candidates[j])) {
                    found[i] = *conflict;
                }
            }
        }
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (!found[i].ok) {
                candidates[i]->conflicted = found[i];
            } else {
                winners.push_back(candidates[i]);
            }
        }
    }
}

} // namespace Torii::Controller::Internal
