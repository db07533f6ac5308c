// The compiled RouteTable of a Gateway: rows per match (or one match-all row per rule without
// matches), the hostnames a route serves on each listener, listener isolation, the invalid
// backend kept as a 500 share, filters, timeouts and retries, gRPC and stream rows, creation
// order, and what is left out (refused routes, conflicted listeners, unusable rules).
#include "controller_test_support.h"

#include <QtTest/QTest>

#include <algorithm>

using namespace ControllerTest;
namespace RT = Torii::RouteTable;

namespace {

const char *kServices = R"(
apiVersion: v1
kind: Service
metadata: {name: v1, namespace: infra}
spec:
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: v2, namespace: infra}
spec:
  ports: [{port: 8080}]
---
)";

std::string gateway(const std::string &listeners)
{
    return std::string(kClass) + kServices +
           "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n"
           "  namespace: infra\nspec:\n  gatewayClassName: torii\n  listeners:\n" +
           listeners + "---\n";
}

const RT::RouteTable::HostView *host(const std::shared_ptr<const RT::RouteTable> &table, int port,
                                     const std::string &name)
{
    static std::optional<RT::RouteTable::ListenerView> view;
    view = table ? table->listener(port) : std::nullopt;
    if (!view) {
        return nullptr;
    }
    for (const auto &h : view->hosts) {
        if (h.hostname == name) {
            return &h;
        }
    }
    return nullptr;
}

QStringList hostNames(const std::shared_ptr<const RT::RouteTable> &table, int port)
{
    QStringList out;
    if (const auto view = table->listener(port)) {
        for (const auto &h : view->hosts) {
            out << QString::fromStdString(h.hostname);
        }
    }
    out.sort();
    return out;
}

} // namespace

class TestControllerTables : public QObject
{
    Q_OBJECT

private slots:
    void rowsPerMatch()
    {
        const Run run = reconcileYaml(gateway("  - {name: http, port: 80, protocol: HTTP}\n") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - name: two-matches
    matches:
    - path: {type: Exact, value: /a}
      method: get
    - headers: [{name: x-canary, value: "yes"}]
      queryParams: [{type: RegularExpression, name: q, value: "^v[0-9]$"}]
    backendRefs: [{name: v1, port: 8080}]
  - backendRefs: [{name: v2, port: 8080}]
)");
        const auto *all = host(run.table("infra/gw"), 80, "*");
        QVERIFY(all);
        QCOMPARE(all->routes.size(), std::size_t(3));
        std::vector<const RT::HttpRoute *> rows(all->routes.begin(), all->routes.end());
        std::sort(rows.begin(), rows.end(), [](auto *a, auto *b) {
            return std::pair(a->source.ruleIndex, a->source.matchIndex) <
                   std::pair(b->source.ruleIndex, b->source.matchIndex);
        });
        QCOMPARE(rows[0]->source.matchIndex, 0);
        QCOMPARE(rows[0]->source.ruleName, std::string("two-matches"));
        QCOMPARE(rows[0]->match.path->type, RT::PathMatchType::Exact);
        QCOMPARE(rows[0]->match.path->value, std::string("/a"));
        QCOMPARE(*rows[0]->match.method, std::string("GET"));
        // A match without a path gets the CRD default PathPrefix "/".
        QCOMPARE(rows[1]->match.path->type, RT::PathMatchType::PathPrefix);
        QCOMPARE(rows[1]->match.path->value, std::string("/"));
        QCOMPARE(rows[1]->match.headers.front().name, std::string("x-canary"));
        QCOMPARE(rows[1]->match.queryParams.front().type, RT::StringMatchType::RegularExpression);
        // A rule without matches: one match-all row.
        QCOMPARE(rows[2]->source.ruleIndex, 1);
        QCOMPARE(rows[2]->source.matchIndex, -1);
        QVERIFY(!rows[2]->match.path);
        QCOMPARE(rows[2]->backends.front().service, std::string("v2"));
        QCOMPARE(rows[2]->source.kind, std::string("HTTPRoute"));
    }

