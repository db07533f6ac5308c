#include "operators.h"

#include <cmath>
#include <limits>
#include <string>

namespace Torii::Validation::Cel::Internal {

namespace {

constexpr double kTwo63 = 9223372036854775808.0;  // 2^63
constexpr double kTwo64 = 18446744073709551616.0; // 2^64

bool isNumeric(ValueKind kind)
{
    return kind == ValueKind::Int || kind == ValueKind::Uint || kind == ValueKind::Double;
}

// Three-way numeric comparison across int, uint and double without precision loss.
// Returns false when the values are unordered (NaN).
bool compareNumbers(const Value &a, const Value &b, int *order)
{
    auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    const ValueKind ka = a.kind();
    const ValueKind kb = b.kind();
    if (ka == ValueKind::Int && kb == ValueKind::Int) {
        *order = cmp(a.intValue(), b.intValue());
        return true;
    }
    if (ka == ValueKind::Uint && kb == ValueKind::Uint) {
        *order = cmp(a.uintValue(), b.uintValue());
        return true;
    }
    if (ka == ValueKind::Double && kb == ValueKind::Double) {
        if (std::isnan(a.doubleValue()) || std::isnan(b.doubleValue())) {
            return false;
        }
        *order = cmp(a.doubleValue(), b.doubleValue());
        return true;
    }
    if (ka == ValueKind::Int && kb == ValueKind::Uint) {
        *order =
            a.intValue() < 0 ? -1 : cmp(static_cast<std::uint64_t>(a.intValue()), b.uintValue());
        return true;
    }
    if (ka == ValueKind::Uint && kb == ValueKind::Int) {
        *order =
            b.intValue() < 0 ? 1 : cmp(a.uintValue(), static_cast<std::uint64_t>(b.intValue()));
        return true;
    }
    // One side is a double.
    const bool doubleFirst = ka == ValueKind::Double;
    const double d = doubleFirst ? a.doubleValue() : b.doubleValue();
    const Value &other = doubleFirst ? b : a;
    if (std::isnan(d)) {
        return false;
    }
    int result; // order of `other` relative to d
    if (other.kind() == ValueKind::Int) {
        if (d >= kTwo63) {
            result = -1;
        } else if (d < -kTwo63) {
            result = 1;
        } else {
            const double truncated = std::trunc(d);
            const std::int64_t i = static_cast<std::int64_t>(truncated);
            result = cmp(other.intValue(), i);
            if (result == 0) {
                result = truncated < d ? -1 : (truncated > d ? 1 : 0);
            }
        }
    } else {
        if (d >= kTwo64) {
            result = -1;
        } else if (d < 0) {
            result = 1;
        } else {
            const double truncated = std::trunc(d);
            const std::uint64_t u = static_cast<std::uint64_t>(truncated);
            result = cmp(other.uintValue(), u);
            if (result == 0) {
                result = truncated < d ? -1 : 0;
            }
        }
    }
    *order = doubleFirst ? -result : result;
    return true;
}

bool mapLookup(const Value &map, const Value &key, Value *out)
{
    if (const Model::Node *node = map.node()) {
        if (!key.isString()) {
            return false;
        }
        const Model::Node *found = node->find(key.str());
        if (!found) {
            return false;
        }
        *out = Value::fromNode(*found);
        return true;
    }
    const Heap *heap = map.heap();
    for (std::size_t i = 0; i < heap->keys.size(); ++i) {
        if (valuesEqual(heap->keys[i], key)) {
            *out = heap->items[i];
            return true;
        }
    }
    return false;
}

Value overflow()
{
    return Value::error("integer overflow");
}

} // namespace

Value noSuchOverload(std::string_view function, const Value &a)
{
    return Value::error("no such overload: " + std::string(function) + "(" +
                        std::string(typeName(a.kind())) + ")");
}

Value noSuchOverload(std::string_view function, const Value &a, const Value &b)
{
    return Value::error("no such overload: " + std::string(function) + "(" +
                        std::string(typeName(a.kind())) + ", " + std::string(typeName(b.kind())) +
                        ")");
}

bool valuesEqual(const Value &a, const Value &b)
{
    const ValueKind ka = a.kind();
    const ValueKind kb = b.kind();
    if (isNumeric(ka) && isNumeric(kb)) {
        int order = 0;
        return compareNumbers(a, b, &order) && order == 0;
    }
    if (ka != kb) {
        return false;
    }
    switch (ka) {
    case ValueKind::Null:
        return true;
    case ValueKind::Bool:
        return a.boolValue() == b.boolValue();
    case ValueKind::String:
        return a.str() == b.str();
    case ValueKind::Duration:
    case ValueKind::Type:
    case ValueKind::Format:
        return a.intValue() == b.intValue();
    case ValueKind::Ip:
    case ValueKind::Cidr:
        return a.intValue() == b.intValue() && a.heap()->text == b.heap()->text;
    case ValueKind::List: {
        if (a.node() && b.node()) {
            return a.node()->equals(*b.node()); // same JSON semantics, no conversions
        }
        const std::size_t n = a.listSize();
        if (n != b.listSize()) {
            return false;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!valuesEqual(a.listAt(i), b.listAt(i))) {
                return false;
            }
        }
        return true;
    }
    case ValueKind::Map: {
        if (a.node() && b.node()) {
            return a.node()->equals(*b.node());
        }
        const std::size_t n = a.mapSize();
        if (n != b.mapSize()) {
            return false;
        }
        for (std::size_t i = 0; i < n; ++i) {
            Value other;
            if (!mapLookup(b, a.mapKeyAt(i), &other) || !valuesEqual(a.mapValueAt(i), other)) {
                return false;
            }
        }
        return true;
    }
    default:
        return false;
    }
}

