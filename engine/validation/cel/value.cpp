#include "value.h"

namespace Torii::Validation::Cel::Internal {

Value Value::boolean(bool value)
{
    Value v;
    v.m_kind = ValueKind::Bool;
    v.m_scalar.b = value;
    return v;
}

Value Value::integer(std::int64_t value)
{
    Value v;
    v.m_kind = ValueKind::Int;
    v.m_scalar.i = value;
    return v;
}

Value Value::unsignedInteger(std::uint64_t value)
{
    Value v;
    v.m_kind = ValueKind::Uint;
    v.m_scalar.u = value;
    return v;
}

Value Value::floating(double value)
{
    Value v;
    v.m_kind = ValueKind::Double;
    v.m_scalar.d = value;
    return v;
}

Value Value::duration(std::int64_t nanoseconds)
{
    Value v;
    v.m_kind = ValueKind::Duration;
    v.m_scalar.i = nanoseconds;
    return v;
}

Value Value::stringRef(std::string_view text)
{
    Value v;
    v.m_kind = ValueKind::String;
    v.m_text = text;
    return v;
}

Value Value::stringSlice(const Value &owner, std::string_view text)
{
    Value v;
    v.m_kind = ValueKind::String;
    v.m_text = text;
    v.m_heap = owner.m_heap;
    return v;
}

Value Value::ownedString(std::string text)
{
    auto heap = std::make_shared<Heap>();
    heap->text = std::move(text);
    Value v;
    v.m_kind = ValueKind::String;
    v.m_text = heap->text;
    v.m_heap = std::move(heap);
    return v;
}

Value Value::fromNode(const Model::Node &node)
{
    Value v;
    switch (node.type()) {
    case Model::Node::Type::Null:
        break;
    case Model::Node::Type::Bool:
        v.m_kind = ValueKind::Bool;
        v.m_scalar.b = node.asBool();
        break;
    case Model::Node::Type::Int:
        v.m_kind = ValueKind::Int;
        v.m_scalar.i = node.asInt();
        break;
    case Model::Node::Type::Float:
        v.m_kind = ValueKind::Double;
        v.m_scalar.d = node.asDouble();
        break;
    case Model::Node::Type::String:
        v.m_kind = ValueKind::String;
        v.m_text = node.str();
        break;
    case Model::Node::Type::List:
        v.m_kind = ValueKind::List;
        v.m_scalar.node = &node;
        break;
    case Model::Node::Type::Map:
        v.m_kind = ValueKind::Map;
        v.m_scalar.node = &node;
        break;
    }
    return v;
}

Value Value::list(std::vector<Value> items)
{
    auto heap = std::make_shared<Heap>();
    heap->items = std::move(items);
    Value v;
    v.m_kind = ValueKind::List;
    v.m_scalar.node = nullptr;
    v.m_heap = std::move(heap);
    return v;
}

Value Value::map(std::vector<Value> keys, std::vector<Value> values)
{
    auto heap = std::make_shared<Heap>();
    heap->keys = std::move(keys);
    heap->items = std::move(values);
    Value v;
    v.m_kind = ValueKind::Map;
    v.m_scalar.node = nullptr;
    v.m_heap = std::move(heap);
    return v;
}

Value Value::type(ValueKind kind)
{
    Value v;
    v.m_kind = ValueKind::Type;
    v.m_scalar.i = static_cast<std::int64_t>(kind);
    return v;
}

Value Value::error(std::string message)
{
    auto heap = std::make_shared<Heap>();
    heap->text = std::move(message);
    Value v;
    v.m_kind = ValueKind::Error;
    v.m_text = heap->text;
    v.m_heap = std::move(heap);
    return v;
}

Value Value::address(const std::uint8_t *bytes, int family, int prefixLength)
{
    auto heap = std::make_shared<Heap>();
    heap->text.assign(reinterpret_cast<const char *>(bytes), family == 4 ? 4 : 16);
    Value v;
    v.m_kind = prefixLength < 0 ? ValueKind::Ip : ValueKind::Cidr;
    v.m_scalar.i = static_cast<std::int64_t>(family) |
                   (static_cast<std::int64_t>(prefixLength < 0 ? 0 : prefixLength) << 8);
    v.m_heap = std::move(heap);
    return v;
}

Value Value::format(int formatId)
{
    Value v;
    v.m_kind = ValueKind::Format;
    v.m_scalar.i = formatId;
    return v;
}

const std::uint8_t *Value::addressBytes() const
{
    return m_heap ? reinterpret_cast<const std::uint8_t *>(m_heap->text.data()) : nullptr;
}

std::size_t Value::listSize() const
{
    if (m_kind != ValueKind::List) {
        return 0;
    }
    return m_scalar.node ? m_scalar.node->items().size() : m_heap->items.size();
}

Value Value::listAt(std::size_t index) const
{
    if (m_scalar.node) {
        return fromNode(m_scalar.node->items()[index]);
    }
    return m_heap->items[index];
}

std::size_t Value::mapSize() const
{
    if (m_kind != ValueKind::Map) {
        return 0;
    }
    return m_scalar.node ? m_scalar.node->entries().size() : m_heap->keys.size();
}

Value Value::mapKeyAt(std::size_t index) const
{
    if (m_scalar.node) {
        return stringRef(m_scalar.node->entries()[index].key);
    }
    return m_heap->keys[index];
}

Value Value::mapValueAt(std::size_t index) const
{
    if (m_scalar.node) {
        return fromNode(m_scalar.node->entries()[index].value);
    }
    return m_heap->items[index];
}

bool Value::mapFind(std::string_view key, Value *out) const
{
    if (m_kind != ValueKind::Map) {
        return false;
    }
    if (m_scalar.node) {
        const Model::Node *found = m_scalar.node->find(key);
        if (!found) {
            return false;
        }
        *out = fromNode(*found);
        return true;
    }
    const auto &keys = m_heap->keys;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].kind() == ValueKind::String && keys[i].str() == key) {
            *out = m_heap->items[i];
            return true;
        }
    }
    return false;
}

std::string_view typeName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Null:
        return "null_type";
    case ValueKind::Bool:
        return "bool";
    case ValueKind::Int:
        return "int";
    case ValueKind::Uint:
        return "uint";
    case ValueKind::Double:
        return "double";
    case ValueKind::String:
        return "string";
    case ValueKind::List:
        return "list";
    case ValueKind::Map:
        return "map";
    case ValueKind::Duration:
        return "google.protobuf.Duration";
    case ValueKind::Type:
        return "type";
    case ValueKind::Ip:
        return "net.IP";
    case ValueKind::Cidr:
        return "net.CIDR";
    case ValueKind::Format:
        return "kubernetes.NamedFormat";
    case ValueKind::Error:
        return "error";
    }
    return "unknown";
}

} // namespace Torii::Validation::Cel::Internal
