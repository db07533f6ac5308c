// Load and validate 10,000 HTTPRoutes across 100 namespaces (target: under 1 s on the 2-core
// reference machine), reporting peak memory. The routes use most HTTPRoute features so that
// every CEL rule family runs.
#include "engine/validation/validator.h"
#include "engine/yaml/resource_reader.h"

#include <benchmark/benchmark.h>

#include <string>
#include <sys/resource.h>

namespace {

std::string makeRoutes(int count, int namespaces)
{
    std::string text;
    text.reserve(static_cast<std::size_t>(count) * 1400);
    for (int i = 0; i < count; ++i) {
        const std::string ns = "team-" + std::to_string(i % namespaces);
        const std::string n = std::to_string(i);
        text +=
            "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n"
            "  name: route-" +
            n + "\n  namespace: " + ns + "\n  labels: {app: web-" + n +
            "}\n"
            "spec:\n  parentRefs:\n  - name: gateway\n    namespace: infra\n    sectionName: http\n"
            "  hostnames: [\"app-" +
            n + ".example.com\", \"*.app-" + n +
            ".example.org\"]\n"
            "  rules:\n"
            "  - matches:\n    - path: {type: PathPrefix, value: /api/v" +
            n +
            "}\n"
            "      headers: [{name: x-canary, value: \"true\"}]\n      method: GET\n"
            "    filters:\n    - type: RequestHeaderModifier\n"
            "      requestHeaderModifier: {set: [{name: x-route, value: r" +
            n +
            "}]}\n"
            "    backendRefs:\n    - {name: web-v2, port: 8080, weight: 10}\n"
            "    - {name: web-v1, port: 8080, weight: 90}\n"
            "    timeouts: {request: 10s, backendRequest: 5s}\n"
            "  - matches:\n    - path: {type: Exact, value: /old}\n    filters:\n"
            "    - type: RequestRedirect\n"
            "      requestRedirect: {path: {type: ReplaceFullPath, replaceFullPath: /new}, "
            "statusCode: 301}\n"
            "  - matches:\n    - path: {type: PathPrefix, value: /v1}\n    filters:\n"
            "    - type: URLRewrite\n"
            "      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}\n"
            "    backendRefs:\n    - {name: web-v1, port: 8080}\n";
    }
    return text;
}

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void loadAndValidate10kHttpRoutes(benchmark::State &state)
{
    const std::string text = makeRoutes(10000, 100);
    std::size_t errors = 0;
    for (auto _ : state) {
        auto read = Torii::Yaml::readText(text, "routes.yaml");
        const auto diagnostics = Torii::Validation::validateAll(read.resources);
        errors = static_cast<std::size_t>(
            Torii::Core::countOf(diagnostics, Torii::Core::Severity::Error));
        benchmark::DoNotOptimize(diagnostics.data());
    }
    state.counters["errors"] = static_cast<double>(errors);
    state.counters["input_MiB"] = static_cast<double>(text.size()) / (1024.0 * 1024.0);
    state.counters["peak_rss_MiB"] = static_cast<double>(peakRssKiB()) / 1024.0;
}

void loadOnly10kHttpRoutes(benchmark::State &state)
{
    const std::string text = makeRoutes(10000, 100);
    for (auto _ : state) {
        auto read = Torii::Yaml::readText(text, "routes.yaml");
        benchmark::DoNotOptimize(read.resources.data());
    }
}

} // namespace

BENCHMARK(loadAndValidate10kHttpRoutes)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(loadOnly10kHttpRoutes)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
