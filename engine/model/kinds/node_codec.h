#pragma once

#include "engine/model/node.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// The one decode/encode mechanism behind every typed kind in kinds/.
//
// Each struct lists its fields once, in API order, in a generic visitor
//     constexpr auto fooFields = [](auto &v, auto &s) { v.field("name", s.name); ... };
// and gets its codec from decodeFields(node, out, fooFields) / encodeFields(in, fooFields): the
// same lambda runs with a Reader (decode) and with a Writer (encode).
//
// Three kinds of field, as in the Go API types:
//   field(key, T)              required (Go non-pointer, no omitempty): always encoded.
//   field(key, optional<T>)    optional (Go pointer / omitempty): encoded iff it has a value, so
//                              "absent" and "present but empty" stay distinct.
//   omitEmpty(key, T)          plain value where absent means zero (TypeMeta, ObjectMeta, core
//                              kinds): encoded iff it differs from T{}.
//
// Leftovers: every entry of the input map the visitor did not take (unknown keys, values of the
// wrong shape such as a string where an int is expected, and explicit zero values of omitEmpty
// fields) is kept, in input order, in the struct's `unknown` (Gateway API types) or `rest` (core
// kinds, ObjectMeta) member. The Writer puts a leftover back at its field's position when the
// typed field has nothing to say (absent optional, zero required/omitEmpty value) and appends
// unknown keys at the end, so decode → encode reproduces the input exactly (Node::equals) for
// every object that carries its required fields. A required field missing from the input comes
// back as its zero value (what the Go client would send).
namespace Torii::Model::Internal {

// ---- scalar codecs. fromNode returns false and leaves `out` untouched when `node` does not have
// a shape the target can hold; it never throws.

bool fromNode(const Node &node, std::string &out);  // String only (no number → text coercion)
bool fromNode(const Node &node, bool &out);         // Bool only
bool fromNode(const Node &node, std::int32_t &out); // Int, or an integral Float, in range
bool fromNode(const Node &node, std::int64_t &out);
bool fromNode(const Node &node, Node &out); // anything (raw passthrough)

Node toNode(const std::string &value);
Node toNode(bool value);
Node toNode(std::int32_t value);
Node toNode(std::int64_t value);
Node toNode(const Node &value);

// A list fits only when every item fits; otherwise the whole list stays raw in the leftovers
// (keeping the item order a partial decode could not reproduce).
template<class T>
bool fromNode(const Node &node, std::vector<T> &out);
template<class T>
Node toNode(const std::vector<T> &values);

template<class T>
bool fromNode(const Node &node, std::vector<T> &out)
{
    if (!node.isList()) {
        return false;
    }
    std::vector<T> values;
    values.reserve(node.items().size());
    for (const Node &item : node.items()) {
        T value{};
        if (!fromNode(item, value)) {
            return false;
        }
        values.push_back(std::move(value));
    }
    out = std::move(values);
    return true;
}

template<class T>
Node toNode(const std::vector<T> &values)
{
    Node list = Node::list();
    list.items().reserve(values.size());
    for (const T &value : values) {
        list.append(toNode(value));
    }
    return list;
}

// The member holding a struct's leftovers: `unknown` (Gateway API types) or `rest` (core kinds).
template<class S>
const Node &leftoverOf(const S &s)
{
    if constexpr (requires { s.unknown; }) {
        return s.unknown;
    } else {
        return s.rest;
    }
}

template<class S>
Node &leftoverOf(S &s)
{
    if constexpr (requires { s.unknown; }) {
        return s.unknown;
    } else {
        return s.rest;
    }
}

// Decoding visitor over one input map.
class Reader
{
public:
    explicit Reader(const Node &map);

    template<class T>
    void field(std::string_view key, T &out)
    {
        take(key, out);
    }

    template<class T>
    void field(std::string_view key, std::optional<T> &out)
    {
        T value{};
        if (take(key, value)) {
            out = std::move(value);
        }
    }

    // Taken only when the decoded value differs from T{}; an explicit zero stays a leftover.
    // `out` is reset to T{} otherwise (a member default such as kind = "HTTPRoute" must not
    // survive when the input has no such key).
    template<class T>
    void omitEmpty(std::string_view key, T &out)
    {
        out = T{};
        const std::size_t index = indexOf(key);
        if (index == npos) {
            return;
        }
        T value{};
        if (fromNode(m_map.entries()[index].value, value) && !(value == T{})) {
            out = std::move(value);
            m_used[index] = true;
        }
    }

    // Null when every entry was taken; otherwise a Map of the rest, in input order.
    Node leftovers() const;

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t indexOf(std::string_view key) const;

    template<class T>
    bool take(std::string_view key, T &out)
    {
        const std::size_t index = indexOf(key);
        if (index == npos) {
            return false;
        }
        T value{};
        if (!fromNode(m_map.entries()[index].value, value)) {
            return false;
        }
        out = std::move(value);
        m_used[index] = true;
        return true;
    }

