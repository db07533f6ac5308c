#pragma once

// The request half for protocol grpc (GRPCRoute cases), as the conformance suite's gRPC client
// sends and judges it (../shared/conformance/cases/FAMILIES.md §5): plaintext HTTP/2 (no TLS) to
// the listener, `:authority` = request.host when given (else the address), request.headers as
// metadata (keys lower-cased), one unary call of /<service>/<method> with an empty message.
// The call goes through grpc++'s generic stub, so any service and method name can be called;
// the answer is read as the echo's EchoResponse (grpcecho.proto).
// Judgement: the status code name must equal expect.status (default OK); when OK, the answer's
// assertions.fully_qualified_method must be the method called, assertions.context.namespace must
// equal expect.namespace when given, and assertions.context.pod must start with expect.backend.
// An HTTP answer without gRPC status is mapped by grpc++ (404 → UNIMPLEMENTED, as the suite's
// client does). `repeat` and `distribution` as for HTTP (request_runner.h), the backend of a
// sample being the pod with its last two '-' parts removed.
// grpc++ stays out of this header (its headers are heavy).
// Thread: the caller's; a GrpcClient is used by one thread at a time.

#include "request_case.h"
#include "status_assertions.h"

#include <QtCore/QtGlobal>

#include <chrono>
#include <memory>
#include <string>

namespace Torii::Scenarios {

struct GrpcCall
{
    std::string service;   // "gateway_api_conformance.echo_basic.grpcecho.GrpcEcho"
    std::string method;    // "Echo"
    std::string authority; // "" = the address the channel dials
    HeaderList metadata;   // keys are lower-cased when sent
    std::chrono::milliseconds timeout{10000};
};

struct GrpcCallResult
{
    std::string status = "UNKNOWN"; // the code's name: "OK", "UNIMPLEMENTED", ...
    std::string message;            // the status message, when not OK
    // What the echo reported (assertions), when the status is OK and the answer parsed.
    bool echo = false;
    std::string fullyQualifiedMethod;
    std::string authority;
    std::string ns;
    std::string pod;
    std::string serviceName;
    HeaderList headers; // the metadata the backend received
};

// The name of a gRPC status code ("OK", "CANCELLED", ... "UNAUTHENTICATED"); "CODE(n)" beyond.
std::string grpcStatusName(int code);

// A plaintext channel to 127.0.0.1:`port`, reused between calls (as the suite reuses its
// connection) and reopened after an INTERNAL status.
class GrpcClient
{
public:
    explicit GrpcClient(quint16 port);
    ~GrpcClient();
    GrpcClient(const GrpcClient &) = delete;
    GrpcClient &operator=(const GrpcClient &) = delete;

    GrpcCallResult call(const GrpcCall &call);

private:
    struct Channel;
    quint16 m_port;
    std::unique_ptr<Channel> m_channel;
};

// Sends the item (protocol grpc) to 127.0.0.1:`port` and judges it; `repeat` and `distribution`
// as described above.
CheckResult runGrpcRequest(const RequestCase &item, quint16 port);

} // namespace Torii::Scenarios
