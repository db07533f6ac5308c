#pragma once

#include "engine/model/node.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Validation::Cel::Internal {

enum class ValueKind : std::uint8_t {
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    List,
    Map,
    Duration, // nanoseconds in an int64, as Go's time.Duration
    Type,     // the value of a type identifier (int, string, ...): the kind it names
    Ip,       // Kubernetes net.IP
    Cidr,     // Kubernetes net.CIDR
    Format,   // Kubernetes format.<name>() object
    Error,
};

class Value;

// Computed strings larger than this are an error: nested replace() calls could otherwise grow a
// string exponentially within the step budget.
constexpr std::size_t kMaxStringBytes = std::size_t(16) << 20;

// Payload of values computed during evaluation. Shared and immutable once built, so copying a
// Value never copies it; values read from the tree have no payload at all.
struct Heap
{
    std::string text;         // String and Error text; the 16 address bytes of Ip and Cidr
    std::vector<Value> items; // List items, Map values
    std::vector<Value> keys;  // Map keys (parallel to items)
};

// One CEL value. Lists and maps read from the document refer to their Model::Node without
// copying it; strings refer to text owned by the tree, by the Program, or by a Heap this value
// keeps alive. The referenced tree and Program must outlive the value (true for one evaluate()).
class Value
{
public:
    Value() = default; // null

    static Value boolean(bool value);
    static Value integer(std::int64_t value);
    static Value unsignedInteger(std::uint64_t value);
    static Value floating(double value);
    static Value duration(std::int64_t nanoseconds);
    // Text that outlives the evaluation: tree text or a literal owned by the Program.
    static Value stringRef(std::string_view text);
    // A part of the text of `owner` (a substring, a split piece): shares owner's storage.
    static Value stringSlice(const Value &owner, std::string_view text);
    static Value ownedString(std::string text);
    static Value fromNode(const Model::Node &node);
    static Value list(std::vector<Value> items);
    static Value map(std::vector<Value> keys, std::vector<Value> values);
    static Value type(ValueKind kind);
    static Value error(std::string message);
    // bytes: 4 (IPv4) or 16 (IPv6) network-order bytes. prefixLength < 0 makes an Ip.
    static Value address(const std::uint8_t *bytes, int family, int prefixLength = -1);
    static Value format(int formatId);

    ValueKind kind() const { return m_kind; }
    bool isError() const { return m_kind == ValueKind::Error; }
    bool isBool() const { return m_kind == ValueKind::Bool; }
    bool isString() const { return m_kind == ValueKind::String; }

    bool boolValue() const { return m_scalar.b; }
    std::int64_t intValue() const { return m_scalar.i; } // Int, Duration, Type, Format
    std::uint64_t uintValue() const { return m_scalar.u; }
    double doubleValue() const { return m_scalar.d; }
    std::string_view str() const { return m_text; } // String text; Error message

    // Lists and maps read from the tree; nullptr when the value was computed.
    const Model::Node *node() const
    {
        return m_kind == ValueKind::List || m_kind == ValueKind::Map ? m_scalar.node : nullptr;
    }
    const Heap *heap() const { return m_heap.get(); }

    std::size_t listSize() const;
    Value listAt(std::size_t index) const;
    std::size_t mapSize() const;
    // Map iteration in insertion order.
    Value mapKeyAt(std::size_t index) const;
    Value mapValueAt(std::size_t index) const;
    // Looks up a string key; false when absent.
    bool mapFind(std::string_view key, Value *out) const;

    // Ip / Cidr
    int family() const { return static_cast<int>(m_scalar.i & 0xff); }
    int prefixLength() const { return static_cast<int>(m_scalar.i >> 8); }
    const std::uint8_t *addressBytes() const;

private:
    ValueKind m_kind = ValueKind::Null;
    union Scalar {
        bool b;
        std::int64_t i;
        std::uint64_t u;
        double d;
        const Model::Node *node;
    } m_scalar{.i = 0};
    std::string_view m_text;
    std::shared_ptr<const Heap> m_heap;
};

// The CEL name of the type of a value, for messages and type().
std::string_view typeName(ValueKind kind);

} // namespace Torii::Validation::Cel::Internal
