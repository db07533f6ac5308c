#pragma once

// The blocking calls a load run makes for the mix lines its HTTP/1.1 generator does not speak
// (Traffic::PreparedRequest::call), each through the one client Torii has for that protocol, so
// traffic and route tests cannot disagree about what was sent:
// - h2c: simulator/scenarios' h2cExchange (nghttp2, prior knowledge), one stream per new
//   connection; h2: the same client over TLS with ALPN h2 (the given client context, SNI = the
//   line's host). Status and body are the answer's; the echo body names namespace and pod.
// - grpc: simulator/scenarios' GrpcClient (grpc++), a unary call with an empty EchoRequest; a
//   few clients (one channel each) are kept per port and lent to one call at a time. The gRPC
//   status is reported as the HTTP status of its class (google.rpc.Code's HTTP mapping: OK 200,
//   NOT_FOUND 404, UNIMPLEMENTED 501, UNAVAILABLE 503, DEADLINE_EXCEEDED 504, ...), so gRPC rows
//   have the same status classes as HTTP ones; a channel that could not connect at all is a call
//   without answer (status 0, grpc++'s reason). The EchoResponse names namespace and pod.
// - tcp, udp, tls: one sample of simulator/traffic's StreamSampler; an answered sample is 200
//   (as the default mix's L4 samples are counted), its backend the echo's "namespace/service".
//
// Thread: the functions are called while preparing; the calls they return run on any thread,
// several at once.

#include "engine/tls/client_context.h"
#include "simulator/traffic/load_generator.h"
#include "simulator/traffic/request_mix.h"
#include "simulator/traffic/stream_sampler.h"

#include <QtCore/QtGlobal>

#include <memory>
#include <string>

namespace Torii::Runtime {

// `t`: an h2c line (tls null) or an h2 line (tls: a context offering ALPN h2).
Traffic::BlockingCall http2Call(quint16 port, const Traffic::RequestTemplate &t,
                                std::shared_ptr<const Tls::ClientContext> tls);
Traffic::BlockingCall grpcCall(quint16 port, const Traffic::RequestTemplate &t);
Traffic::BlockingCall streamCall(Traffic::StreamTarget target);

// The HTTP status of a gRPC status code name ("OK" → 200, "UNAVAILABLE" → 503; 500 when unknown).
int httpStatusOfGrpc(const std::string &statusName);

} // namespace Torii::Runtime
