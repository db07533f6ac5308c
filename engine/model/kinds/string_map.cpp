#include "string_map.h"

namespace Torii::Model {

const std::string *StringMap::find(std::string_view key) const
{
    for (const Entry &entry : entries) {
        if (entry.first == key) {
            return &entry.second;
        }
    }
    return nullptr;
}

std::string StringMap::value(std::string_view key, std::string_view fallback) const
{
    const std::string *found = find(key);
    return found ? *found : std::string(fallback);
}

void StringMap::set(std::string key, std::string value)
{
    for (Entry &entry : entries) {
        if (entry.first == key) {
            entry.second = std::move(value);
            return;
        }
    }
    entries.emplace_back(std::move(key), std::move(value));
}

bool StringMap::remove(std::string_view key)
{
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (it->first == key) {
            entries.erase(it);
            return true;
        }
    }
    return false;
}

bool fromNode(const Node &node, StringMap &out)
{
    if (!node.isMap()) {
        return false;
    }
    StringMap map;
    map.entries.reserve(node.entries().size());
    for (const Node::Entry &entry : node.entries()) {
        if (!entry.value.isString()) {
            return false;
        }
        map.entries.emplace_back(entry.key, entry.value.str());
    }
    out = std::move(map);
    return true;
}

Node toNode(const StringMap &map)
{
    Node node = Node::map();
    node.entries().reserve(map.entries.size());
    for (const StringMap::Entry &entry : map.entries) {
        node.entries().push_back(Node::Entry{entry.first, {}, Node::string(entry.second)});
    }
    return node;
}

} // namespace Torii::Model
