#pragma once

#include <string>
#include <utility>

namespace Torii {

// One header field: the name as written (case kept; every lookup ignores case) and its value.
// One type for the heads the HTTP codec parses and writes (engine/http) and for the requests and
// header filters of the route table (engine/routetable), so the gateway hands a parsed head's
// fields to the route lookup as they are, without copying them. Value type.
struct HeaderField
{
    std::string name;
    std::string value; // parsed: CR, LF and NUL replaced by SP, then leading/trailing spaces
                       // and tabs removed (RFC 9110 5.5)
};

// Builds a HeaderField where a container emplaces it: `fields.emplace_back(HeaderFieldFrom{n, v})`
// constructs both strings once, in the vector. `push_back(HeaderField{n, v})` builds a temporary
// and moves it in, and moving a short (in-place) string copies its bytes with a memcpy call: two
// extra calls per field, about 16 per proxied request. Name and Value: anything std::string is
// constructible from (views are copied, rvalue strings moved). Holds references: use it in the
// emplace expression only.
template<typename Name, typename Value>
struct HeaderFieldFrom
{
    Name &&name;
    Value &&value;

    operator HeaderField() const // NOLINT: implicit on purpose (the emplace converts it)
    {
        return HeaderField{std::string(std::forward<Name>(name)),
                           std::string(std::forward<Value>(value))};
    }
};
template<typename Name, typename Value>
HeaderFieldFrom(Name &&, Value &&) -> HeaderFieldFrom<Name, Value>;

} // namespace Torii