    void hostnames_data()
    {
        QTest::addColumn<QString>("listenerHost"); // "" = none
        QTest::addColumn<QString>("routeHosts");   // YAML list, "" = none
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("neither restricts") << ""
                                           << "" << QStringList{"*"};
        QTest::newRow("listener only") << "a.example.com"
                                       << "" << QStringList{"a.example.com"};
        QTest::newRow("route only")
            << ""
            << "[a.example.com, b.example.com]"
            // The listener's own entry "*" exists even with no row of its own (no fall-through).
            << QStringList{"*", "a.example.com", "b.example.com"};
        QTest::newRow("wildcard listener, specific route")
            << "*.example.com"
            << "[foo.example.com, bar.other.com]"
            << QStringList{"*.example.com", "foo.example.com"};
        QTest::newRow("specific listener, wildcard route")
            << "foo.example.com"
            << "[\"*.example.com\"]" << QStringList{"foo.example.com"};
    }

    void hostnames()
    {
        QFETCH(QString, listenerHost);
        QFETCH(QString, routeHosts);
        QFETCH(QStringList, expected);
        std::string listener = "  - name: http\n    port: 80\n    protocol: HTTP\n";
        if (!listenerHost.isEmpty()) {
            listener += "    hostname: \"" + listenerHost.toStdString() + "\"\n";
        }
        std::string route = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                            "metadata: {name: r, namespace: infra}\nspec:\n"
                            "  parentRefs: [{name: gw}]\n";
        if (!routeHosts.isEmpty()) {
            route += "  hostnames: " + routeHosts.toStdString() + "\n";
        }
        route += "  rules:\n  - backendRefs: [{name: v1, port: 8080}]\n";
        const Run run = reconcileYaml(gateway(listener) + route);
        QCOMPARE(hostNames(run.table("infra/gw"), 80), expected);
    }

    // gateway_types.go: "if Listeners are defined for "foo.example.com" and "*.example.com", a
    // request to "foo.example.com" SHOULD only be routed using routes attached to the
    // "foo.example.com" Listener (and not the "*.example.com" Listener)."
    // A more specific listener with no route of its own still claims its hosts: a request for
    // them gets a 404 rather than the less specific listener's routes.
    void emptySpecificListenerDoesNotFallThrough()
    {
        const Run run = reconcileYaml(gateway(R"(  - {name: any, port: 80, protocol: HTTP}
  - {name: abc, port: 80, protocol: HTTP, hostname: abc.example.com}
)") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-any, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: any}]
  rules:
  - backendRefs: [{name: v1, port: 8080}]
)");
        const auto table = run.table("infra/gw");
        RT::Request request;
        request.host = "abc.example.com";
        QVERIFY(!table->lookup(80, request).route);
        request.host = "other.example.com";
        QVERIFY(table->lookup(80, request).route);
    }

