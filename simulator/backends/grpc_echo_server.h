#pragma once

#include "echo_identity.h"

#include <QtCore/QtGlobal>

#include <memory>
#include <string>

// One replica of the conformance echo-basic pod run with GRPC_ECHO_SERVER (FAMILIES.md §5): a
// real gRPC server (grpc++) over plaintext HTTP/2 on 127.0.0.1, serving
// gateway_api_conformance.echo_basic.grpcecho.GrpcEcho. Echo and EchoTwo answer an EchoResponse
// whose assertions carry the method's full name, every request metadata entry, the :authority
// received and the pod's context (namespace, ingress, service_name, pod from EchoIdentity);
// EchoThree is left unimplemented, so it ends in UNIMPLEMENTED as on the real pod.
// grpc++ stays out of this header (its headers are heavy): the server lives behind a pointer.
// Thread and ownership: start/stop from one owning thread; grpc++ answers on its own threads; the
// destructor stops the server.
namespace Torii::Backends {

class GrpcEchoServer
{
public:
    explicit GrpcEchoServer(EchoIdentity identity);
    ~GrpcEchoServer();
    GrpcEchoServer(const GrpcEchoServer &) = delete;
    GrpcEchoServer &operator=(const GrpcEchoServer &) = delete;

    // Listens on 127.0.0.1:`port` (0: the OS chooses). Empty on success, else why (English).
    std::string start(quint16 port = 0);
    // Ends the calls in flight and closes the port; safe when not started.
    void stop();
    // The bound port; 0 when not running.
    quint16 port() const { return m_port; }
    const EchoIdentity &identity() const { return m_identity; }

private:
    struct Running;
    EchoIdentity m_identity;
    std::unique_ptr<Running> m_running;
    quint16 m_port = 0;
};

} // namespace Torii::Backends
