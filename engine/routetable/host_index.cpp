#include "host_index.h"

#include <algorithm>
#include <tuple>

namespace Torii::RouteTable::Internal {
namespace {

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

int rankOf(std::string_view key)
{
    if (key == "*") {
        return 2;
    }
    return key.substr(0, 2) == "*." ? 1 : 0;
}

} // namespace

std::string normalizeHostKey(std::string_view hostname)
{
    if (hostname.size() > 1 && hostname.back() == '.') {
        hostname.remove_suffix(1);
    }
    if (hostname.empty()) {
        return "*";
    }
    std::string key(hostname);
    std::transform(key.begin(), key.end(), key.begin(), lowerAscii);
    return key;
}

bool hostKeyPrecedes(std::string_view a, std::string_view b)
{
    const int aRank = rankOf(a);
    const int bRank = rankOf(b);
    if (aRank != bRank) {
        return aRank < bRank;
    }
    if (aRank == 1) {
        const auto aLabels = std::count(a.begin(), a.end(), '.');
        const auto bLabels = std::count(b.begin(), b.end(), '.');
        return std::make_tuple(bLabels, b.size(), a) < std::make_tuple(aLabels, a.size(), b);
    }
    return a < b;
}

std::string_view stripHostPort(std::string_view host)
{
    if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        host = host.substr(0, close == std::string_view::npos ? host.size() : close + 1);
    } else if (const std::size_t colon = host.find(':');
               colon != std::string_view::npos &&
               host.find(':', colon + 1) == std::string_view::npos) {
        host = host.substr(0, colon); // exactly one ':' is a port; several are a bare IPv6
    }
    if (host.size() > 1 && host.back() == '.') {
        host.remove_suffix(1);
    }
    return host;
}

void HostIndex::build(const std::vector<std::string> &keys, const std::vector<bool> &eligible)
{
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!eligible[i]) {
            continue;
        }
        const std::string &key = keys[i];
        const int index = static_cast<int>(i);
        if (key == "*") {
            m_any = index;
        } else if (key.substr(0, 2) == "*.") {
            m_wildcard.emplace(key.substr(2), index);
        } else {
            m_exact.emplace(key, index);
        }
    }
}

HostIndex::Choice HostIndex::choose(std::string_view host) const
{
    host = stripHostPort(host);
    // Hostnames are at most 253 characters: a longer Host can only land on "*".
    char buffer[256];
    // Empty maps are common (routes without hostnames): then no name is lowered or hashed.
    if (host.size() < sizeof buffer && !(m_exact.empty() && m_wildcard.empty())) {
        std::transform(host.begin(), host.end(), buffer, lowerAscii);
        const std::string_view name(buffer, host.size());
        if (const auto it = m_exact.find(name); it != m_exact.end()) {
            return {it->second, Kind::Exact};
        }
        // Suffixes after each '.', longest first: the first hit has the most labels. The apex
        // itself is never looked up, so "*.example.com" never matches "example.com".
        for (std::size_t dot = m_wildcard.empty() ? std::string_view::npos : name.find('.');
             dot != std::string_view::npos;
             dot = name.find('.', dot + 1)) {
            if (const auto it = m_wildcard.find(name.substr(dot + 1)); it != m_wildcard.end()) {
                return {it->second, Kind::Wildcard};
            }
        }
    }
    if (m_any >= 0) {
        return {m_any, Kind::Any};
    }
    return {};
}

} // namespace Torii::RouteTable::Internal
