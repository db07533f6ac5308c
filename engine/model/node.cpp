#include "node.h"

#include <cmath>
#include <cstdio>

namespace Torii::Model {

Node Node::null(Mark mark)
{
    Node n;
    n.m_mark = mark;
    return n;
}

Node Node::boolean(bool value, Mark mark)
{
    Node n;
    n.m_type = Type::Bool;
    n.m_int = value ? 1 : 0;
    n.m_mark = mark;
    return n;
}

Node Node::integer(std::int64_t value, Mark mark)
{
    Node n;
    n.m_type = Type::Int;
    n.m_int = value;
    n.m_mark = mark;
    return n;
}

Node Node::floating(double value, Mark mark)
{
    Node n;
    n.m_type = Type::Float;
    n.m_float = value;
    n.m_mark = mark;
    return n;
}

Node Node::string(std::string value, Mark mark)
{
    Node n;
    n.m_type = Type::String;
    n.m_text = std::move(value);
    n.m_mark = mark;
    return n;
}

Node Node::list(Mark mark)
{
    Node n;
    n.m_type = Type::List;
    n.m_mark = mark;
    return n;
}

Node Node::map(Mark mark)
{
    Node n;
    n.m_type = Type::Map;
    n.m_mark = mark;
    return n;
}

std::int64_t Node::asInt() const
{
    if (m_type == Type::Int || m_type == Type::Bool) {
        return m_int;
    }
    if (m_type == Type::Float) {
        return static_cast<std::int64_t>(m_float);
    }
    return 0;
}

double Node::asDouble() const
{
    if (m_type == Type::Float) {
        return m_float;
    }
    if (m_type == Type::Int) {
        return static_cast<double>(m_int);
    }
    return 0.0;
}

static std::string formatDouble(double value)
{
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", value);
        return buf;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    // Shortest text that reads back as the same double.
    for (int precision = 1; precision <= 17; ++precision) {
        char shortBuf[32];
        std::snprintf(shortBuf, sizeof shortBuf, "%.*g", precision, value);
        if (std::strtod(shortBuf, nullptr) == value) {
            return shortBuf;
        }
    }
    return buf;
}

std::string Node::asString() const
{
    switch (m_type) {
    case Type::String:
        return m_text;
    case Type::Bool:
        return m_int ? "true" : "false";
    case Type::Int:
        return std::to_string(m_int);
    case Type::Float:
        return formatDouble(m_float);
    case Type::Null:
        return "null";
    case Type::List:
    case Type::Map:
        return toJson();
    }
    return {};
}

std::size_t Node::size() const
{
    switch (m_type) {
    case Type::List:
        return m_list.size();
    case Type::Map:
        return m_map.size();
    case Type::String:
        return m_text.size();
    default:
        return 0;
    }
}

void Node::append(Node node)
{
    m_list.push_back(std::move(node));
}

const Node::Entry *Node::findEntry(std::string_view key) const
{
    for (const Entry &e : m_map) {
        if (e.key == key) {
            return &e;
        }
    }
    return nullptr;
}

const Node *Node::find(std::string_view key) const
{
    const Entry *e = findEntry(key);
    return e ? &e->value : nullptr;
}

Node *Node::find(std::string_view key)
{
    for (Entry &e : m_map) {
        if (e.key == key) {
            return &e.value;
        }
    }
    return nullptr;
}

const Node &Node::operator[](std::string_view key) const
{
    static const Node kNull;
    const Node *n = find(key);
    return n ? *n : kNull;
}

Node &Node::set(std::string key, Node value, Mark keyMark)
{
    if (m_type != Type::Map) {
        *this = Node::map(m_mark);
    }
    for (Entry &e : m_map) {
        if (e.key == key) {
            e.value = std::move(value);
            return e.value;
        }
    }
    m_map.push_back(Entry{std::move(key), keyMark, std::move(value)});
    return m_map.back().value;
}

bool Node::remove(std::string_view key)
{
    for (auto it = m_map.begin(); it != m_map.end(); ++it) {
        if (it->key == key) {
            m_map.erase(it);
            return true;
        }
    }
    return false;
}

const Node *Node::at(std::string_view dottedPath) const
{
    const Node *cur = this;
    while (!dottedPath.empty() && cur) {
        const auto dot = dottedPath.find('.');
        const std::string_view part = dottedPath.substr(0, dot);
        cur = cur->find(part);
        if (dot == std::string_view::npos) {
            break;
        }
        dottedPath.remove_prefix(dot + 1);
    }
    return cur;
}

bool Node::equals(const Node &other) const
{
    if (isNumber() && other.isNumber()) {
        if (m_type == Type::Int && other.m_type == Type::Int) {
            return m_int == other.m_int;
        }
        return asDouble() == other.asDouble();
    }
    if (m_type != other.m_type) {
        return false;
    }
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_int == other.m_int;
    case Type::String:
        return m_text == other.m_text;
    case Type::List:
        if (m_list.size() != other.m_list.size()) {
            return false;
        }
        for (std::size_t i = 0; i < m_list.size(); ++i) {
            if (!m_list[i].equals(other.m_list[i])) {
                return false;
            }
        }
        return true;
    case Type::Map:
        // Key order does not make two objects different (JSON semantics).
        if (m_map.size() != other.m_map.size()) {
            return false;
        }
        for (const Entry &e : m_map) {
            const Node *o = other.find(e.key);
            if (!o || !e.value.equals(*o)) {
                return false;
            }
        }
        return true;
    default:
        return false;
    }
}

static void appendJsonString(std::string &out, const std::string &s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

static void appendJson(std::string &out, const Node &n)
{
    switch (n.type()) {
    case Node::Type::String:
        appendJsonString(out, n.str());
        break;
    case Node::Type::List: {
        out += '[';
        bool first = true;
        for (const Node &item : n.items()) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendJson(out, item);
        }
        out += ']';
        break;
    }
    case Node::Type::Map: {
        out += '{';
        bool first = true;
        for (const Node::Entry &e : n.entries()) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendJsonString(out, e.key);
            out += ':';
            appendJson(out, e.value);
        }
        out += '}';
        break;
    }
    default:
        out += n.asString();
    }
}

std::string Node::toJson() const
{
    std::string out;
    appendJson(out, *this);
    return out;
}

std::size_t Node::nodeCount() const
{
    std::size_t count = 1;
    for (const Node &item : m_list) {
        count += item.nodeCount();
    }
    for (const Entry &e : m_map) {
        count += e.value.nodeCount();
    }
    return count;
}

} // namespace Torii::Model
