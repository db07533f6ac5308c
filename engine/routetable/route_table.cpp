// RouteTable's read side: views, lookup, explain, stream lookup. Everything here is const and
// touches only immutable data, so any number of threads may call it at once.
#include "route_table.h"

#include "table_data.h"

#include <algorithm>

namespace Torii::RouteTable {

using namespace Internal;

namespace {

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

// Why the host entry was (or was not) chosen, for explain().
std::string hostReason(const PortTable &port, const Request &request, HostIndex::Choice choice)
{
    const std::string host = quoted(request.host);
    const std::string normalized = quoted(stripHostPort(request.host));
    const std::string entry = choice.entry >= 0 ? quoted(port.hosts[choice.entry].key) : "";
    switch (choice.kind) {
    case HostIndex::Kind::Exact:
        return "host " + host + " selects entry " + entry + ": exact name";
    case HostIndex::Kind::Wildcard:
        return "host " + host + " selects entry " + entry +
               ": no exact entry; the most specific wildcard matching " + normalized;
    case HostIndex::Kind::Any:
        return "host " + host + " selects entry \"*\": no exact or wildcard entry matches " +
               normalized;
    case HostIndex::Kind::None:
        break;
    }
    return "host " + host + " matches no host entry on port " + std::to_string(port.port) +
           " (no exact name, no wildcard, no \"*\")";
}

} // namespace

const PortTable *TableData::find(int port) const
{
    const auto it = std::lower_bound(ports.begin(), ports.end(), port,
                                     [](const PortTable &p, int value) { return p.port < value; });
    return it != ports.end() && it->port == port ? &*it : nullptr;
}

RouteTable::RouteTable()
    : m_data(std::make_unique<Data>())
{}

RouteTable::~RouteTable() = default;

std::vector<int> RouteTable::ports() const
{
    std::vector<int> out;
    for (const PortTable &port : m_data->ports) {
        out.push_back(port.port);
    }
    return out;
}

std::optional<RouteTable::ListenerView> RouteTable::listener(int port) const
{
    const PortTable *table = m_data->find(port);
    if (!table) {
        return std::nullopt;
    }
    ListenerView view;
    view.port = table->port;
    view.protocol = table->protocol;
    for (const HostEntry &entry : table->hosts) {
        view.hosts.push_back(HostView{entry.key, entry.routes, entry.streams});
    }
    return view;
}

MatchResult RouteTable::lookup(int port, const RequestRef &request) const
{
    MatchResult result;
    const PortTable *table = m_data->find(port);
    if (!table) {
        return result;
    }
    const HostIndex::Choice choice = table->httpHosts.choose(request.host);
    if (choice.entry < 0) {
        return result;
    }
    const HostEntry &entry = table->hosts[static_cast<std::size_t>(choice.entry)];
    result.hostnameKey = entry.key;
    const int row = entry.index.firstMatch(makeRequestView(request));
    if (row >= 0) {
        result.route = entry.routes[static_cast<std::size_t>(row)];
    }
    return result;
}

Explanation RouteTable::explain(int port, const Request &request) const
{
    Explanation explanation;
    const PortTable *table = m_data->find(port);
    if (!table) {
        explanation.hostReason = "port " + std::to_string(port) + " has no listener";
        return explanation;
    }
    const HostIndex::Choice choice = table->httpHosts.choose(request.host);
    explanation.hostReason = hostReason(*table, request, choice);
    if (choice.entry < 0) {
        return explanation;
    }
    const HostEntry &entry = table->hosts[static_cast<std::size_t>(choice.entry)];
    explanation.result.hostnameKey = entry.key;
    const RequestView view = makeRequestView(request.ref());
    // Walks every row in precedence order (not the index): the explanation of a miss lists all
    // rows, and a walk that agrees with the index's answer is a check of the index.
    for (std::size_t i = 0; i < entry.routes.size(); ++i) {
        Explanation::Step step{entry.routes[i], entry.key, false, {}};
        step.matched = evaluate(*entry.matches[i], view, &step.reason);
        explanation.steps.push_back(std::move(step));
        if (explanation.steps.back().matched) {
            explanation.result.route = entry.routes[i];
            break;
        }
    }
    return explanation;
}

const StreamRoute *RouteTable::lookupStream(int port, std::string_view serverName) const
{
    const PortTable *table = m_data->find(port);
    if (!table) {
        return nullptr;
    }
    if (table->protocol == ListenerProtocol::TCP || table->protocol == ListenerProtocol::UDP) {
        return table->firstStream;
    }
    const HostIndex::Choice choice = table->streamHosts.choose(serverName);
    if (choice.entry < 0) {
        return nullptr;
    }
    // A listener's host entry without a route (declared for isolation) answers nothing.
    const auto &streams = table->hosts[static_cast<std::size_t>(choice.entry)].streams;
    return streams.empty() ? nullptr : streams.front();
}

const char *toString(ListenerProtocol protocol)
{
    switch (protocol) {
    case ListenerProtocol::HTTP:
        return "HTTP";
    case ListenerProtocol::HTTPS:
        return "HTTPS";
    case ListenerProtocol::TLS:
        return "TLS";
    case ListenerProtocol::TCP:
        return "TCP";
    case ListenerProtocol::UDP:
        return "UDP";
    }
    return "?";
}

const char *toString(PathMatchType type)
{
    switch (type) {
    case PathMatchType::Exact:
        return "Exact";
    case PathMatchType::PathPrefix:
        return "PathPrefix";
    case PathMatchType::RegularExpression:
        return "RegularExpression";
    }
    return "?";
}

const char *toString(StringMatchType type)
{
    return type == StringMatchType::Exact ? "Exact" : "RegularExpression";
}

} // namespace Torii::RouteTable
