#include "hostname_match.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace Torii::Tls {

namespace {

std::vector<std::string_view> labels(std::string_view name)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        out.push_back(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) {
            return out;
        }
        start = dot + 1;
    }
}

} // namespace

std::string normalizeHostname(std::string_view name)
{
    std::string out(name);
    if (!out.empty() && out.back() == '.') {
        out.pop_back();
    }
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool listenerHostMatches(std::string_view pattern, std::string_view serverName)
{
    const std::string p = normalizeHostname(pattern);
    const std::string name = normalizeHostname(serverName);
    if (p.empty() || p == "*") {
        return true;
    }
    if (p.rfind("*.", 0) == 0) {
        const std::string_view suffix = std::string_view(p).substr(1); // ".example.com"
        return name.size() > suffix.size() &&
               name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    }
    return p == name;
}

int listenerHostSpecificity(std::string_view pattern)
{
    const std::string p = normalizeHostname(pattern);
    if (p.empty() || p == "*") {
        return 0;
    }
    if (p.rfind("*.", 0) == 0) {
        return 1 + static_cast<int>(p.size()); // below every exact name
    }
    return 1 << 20;
}

bool certificateNameMatches(std::string_view dnsName, std::string_view host)
{
    const std::string pattern = normalizeHostname(dnsName);
    const std::string name = normalizeHostname(host);
    if (pattern.empty() || name.empty()) {
        return false;
    }
    const auto patternLabels = labels(pattern);
    const auto hostLabels = labels(name);
    if (patternLabels.size() != hostLabels.size()) {
        return false;
    }
    for (std::size_t i = 0; i < patternLabels.size(); ++i) {
        if (i == 0 && patternLabels[i] == "*") {
            continue;
        }
        if (patternLabels[i] != hostLabels[i]) {
            return false;
        }
    }
    return true;
}

} // namespace Torii::Tls
