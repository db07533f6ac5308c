#include "grpc_echo_server.h"

#include "grpcecho.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <chrono>

namespace Torii::Backends {

namespace {

namespace pb = gateway_api_conformance::echo_basic::grpcecho;

std::string fromRef(grpc::string_ref ref)
{
    return std::string(ref.data(), ref.size());
}

// The echo-basic handler: what the call looked like to the server, and who the server is.
class EchoService final : public pb::GrpcEcho::Service
{
public:
    explicit EchoService(const EchoIdentity &identity)
        : m_identity(identity)
    {}

    grpc::Status Echo(grpc::ServerContext *context, const pb::EchoRequest *request,
                      pb::EchoResponse *response) override
    {
        answer("Echo", *context, *request, *response);
        return grpc::Status::OK;
    }
    grpc::Status EchoTwo(grpc::ServerContext *context, const pb::EchoRequest *request,
                         pb::EchoResponse *response) override
    {
        answer("EchoTwo", *context, *request, *response);
        return grpc::Status::OK;
    }
    // EchoThree: the generated base answers UNIMPLEMENTED, as echo-basic does.

private:
    void answer(const char *method, const grpc::ServerContext &context,
                const pb::EchoRequest &request, pb::EchoResponse &response) const
    {
        pb::Assertions *assertions = response.mutable_assertions();
        assertions->set_fully_qualified_method(std::string("/") +
                                               pb::GrpcEcho::service_full_name() + '/' + method);
        for (const auto &[key, value] : context.client_metadata()) {
            pb::Header *header = assertions->add_headers();
            header->set_key(fromRef(key));
            header->set_value(fromRef(value));
        }
        assertions->set_authority(fromRef(context.ExperimentalGetAuthority()));
        pb::Context *who = assertions->mutable_context();
        who->set_namespace_(m_identity.namespaceName.toStdString());
        who->set_ingress(m_identity.ingress.toStdString());
        who->set_service_name(m_identity.service.toStdString());
        who->set_pod(m_identity.pod.toStdString());
        *response.mutable_request() = request;
    }

    const EchoIdentity &m_identity;
};

} // namespace

struct GrpcEchoServer::Running
{
    explicit Running(const EchoIdentity &identity)
        : service(identity)
    {}
    EchoService service;
    std::unique_ptr<grpc::Server> server;
};

GrpcEchoServer::GrpcEchoServer(EchoIdentity identity)
    : m_identity(std::move(identity))
{}

GrpcEchoServer::~GrpcEchoServer()
{
    stop();
}

std::string GrpcEchoServer::start(quint16 port)
{
    stop();
    auto running = std::make_unique<Running>(m_identity);
    grpc::ServerBuilder builder;
    int selected = 0;
    builder.AddListeningPort("127.0.0.1:" + std::to_string(port), grpc::InsecureServerCredentials(),
                             &selected);
    builder.RegisterService(&running->service);
    running->server = builder.BuildAndStart();
    if (!running->server || selected <= 0) {
        if (running->server) {
            running->server->Shutdown();
        }
        return "cannot listen on 127.0.0.1:" + std::to_string(port) + " for the gRPC echo";
    }
    m_port = quint16(selected);
    m_running = std::move(running);
    return {};
}

void GrpcEchoServer::stop()
{
    if (!m_running) {
        return;
    }
    // Calls still running get a short grace period, then are cancelled.
    m_running->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
    m_running->server->Wait();
    m_running.reset();
    m_port = 0;
}

} // namespace Torii::Backends