    void listenerIsolation()
    {
        const Run run = reconcileYaml(gateway(R"(  - {name: any, port: 80, protocol: HTTP}
  - {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com"}
  - {name: abc, port: 80, protocol: HTTP, hostname: abc.example.com}
)") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-wild, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: wild}]
  hostnames: [abc.example.com, "*.example.com", bar.com]
  rules:
  - backendRefs: [{name: v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-abc, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: abc}]
  rules:
  - backendRefs: [{name: v2, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: on-any, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: any}]
  rules:
  - backendRefs: [{name: v2, port: 8080}]
)");
        const auto table = run.table("infra/gw");
        QCOMPARE(hostNames(table, 80), (QStringList{"*", "*.example.com", "abc.example.com"}));
        const auto *abc = host(table, 80, "abc.example.com");
        QCOMPARE(abc->routes.size(), std::size_t(1));
        QCOMPARE(abc->routes.front()->source.name, std::string("on-abc"));
        const auto *wild = host(table, 80, "*.example.com");
        QCOMPARE(wild->routes.size(), std::size_t(1));
        QCOMPARE(wild->routes.front()->source.name, std::string("on-wild"));
        // Every listener still counts the route as attached.
        const Node *gatewayStatus = run.status("Gateway", "infra", "gw");
        QCOMPARE((*listener(gatewayStatus, "wild"))["attachedRoutes"].asInt(), std::int64_t(1));
    }

    // httproute_types.go: "if two backends are specified with equal weights, and one is
    // invalid, 50 percent of traffic must receive a 500."
    void invalidBackendKeepsItsShare()
    {
        const Run run = reconcileYaml(gateway("  - {name: http, port: 80, protocol: HTTP}\n") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs:
    - {name: v1, port: 8080, weight: 3}
    - {name: missing, port: 8080, weight: 1}
    - {name: v2, port: 8080, weight: 0}
)");
        const auto *all = host(run.table("infra/gw"), 80, "*");
        const auto &backends = all->routes.front()->backends;
        QCOMPARE(backends.size(), std::size_t(3));
        QVERIFY(backends[0].isValid());
        QCOMPARE(backends[0].weight, 3);
        QVERIFY(!backends[1].isValid());
        QCOMPARE(backends[1].weight, 1);
        QVERIFY(QString::fromStdString(backends[1].invalidReason).startsWith("BackendNotFound"));
        QCOMPARE(backends[2].weight, 0);
        QCOMPARE(
            condition(parentEntry(run.status("HTTPRoute", "infra", "r"), "gw")->find("conditions"),
                      "ResolvedRefs"),
            QString("False/BackendNotFound"));
    }

    void filters()
    {
        const Run run = reconcileYaml(gateway("  - {name: http, port: 80, protocol: HTTP}\n") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{name: x-set, value: "1"}]
        add: [{name: x-add, value: "2"}]
        remove: [x-remove]
    - type: ResponseHeaderModifier
      responseHeaderModifier:
        add: [{name: x-out, value: "3"}]
    - type: URLRewrite
      urlRewrite:
        hostname: rewritten.example.com
        path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}
    - type: RequestMirror
      requestMirror:
        backendRef: {name: v2, port: 8080}
        fraction: {numerator: 1, denominator: 4}
    - type: CORS
      cors:
        allowOrigins: ["*"]
    - type: ExtensionRef
      extensionRef: {group: example.com, kind: Thing, name: x}
    backendRefs:
    - name: v1
      port: 8080
      filters:
      - type: RequestHeaderModifier
        requestHeaderModifier:
          set: [{name: x-backend, value: v1}]
    timeouts: {request: 10s, backendRequest: 500ms}
    retry: {codes: [500, 503], attempts: 3, backoff: 1m30s}
  - matches: [{path: {value: /old}}]
    filters:
    - type: RequestRedirect
      requestRedirect:
        scheme: https
        port: 8443
        path: {type: ReplaceFullPath, replaceFullPath: /moved}
)");
        const auto *all = host(run.table("infra/gw"), 80, "*");
        QVERIFY(all);
        const RT::HttpRoute *main = nullptr;
        const RT::HttpRoute *redirect = nullptr;
        for (const auto *row : all->routes) {
            (row->source.ruleIndex == 0 ? main : redirect) = row;
        }
        QVERIFY(main && redirect);
        QCOMPARE(main->filters.size(), std::size_t(6));
        QCOMPARE(main->filters[0].type, RT::Filter::Type::RequestHeaderModifier);
        QCOMPARE(main->filters[0].headers.set.front().name, std::string("x-set"));
        QCOMPARE(main->filters[0].headers.add.front().value, std::string("2"));
        QCOMPARE(main->filters[0].headers.remove.front(), std::string("x-remove"));
        QCOMPARE(main->filters[1].type, RT::Filter::Type::ResponseHeaderModifier);
        QCOMPARE(main->filters[2].type, RT::Filter::Type::UrlRewrite);
        QCOMPARE(*main->filters[2].rewrite.hostname, std::string("rewritten.example.com"));
        QCOMPARE(main->filters[2].rewrite.path->type, RT::PathModifierType::ReplacePrefixMatch);
        QCOMPARE(main->filters[2].rewrite.path->value, std::string("/new"));
        QCOMPARE(main->filters[3].type, RT::Filter::Type::RequestMirror);
        QCOMPARE(main->filters[3].mirror.percent, 25.0);
        QCOMPARE(main->filters[3].mirror.backend->service, std::string("v2"));
        QCOMPARE(main->filters[4].type, RT::Filter::Type::Cors);
        QCOMPARE(*main->filters[4].cors.maxAge, 5); // the CRD default
        QCOMPARE(main->filters[5].type, RT::Filter::Type::Unsupported);
        QVERIFY(!main->filters[5].unsupportedReason.empty());
        QCOMPARE(main->backends.front().filters.front().headers.set.front().value,
                 std::string("v1"));
        QCOMPARE(main->timeouts.request->count(), 10000);
        QCOMPARE(main->timeouts.backendRequest->count(), 500);
        QCOMPARE(main->retry->codes, (std::vector<int>{500, 503}));
        QCOMPARE(*main->retry->attempts, 3);
        QCOMPARE(main->retry->backoff->count(), 90000);

