#include "functions.h"

#include "conversions.h"
#include "duration.h"
#include "formats.h"
#include "network.h"
#include "operators.h"
#include "strings.h"

#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <mutex>
#include <unordered_map>

namespace Torii::Validation::Cel::Internal {

namespace {

struct Declaration
{
    std::string_view name;
    FunctionId id;
    bool member;
    std::uint8_t minArgs; // receiver excluded
    std::uint8_t maxArgs;
};

// The functions Kubernetes declares for CRD validation rules (cel-go standard library, strings
// extension, and the Kubernetes lists, regex, url, ip, cidr and format libraries), restricted to
// what we implement.
constexpr Declaration kDeclarations[] = {
    {"size", FunctionId::Size, false, 1, 1},
    {"size", FunctionId::Size, true, 0, 0},
    {"int", FunctionId::Int, false, 1, 1},
    {"uint", FunctionId::Uint, false, 1, 1},
    {"double", FunctionId::Double, false, 1, 1},
    {"string", FunctionId::String, false, 1, 1},
    {"bool", FunctionId::Bool, false, 1, 1},
    {"dyn", FunctionId::Dyn, false, 1, 1},
    {"type", FunctionId::Type, false, 1, 1},
    {"duration", FunctionId::Duration, false, 1, 1},
    {"isIP", FunctionId::IsIp, false, 1, 1},
    {"ip", FunctionId::Ip, false, 1, 1},
    {"isCIDR", FunctionId::IsCidr, false, 1, 1},
    {"cidr", FunctionId::Cidr, false, 1, 1},
    {"isURL", FunctionId::IsUrl, false, 1, 1},
    {"matches", FunctionId::Matches, false, 2, 2},
    {"matches", FunctionId::Matches, true, 1, 1},
    {"contains", FunctionId::Contains, true, 1, 1},
    {"startsWith", FunctionId::StartsWith, true, 1, 1},
    {"endsWith", FunctionId::EndsWith, true, 1, 1},
    {"substring", FunctionId::Substring, true, 1, 2},
    {"split", FunctionId::Split, true, 1, 2},
    {"lowerAscii", FunctionId::LowerAscii, true, 0, 0},
    {"upperAscii", FunctionId::UpperAscii, true, 0, 0},
    {"trim", FunctionId::Trim, true, 0, 0},
    {"indexOf", FunctionId::IndexOf, true, 1, 2},
    {"lastIndexOf", FunctionId::LastIndexOf, true, 1, 2},
    {"charAt", FunctionId::CharAt, true, 1, 1},
    {"replace", FunctionId::Replace, true, 2, 3},
    {"join", FunctionId::Join, true, 0, 1},
    {"reverse", FunctionId::Reverse, true, 0, 0},
    {"getHours", FunctionId::GetHours, true, 0, 0},
    {"getMinutes", FunctionId::GetMinutes, true, 0, 0},
    {"getSeconds", FunctionId::GetSeconds, true, 0, 0},
    {"getMilliseconds", FunctionId::GetMilliseconds, true, 0, 0},
    {"validate", FunctionId::Validate, true, 1, 1},
    {"family", FunctionId::Family, true, 0, 0},
    {"isUnspecified", FunctionId::IsUnspecified, true, 0, 0},
    {"isLoopback", FunctionId::IsLoopback, true, 0, 0},
    {"isLinkLocalMulticast", FunctionId::IsLinkLocalMulticast, true, 0, 0},
    {"isLinkLocalUnicast", FunctionId::IsLinkLocalUnicast, true, 0, 0},
    {"isGlobalUnicast", FunctionId::IsGlobalUnicast, true, 0, 0},
    {"containsIP", FunctionId::ContainsIp, true, 1, 1},
    {"containsCIDR", FunctionId::ContainsCidr, true, 1, 1},
    {"ip", FunctionId::CidrIp, true, 0, 0},
    {"prefixLength", FunctionId::PrefixLength, true, 0, 0},
    {"masked", FunctionId::Masked, true, 0, 0},
    {"isSorted", FunctionId::IsSorted, true, 0, 0},
    {"sum", FunctionId::Sum, true, 0, 0},
    {"min", FunctionId::Min, true, 0, 0},
    {"max", FunctionId::Max, true, 0, 0},
};

std::string_view functionName(FunctionId id)
{
    for (const Declaration &d : kDeclarations) {
        if (d.id == id) {
            return d.name;
        }
    }
    return "function";
}

Value overloadError(FunctionId id, const Value *args, int count)
{
    std::string message = "no such overload: " + std::string(functionName(id)) + "(";
    for (int i = 0; i < count; ++i) {
        if (i > 0) {
            message += ", ";
        }
        message += typeName(args[i].kind());
    }
    message += ")";
    return Value::error(std::move(message));
}

Value indexError(std::int64_t index)
{
    return Value::error("index out of range: " + std::to_string(index));
}

// Regexes that are not literals in the rule (rare): compiled once per pattern and shared.
// Bounded so that rules building patterns from data cannot grow it without limit.
std::shared_ptr<const RE2> cachedRegex(std::string_view pattern)
{
    static std::mutex mutex;
    static std::unordered_map<std::string, std::shared_ptr<const RE2>> cache;
    constexpr std::size_t kMaxEntries = 256;
    const std::string key(pattern);
    {
        std::lock_guard<std::mutex> lock(mutex);
        auto it = cache.find(key);
        if (it != cache.end()) {
            return it->second;
        }
    }
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(re2::StringPiece(key.data(), key.size()), options);
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() >= kMaxEntries) {
        cache.clear();
    }
    cache.emplace(key, regex);
    return regex;
}

Value matches(const Value &text, const Value &pattern, const RE2 *precompiled)
{
    std::shared_ptr<const RE2> holder;
    const RE2 *regex = precompiled;
    if (!regex) {
        holder = cachedRegex(pattern.str());
        regex = holder.get();
    }
    if (!regex->ok()) {
        return Value::error("invalid regular expression '" + std::string(pattern.str()) +
                            "': " + regex->error());
    }
    // CEL matches() is a search, not a full match: anchors are the pattern's business.
    return Value::boolean(
        RE2::PartialMatch(re2::StringPiece(text.str().data(), text.str().size()), *regex));
}

bool isIntegral(const Value &v)
{
    return v.kind() == ValueKind::Int;
}

Value makeAddress(const IpAddress &address, int prefixLength = -1)
{
    return Value::address(address.bytes.data(), address.family, prefixLength);
}

// The IP argument of containsIP(): an ip value or a string.
bool addressArgument(const Value &v, IpAddress *out, Value *error)
{
    if (v.kind() == ValueKind::Ip) {
        out->family = v.family();
        std::copy(v.addressBytes(), v.addressBytes() + (v.family() == 4 ? 4 : 16),
                  out->bytes.begin());
        return true;
    }
    std::string message;
    if (!parseIp(v.str(), out, &message)) {
        *error = Value::error(message);
        return false;
    }
    return true;
}

bool prefixContains(const Value &cidr, const std::uint8_t *bytes, int family)
{
    if (cidr.family() != family) {
        return false;
    }
    IpAddress a;
    IpAddress b;
    const int n = family == 4 ? 4 : 16;
    std::copy(cidr.addressBytes(), cidr.addressBytes() + n, a.bytes.begin());
    std::copy(bytes, bytes + n, b.bytes.begin());
    maskAddress(a.bytes.data(), family, cidr.prefixLength());
    maskAddress(b.bytes.data(), family, cidr.prefixLength());
    return a.bytes == b.bytes;
}

Value listAggregate(FunctionId id, const Value &list)
{
    const std::size_t n = list.listSize();
    if (id == FunctionId::IsSorted) {
        for (std::size_t i = 1; i < n; ++i) {
            const Value ordered = compareValues("<=", list.listAt(i - 1), list.listAt(i));
            if (ordered.isError() || !ordered.boolValue()) {
                return ordered.isError() ? ordered : Value::boolean(false);
            }
        }
        return Value::boolean(true);
    }
    if (id == FunctionId::Sum) {
        Value total = Value::integer(0);
        for (std::size_t i = 0; i < n; ++i) {
            const Value item = list.listAt(i);
            if (i == 0) {
                total = item.kind() == ValueKind::Uint       ? Value::unsignedInteger(0)
                        : item.kind() == ValueKind::Double   ? Value::floating(0)
                        : item.kind() == ValueKind::Duration ? Value::duration(0)
                                                             : total;
            }
            total = arithmetic('+', total, item);
            if (total.isError()) {
                return total;
            }
        }
        return total;
    }
    if (n == 0) {
        return Value::error(std::string(functionName(id)) + "(list) called on empty list");
    }
    Value best = list.listAt(0);
    for (std::size_t i = 1; i < n; ++i) {
        const Value item = list.listAt(i);
        const Value better = compareValues(id == FunctionId::Min ? "<" : ">", item, best);
        if (better.isError()) {
            return better;
        }
        if (better.boolValue()) {
            best = item;
        }
    }
    return best;
}

} // namespace

