#pragma once

#include <string>

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

} // namespace Torii
