#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Torii::Model {

// A position in a source file, 1-based. line == 0 means "no position" (a node made in code).
struct Mark
{
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool isValid() const { return line != 0; }
    friend bool operator==(const Mark &, const Mark &) = default;
};

// A JSON-like document tree, as the Kubernetes API server sees an object after YAML → JSON,
// with the source position of every value and map key.
//
// Node is a value type: copying copies the whole subtree. Maps keep the order the keys were
// written in (the studio writes files back in the user's order). Scalars keep their source text
// and whether they were quoted, so emitting can preserve "010" vs 010.
//
// Thread: plain value, no sharing; safe to read from several threads at once.
class Node
{
public:
    enum class Type : std::uint8_t { Null, Bool, Int, Float, String, List, Map };

    struct Entry;
    using List = std::vector<Node>;
    using Map = std::vector<Entry>;

    Node() = default;
    static Node null(Mark mark = {});
    static Node boolean(bool value, Mark mark = {});
    static Node integer(std::int64_t value, Mark mark = {});
    static Node floating(double value, Mark mark = {});
    static Node string(std::string value, Mark mark = {});
    static Node list(Mark mark = {});
    static Node map(Mark mark = {});

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isInt() const { return m_type == Type::Int; }
    bool isFloat() const { return m_type == Type::Float; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Float; }
    bool isString() const { return m_type == Type::String; }
    bool isList() const { return m_type == Type::List; }
    bool isMap() const { return m_type == Type::Map; }
    bool isScalar() const { return m_type != Type::List && m_type != Type::Map; }

    // Accessors return a neutral value when the type differs (never throw).
    bool asBool() const { return m_type == Type::Bool && m_int != 0; }
    std::int64_t asInt() const;
    double asDouble() const;
    // For String: the text. For other scalars: their canonical JSON text.
    std::string asString() const;
    const std::string &str() const { return m_text; }

    Mark mark() const { return m_mark; }
    void setMark(Mark mark) { m_mark = mark; }

    // The scalar was written quoted ('...' or "...") or as a block scalar in the source.
    bool quoted() const { return m_quoted; }
    void setQuoted(bool quoted) { m_quoted = quoted; }

    // ---- lists
    const List &items() const { return m_list; }
    List &items() { return m_list; }
    std::size_t size() const;
    void append(Node node); // out of line: Node::Entry is incomplete here (clang)

    // ---- maps
    const Map &entries() const { return m_map; }
    Map &entries() { return m_map; }
    bool has(std::string_view key) const { return find(key) != nullptr; }
    const Node *find(std::string_view key) const;
    Node *find(std::string_view key);
    const Entry *findEntry(std::string_view key) const;
    // The value at key, or a shared Null node when absent.
    const Node &operator[](std::string_view key) const;
    // Inserts (at the end) or replaces, keeping the position of an existing key.
    Node &set(std::string key, Node value, Mark keyMark = {});
    bool remove(std::string_view key);

    // Follows a dotted path of map keys ("spec.listeners"); nullptr when absent.
    const Node *at(std::string_view dottedPath) const;

    // Deep equality of values; positions and quoting are ignored. Int 1 == Float 1.0 as in JSON.
    bool equals(const Node &other) const;
    friend bool operator==(const Node &a, const Node &b) { return a.equals(b); }

    // Compact JSON, for messages and tests.
    std::string toJson() const;

    // Count of nodes in this subtree (the node itself included).
    std::size_t nodeCount() const;

private:
    Type m_type = Type::Null;
    bool m_quoted = false;
    Mark m_mark;
    std::int64_t m_int = 0; // Bool and Int
    double m_float = 0.0;
    std::string m_text; // String value
    List m_list;
    Map m_map;
};

struct Node::Entry
{
    std::string key;
    Mark keyMark;
    Node value;
};

} // namespace Torii::Model
