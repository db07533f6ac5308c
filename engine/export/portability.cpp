#include "portability.h"

#include <QtCore/QFile>

#include <algorithm>
#include <map>
#include <set>

namespace Torii::Export {

namespace {

using Model::Node;

std::vector<std::string> split(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                            : end - start));
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return parts;
}

class Detector
{
public:
    explicit Detector(const std::vector<Model::Resource> &resources)
        : m_resources(resources)
    {
        for (const Model::Resource &r : resources) {
            if (r.kind == "Service" && r.group().empty()) {
                const std::string key = (r.ns.empty() ? "default" : r.ns) + "/" + r.name;
                for (const Node &port : r.object["spec"]["ports"].items()) {
                    m_appProtocols[key].insert(port["appProtocol"].str());
                }
            }
        }
    }

    std::map<std::string, FeaturePortability> found;

    void use(const std::string &feature, const Model::Resource &r, const Node &where)
    {
        FeaturePortability &f = found[feature];
        f.feature = feature;
        const std::string resource = r.displayName();
        for (const FeatureUse &u : f.usedBy) {
            if (u.resource == resource) {
                return; // one mention per object is enough
            }
        }
        FeatureUse u;
        u.resource = resource;
        u.file = r.source.file;
        u.line = static_cast<int>(where.mark().isValid() ? where.mark().line : r.source.mark.line);
        f.usedBy.push_back(std::move(u));
    }

    void run()
    {
        for (const Model::Resource &r : m_resources) {
            if (r.group() != "gateway.networking.k8s.io") {
                continue;
            }
            const Node &spec = r.object["spec"];
            if (r.kind == "Gateway") {
                gateway(r, spec);
            } else if (r.kind == "HTTPRoute") {
                use("HTTPRoute", r, r.object);
                httpRoute(r, spec);
            } else if (r.kind == "GRPCRoute" || r.kind == "TLSRoute" || r.kind == "TCPRoute" ||
                       r.kind == "UDPRoute" || r.kind == "ListenerSet" ||
                       r.kind == "ReferenceGrant" || r.kind == "BackendTLSPolicy") {
                use(r.kind, r, r.object);
                if (r.kind == "BackendTLSPolicy" && spec["validation"].has("subjectAltNames")) {
                    use("BackendTLSPolicySANValidation", r, spec["validation"]["subjectAltNames"]);
                }
            }
        }
        // TLSRoute mode features need both the route and the Gateway's listeners.
        if (!found.count("TLSRoute")) {
            found.erase("TLSRouteModeTerminate");
            found.erase("TLSRouteModeMixed");
        }
    }

private:
    void gateway(const Model::Resource &r, const Node &spec)
    {
        use("Gateway", r, r.object);
        std::map<std::int64_t, std::set<std::string>> httpHostsByPort;
        std::map<std::int64_t, int> httpsByPort;
        bool tlsPassthrough = false;
        bool tlsTerminate = false;
        for (const Node &l : spec["listeners"].items()) {
            const std::int64_t port = l["port"].asInt();
            const std::string protocol = l["protocol"].str();
            if (port == 8080) {
                use("GatewayPort8080", r, l["port"]);
            }
            if (protocol == "HTTP" || protocol == "HTTPS") {
                httpHostsByPort[port].insert(l["hostname"].str());
            }
            if (protocol == "HTTPS") {
                ++httpsByPort[port];
            }
            if (protocol == "TLS") {
                const std::string mode =
                    l["tls"]["mode"].isString() ? l["tls"]["mode"].str() : std::string("Terminate");
                (mode == "Passthrough" ? tlsPassthrough : tlsTerminate) = true;
                if (mode == "Terminate") {
                    use("TLSRouteModeTerminate", r, l);
                }
            }
        }
        if (tlsPassthrough && tlsTerminate) {
            use("TLSRouteModeMixed", r, spec["listeners"]);
        }
        for (const auto &[port, hosts] : httpHostsByPort) {
            if (hosts.size() > 1) {
                use("GatewayHTTPListenerIsolation", r, spec["listeners"]);
            }
        }
        for (const auto &[port, count] : httpsByPort) {
            if (count > 1) {
                use("GatewayHTTPSListenerDetectMisdirectedRequests", r, spec["listeners"]);
            }
        }
        for (const Node &a : spec["addresses"].items()) {
            use(a["value"].str().empty() ? "GatewayAddressEmpty" : "GatewayStaticAddresses", r, a);
        }
        if (spec.has("infrastructure")) {
            use("GatewayInfrastructurePropagation", r, spec["infrastructure"]);
        }
        if (spec["tls"].has("frontend")) {
            use("GatewayFrontendClientCertificateValidation", r, spec["tls"]["frontend"]);
            const Node &frontend = spec["tls"]["frontend"];
            bool insecure =
                frontend["default"]["validation"]["mode"].str() == "AllowInsecureFallback";
            for (const Node &p : frontend["perPort"].items()) {
                insecure =
                    insecure || p["tls"]["validation"]["mode"].str() == "AllowInsecureFallback";
            }
            if (insecure) {
                use("GatewayFrontendClientCertificateValidationInsecureFallback", r, frontend);
            }
        }
        if (spec["tls"]["backend"].has("clientCertificateRef")) {
            use("GatewayBackendClientCertificate", r, spec["tls"]["backend"]);
        }
    }

