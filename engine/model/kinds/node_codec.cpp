#include "node_codec.h"

#include <cmath>
#include <limits>

namespace Torii::Model::Internal {

namespace {

// An integer the node holds exactly: Int, or a Float with no fractional part (JSON has one
// number type; YAML may say 80.0).
template<class Int>
bool integerFrom(const Node &node, Int &out)
{
    constexpr auto lo = std::numeric_limits<Int>::min();
    constexpr auto hi = std::numeric_limits<Int>::max();
    if (node.isInt()) {
        const std::int64_t value = node.asInt();
        if (value < lo || value > hi) {
            return false;
        }
        out = static_cast<Int>(value);
        return true;
    }
    if (node.isFloat()) {
        const double value = node.asDouble();
        // hi + 1.0 is exact for int32/int64 maxima (powers of two), unlike hi itself.
        if (!std::isfinite(value) || value != std::floor(value) ||
            value < static_cast<double>(lo) || value >= static_cast<double>(hi) + 1.0) {
            return false;
        }
        out = static_cast<Int>(value);
        return true;
    }
    return false;
}

} // namespace

bool fromNode(const Node &node, std::string &out)
{
    if (!node.isString()) {
        return false;
    }
    out = node.str();
    return true;
}

bool fromNode(const Node &node, bool &out)
{
    if (!node.isBool()) {
        return false;
    }
    out = node.asBool();
    return true;
}

bool fromNode(const Node &node, std::int32_t &out)
{
    return integerFrom(node, out);
}

bool fromNode(const Node &node, std::int64_t &out)
{
    return integerFrom(node, out);
}

bool fromNode(const Node &node, Node &out)
{
    out = node;
    return true;
}

Node toNode(const std::string &value)
{
    return Node::string(value);
}

Node toNode(bool value)
{
    return Node::boolean(value);
}

Node toNode(std::int32_t value)
{
    return Node::integer(value);
}

Node toNode(std::int64_t value)
{
    return Node::integer(value);
}

Node toNode(const Node &value)
{
    return value;
}

// ---- Reader

Reader::Reader(const Node &map)
    : m_map(map)
    , m_used(map.entries().size(), false)
{}

std::size_t Reader::indexOf(std::string_view key) const
{
    const Node::Map &entries = m_map.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].key == key) {
            return m_used[i] ? npos : i;
        }
    }
    return npos;
}

Node Reader::leftovers() const
{
    Node rest;
    const Node::Map &entries = m_map.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!m_used[i]) {
            if (!rest.isMap()) {
                rest = Node::map(m_map.mark());
            }
            rest.entries().push_back(entries[i]);
        }
    }
    return rest;
}

// ---- Writer

Writer::Writer(const Node &leftovers)
    : m_leftovers(leftovers)
    , m_out(Node::map())
{}

void Writer::put(std::string_view key, Node value)
{
    m_out.entries().push_back(Node::Entry{std::string(key), {}, std::move(value)});
}

bool Writer::putLeftover(std::string_view key)
{
    const Node::Entry *entry = m_leftovers.isMap() ? m_leftovers.findEntry(key) : nullptr;
    if (!entry) {
        return false;
    }
    m_out.entries().push_back(*entry);
    return true;
}

Node Writer::finish()
{
    if (m_leftovers.isMap()) {
        for (const Node::Entry &entry : m_leftovers.entries()) {
            if (!m_out.has(entry.key)) {
                m_out.entries().push_back(entry);
            }
        }
    }
    return std::move(m_out);
}

} // namespace Torii::Model::Internal