    const Node &m_map;
    std::vector<bool> m_used;
};

// Encoding visitor producing one output map; see the class comment at the top for leftovers.
class Writer
{
public:
    explicit Writer(const Node &leftovers);

    template<class T>
    void field(std::string_view key, const T &value)
    {
        if (value == T{} && putLeftover(key)) {
            return; // the input held something here the typed zero cannot represent
        }
        put(key, toNode(value));
    }

    template<class T>
    void field(std::string_view key, const std::optional<T> &value)
    {
        if (value) {
            put(key, toNode(*value));
        } else {
            putLeftover(key);
        }
    }

    template<class T>
    void omitEmpty(std::string_view key, const T &value)
    {
        if (value == T{}) {
            putLeftover(key);
        } else {
            put(key, toNode(value));
        }
    }

    // The output map: written fields, then leftovers whose key no field wrote.
    Node finish();

private:
    void put(std::string_view key, Node value);
    bool putLeftover(std::string_view key);

    const Node &m_leftovers;
    Node m_out;
};

// Visitor listing where leftovers sit (paths such as "spec.rules[0].filters[1].foo"), recursing
// through typed members; scalars and raw Nodes have nothing to report.
class LeftoverCollector
{
public:
    LeftoverCollector(const std::string &path, std::vector<std::string> &out)
        : m_path(path)
        , m_out(out)
    {}

    template<class T>
    void field(std::string_view key, const T &value)
    {
        collect(value, join(key));
    }

    template<class T>
    void field(std::string_view key, const std::optional<T> &value)
    {
        if (value) {
            collect(*value, join(key));
        }
    }

    template<class T>
    void omitEmpty(std::string_view key, const T &value)
    {
        collect(value, join(key));
    }

    template<class T>
    static void collect(const T &value, const std::string &path, std::vector<std::string> &out)
    {
        if constexpr (requires {
                          value.begin();
                          typename T::value_type;
                      } &&
                      !std::is_same_v<T, std::string>) {
            std::size_t index = 0;
            for (const auto &item : value) {
                collect(item, path + '[' + std::to_string(index++) + ']', out);
            }
        } else if constexpr (requires { collectLeftovers(value, path, out); }) {
            collectLeftovers(value, path, out);
        }
    }

    std::string join(std::string_view key) const
    {
        return m_path.empty() ? std::string(key) : m_path + '.' + std::string(key);
    }

private:
    template<class T>
    void collect(const T &value, const std::string &path)
    {
        collect(value, path, m_out);
    }

    const std::string &m_path;
    std::vector<std::string> &m_out;
};

template<class S, class Fields>
bool decodeFields(const Node &node, S &out, const Fields &fields)
{
    if (!node.isMap()) {
        return false;
    }
    S value{};
    Reader reader(node);
    fields(reader, value);
    leftoverOf(value) = reader.leftovers();
    out = std::move(value);
    return true;
}

template<class S, class Fields>
Node encodeFields(const S &in, const Fields &fields)
{
    Writer writer(leftoverOf(in));
    fields(writer, in);
    return writer.finish();
}

template<class S, class Fields>
void collectFields(const S &in, const std::string &path, std::vector<std::string> &out,
                   const Fields &fields)
{
    LeftoverCollector collector(path, out);
    fields(collector, in);
    const Node &leftovers = leftoverOf(in);
    if (leftovers.isMap()) {
        for (const Node::Entry &entry : leftovers.entries()) {
            out.push_back(collector.join(entry.key));
        }
    }
}

} // namespace Torii::Model::Internal

// Declares the codec of a typed struct (definitions live next to its field list):
//   fromNode          decode; false (out untouched) when `node` is not a map
//   toNode            encode in API field order, leftovers restored
//   collectLeftovers  append the paths (below `path`) of every leftover entry in the subtree
#define TORII_MODEL_DECLARE_CODEC(Type)                                                            \
    bool fromNode(const Node &node, Type &out);                                                    \
    Node toNode(const Type &value);                                                                \
    void collectLeftovers(const Type &value, const std::string &path, std::vector<std::string> &out)

// Defines the codec pair of `Type` from a field-visitor lambda (see the top of this file).
#define TORII_MODEL_DEFINE_CODEC(Type, fieldsLambda)                                               \
    bool fromNode(const Node &node, Type &out)                                                     \
    {                                                                                              \
        return Internal::decodeFields(node, out, fieldsLambda);                                    \
    }                                                                                              \
    Node toNode(const Type &value)                                                                 \
    {                                                                                              \
        return Internal::encodeFields(value, fieldsLambda);                                        \
    }                                                                                              \
    void collectLeftovers(const Type &value, const std::string &path,                              \
                          std::vector<std::string> &out)                                           \
    {                                                                                              \
        Internal::collectFields(value, path, out, fieldsLambda);                                   \
    }
