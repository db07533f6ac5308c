#pragma once

// The lookup index of one host entry. Rows are numbered in precedence order; every row that can
// match sits in exactly one candidate list (sorted ascending):
// - Exact paths (and GRPCRoute rows with an Exact service and method, "/service/method"): a hash
//   map from the whole path;
// - PathPrefix rows (and GRPCRoute rows with an Exact service only, "/service"): a hash map from
//   the prefix without its trailing '/'; a request looks up each of its element prefixes ("/a",
//   "/a/b", …, at most as deep as the deepest key) plus "/", which also holds the rows without a
//   path;
// - the rest (RegularExpression paths, gRPC method-only or regex matches, gRPC match-all): a
//   list tested for every request.
// firstMatch() merges the lists lazily by row number and stops at the first row evaluate()
// accepts, so it tests candidates in precedence order and never sorts or allocates per request
// (except for tables with prefixes more than kInlineSpans deep).

#include "matchers.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Torii::RouteTable::Internal {

struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const
    {
        return std::hash<std::string_view>{}(text);
    }
};

template<typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

class RowIndex
{
public:
    // `matches` in precedence order; they must outlive the index. Invalid matches are left out.
    void build(const std::vector<const CompiledMatch *> &matches);

    // The number of the first row (in precedence order) that `request` satisfies, or -1.
    int firstMatch(const RequestView &request) const;

private:
    static constexpr std::size_t kInlineSpans = 40;

    std::vector<const CompiledMatch *> m_matches;
    StringMap<std::vector<std::uint32_t>> m_exact;
    StringMap<std::vector<std::uint32_t>> m_prefix;
    std::vector<std::uint32_t> m_scan;
    std::size_t m_maxPrefixDepth = 0; // '/' count of the deepest prefix key other than "/"
};

} // namespace Torii::RouteTable::Internal
