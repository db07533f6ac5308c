#include "mirror_policy.h"

#include <algorithm>

namespace Torii::Proxy::Internal {

MirrorPolicy::MirrorPolicy(
    std::initializer_list<const std::vector<RouteTable::Filter> *> filterLists)
{
    for (const std::vector<RouteTable::Filter> *filters : filterLists) {
        if (filters == nullptr) {
            continue;
        }
        for (const RouteTable::Filter &filter : *filters) {
            if (filter.type == RouteTable::Filter::Type::RequestMirror && filter.mirror.backend &&
                filter.mirror.backend->isValid()) {
                m_mirrors.push_back(&filter.mirror);
            }
        }
    }
}

bool MirrorPolicy::fires(double percent, double r)
{
    if (percent >= 100.0) {
        return true;
    }
    if (percent <= 0.0) {
        return false;
    }
    return r * 100.0 < percent;
}

std::vector<const RouteTable::Backend *>
MirrorPolicy::firing(const std::function<double()> &random) const
{
    std::vector<const RouteTable::Backend *> out;
    for (const RouteTable::RequestMirror *mirror : m_mirrors) {
        const bool needsDraw = mirror->percent > 0.0 && mirror->percent < 100.0;
        const double r = needsDraw && random ? random() : 0.0;
        if (fires(mirror->percent, r)) {
            out.push_back(mirror->backend.get());
        }
    }
    return out;
}

std::string MirrorPolicy::shadowHost(const std::string &host)
{
    if (host.empty() || host.front() == '[') {
        return host;
    }
    const std::size_t colon = host.rfind(':');
    const std::string name = host.substr(0, colon);
    const bool ipv4 = std::all_of(name.begin(), name.end(),
                                  [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    if (name.empty() || ipv4) {
        return host;
    }
    return name + "-shadow" + (colon == std::string::npos ? std::string() : host.substr(colon));
}

Http::RequestHead MirrorPolicy::mirroredHead(const Http::RequestHead &upstreamHead,
                                             const MirrorHeadOptions &options)
{
    Http::RequestHead copy = upstreamHead;
    if (options.shadowHostSuffix) {
        if (const Http::HeaderField *host = copy.headers.find("Host")) {
            copy.headers.set("Host", shadowHost(host->value));
        }
    }
    return copy;
}

} // namespace Torii::Proxy::Internal
