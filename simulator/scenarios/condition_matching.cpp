#include "condition_matching.h"

namespace Torii::Scenarios::Internal {

using Model::Node;

std::string describeExpected(const ExpectedCondition &condition)
{
    std::string out = condition.type;
    if (condition.status) {
        out += '=' + *condition.status;
    } else {
        out += " (any status)";
    }
    if (condition.reason) {
        out += " (reason " + *condition.reason + ')';
    }
    return out;
}

std::string describeExpected(const std::vector<ExpectedCondition> &conditions)
{
    std::string out;
    for (const ExpectedCondition &c : conditions) {
        if (!out.empty()) {
            out += ", ";
        }
        out += describeExpected(c);
    }
    return out;
}

std::string describeActual(const Node &conditions)
{
    if (!conditions.isList() || conditions.items().empty()) {
        return "no conditions";
    }
    std::string out;
    for (const Node &c : conditions.items()) {
        if (!out.empty()) {
            out += ", ";
        }
        out += c["type"].asString() + '=' + c["status"].asString();
        if (c["reason"].isString()) {
            out += " (" + c["reason"].str() + ')';
        }
    }
    return out;
}

bool hasCondition(const Node &conditions, const ExpectedCondition &expected)
{
    if (!conditions.isList()) {
        return false;
    }
    for (const Node &c : conditions.items()) {
        if (c["type"].asString() != expected.type) {
            continue;
        }
        if (expected.status && c["status"].asString() != *expected.status) {
            continue;
        }
        if (expected.reason && c["reason"].asString() != *expected.reason) {
            continue;
        }
        return true;
    }
    return false;
}

const ExpectedCondition *firstMissing(const Node &conditions,
                                      const std::vector<ExpectedCondition> &expected)
{
    for (const ExpectedCondition &c : expected) {
        if (!hasCondition(conditions, c)) {
            return &c;
        }
    }
    return nullptr;
}

std::optional<StaleCondition> firstStale(const Node &conditions, std::int64_t generation)
{
    if (!conditions.isList()) {
        return std::nullopt;
    }
    for (const Node &c : conditions.items()) {
        const Node &observed = c["observedGeneration"];
        if (!observed.isInt() || observed.asInt() != generation) {
            return StaleCondition{c["type"].asString(),
                                  observed.isNull() ? std::string("absent") : observed.asString()};
        }
    }
    return std::nullopt;
}

std::string quotedOrAbsent(const Node *value)
{
    if (value == nullptr || value->isNull()) {
        return "(absent)";
    }
    return '"' + value->asString() + '"';
}

} // namespace Torii::Scenarios::Internal
