#pragma once

#include <QString>

// Who an echo endpoint says it is: the fields the conformance echo server reads from its
// environment (NAMESPACE, POD_NAME, SERVICE_NAME, INGRESS_NAME, HTTP_PORT). Value type; any thread.
#include <optional>

namespace Torii::Backends {

// What the echo answer's `tls` object reports of a TLS connection to the endpoint.
struct EchoTls
{
    QString version;            // "TLSv1.3"
    QString serverName;         // the SNI received ("" when none)
    QString negotiatedProtocol; // ALPN; "" when none (left out of the answer)
    QString cipherSuite;        // "TLS_AES_128_GCM_SHA256"
};

struct EchoIdentity
{
    QString namespaceName; // "namespace" in the echo JSON
    QString pod;           // "pod": <deployment>-<hash>-<hash>, see podName()
    QString service;       // "service"; the conformance manifests leave it "", Torii may set it
    QString ingress;       // "ingress"; always "" in the conformance manifests
    QString httpPort = QStringLiteral("3000"); // the container's HTTP_PORT, not the real port
    // Set per connection that came over TLS (the endpoint's HTTPS port, relayed_tls.h): the
    // answer then carries the `tls` object. Unset for the endpoint itself.
    std::optional<EchoTls> tls;
};

// A stable Kubernetes-looking pod name for replica `index` of `deployment`:
// "<deployment>-<10 chars>-<5 chars>", the characters from Kubernetes' safe alphabet, derived
// from a SHA-1 of the inputs (same inputs, same name, on every run and machine). The suite
// derives the backend name by removing the last two '-' parts, so that shape matters.
// Pure; any thread. Precondition: index >= 0.
QString podName(const QString &deployment, int index);

// The identity of replica `index` of `service` in `namespaceName` (pod from podName(); the
// Deployment is named like the Service, as in the conformance manifests; `service` field "").
EchoIdentity replicaIdentity(const QString &namespaceName, const QString &service, int index);

} // namespace Torii::Backends