        QCOMPARE(redirect->filters.front().type, RT::Filter::Type::RequestRedirect);
        QCOMPARE(*redirect->filters.front().redirect.scheme, std::string("https"));
        QCOMPARE(*redirect->filters.front().redirect.port, 8443);
        QCOMPARE(redirect->filters.front().redirect.statusCode, 302);
        QCOMPARE(redirect->filters.front().redirect.path->value, std::string("/moved"));
        QVERIFY(redirect->backends.empty());
    }

    void grpcRows()
    {
        const Run run = reconcileYaml(gateway("  - {name: http, port: 80, protocol: HTTP}\n") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches:
    - method: {service: pkg.Echo, method: Echo}
      headers: [{name: version, value: two}]
    backendRefs: [{name: v1, port: 8080}]
  - backendRefs: [{name: v2, port: 8080}]
)");
        const auto *all = host(run.table("infra/gw"), 80, "*");
        QCOMPARE(all->routes.size(), std::size_t(2));
        for (const auto *row : all->routes) {
            QCOMPARE(row->source.kind, std::string("GRPCRoute"));
            QVERIFY(row->match.grpcMethod);
            QVERIFY(!row->match.path);
            if (row->source.ruleIndex == 0) {
                QCOMPARE(row->match.grpcMethod->service, std::string("pkg.Echo"));
                QCOMPARE(row->match.grpcMethod->method, std::string("Echo"));
                QCOMPARE(row->match.headers.front().value, std::string("two"));
            } else {
                QVERIFY(row->match.grpcMethod->service.empty());
                QCOMPARE(row->source.matchIndex, -1);
            }
        }
    }

    void streamRows()
    {
        const Run run = reconcileYaml(gateway(R"(  - {name: tcp, port: 9000, protocol: TCP}
  - {name: udp, port: 5300, protocol: UDP}
  - name: tls
    port: 443
    protocol: TLS
    hostname: "*.example.com"
    tls: {mode: Passthrough}
)") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: TCPRoute
metadata: {name: t, namespace: infra}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules:
  - backendRefs: [{name: v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: UDPRoute
metadata: {name: u, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs: [{name: v2, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: s, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  hostnames: [abc.example.com, other.org]
  rules:
  - backendRefs: [{name: v1, port: 8080}]
)");
        const auto table = run.table("infra/gw");
        QCOMPARE(table->listener(9000)->protocol, RT::ListenerProtocol::TCP);
        QCOMPARE(host(table, 9000, "*")->streams.front()->source.name, std::string("t"));
        QCOMPARE(host(table, 5300, "*")->streams.front()->source.name, std::string("u"));
        QCOMPARE(hostNames(table, 443), (QStringList{"*.example.com", "abc.example.com"}));
        // The listener's own entry: other names under it find no route.
        QVERIFY(host(table, 443, "*.example.com")->streams.empty());
        QCOMPARE(host(table, 443, "abc.example.com")->streams.front()->backends.front().service,
                 std::string("v1"));
        const Node *gatewayStatus = run.status("Gateway", "infra", "gw");
        QCOMPARE((*listener(gatewayStatus, "udp"))["attachedRoutes"].asInt(), std::int64_t(1));
        QCOMPARE((*listener(gatewayStatus, "tcp"))["attachedRoutes"].asInt(), std::int64_t(1));
        QCOMPARE((*listener(gatewayStatus, "tls"))["attachedRoutes"].asInt(), std::int64_t(1));
    }

    // Objects without a creationTimestamp get one in load order; equal times share a rank so
    // that namespace/name decides.
    void creationOrder()
    {
        const auto route = [](const std::string &name, const std::string &created) {
            std::string out = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                              "metadata:\n  name: " +
                              name + "\n  namespace: infra\n";
            if (!created.empty()) {
                out += "  creationTimestamp: \"" + created + "\"\n";
            }
            return out + "spec:\n  parentRefs: [{name: gw}]\n  rules:\n"
                         "  - backendRefs: [{name: v1, port: 8080}]\n---\n";
        };
        const Run run = reconcileYaml(
            gateway("  - {name: http, port: 80, protocol: HTTP}\n") + route("untimed-1", "") +
            route("late", "2024-06-01T00:00:00Z") + route("early", "2024-01-01T00:00:00+02:00") +
            route("late-twin", "2024-06-01T00:00:00Z") + route("untimed-2", ""));
        std::map<std::string, std::int64_t> order;
        for (const auto *row : host(run.table("infra/gw"), 80, "*")->routes) {
            order[row->source.name] = row->source.creationOrder;
        }
        QCOMPARE(order.size(), std::size_t(5));
        QVERIFY(order["early"] < order["late"]);
        QCOMPARE(order["late"], order["late-twin"]);
        QVERIFY(order["late"] < order["untimed-1"]);
        QVERIFY(order["untimed-1"] < order["untimed-2"]);
    }

    void onlyAcceptedRowsAndListeners()
    {
        const Run run = reconcileYaml(
            gateway(R"(  - {name: http, port: 80, protocol: HTTP, hostname: a.example.com}
  - {name: clash-a, port: 9000, protocol: TCP}
  - {name: clash-b, port: 9000, protocol: HTTP}
)") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: refused, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  hostnames: [b.example.com]
  rules:
  - backendRefs: [{name: v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: partly, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {value: /auth}}]
    filters:
    - type: ExternalAuth
      externalAuth: {protocol: HTTP, backendRef: {name: v2, port: 8080}}
    backendRefs: [{name: v1, port: 8080}]
  - matches: [{path: {value: /ok}}]
    backendRefs: [{name: v1, port: 8080}]
)");
        const auto table = run.table("infra/gw");
        QCOMPARE(table->ports(), std::vector<int>{80});
        const auto *a = host(table, 80, "a.example.com");
        QCOMPARE(a->routes.size(), std::size_t(1));
        QCOMPARE(a->routes.front()->source.name, std::string("partly"));
        QCOMPARE(a->routes.front()->source.ruleIndex, 1);
        // filters: "If only a portion of Route Rules are invalid, implementations MUST set the
        // "PartiallyInvalid" condition for the Route."
        const Node *partly = parentEntry(run.status("HTTPRoute", "infra", "partly"), "gw");
        QCOMPARE(condition(partly->find("conditions"), "Accepted"), QString("True/Accepted"));
        QCOMPARE(condition(partly->find("conditions"), "PartiallyInvalid"),
                 QString("True/UnsupportedValue"));
    }

    void everyRuleUnusable()
    {
        const Run run = reconcileYaml(gateway("  - {name: http, port: 80, protocol: HTTP}\n") + R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - filters: [{type: SomethingNew}]
    backendRefs: [{name: v1, port: 8080}]
)");
        // httproute_types.go, filter type: "Unknown values here must result in the
        // implementation setting the Accepted Condition for the Route to `status: False`, with
        // a Reason of `UnsupportedValue`."
        QCOMPARE(
            condition(parentEntry(run.status("HTTPRoute", "infra", "r"), "gw")->find("conditions"),
                      "Accepted"),
            QString("False/UnsupportedValue"));
        // The listener's host entry stays, empty: requests get 404.
        QVERIFY(host(run.table("infra/gw"), 80, "*")->routes.empty());
    }

    void deterministic()
    {
        const std::string yaml = gateway("  - {name: http, port: 80, protocol: HTTP}\n") +
                                 "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                                 "metadata: {name: r, namespace: infra}\nspec:\n"
                                 "  parentRefs: [{name: gw}]\n";
        const Run first = reconcileYaml(yaml);
        const Run second = reconcileYaml(yaml);
        for (std::size_t i = 0; i < first.result.statuses.size(); ++i) {
            QCOMPARE(first.result.statuses[i].has_value(), second.result.statuses[i].has_value());
            if (first.result.statuses[i]) {
                QCOMPARE(first.result.statuses[i]->toJson(), second.result.statuses[i]->toJson());
            }
        }
        // A route without rules gets the API server's default rule: match everything, no
        // backend (a 500 from the table).
        const auto *all = host(first.table("infra/gw"), 80, "*");
        QCOMPARE(all->routes.size(), std::size_t(1));
        QVERIFY(all->routes.front()->backends.empty());
    }
};

QTEST_GUILESS_MAIN(TestControllerTables)
#include "tst_controller_tables.moc"
