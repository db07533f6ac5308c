// Differential fuzzing of the route matcher: the fuzzer's bytes describe a table (hosts, path
// matches of every type, methods, headers, query parameters, regular expressions) and a few
// requests. lookup() goes through the indexes; explain() walks every row in precedence order.
// They must always agree, and neither may crash or misbehave under ASan/UBSan.
#include "engine/routetable/route_table.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace Torii::RouteTable;

class Bytes
{
public:
    Bytes(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}
    bool empty() const { return m_pos >= m_size; }
    std::uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    // A short string from a small alphabet, so that paths and hosts collide often.
    std::string token(std::size_t maxLength)
    {
        static const char alphabet[] = "/ab.c*-x1?=[]()^$|+";
        const std::size_t length = byte() % (maxLength + 1);
        std::string out;
        for (std::size_t i = 0; i < length; ++i) {
            out += alphabet[byte() % (sizeof alphabet - 1)];
        }
        return out;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

std::string hostFrom(Bytes &in)
{
    switch (in.byte() % 4) {
    case 0:
        return "*";
    case 1:
        return "a.example.com";
    case 2:
        return "*.example.com";
    default:
        return "b.a.example.com";
    }
}

HttpRoute rowFrom(Bytes &in, int index)
{
    HttpRoute route;
    route.source = RouteSource{"HTTPRoute", "ns", "r" + std::to_string(in.byte() % 4), index, {},
                               in.byte() % 3, static_cast<std::int64_t>(in.byte() % 5)};
    const std::uint8_t kind = in.byte() % 4;
    if (kind < 3) {
        route.match.path = PathMatch{static_cast<PathMatchType>(kind), "/" + in.token(6)};
    }
    if (in.byte() % 3 == 0) {
        route.match.method = (in.byte() % 2) ? "GET" : "POST";
    }
    for (int h = in.byte() % 3; h > 0; --h) {
        route.match.headers.push_back(
            {static_cast<StringMatchType>(in.byte() % 2), in.byte() % 2 ? "x-a" : "X-B", in.token(4)});
    }
    for (int q = in.byte() % 3; q > 0; --q) {
        route.match.queryParams.push_back(
            {static_cast<StringMatchType>(in.byte() % 2), in.byte() % 2 ? "v" : "w", in.token(3)});
    }
    route.backends.push_back(Backend{"ns", "svc", 80, 1, {}, {}, {}});
    return route;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Bytes in(data, size);
    RouteTableBuilder builder;
    builder.addListener(80, ListenerProtocol::HTTP);
    const int rows = in.byte() % 24;
    for (int i = 0; i < rows; ++i) {
        builder.addHttpRoute(80, {hostFrom(in)}, rowFrom(in, i));
    }
    if (in.byte() % 2) {
        builder.addListenerHost(80, hostFrom(in));
    }
    Torii::Core::Diagnostics diagnostics;
    const auto table = builder.build(&diagnostics);
    while (!in.empty()) {
        Request request;
        request.method = in.byte() % 2 ? "GET" : "POST";
        request.host = hostFrom(in);
        if (request.host == "*") {
            request.host = "c.example.com";
        }
        request.path = "/" + in.token(8);
        if (in.byte() % 2) {
            request.headers.push_back({in.byte() % 2 ? "x-a" : "x-b", in.token(4)});
        }
        const MatchResult looked = table->lookup(80, request);
        const Explanation walked = table->explain(80, request);
        if (looked.route != walked.result.route) {
            __builtin_trap(); // the index and the precedence walk disagree
        }
    }
    return 0;
}
