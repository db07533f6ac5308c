// Converting ALB listener rules (engine/convert/alb): describe-rules listings of 200 and 2,000
// rules (40 rules a host), generated here, with the overlaps real listings have (a prefix rule, an
// exact path under it and a wildcard path inside it per service, a header-gated catch-all per
// host), so the priority-vs-precedence check has findings to report. The listing is read once;
// only the conversion (which runs the check) is timed. Counters: objects and order findings.
// TORII_BENCH_DUMP=DIR writes each size's findings to DIR/alb-findings-N.txt, so two builds of
// the check can be compared finding by finding (`diff`), not only by count.
#include "engine/convert/alb/alb_rule_converter.h"
#include "engine/yaml/yaml_loader.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

std::string condition(const std::string &field, const std::string &value)
{
    return "{\"Field\": \"" + field + "\", \"Values\": [\"" + value + "\"]}";
}

std::string makeRules(int count)
{
    // 40 rules a host: a larger listing has more hosts, not more rules on each (the rules of
    // one host all overlap its catch-all, so a pair count that grows with the listing would be
    // the data's, not the check's).
    const int hosts = std::max(1, count / 40);
    std::string json = "{\"Rules\": [";
    for (int i = 0; i < count; ++i) {
        const std::string host = "h" + std::to_string(i % hosts) + ".example.com";
        const std::string svc = "/svc" + std::to_string(i / 4);
        std::string conditions = condition("host-header", host) + ", ";
        switch (i % 4) {
        case 0:
            conditions += condition("path-pattern", svc + "/*");
            break;
        case 1:
            conditions += condition("path-pattern", svc + "/health");
            break;
        case 2:
            conditions += condition("path-pattern", svc + "/*/items");
            break;
        default:
            conditions +=
                condition("path-pattern", "/*") +
                ", {\"Field\": \"http-header\", \"HttpHeaderConfig\": {\"HttpHeaderName\": "
                "\"x-canary\", \"Values\": [\"on\"]}}";
            break;
        }
        json += "{\"RuleArn\": \"arn:aws:elasticloadbalancing:rule/app/l/1/" + std::to_string(i) +
                "\", \"Priority\": \"" + std::to_string(i + 1) + "\", \"Conditions\": [" +
                conditions +
                "], \"Actions\": [{\"Type\": \"forward\", \"TargetGroupArn\": "
                "\"arn:aws:elasticloadbalancing:targetgroup/tg" +
                std::to_string(i % 97) + "/1\"}]},";
    }
    json += "{\"IsDefault\": true, \"Priority\": \"default\", \"Conditions\": [], \"Actions\": "
            "[{\"Type\": \"forward\", \"TargetGroupArn\": "
            "\"arn:aws:elasticloadbalancing:targetgroup/default/1\"}]}]}";
    return json;
}

void BM_ConvertAlbRules(benchmark::State &state)
{
    const auto loaded =
        Torii::Yaml::loadText(makeRules(static_cast<int>(state.range(0))), "rules.json");
    const Torii::Model::Node &root = loaded.documents.at(0).root;
    std::size_t objects = 0;
    std::size_t findings = 0;
    for (auto _ : state) {
        const auto c = Torii::Convert::Alb::convertAlbRulesDetailed(root, "rules.json");
        objects = c.conversion.objects.size();
        findings = c.findings.size();
        benchmark::DoNotOptimize(objects);
    }
    if (const char *dir = std::getenv("TORII_BENCH_DUMP")) {
        const auto c = Torii::Convert::Alb::convertAlbRulesDetailed(root, "rules.json");
        std::ofstream out(std::string(dir) + "/alb-findings-" + std::to_string(state.range(0)) +
                          ".txt");
        for (const auto &f : c.findings) {
            out << f.listener << ' ' << f.albRule << ' '
                << (f.gatewayRule ? std::to_string(*f.gatewayRule) : std::string("404")) << ' '
                << f.route << ' ' << f.request.describe() << '\n';
        }
    }
    state.counters["objects"] = static_cast<double>(objects);
    state.counters["findings"] = static_cast<double>(findings);
    state.counters["rules"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_ConvertAlbRules)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
