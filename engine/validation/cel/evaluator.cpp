#include "evaluator.h"

#include "functions.h"
#include "operators.h"

#include <cmath>

namespace Torii::Validation::Cel::Internal {

Value Evaluator::budgetError()
{
    m_exhausted = true;
    return Value::error("evaluation cost limit exceeded (" + std::to_string(kMaxSteps) + " steps)");
}

Value Evaluator::evaluate(std::int32_t at)
{
    if (++m_steps > kMaxSteps) [[unlikely]] {
        return budgetError();
    }
    const AstNode &n = node(at);
    switch (n.op) {
    case Op::Literal:
        return m_ast.constants[static_cast<std::size_t>(n.index)];
    case Op::ListLiteral:
        return listLiteral(n);
    case Op::MapLiteral:
        return mapLiteral(n);
    case Op::Self:
        return Value::fromNode(m_self);
    case Op::OldSelf:
        if (!m_oldSelf) {
            // Kubernetes skips transition rules on create; evaluating one without an old
            // object is a caller error we report rather than guess a value for.
            return Value::error("no such attribute: oldSelf (the object has no previous "
                                "version)");
        }
        return Value::fromNode(*m_oldSelf);
    case Op::Local:
        for (const Frame *f = m_frames; f; f = f->parent) {
            if (f->slot == n.index) {
                return *f->value;
            }
        }
        return Value::error("unbound comprehension variable");
    case Op::Select:
        return select(n);
    case Op::Has:
        return has(n);
    case Op::Index:
        return subscript(n);
    case Op::Call:
        return call(n);
    case Op::Not: {
        Value operand = evaluate(n.a);
        if (operand.isBool()) {
            return Value::boolean(!operand.boolValue());
        }
        return operand.isError() ? operand : noSuchOverload("!_", operand);
    }
    case Op::Negate: {
        Value operand = evaluate(n.a);
        return operand.isError() ? operand : negate(operand);
    }
    case Op::And:
    case Op::Or:
        return logical(n);
    case Op::Conditional:
        return conditional(n);
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual:
    case Op::In:
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply:
    case Op::Divide:
    case Op::Modulo:
        return relation(n);
    case Op::All:
    case Op::Exists:
    case Op::ExistsOne:
    case Op::Filter:
    case Op::Transform:
    case Op::FilterCount:
        return comprehension(n);
    }
    return Value::error("internal error: unknown expression node");
}

Value Evaluator::select(const AstNode &n)
{
    const std::string &name = m_ast.names[static_cast<std::size_t>(n.index)];
    const Value operand = evaluate(n.a);
    if (operand.kind() == ValueKind::Map) {
        Value found;
        if (operand.mapFind(name, &found)) {
            return found;
        }
        return Value::error("no such key: " + name);
    }
    if (operand.isError()) {
        return operand;
    }
    return Value::error("type '" + std::string(typeName(operand.kind())) +
                        "' does not support field selection (selecting '" + name + "')");
}

Value Evaluator::has(const AstNode &n)
{
    const std::string &name = m_ast.names[static_cast<std::size_t>(n.index)];
    const Value operand = evaluate(n.a);
    if (operand.kind() == ValueKind::Map) {
        if (const Model::Node *node = operand.node()) {
            return Value::boolean(node->has(name));
        }
        Value ignored;
        return Value::boolean(operand.mapFind(name, &ignored));
    }
    if (operand.isError()) {
        return operand;
    }
    return Value::error("invalid type for field selection: has() on '" +
                        std::string(typeName(operand.kind())) + "' (testing '" + name + "')");
}

Value Evaluator::subscript(const AstNode &n)
{
    const Value operand = evaluate(n.a);
    if (operand.isError()) {
        return operand;
    }
    const Value key = evaluate(n.b);
    if (key.isError()) {
        return key;
    }
    if (operand.kind() == ValueKind::List) {
        std::int64_t i = 0;
        if (key.kind() == ValueKind::Int) {
            i = key.intValue();
        } else if (key.kind() == ValueKind::Uint && key.uintValue() <= INT64_MAX) {
            i = static_cast<std::int64_t>(key.uintValue());
        } else if (key.kind() == ValueKind::Double &&
                   std::trunc(key.doubleValue()) == key.doubleValue() &&
                   std::fabs(key.doubleValue()) < 9.0e18) {
            i = static_cast<std::int64_t>(key.doubleValue());
        } else {
            return Value::error("unsupported index value of type '" +
                                std::string(typeName(key.kind())) + "'");
        }
        const std::size_t size = operand.listSize();
        if (i < 0 || static_cast<std::size_t>(i) >= size) {
            return Value::error("index '" + std::to_string(i) + "' out of range in list size '" +
                                std::to_string(size) + "'");
        }
        return operand.listAt(static_cast<std::size_t>(i));
    }
    if (operand.kind() == ValueKind::Map) {
        Value found;
        if (key.isString()) {
            if (operand.mapFind(key.str(), &found)) {
                return found;
            }
            return Value::error("no such key: " + std::string(key.str()));
        }
        if (!operand.node()) {
            // Literal maps may have non-string keys.
            for (std::size_t i = 0; i < operand.mapSize(); ++i) {
                if (valuesEqual(operand.mapKeyAt(i), key)) {
                    return operand.mapValueAt(i);
                }
            }
        }
        return Value::error("no such key of type '" + std::string(typeName(key.kind())) + "'");
    }
    return noSuchOverload("_[_]", operand, key);
}

Value Evaluator::call(const AstNode &n)
{
    Value args[kMaxCallArguments];
    const int count = n.count;
    for (int i = 0; i < count; ++i) {
        args[i] = evaluate(arg(n, static_cast<std::size_t>(i)));
        if (args[i].isError()) {
            return args[i];
        }
    }
    const re2::RE2 *regex = n.b >= 0 ? m_ast.regexes[static_cast<std::size_t>(n.b)].get() : nullptr;
    return callFunction(n.function, args, count, regex);
}

// cel-go's logical operators are commutative about errors: a decisive operand (false for &&,
// true for ||) wins whatever the other side is, errors included.
Value Evaluator::logical(const AstNode &n)
{
    const bool isAnd = n.op == Op::And;
    Value left = evaluate(n.a);
    if (left.isBool() && left.boolValue() != isAnd) {
        return left;
    }
    Value right = evaluate(n.b);
    if (right.isBool() && right.boolValue() != isAnd) {
        return right;
    }
    if (left.isBool() && right.isBool()) {
        return Value::boolean(isAnd);
    }
    if (left.isError()) {
        return left;
    }
    if (right.isError()) {
        return right;
    }
    return noSuchOverload(isAnd ? "_&&_" : "_||_", left, right);
}

Value Evaluator::conditional(const AstNode &n)
{
    Value condition = evaluate(n.a);
    if (!condition.isBool()) {
        return condition.isError() ? condition : noSuchOverload("_?_:_", condition);
    }
    return evaluate(condition.boolValue() ? n.b : n.c);
}

Value Evaluator::relation(const AstNode &n)
{
    const Value left = evaluate(n.a);
    if (left.isError()) {
        return left;
    }
    // Literal right operands (['HTTP', 'TCP'], 'Hostname') are used in place, not copied.
    const AstNode &rightNode = node(n.b);
    Value computed;
    const Value *right = nullptr;
    if (rightNode.op == Op::Literal) {
        right = &m_ast.constants[static_cast<std::size_t>(rightNode.index)];
    } else {
        computed = evaluate(n.b);
        if (computed.isError()) {
            return computed;
        }
        right = &computed;
    }
    switch (n.op) {
    case Op::Equal:
        return Value::boolean(valuesEqual(left, *right));
    case Op::NotEqual:
        return Value::boolean(!valuesEqual(left, *right));
    case Op::Less:
        return compareValues("<", left, *right);
    case Op::LessEqual:
        return compareValues("<=", left, *right);
    case Op::Greater:
        return compareValues(">", left, *right);
    case Op::GreaterEqual:
        return compareValues(">=", left, *right);
    case Op::In:
        return contains(left, *right);
    case Op::Add:
        return arithmetic('+', left, *right);
    case Op::Subtract:
        return arithmetic('-', left, *right);
    case Op::Multiply:
        return arithmetic('*', left, *right);
    case Op::Divide:
        return arithmetic('/', left, *right);
    case Op::Modulo:
        return arithmetic('%', left, *right);
    default:
        return Value::error("internal error: not a binary operator");
    }
}

Value Evaluator::listLiteral(const AstNode &n)
{
    std::vector<Value> items;
    items.reserve(n.count);
    for (std::size_t i = 0; i < n.count; ++i) {
        Value item = evaluate(arg(n, i));
        if (item.isError()) {
            return item;
        }
        items.push_back(std::move(item));
    }
    return Value::list(std::move(items));
}

Value Evaluator::mapLiteral(const AstNode &n)
{
    std::vector<Value> keys;
    std::vector<Value> values;
    keys.reserve(n.count);
    values.reserve(n.count);
    for (std::size_t i = 0; i < n.count; ++i) {
        Value key = evaluate(arg(n, 2 * i));
        if (key.isError()) {
            return key;
        }
        const ValueKind kind = key.kind();
        if (kind != ValueKind::String && kind != ValueKind::Int && kind != ValueKind::Uint &&
            kind != ValueKind::Bool) {
            return Value::error("unsupported key type: " + std::string(typeName(kind)));
        }
        for (const Value &existing : keys) {
            if (valuesEqual(existing, key)) {
                return Value::error("Failed with repeated key");
            }
        }
        Value value = evaluate(arg(n, 2 * i + 1));
        if (value.isError()) {
            return value;
        }
        keys.push_back(std::move(key));
        values.push_back(std::move(value));
    }
    return Value::map(std::move(keys), std::move(values));
}

// The macros, with the semantics of cel-go's expansions:
//   all:        accu && pred, stops at the first false; an error is kept unless a false follows
//   exists:     accu || pred, stops at the first true; symmetric
//   exists_one: counts true predicates; any error (or non-bool) is the result
//   filter/map: build a list; any error is the result (size(filter) counts the same way)
Value Evaluator::comprehension(const AstNode &n)
{
    const Value range = evaluate(n.a);
    if (range.isError()) {
        return range;
    }
    const bool isMap = range.kind() == ValueKind::Map;
    if (!isMap && range.kind() != ValueKind::List) {
        return Value::error("expression of type '" + std::string(typeName(range.kind())) +
                            "' cannot be range of a comprehension (must be list or map)");
    }
    const std::size_t size = isMap ? range.mapSize() : range.listSize();

    Value current;
    const Frame frame{m_frames, n.index, &current};
    const Frame *saved = m_frames;
    m_frames = &frame;
    struct Restore
    {
        const Frame *&frames;
        const Frame *saved;
        ~Restore() { frames = saved; }
    } restore{m_frames, saved};

    switch (n.op) {
    case Op::All:
    case Op::Exists: {
        // The value that decides the result: false for all(), true for exists().
        const bool decisive = n.op == Op::Exists;
        Value error;
        for (std::size_t i = 0; i < size && !m_exhausted; ++i) {
            current = isMap ? range.mapKeyAt(i) : range.listAt(i);
            Value result = evaluate(n.b);
            if (result.isBool()) {
                if (result.boolValue() == decisive) {
                    return result;
                }
            } else if (!error.isError()) {
                error = result.isError() ? result
                                         : noSuchOverload(decisive ? "_||_" : "_&&_",
                                                          Value::boolean(!decisive), result);
            }
        }
        if (error.isError()) {
            return error;
        }
        return Value::boolean(!decisive);
    }
    case Op::ExistsOne:
    case Op::FilterCount: {
        std::size_t count = 0;
        for (std::size_t i = 0; i < size && !m_exhausted; ++i) {
            current = isMap ? range.mapKeyAt(i) : range.listAt(i);
            Value result = evaluate(n.b);
            if (!result.isBool()) {
                return result.isError() ? result : noSuchOverload("_?_:_", result);
            }
            count += result.boolValue() ? 1 : 0;
        }
        if (n.op == Op::FilterCount) {
            return Value::integer(static_cast<std::int64_t>(count));
        }
        return Value::boolean(count == 1);
    }
    case Op::Filter:
    case Op::Transform: {
        std::vector<Value> items;
        for (std::size_t i = 0; i < size && !m_exhausted; ++i) {
            current = isMap ? range.mapKeyAt(i) : range.listAt(i);
            const std::int32_t predicate = n.op == Op::Filter ? n.b : n.c;
            if (predicate >= 0) {
                Value keep = evaluate(predicate);
                if (!keep.isBool()) {
                    return keep.isError() ? keep : noSuchOverload("_?_:_", keep);
                }
                if (!keep.boolValue()) {
                    continue;
                }
            }
            if (n.op == Op::Filter) {
                items.push_back(current);
                continue;
            }
            Value mapped = evaluate(n.b);
            if (mapped.isError()) {
                return mapped;
            }
            items.push_back(std::move(mapped));
        }
        return Value::list(std::move(items));
    }
    default:
        return Value::error("internal error: not a macro");
    }
}

} // namespace Torii::Validation::Cel::Internal
