#include "row_index.h"

#include <algorithm>

namespace Torii::RouteTable::Internal {
namespace {

struct Span
{
    const std::uint32_t *next;
    const std::uint32_t *end;
};

std::size_t depthOf(std::string_view key)
{
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), '/'));
}

// Collects the candidate lists of `request` into `spans` (capacity checked by the caller).
template<typename Push>
void collectSpans(const StringMap<std::vector<std::uint32_t>> &exact,
                  const StringMap<std::vector<std::uint32_t>> &prefix,
                  const std::vector<std::uint32_t> &scan, std::size_t maxDepth,
                  std::string_view path, Push push)
{
    const auto add = [&](const std::vector<std::uint32_t> &ids) {
        if (!ids.empty()) {
            push(Span{ids.data(), ids.data() + ids.size()});
        }
    };
    if (const auto it = exact.find(path); it != exact.end()) {
        add(it->second);
    }
    if (const auto it = prefix.find(std::string_view("/")); it != prefix.end()) {
        add(it->second);
    }
    // Element prefixes: "/a/b/c" → "/a", "/a/b", "/a/b/c".
    std::size_t depth = 0;
    for (std::size_t i = 2; i <= path.size() && depth < maxDepth; ++i) {
        if (i == path.size() || path[i] == '/') {
            ++depth;
            if (const auto it = prefix.find(path.substr(0, i)); it != prefix.end()) {
                add(it->second);
            }
        }
    }
    add(scan);
}

} // namespace

void RowIndex::build(const std::vector<const CompiledMatch *> &matches)
{
    m_matches = matches;
    for (std::uint32_t id = 0; id < matches.size(); ++id) {
        const CompiledMatch &match = *matches[id];
        if (!match.isValid()) {
            continue; // never matches: keep it out of every list
        }
        if (match.grpcExactBoth()) {
            m_exact["/" + match.grpcService->value + "/" + match.grpcMethod->value].push_back(id);
        } else if (match.grpcService && !match.grpcMethod &&
                   match.grpcService->type == StringMatchType::Exact) {
            m_prefix["/" + match.grpcService->value].push_back(id);
        } else if (match.grpcService || match.grpcMethod) {
            m_scan.push_back(id);
        } else if (!match.hasPath) {
            m_prefix["/"].push_back(id);
        } else if (match.pathType == PathMatchType::Exact) {
            m_exact[match.pathValue].push_back(id);
        } else if (match.pathType == PathMatchType::PathPrefix) {
            m_prefix[match.prefixKey].push_back(id);
        } else {
            m_scan.push_back(id);
        }
    }
    for (const auto &[key, ids] : m_prefix) {
        if (key != "/") {
            m_maxPrefixDepth = std::max(m_maxPrefixDepth, depthOf(key));
        }
    }
}

int RowIndex::firstMatch(const RequestView &request) const
{
    Span inlineSpans[kInlineSpans];
    std::vector<Span> heapSpans; // only for tables with prefixes deeper than kInlineSpans - 3
    const bool inlineFits = m_maxPrefixDepth + 3 <= kInlineSpans;
    std::size_t count = 0;
    collectSpans(m_exact, m_prefix, m_scan, m_maxPrefixDepth, request.path, [&](Span span) {
        if (inlineFits) {
            inlineSpans[count++] = span;
        } else {
            heapSpans.push_back(span);
        }
    });
    Span *spans = inlineFits ? inlineSpans : heapSpans.data();
    if (!inlineFits) {
        count = heapSpans.size();
    }
    // Lazy k-way merge: k is small (path depth + 3), so a linear scan for the minimum is cheaper
    // than a heap.
    for (;;) {
        Span *best = nullptr;
        for (std::size_t i = 0; i < count; ++i) {
            if (spans[i].next != spans[i].end && (!best || *spans[i].next < *best->next)) {
                best = &spans[i];
            }
        }
        if (!best) {
            return -1;
        }
        const std::uint32_t id = *best->next++;
        if (evaluate(*m_matches[id], request, nullptr)) {
            return static_cast<int>(id);
        }
    }
}

} // namespace Torii::RouteTable::Internal
