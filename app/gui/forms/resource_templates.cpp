#include "resource_templates.h"

#include <QtCore/QCoreApplication>

namespace Torii::Gui {

QString ResourceTemplate::instantiate(const QString &name, const QString &ns,
                                      const QString &gateway) const
{
    QString text = yaml;
    text.replace(QLatin1String("${NAME}"), name.isEmpty() ? id : name);
    text.replace(QLatin1String("${NAMESPACE}"), ns.isEmpty() ? QStringLiteral("default") : ns);
    text.replace(QLatin1String("${GATEWAY}"),
                 gateway.isEmpty() ? QStringLiteral("example-gateway") : gateway);
    return text;
}

QList<ResourceTemplate> resourceTemplates()
{
    auto t = [](const char *text) { return QCoreApplication::translate("Forms", text); };
    return {
        {QStringLiteral("gateway"), t(QT_TRANSLATE_NOOP("Forms", "Gateway (HTTP on port 80)")),
         t(QT_TRANSLATE_NOOP("Forms", "A Gateway of the class example-gateway-class with one HTTP "
                                      "listener accepting routes from every namespace.")),
         QStringLiteral("Gateway"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: Gateway\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  gatewayClassName: example-gateway-class\n"
                        "  listeners:\n"
                        "  - name: http\n"
                        "    protocol: HTTP\n"
                        "    port: 80\n"
                        "    allowedRoutes:\n"
                        "      namespaces:\n"
                        "        from: All\n")},
        {QStringLiteral("httproute-basic"), t(QT_TRANSLATE_NOOP("Forms", "HTTPRoute: basic")),
         t(QT_TRANSLATE_NOOP("Forms", "Sends every request for a hostname to one Service.")),
         QStringLiteral("HTTPRoute"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: HTTPRoute\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  parentRefs:\n"
                        "  - name: ${GATEWAY}\n"
                        "  hostnames:\n"
                        "  - www.example.com\n"
                        "  rules:\n"
                        "  - matches:\n"
                        "    - path:\n"
                        "        type: PathPrefix\n"
                        "        value: /\n"
                        "    backendRefs:\n"
                        "    - name: example-svc\n"
                        "      port: 8080\n")},
        {QStringLiteral("httproute-canary"),
         t(QT_TRANSLATE_NOOP("Forms", "HTTPRoute: canary (weighted split)")),
         t(QT_TRANSLATE_NOOP(
             "Forms", "Sends 90 % of the requests to the stable Service and 10 % to the canary.")),
         QStringLiteral("HTTPRoute"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: HTTPRoute\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  parentRefs:\n"
                        "  - name: ${GATEWAY}\n"
                        "  hostnames:\n"
                        "  - www.example.com\n"
                        "  rules:\n"
                        "  - backendRefs:\n"
                        "    - name: app-v1\n"
                        "      port: 8080\n"
                        "      weight: 90\n"
                        "    - name: app-v2\n"
                        "      port: 8080\n"
                        "      weight: 10\n")},
        {QStringLiteral("httproute-header-ab"),
         t(QT_TRANSLATE_NOOP("Forms", "HTTPRoute: A/B test by header")),
         t(QT_TRANSLATE_NOOP(
             "Forms",
             "Requests with the header env: canary go to version 2, the others to version 1.")),
         QStringLiteral("HTTPRoute"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: HTTPRoute\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  parentRefs:\n"
                        "  - name: ${GATEWAY}\n"
                        "  hostnames:\n"
                        "  - www.example.com\n"
                        "  rules:\n"
                        "  - matches:\n"
                        "    - headers:\n"
                        "      - name: env\n"
                        "        value: canary\n"
                        "    backendRefs:\n"
                        "    - name: app-v2\n"
                        "      port: 8080\n"
                        "  - backendRefs:\n"
                        "    - name: app-v1\n"
                        "      port: 8080\n")},
        {QStringLiteral("tcproute"), t(QT_TRANSLATE_NOOP("Forms", "TCPRoute")),
         t(QT_TRANSLATE_NOOP("Forms", "Forwards a TCP listener's connections to one Service.")),
         QStringLiteral("TCPRoute"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: TCPRoute\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  parentRefs:\n"
                        "  - name: ${GATEWAY}\n"
                        "    sectionName: tcp\n"
                        "  rules:\n"
                        "  - backendRefs:\n"
                        "    - name: tcp-svc\n"
                        "      port: 9000\n")},
        {QStringLiteral("udproute"), t(QT_TRANSLATE_NOOP("Forms", "UDPRoute")),
         t(QT_TRANSLATE_NOOP("Forms", "Forwards a UDP listener's datagrams to one Service.")),
         QStringLiteral("UDPRoute"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: UDPRoute\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  parentRefs:\n"
                        "  - name: ${GATEWAY}\n"
                        "    sectionName: udp\n"
                        "  rules:\n"
                        "  - backendRefs:\n"
                        "    - name: udp-svc\n"
                        "      port: 5353\n")},
        {QStringLiteral("tlsroute-passthrough"),
         t(QT_TRANSLATE_NOOP("Forms", "TLSRoute: passthrough")),
         t(QT_TRANSLATE_NOOP("Forms",
                             "Forwards TLS connections for a server name, still encrypted, to one "
                             "Service (the listener's TLS mode is Passthrough).")),
         QStringLiteral("TLSRoute"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: TLSRoute\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  parentRefs:\n"
                        "  - name: ${GATEWAY}\n"
                        "    sectionName: tls\n"
                        "  hostnames:\n"
                        "  - secure.example.com\n"
                        "  rules:\n"
                        "  - backendRefs:\n"
                        "    - name: tls-svc\n"
                        "      port: 8443\n")},
        {QStringLiteral("referencegrant"), t(QT_TRANSLATE_NOOP("Forms", "ReferenceGrant")),
         t(QT_TRANSLATE_NOOP(
             "Forms",
             "Lets HTTPRoutes of another namespace send traffic to the Services of this one.")),
         QStringLiteral("ReferenceGrant"),
         QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\n"
                        "kind: ReferenceGrant\n"
                        "metadata:\n"
                        "  name: ${NAME}\n"
                        "  namespace: ${NAMESPACE}\n"
                        "spec:\n"
                        "  from:\n"
                        "  - group: gateway.networking.k8s.io\n"
                        "    kind: HTTPRoute\n"
                        "    namespace: other-namespace\n"
                        "  to:\n"
                        "  - group: \"\"\n"
                        "    kind: Service\n")},
    };
}

ResourceTemplate resourceTemplate(const QString &id)
{
    for (const ResourceTemplate &t : resourceTemplates()) {
        if (t.id == id) {
            return t;
        }
    }
    return {};
}

} // namespace Torii::Gui
