// RouteTableBuilder: collects rows, then sorts them by precedence and indexes them per host.
#include "precedence.h"
#include "table_data.h"

#include <algorithm>
#include <map>
#include <set>

namespace Torii::RouteTable {

using namespace Internal;

struct RouteTableBuilder::Data
{
    struct PendingHttp
    {
        int port;
        std::vector<std::string> hostnames;
        HttpRoute route;
    };
    struct PendingStream
    {
        int port;
        std::vector<std::string> hostnames;
        StreamRoute route;
    };
    std::map<int, ListenerProtocol> declared; // addListener(): the first protocol wins
    std::map<int, ListenerProtocol> implied;  // ports only seen in addHttpRoute/addStreamRoute
    std::map<int, std::set<std::string>> listenerHosts; // addListenerHost(): entries even when empty
    std::vector<PendingHttp> http;
    std::vector<PendingStream> streams;
};

namespace {

struct HostBuild
{
    std::vector<std::size_t> rows;    // indexes into TableData::httpRoutes
    std::vector<std::size_t> streams; // indexes into TableData::streamRoutes
};

// Distinct normalized host keys; no hostname at all means any host.
std::set<std::string> hostKeys(const std::vector<std::string> &hostnames)
{
    std::set<std::string> keys;
    for (const std::string &hostname : hostnames) {
        keys.insert(normalizeHostKey(hostname));
    }
    if (keys.empty()) {
        keys.insert("*");
    }
    return keys;
}

} // namespace

RouteTableBuilder::RouteTableBuilder()
    : m_data(std::make_unique<Data>())
{}

RouteTableBuilder::~RouteTableBuilder() = default;

void RouteTableBuilder::addListener(int port, ListenerProtocol protocol)
{
    m_data->declared.emplace(port, protocol);
}

void RouteTableBuilder::addListenerHost(int port, const std::string &hostname)
{
    m_data->listenerHosts[port].insert(normalizeHostKey(hostname.empty() ? "*" : hostname));
}

void RouteTableBuilder::addHttpRoute(int port, const std::vector<std::string> &hostnames,
                                     HttpRoute route)
{
    m_data->implied.emplace(port, ListenerProtocol::HTTP);
    m_data->http.push_back({port, hostnames, std::move(route)});
}

void RouteTableBuilder::addStreamRoute(int port, const std::vector<std::string> &hostnames,
                                       StreamRoute route)
{
    const bool named = std::any_of(hostnames.begin(), hostnames.end(),
                                   [](const std::string &h) { return normalizeHostKey(h) != "*"; });
    m_data->implied.emplace(port, named ? ListenerProtocol::TLS : ListenerProtocol::TCP);
    m_data->streams.push_back({port, hostnames, std::move(route)});
}

std::shared_ptr<const RouteTable> RouteTableBuilder::build(Core::Diagnostics *diagnostics)
{
    std::shared_ptr<RouteTable> table(new RouteTable());
    TableData &out = *table->m_data;
    std::map<int, ListenerProtocol> protocols = m_data->declared;
    protocols.insert(m_data->implied.begin(), m_data->implied.end());
    std::map<int, std::map<std::string, HostBuild>> byPort;

    std::vector<PrecedenceKey> keys;
    keys.reserve(m_data->http.size());
    for (Data::PendingHttp &pending : m_data->http) {
        const HttpRoute &route = out.httpRoutes.emplace_back(std::move(pending.route));
        out.compiled.push_back(compileMatch(route, diagnostics));
        keys.push_back(precedenceKey(route, *out.compiled.back(), keys.size()));
        for (const std::string &key : hostKeys(pending.hostnames)) {
            byPort[pending.port][key].rows.push_back(keys.size() - 1);
        }
    }
    for (Data::PendingStream &pending : m_data->streams) {
        out.streamRoutes.emplace_back(std::move(pending.route));
        for (const std::string &key : hostKeys(pending.hostnames)) {
            byPort[pending.port][key].streams.push_back(out.streamRoutes.size() - 1);
        }
    }
    const auto streamBefore = [&](std::size_t a, std::size_t b) {
        return streamPrecedes(out.streamRoutes[a], a, out.streamRoutes[b], b);
    };

    for (const auto &[port, hostsOfPort] : m_data->listenerHosts) {
        for (const std::string &key : hostsOfPort) {
            byPort[port][key]; // an entry with no rows: a 404 for its hosts, no fall-through
        }
    }
    for (const auto &[port, protocol] : protocols) {
        PortTable &portTable = out.ports.emplace_back();
        portTable.port = port;
        portTable.protocol = protocol;
        std::map<std::string, HostBuild> &hosts = byPort[port];
        std::vector<std::string> order;
        for (const auto &[key, build] : hosts) {
            order.push_back(key);
        }
        std::sort(order.begin(), order.end(),
                  [](const std::string &a, const std::string &b) { return hostKeyPrecedes(a, b); });
        std::vector<bool> hasRoutes;
        std::vector<bool> hasStreams;
        std::vector<std::size_t> allStreams;
        for (const std::string &key : order) {
            HostBuild &build = hosts[key];
            std::sort(build.rows.begin(), build.rows.end(),
                      [&](std::size_t a, std::size_t b) { return precedes(keys[a], keys[b]); });
            std::sort(build.streams.begin(), build.streams.end(), streamBefore);
            HostEntry &entry = portTable.hosts.emplace_back();
            entry.key = key;
            for (std::size_t row : build.rows) {
                entry.routes.push_back(&out.httpRoutes[row]);
                entry.matches.push_back(out.compiled[row].get());
            }
            for (std::size_t stream : build.streams) {
                entry.streams.push_back(&out.streamRoutes[stream]);
            }
            allStreams.insert(allStreams.end(), build.streams.begin(), build.streams.end());
            entry.index.build(entry.matches);
            // A listener's own host entry is selectable even when empty (a 404, no fall-through).
            const bool declared = m_data->listenerHosts[port].count(key) > 0;
            hasRoutes.push_back(declared || !entry.routes.empty());
            hasStreams.push_back(declared || !entry.streams.empty());
        }
        portTable.httpHosts.build(order, hasRoutes);
        portTable.streamHosts.build(order, hasStreams);
        if (!allStreams.empty()) {
            portTable.firstStream = &out.streamRoutes[*std::min_element(
                allStreams.begin(), allStreams.end(), streamBefore)];
        }
    }
    m_data = std::make_unique<Data>();
    return table;
}

} // namespace Torii::RouteTable