    void filters(const Model::Resource &r, const Node &list, bool onBackend)
    {
        int mirrors = 0;
        for (const Node &f : list.items()) {
            const std::string type = f["type"].str();
            if (type == "ResponseHeaderModifier") {
                use("HTTPRouteResponseHeaderModification", r, f);
            } else if (type == "RequestHeaderModifier" && onBackend) {
                use("HTTPRouteBackendRequestHeaderModification", r, f);
            } else if (type == "RequestMirror") {
                use("HTTPRouteRequestMirror", r, f);
                ++mirrors;
                if (f["requestMirror"].has("percent") || f["requestMirror"].has("fraction")) {
                    use("HTTPRouteRequestPercentageMirror", r, f);
                }
            } else if (type == "RequestRedirect") {
                const Node &rr = f["requestRedirect"];
                if (onBackend) {
                    use("HTTPRouteBackendRequestRedirect", r, f);
                }
                if (rr.has("scheme")) {
                    use("HTTPRouteSchemeRedirect", r, rr["scheme"]);
                }
                if (rr.has("port")) {
                    use("HTTPRoutePortRedirect", r, rr["port"]);
                }
                if (rr.has("path")) {
                    use("HTTPRoutePathRedirect", r, rr["path"]);
                }
                const std::int64_t code = rr["statusCode"].asInt();
                if (code == 303 || code == 307 || code == 308) {
                    use("HTTPRoute" + std::to_string(code) + "RedirectStatusCode", r,
                        rr["statusCode"]);
                }
            } else if (type == "URLRewrite") {
                if (onBackend) {
                    use("HTTPRouteBackendURLRewrite", r, f);
                }
                if (f["urlRewrite"].has("hostname")) {
                    use("HTTPRouteHostRewrite", r, f["urlRewrite"]["hostname"]);
                }
                if (f["urlRewrite"].has("path")) {
                    use("HTTPRoutePathRewrite", r, f["urlRewrite"]["path"]);
                }
            } else if (type == "CORS") {
                use("HTTPRouteCORS", r, f);
            }
        }
        if (mirrors > 1) {
            use("HTTPRouteRequestMultipleMirrors", r, list);
        }
    }

