#pragma once

// Helpers for the controller tests: reconcile inline YAML and read the status trees back in a
// compact form ("True/Accepted").

#include "engine/controller/controller.h"
#include "engine/yaml/resource_reader.h"

#include <QtTest/QTest>

#include <string>
#include <string_view>
#include <vector>

namespace ControllerTest {

using Torii::Model::Node;

// Torii's own GatewayClass, named "torii".
inline constexpr std::string_view kClass = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: torii
spec:
  controllerName: torii.dev/gateway-controller
---
)";

// A self-signed EC certificate and its key, and a key that belongs to another certificate.
inline constexpr std::string_view kCertificate = R"(-----BEGIN CERTIFICATE-----
MIIBgjCCASegAwIBAgIUGZEnmmXLsZHW5rIjWEmVQX7+ihAwCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKdG9yaWktdGVzdDAgFw0yNjExMjYxMTQ0NTFaGA8yMTI2MTEw
MjExNDQ1MVowFTETMBEGA1UEAwwKdG9yaWktdGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABI/YntnlJ+EIANzbegvvvcvocbt/h0VJ+inwmy3HKWlXC55daGOO
36segzJZXJ+NLQoOCAUD+NgT9iI7j5wBl0ejUzBRMB0GA1UdDgQWBBRD0dtULXKq
hr6FQ1MfMOrIyhPcDDAfBgNVHSMEGDAWgBRD0dtULXKqhr6FQ1MfMOrIyhPcDDAP
BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0kAMEYCIQCxFT+TGwQ/oZS/1NM8
Rp541HpUGlS9NYeQc4y0dtgv1gIhAOpN9zyPVRnCB0CIz7O353tcaOb5VC71/hsz
g7Yz+EnS
-----END CERTIFICATE-----
)";

inline constexpr std::string_view kKey = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCtobHFy5QWVUB+eJ
0hvkd+WxZuAjdvae47IODdDYzLShRANCAASP2J7Z5SfhCADc23oL773L6HG7f4dF
Sfop8JstxylpVwueXWhjjt+rHoMyWVyfjS0KDggFA/jYE/YiO4+cAZdH
-----END PRIVATE KEY-----
)";

inline constexpr std::string_view kOtherKey = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgIYHHePdlq6Haf9T7
731+US0enblzFNDicm47zWJ+mimhRANCAATjoBwCSjk0s9vvuTgMlvt1Yx+meygA
49y96RfD0i9linH29/jRzVXMIdxPekG6e8G2hqadr8cC8nhKoCEoSypX
-----END PRIVATE KEY-----
)";

// `text` indented as a YAML block scalar body.
inline std::string indented(std::string_view text, int spaces)
{
    std::string out;
    const std::string pad(static_cast<std::size_t>(spaces), ' ');
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line = text.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        out += pad + std::string(line) + "\n";
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

// A kubernetes.io/tls Secret with stringData.
inline std::string tlsSecret(std::string_view ns, std::string_view name,
                             std::string_view certificate = kCertificate,
                             std::string_view key = kKey)
{
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + std::string(name) +
           "\n  namespace: " + std::string(ns) +
           "\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: |\n" + indented(certificate, 4) +
           "  tls.key: |\n" + indented(key, 4) + "---\n";
}

// A ConfigMap with ca.crt.
inline std::string caConfigMap(std::string_view ns, std::string_view name,
                               std::string_view certificate = kCertificate)
{
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + std::string(name) +
           "\n  namespace: " + std::string(ns) + "\ndata:\n  ca.crt: |\n" +
           indented(certificate, 4) + "---\n";
}

struct Run
{
    std::vector<Torii::Model::Resource> resources;
    Torii::Controller::ControllerResult result;

    // The status of an object, or nullptr when the controller writes none.
    const Node *status(std::string_view kind, std::string_view ns, std::string_view name) const
    {
        for (std::size_t i = 0; i < resources.size(); ++i) {
            const auto &r = resources[i];
            if (r.kind == kind && r.name == name && (ns.empty() || r.ns == ns)) {
                return result.statuses[i] ? &*result.statuses[i] : nullptr;
            }
        }
        return nullptr;
    }

    bool hasDiagnostic(std::string_view code) const
    {
        for (const auto &d : result.diagnostics) {
            if (d.code == code) {
                return true;
            }
        }
        return false;
    }

    std::shared_ptr<const Torii::RouteTable::RouteTable> table(const std::string &key) const
    {
        const auto it = result.routeTables.find(key);
        return it == result.routeTables.end() ? nullptr : it->second;
    }
};

inline Run reconcileYaml(std::string_view yaml,
                         const Torii::Controller::ControllerOptions &options = {})
{
    Run run;
    Torii::Yaml::ReadResult read = Torii::Yaml::readText(yaml, "t.yaml");
    for (const auto &d : read.diagnostics) {
        if (d.isError()) {
            qWarning("%s", d.toCompilerStyle().c_str());
        }
    }
    run.resources = std::move(read.resources);
    run.result = Torii::Controller::reconcile(run.resources, options);
    return run;
}

// "True/Accepted" for the condition of that type in a conditions list; "" when absent.
inline QString condition(const Node *conditions, std::string_view type)
{
    if (!conditions || !conditions->isList()) {
        return {};
    }
    for (const Node &c : conditions->items()) {
        if (c["type"].asString() == type) {
            return QString::fromStdString(c["status"].asString() + "/" + c["reason"].asString());
        }
    }
    return {};
}

inline QString condition(const Node *status, std::string_view field, std::string_view type)
{
    return status ? condition(status->find(field), type) : QString();
}

// An entry of a list of maps by its "name".
inline const Node *named(const Node *list, std::string_view name)
{
    if (!list || !list->isList()) {
        return nullptr;
    }
    for (const Node &item : list->items()) {
        if (item["name"].asString() == name) {
            return &item;
        }
    }
    return nullptr;
}

inline const Node *listener(const Node *status, std::string_view name)
{
    return status ? named(status->find("listeners"), name) : nullptr;
}

// The first status.parents entry whose parentRef names `name` (and `sectionName`, if given).
inline const Node *parentEntry(const Node *status, std::string_view name,
                               std::string_view sectionName = {})
{
    if (!status || !status->find("parents")) {
        return nullptr;
    }
    for (const Node &p : (*status)["parents"].items()) {
        if (p["parentRef"]["name"].asString() == name &&
            (sectionName.empty() || p["parentRef"]["sectionName"].asString() == sectionName)) {
            return &p;
        }
    }
    return nullptr;
}

// "HTTPRoute,GRPCRoute"
inline QString supportedKinds(const Node *listenerStatus)
{
    QStringList kinds;
    if (listenerStatus && listenerStatus->find("supportedKinds")) {
        for (const Node &k : (*listenerStatus)["supportedKinds"].items()) {
            kinds << QString::fromStdString(k["kind"].asString());
        }
    }
    return kinds.join(',');
}

} // namespace ControllerTest