bool lookupFunction(std::string_view name, bool member, int argumentCount, FunctionId *id)
{
    for (const Declaration &d : kDeclarations) {
        if (d.name == name && d.member == member && argumentCount >= d.minArgs &&
            argumentCount <= d.maxArgs) {
            *id = d.id;
            return true;
        }
    }
    return false;
}

bool isFunctionName(std::string_view name)
{
    for (const Declaration &d : kDeclarations) {
        if (d.name == name) {
            return true;
        }
    }
    return false;
}

Value callFunction(FunctionId id, const Value *args, int count, const RE2 *regex)
{
    const Value &a = args[0];
    const ValueKind ka = a.kind();
    auto argIs = [&](int i, ValueKind kind) { return i < count && args[i].kind() == kind; };
    auto strings = [&](int n) {
        for (int i = 0; i < n; ++i) {
            if (!argIs(i, ValueKind::String)) {
                return false;
            }
        }
        return true;
    };

    switch (id) {
    case FunctionId::Size:
        if (ka == ValueKind::String) {
            return Value::integer(static_cast<std::int64_t>(codePointCount(a.str())));
        }
        if (ka == ValueKind::List) {
            return Value::integer(static_cast<std::int64_t>(a.listSize()));
        }
        if (ka == ValueKind::Map) {
            return Value::integer(static_cast<std::int64_t>(a.mapSize()));
        }
        break;
    case FunctionId::Int:
        return toInt(a);
    case FunctionId::Uint:
        return toUint(a);
    case FunctionId::Double:
        return toDouble(a);
    case FunctionId::String:
        return toString(a);
    case FunctionId::Bool:
        return toBool(a);
    case FunctionId::Dyn:
        return a;
    case FunctionId::Type:
        return Value::type(ka);
    case FunctionId::Duration:
        if (ka == ValueKind::Duration) {
            return a;
        }
        if (ka == ValueKind::String) {
            std::int64_t nanoseconds = 0;
            std::string error;
            if (!parseDuration(a.str(), &nanoseconds, &error)) {
                return Value::error(error);
            }
            return Value::duration(nanoseconds);
        }
        break;
    case FunctionId::IsIp:
        if (ka == ValueKind::String) {
            IpAddress address;
            return Value::boolean(parseIp(a.str(), &address, nullptr));
        }
        break;
    case FunctionId::Ip:
        if (ka == ValueKind::String) {
            IpAddress address;
            std::string error;
            if (!parseIp(a.str(), &address, &error)) {
                return Value::error(error);
            }
            return makeAddress(address);
        }
        break;
    case FunctionId::IsCidr:
        if (ka == ValueKind::String) {
            IpAddress address;
            int prefix = 0;
            return Value::boolean(parseCidr(a.str(), &address, &prefix, nullptr));
        }
        break;
    case FunctionId::Cidr:
        if (ka == ValueKind::String) {
            IpAddress address;
            int prefix = 0;
            std::string error;
            if (!parseCidr(a.str(), &address, &prefix, &error)) {
                return Value::error(error);
            }
            return makeAddress(address, prefix);
        }
        break;
    case FunctionId::IsUrl:
        if (ka == ValueKind::String) {
            return Value::boolean(isRequestUri(a.str()));
        }
        break;
    case FunctionId::Matches:
        if (strings(2)) {
            return matches(a, args[1], regex);
        }
        break;
    case FunctionId::Contains:
        if (strings(2)) {
            return Value::boolean(a.str().find(args[1].str()) != std::string_view::npos);
        }
        break;
    case FunctionId::StartsWith:
        if (strings(2)) {
            return Value::boolean(a.str().substr(0, args[1].str().size()) == args[1].str());
        }
        break;
    case FunctionId::EndsWith:
        if (strings(2)) {
            const std::string_view s = a.str();
            const std::string_view suffix = args[1].str();
            return Value::boolean(s.size() >= suffix.size() &&
                                  s.substr(s.size() - suffix.size()) == suffix);
        }
        break;
    case FunctionId::Substring:
        if (ka == ValueKind::String && isIntegral(args[1]) && (count == 2 || isIntegral(args[2]))) {
            return substring(a, &args[1], count == 3 ? &args[2] : nullptr);
        }
        break;
    case FunctionId::Split:
        if (strings(2) && (count == 2 || isIntegral(args[2]))) {
            return split(a, args[1].str(), count == 3 ? args[2].intValue() : -1);
        }
        break;
    case FunctionId::LowerAscii:
    case FunctionId::UpperAscii:
        if (ka == ValueKind::String) {
            return asciiCase(a, id == FunctionId::UpperAscii);
        }
        break;
    case FunctionId::Trim:
        if (ka == ValueKind::String) {
            return Value::stringSlice(a, trimSpace(a.str()));
        }
        break;
    case FunctionId::IndexOf:
    case FunctionId::LastIndexOf:
        if (ka == ValueKind::List && count == 2) {
            const std::size_t n = a.listSize();
            std::int64_t found = -1;
            for (std::size_t i = 0; i < n; ++i) {
                if (valuesEqual(a.listAt(i), args[1])) {
                    found = static_cast<std::int64_t>(i);
                    if (id == FunctionId::IndexOf) {
                        break;
                    }
                }
            }
            return Value::integer(found);
        }
        if (strings(2) && (count == 2 || isIntegral(args[2]))) {
            if (id == FunctionId::IndexOf) {
                return indexOf(a, args[1].str(), count == 3 ? args[2].intValue() : 0);
            }
            return lastIndexOf(a, args[1].str(), count == 3 ? &args[2] : nullptr);
        }
        break;
    case FunctionId::CharAt:
        if (ka == ValueKind::String && isIntegral(args[1])) {
            const std::string_view text = a.str();
            const std::int64_t index = args[1].intValue();
            const std::size_t from = byteOffsetOf(text, index);
            if (from == std::string_view::npos) {
                return indexError(index);
            }
            const std::size_t to = from == text.size() ? from : byteOffsetOf(text, index + 1);
            return Value::stringSlice(a, text.substr(from, to - from));
        }
        break;
    case FunctionId::Replace:
        if (strings(3) && (count == 3 || isIntegral(args[3]))) {
            return replace(a, args[1].str(), args[2].str(), count == 4 ? args[3].intValue() : -1);
        }
        break;
    case FunctionId::Join:
        if (ka == ValueKind::List && (count == 1 || argIs(1, ValueKind::String))) {
            return join(a, count == 2 ? args[1].str() : std::string_view());
        }
        break;
    case FunctionId::Reverse:
        if (ka == ValueKind::String) {
            return reverseString(a);
        }
        break;
    case FunctionId::GetHours:
    case FunctionId::GetMinutes:
    case FunctionId::GetSeconds:
    case FunctionId::GetMilliseconds:
        if (ka == ValueKind::Duration) {
            const std::int64_t unit = id == FunctionId::GetHours     ? 3600000000000LL
                                      : id == FunctionId::GetMinutes ? 60000000000LL
                                      : id == FunctionId::GetSeconds ? 1000000000LL
                                                                     : 1000000LL;
            return Value::integer(a.intValue() / unit);
        }
        break;
    case FunctionId::Validate:
        if (ka == ValueKind::Format && argIs(1, ValueKind::String)) {
            std::vector<std::string> errors =
                validateFormat(static_cast<int>(a.intValue()), args[1].str());
            if (errors.empty()) {
                return Value(); // null: Kubernetes returns optional.none(), compared to null
            }
            std::vector<Value> items;
            items.reserve(errors.size());
            for (std::string &message : errors) {
                items.push_back(Value::ownedString(std::move(message)));
            }
            return Value::list(std::move(items));
        }
        break;
    case FunctionId::Family:
        if (ka == ValueKind::Ip || ka == ValueKind::Cidr) {
            return Value::integer(a.family());
        }
        break;
    case FunctionId::IsUnspecified:
    case FunctionId::IsLoopback:
    case FunctionId::IsLinkLocalMulticast:
    case FunctionId::IsLinkLocalUnicast:
    case FunctionId::IsGlobalUnicast:
        if (ka == ValueKind::Ip) {
            const std::uint8_t *b = a.addressBytes();
            const int f = a.family();
            switch (id) {
            case FunctionId::IsUnspecified:
                return Value::boolean(ipIsUnspecified(b, f));
            case FunctionId::IsLoopback:
                return Value::boolean(ipIsLoopback(b, f));
            case FunctionId::IsLinkLocalMulticast:
                return Value::boolean(ipIsLinkLocalMulticast(b, f));
            case FunctionId::IsLinkLocalUnicast:
                return Value::boolean(ipIsLinkLocalUnicast(b, f));
            default:
                return Value::boolean(ipIsGlobalUnicast(b, f));
            }
        }
        break;
    case FunctionId::ContainsIp:
        if (ka == ValueKind::Cidr && (argIs(1, ValueKind::Ip) || argIs(1, ValueKind::String))) {
            IpAddress address;
            Value error;
            if (!addressArgument(args[1], &address, &error)) {
                return error;
            }
            return Value::boolean(prefixContains(a, address.bytes.data(), address.family));
        }
        break;
    case FunctionId::ContainsCidr:
        if (ka == ValueKind::Cidr && (argIs(1, ValueKind::Cidr) || argIs(1, ValueKind::String))) {
            Value other = args[1];
            if (other.isString()) {
                IpAddress address;
                int prefix = 0;
                std::string error;
                if (!parseCidr(other.str(), &address, &prefix, &error)) {
                    return Value::error(error);
                }
                other = makeAddress(address, prefix);
            }
            return Value::boolean(a.prefixLength() <= other.prefixLength() &&
                                  prefixContains(a, other.addressBytes(), other.family()));
        }
        break;
    case FunctionId::CidrIp:
        if (ka == ValueKind::Cidr) {
            return Value::address(a.addressBytes(), a.family());
        }
        break;
    case FunctionId::PrefixLength:
        if (ka == ValueKind::Cidr) {
            return Value::integer(a.prefixLength());
        }
        break;
    case FunctionId::Masked:
        if (ka == ValueKind::Cidr) {
            IpAddress address;
            address.family = a.family();
            std::copy(a.addressBytes(), a.addressBytes() + (a.family() == 4 ? 4 : 16),
                      address.bytes.begin());
            maskAddress(address.bytes.data(), address.family, a.prefixLength());
            return makeAddress(address, a.prefixLength());
        }
        break;
    case FunctionId::IsSorted:
    case FunctionId::Sum:
    case FunctionId::Min:
    case FunctionId::Max:
        if (ka == ValueKind::List) {
            return listAggregate(id, a);
        }
        break;
    }
    return overloadError(id, args, count);
}

} // namespace Torii::Validation::Cel::Internal