    void httpRoute(const Model::Resource &r, const Node &spec)
    {
        const std::string ns = r.ns.empty() ? "default" : r.ns;
        for (const Node &p : spec["parentRefs"].items()) {
            if (p.has("port")) {
                use("HTTPRouteParentRefPort", r, p["port"]);
            }
        }
        for (const Node &rule : spec["rules"].items()) {
            if (rule.has("name")) {
                use("HTTPRouteNamedRouteRule", r, rule["name"]);
            }
            for (const Node &m : rule["matches"].items()) {
                if (m.has("queryParams")) {
                    use("HTTPRouteQueryParamMatching", r, m["queryParams"]);
                }
                if (m.has("method")) {
                    use("HTTPRouteMethodMatching", r, m["method"]);
                }
            }
            filters(r, rule["filters"], false);
            if (rule["timeouts"].has("request")) {
                use("HTTPRouteRequestTimeout", r, rule["timeouts"]["request"]);
            }
            if (rule["timeouts"].has("backendRequest")) {
                use("HTTPRouteBackendTimeout", r, rule["timeouts"]["backendRequest"]);
            }
            if (rule.has("retry")) {
                use("HTTPRouteRetry", r, rule["retry"]);
            }
            for (const Node &b : rule["backendRefs"].items()) {
                filters(r, b["filters"], true);
                const std::string kind = b["kind"].isString() ? b["kind"].str() : "Service";
                if (kind != "Service" || !b["group"].str().empty()) {
                    continue;
                }
                const std::string key =
                    (b["namespace"].isString() ? b["namespace"].str() : ns) + "/" + b["name"].str();
                const auto it = m_appProtocols.find(key);
                if (it == m_appProtocols.end()) {
                    continue;
                }
                if (it->second.count("kubernetes.io/h2c")) {
                    use("HTTPRouteBackendProtocolH2C", r, b);
                }
                if (it->second.count("kubernetes.io/ws") || it->second.count("kubernetes.io/wss")) {
                    use("HTTPRouteBackendProtocolWebSocket", r, b);
                }
            }
        }
    }

    const std::vector<Model::Resource> &m_resources;
    std::map<std::string, std::set<std::string>> m_appProtocols;
};

} // namespace

FeatureSupportTable parseFeatureSupport(std::string_view tsv)
{
    FeatureSupportTable table;
    int lineNumber = 0;
    for (const std::string &line : split(tsv, '\n')) {
        ++lineNumber;
        if (line.empty() || line[0] == '#') {
            continue;
        }
        const std::vector<std::string> fields = split(line, '\t');
        if (fields.size() != 4 || fields[0].empty()) {
            table.error = "feature_support.tsv:" + std::to_string(lineNumber) +
                          ": expected 4 tab-separated fields";
            table.implementations.clear();
            return table;
        }
        ImplementationSupport s;
        s.implementation = fields[0];
        s.version = fields[1];
        s.reportSet = fields[2];
        if (!fields[3].empty()) {
            s.features = split(fields[3], ',');
        }
        std::sort(s.features.begin(), s.features.end());
        table.implementations.push_back(std::move(s));
    }
    return table;
}

const FeatureSupportTable &shippedFeatureSupport()
{
    static const FeatureSupportTable table = [] {
        QFile file(QStringLiteral(":/torii/conformance/feature_support.tsv"));
        if (!file.open(QIODevice::ReadOnly)) {
            FeatureSupportTable t;
            t.error = "the embedded conformance table is missing";
            return t;
        }
        const QByteArray bytes = file.readAll();
        return parseFeatureSupport(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }();
    return table;
}

std::vector<FeaturePortability> detectFeatures(const std::vector<Model::Resource> &resources)
{
    Detector detector(resources);
    detector.run();
    std::vector<FeaturePortability> out;
    for (auto &[name, feature] : detector.found) {
        out.push_back(std::move(feature));
    }
    return out;
}

PortabilityReport portability(const std::vector<Model::Resource> &resources,
                              const FeatureSupportTable &table)
{
    PortabilityReport report;
    report.features = detectFeatures(resources);
    std::map<const ImplementationSupport *, std::size_t> passCount;
    for (FeaturePortability &f : report.features) {
        for (const ImplementationSupport &s : table.implementations) {
            if (std::binary_search(s.features.begin(), s.features.end(), f.feature)) {
                f.passing.push_back(&s);
                ++passCount[&s];
            }
        }
    }
    for (const ImplementationSupport &s : table.implementations) {
        if (passCount[&s] == report.features.size()) {
            report.passingAll.push_back(&s);
        }
    }
    return report;
}

} // namespace Torii::Export