Value compareValues(std::string_view op, const Value &a, const Value &b)
{
    int order = 0;
    bool ordered = true;
    const ValueKind ka = a.kind();
    const ValueKind kb = b.kind();
    if (isNumeric(ka) && isNumeric(kb)) {
        ordered = compareNumbers(a, b, &order);
    } else if (ka != kb) {
        return noSuchOverload(op, a, b);
    } else if (ka == ValueKind::String) {
        const int c = a.str().compare(b.str());
        order = c < 0 ? -1 : (c > 0 ? 1 : 0);
    } else if (ka == ValueKind::Bool) {
        order = static_cast<int>(a.boolValue()) - static_cast<int>(b.boolValue());
    } else if (ka == ValueKind::Duration) {
        order = a.intValue() < b.intValue() ? -1 : (a.intValue() > b.intValue() ? 1 : 0);
    } else {
        return noSuchOverload(op, a, b);
    }
    if (!ordered) {
        return Value::boolean(false); // NaN is unordered: every comparison is false
    }
    if (op == "<") {
        return Value::boolean(order < 0);
    }
    if (op == "<=") {
        return Value::boolean(order <= 0);
    }
    if (op == ">") {
        return Value::boolean(order > 0);
    }
    return Value::boolean(order >= 0);
}

Value arithmetic(char op, const Value &a, const Value &b)
{
    const ValueKind ka = a.kind();
    const ValueKind kb = b.kind();
    const std::string name(1, op);
    if (ka != kb) {
        return noSuchOverload(name, a, b);
    }
    switch (ka) {
    case ValueKind::Int: {
        const std::int64_t x = a.intValue();
        const std::int64_t y = b.intValue();
        std::int64_t r = 0;
        switch (op) {
        case '+':
            return __builtin_add_overflow(x, y, &r) ? overflow() : Value::integer(r);
        case '-':
            return __builtin_sub_overflow(x, y, &r) ? overflow() : Value::integer(r);
        case '*':
            return __builtin_mul_overflow(x, y, &r) ? overflow() : Value::integer(r);
        case '/':
            if (y == 0) {
                return Value::error("division by zero");
            }
            if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
                return overflow();
            }
            return Value::integer(x / y);
        case '%':
            if (y == 0) {
                return Value::error("modulus by zero");
            }
            if (x == std::numeric_limits<std::int64_t>::min() && y == -1) {
                return overflow();
            }
            return Value::integer(x % y);
        }
        break;
    }
    case ValueKind::Uint: {
        const std::uint64_t x = a.uintValue();
        const std::uint64_t y = b.uintValue();
        std::uint64_t r = 0;
        switch (op) {
        case '+':
            return __builtin_add_overflow(x, y, &r) ? Value::error("unsigned integer overflow")
                                                    : Value::unsignedInteger(r);
        case '-':
            return __builtin_sub_overflow(x, y, &r) ? Value::error("unsigned integer overflow")
                                                    : Value::unsignedInteger(r);
        case '*':
            return __builtin_mul_overflow(x, y, &r) ? Value::error("unsigned integer overflow")
                                                    : Value::unsignedInteger(r);
        case '/':
            return y == 0 ? Value::error("division by zero") : Value::unsignedInteger(x / y);
        case '%':
            return y == 0 ? Value::error("modulus by zero") : Value::unsignedInteger(x % y);
        }
        break;
    }
    case ValueKind::Double: {
        const double x = a.doubleValue();
        const double y = b.doubleValue();
        switch (op) {
        case '+':
            return Value::floating(x + y);
        case '-':
            return Value::floating(x - y);
        case '*':
            return Value::floating(x * y);
        case '/':
            return Value::floating(x / y);
        }
        break;
    }
    case ValueKind::Duration: {
        std::int64_t r = 0;
        if (op == '+') {
            return __builtin_add_overflow(a.intValue(), b.intValue(), &r) ? overflow()
                                                                          : Value::duration(r);
        }
        if (op == '-') {
            return __builtin_sub_overflow(a.intValue(), b.intValue(), &r) ? overflow()
                                                                          : Value::duration(r);
        }
        break;
    }
    case ValueKind::String:
        if (op == '+') {
            if (a.str().size() + b.str().size() > kMaxStringBytes) {
                return Value::error("string result too large");
            }
            std::string joined;
            joined.reserve(a.str().size() + b.str().size());
            joined.append(a.str());
            joined.append(b.str());
            return Value::ownedString(std::move(joined));
        }
        break;
    case ValueKind::List:
        if (op == '+') {
            std::vector<Value> items;
            items.reserve(a.listSize() + b.listSize());
            for (std::size_t i = 0; i < a.listSize(); ++i) {
                items.push_back(a.listAt(i));
            }
            for (std::size_t i = 0; i < b.listSize(); ++i) {
                items.push_back(b.listAt(i));
            }
            return Value::list(std::move(items));
        }
        break;
    default:
        break;
    }
    return noSuchOverload(name, a, b);
}

Value negate(const Value &a)
{
    switch (a.kind()) {
    case ValueKind::Int:
        if (a.intValue() == std::numeric_limits<std::int64_t>::min()) {
            return overflow();
        }
        return Value::integer(-a.intValue());
    case ValueKind::Double:
        return Value::floating(-a.doubleValue());
    default:
        return noSuchOverload("-", a);
    }
}

Value contains(const Value &a, const Value &b)
{
    if (b.kind() == ValueKind::List) {
        if (const Model::Node *node = b.node(); node && a.isString()) {
            // Fast path for the common "'x' in self.list" over tree strings.
            for (const Model::Node &item : node->items()) {
                if (item.isString() && item.str() == a.str()) {
                    return Value::boolean(true);
                }
            }
            return Value::boolean(false);
        }
        const std::size_t n = b.listSize();
        for (std::size_t i = 0; i < n; ++i) {
            if (valuesEqual(a, b.listAt(i))) {
                return Value::boolean(true);
            }
        }
        return Value::boolean(false);
    }
    if (b.kind() == ValueKind::Map) {
        Value ignored;
        return Value::boolean(mapLookup(b, a, &ignored));
    }
    return noSuchOverload("@in", a, b);
}

} // namespace Torii::Validation::Cel::Internal
