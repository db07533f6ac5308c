// RouteTable::lookup at 10, 1,000 and 10,000 HTTP rows on one hostname (target: median under
// 1 µs at 10,000 rows, sub-linear growth), and the time to build a 10,000-row table.
// Run: build/tests/bench/bench_routetable --benchmark_repetitions=5
// --benchmark_report_aggregates_only
#include "engine/routetable/route_table.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using namespace Torii::RouteTable;

constexpr const char *kHost = "bench.example.com";

// Distinct Exact and PathPrefix paths, one row in five with header matches, several routes and
// ages; plus one short prefix ("/s") that sorts near the end of precedence order.
void fill(RouteTableBuilder &builder, int rows)
{
    builder.addListener(80, ListenerProtocol::HTTP);
    for (int i = 0; i < rows - 1; ++i) {
        const std::string n = std::to_string(i);
        HttpRoute route;
        route.source = RouteSource{
            "HTTPRoute", "team-" + std::to_string(i % 50), "route-" + n, i % 4, {}, 0, i % 7};
        if (i % 2 == 0) {
            route.match.path = PathMatch{PathMatchType::Exact, "/svc" + n + "/item"};
        } else {
            route.match.path = PathMatch{PathMatchType::PathPrefix, "/api/v" + n + "/items"};
        }
        if (i % 5 == 0) {
            route.match.headers.push_back({StringMatchType::Exact, "x-tenant", "t" + n});
            route.match.headers.push_back({StringMatchType::Exact, "x-canary", "true"});
        }
        route.backends.push_back(Backend{"team", "svc-" + n, 8080, 1, {}, {}, {}});
        builder.addHttpRoute(80, {kHost}, std::move(route));
    }
    HttpRoute last;
    last.source = RouteSource{"HTTPRoute", "zz", "last", 0, {}, 0, 1000};
    last.match.path = PathMatch{PathMatchType::PathPrefix, "/s"};
    builder.addHttpRoute(80, {kHost}, std::move(last));
}

std::shared_ptr<const RouteTable> makeTable(int rows)
{
    RouteTableBuilder builder;
    fill(builder, rows);
    return builder.build();
}

Request makeRequest(std::string path)
{
    Request request;
    request.method = "GET";
    request.host = std::string(kHost) + ":80";
    request.path = std::move(path);
    request.headers = {{"user-agent", "bench"}, {"accept", "*/*"}, {"x-tenant", "t5"}};
    return request;
}

void runLookup(benchmark::State &state, const std::string &path, bool expectMatch)
{
    const auto table = makeTable(static_cast<int>(state.range(0)));
    const Request request = makeRequest(path);
    if ((table->lookup(80, request).route != nullptr) != expectMatch) {
        state.SkipWithError("unexpected lookup result");
        return;
    }
    for (auto _ : state) {
        MatchResult result = table->lookup(80, request);
        benchmark::DoNotOptimize(result.route);
    }
}

// Matches the "/s" row, which sorts after every longer prefix: the index reaches it directly.
void lookupLateRow(benchmark::State &state)
{
    runLookup(state, "/s/static/logo.png?v=3", true);
}

// Matches nothing: a 404 after the index finds no candidate.
void lookupNoMatch(benchmark::State &state)
{
    runLookup(state, "/api/v999999/items/1", false);
}

// A prefix row deep in the table: "/api/v<n-1>/items/..." (n-1 odd rows back).
void lookupDeepPrefix(benchmark::State &state)
{
    const int rows = static_cast<int>(state.range(0));
    const int target = (rows - 2) % 2 == 1 ? rows - 2 : rows - 3;
    runLookup(state, "/api/v" + std::to_string(target) + "/items/42?page=2", true);
}

void build10kRows(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        RouteTableBuilder builder;
        fill(builder, 10000);
        state.ResumeTiming();
        auto table = builder.build();
        benchmark::DoNotOptimize(table.get());
        state.PauseTiming();
        table.reset(); // destruction is not part of the build time
        state.ResumeTiming();
    }
}

} // namespace

BENCHMARK(lookupLateRow)->Arg(10)->Arg(1000)->Arg(10000);
BENCHMARK(lookupNoMatch)->Arg(10)->Arg(1000)->Arg(10000);
BENCHMARK(lookupDeepPrefix)->Arg(10)->Arg(1000)->Arg(10000);
BENCHMARK(build10kRows)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
