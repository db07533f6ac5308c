#pragma once

#include "echo_identity.h"

#include "engine/http/http1_codec.h"

#include <QByteArray>
#include <QString>

// The conformance echo server's answer (../shared/conformance/README.md, "The echo answer"),
// built from a parsed request head. Pure: no socket, no clock; any thread.
namespace Torii::Backends {

// Go's textproto.CanonicalMIMEHeaderKey: "x-header-set" -> "X-Header-Set". A name holding a
// byte that is not an HTTP token character is returned unchanged, as Go does.
QString canonicalHeaderName(const QString &name);

// The echo JSON body for `head`: path (the request-target as received), host, method, proto,
// headers (canonical name -> list of values; Host left out, and Transfer-Encoding and
// Content-Length left out of a chunked request, as Go's server does), httpPort, namespace,
// ingress, service, pod, and `tls` when the identity carries a connection's TLS facts.
QByteArray echoJson(const Http::RequestHead &head, const EchoIdentity &identity);

// The response fields an `X-Echo-Set-Header` request field asks for: "name:value" items joined
// by ',', spaces trimmed, name casing kept, a repeated name gets ",value" appended, items without
// ':' or with an empty name ignored. Several X-Echo-Set-Header fields are read in order.
Http::Headers echoSetHeaders(const Http::Headers &requestHeaders);

// "HTTP/1.1" for version 1.1, as Go's Request.Proto.
QString protoText(const Http::RequestHead &head);

} // namespace Torii::Backends
