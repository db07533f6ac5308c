#pragma once

#include "engine/model/node.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Torii::Model {

// A map<string, string> (labels, annotations, TLS options, ConfigMap data …) that keeps the order
// the keys were written in, so re-encoding an object does not reshuffle the user's file.
// Keys are unique when decoded from a Node; set() keeps them unique.
struct StringMap
{
    using Entry = std::pair<std::string, std::string>;
    std::vector<Entry> entries;

    bool empty() const { return entries.empty(); }
    std::size_t size() const { return entries.size(); }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // nullptr when absent.
    const std::string *find(std::string_view key) const;
    std::string value(std::string_view key, std::string_view fallback = {}) const;
    // Replaces the value of an existing key in place, or appends.
    void set(std::string key, std::string value);
    bool remove(std::string_view key);

    friend bool operator==(const StringMap &, const StringMap &) = default;
};

// A Map whose every value is a String fits; anything else leaves `out` untouched.
bool fromNode(const Node &node, StringMap &out);
Node toNode(const StringMap &map);

} // namespace Torii::Model
