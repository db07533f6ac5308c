// Compute status and the route tables for 10,000 HTTPRoutes on 20 Gateways (target: under 1 s
// on the 2-core reference machine). Objects are built once; only reconcile() is timed.
#include "engine/controller/controller.h"
#include "engine/yaml/resource_reader.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <string>

namespace {

std::string makeWorkspace(int routes, int gateways)
{
    std::string text = "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"
                       "metadata: {name: torii}\nspec: {controllerName: torii.dev/gateway-controller}\n";
    for (int g = 0; g < gateways; ++g) {
        text += "---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw-"
                + std::to_string(g)
                + ", namespace: infra}\nspec:\n  gatewayClassName: torii\n  listeners:\n"
                  "  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n";
    }
    for (int n = 0; n < 100; ++n) {
        text += "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: team-"
                + std::to_string(n) + "}\nspec: {ports: [{name: http, port: 8080}]}\n";
    }
    for (int i = 0; i < routes; ++i) {
        const std::string id = std::to_string(i);
        text += "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r-"
                + id + ", namespace: team-" + std::to_string(i % 100) + "}\nspec:\n"
                "  parentRefs: [{name: gw-" + std::to_string(i % gateways) + ", namespace: infra}]\n"
                "  hostnames: [app-" + id + ".example.com]\n  rules:\n"
                "  - matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: x-v, value: '2'}]}]\n"
                "    backendRefs: [{name: web, port: 8080, weight: 10}, {name: missing, port: 80, weight: 90}]\n"
                "  - matches: [{path: {type: Exact, value: /health}}]\n"
                "    backendRefs: [{name: web, port: 8080}]\n";
    }
    return text;
}

void reconcile10kRoutesOn20Gateways(benchmark::State &state)
{
    const auto read = Torii::Yaml::readText(makeWorkspace(10000, 20), "bench.yaml");
    std::size_t tables = 0;
    for (auto _ : state) {
        const auto result = Torii::Controller::reconcile(read.resources);
        tables = result.routeTables.size();
        benchmark::DoNotOptimize(result.statuses.data());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["objects"] = static_cast<double>(read.resources.size());
    state.counters["tables"] = static_cast<double>(tables);
    state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace

BENCHMARK(reconcile10kRoutesOn20Gateways)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
