#include "grpc_exchange.h"

#include "distribution_tally.h"
#include "grpcecho.pb.h"
#include "request_checks.h"
#include "engine/http/http1_codec.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <array>
#include <random>

namespace Torii::Scenarios {

using Core::text;

namespace {

namespace pb = gateway_api_conformance::echo_basic::grpcecho;


std::string upperCase(std::string value)
{
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return value;
}

std::string label(const RequestCase &item)
{
    return "grpc " + item.request.grpcMethod;
}

void readEcho(const grpc::ByteBuffer &buffer, GrpcCallResult &out)
{
    std::vector<grpc::Slice> slices;
    if (!buffer.Dump(&slices).ok()) {
        return;
    }
    std::string bytes;
    for (const grpc::Slice &slice : slices) {
        bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
    }
    pb::EchoResponse response;
    if (!response.ParseFromString(bytes) || !response.has_assertions()) {
        return;
    }
    const pb::Assertions &a = response.assertions();
    out.echo = true;
    out.fullyQualifiedMethod = a.fully_qualified_method();
    out.authority = a.authority();
    out.ns = a.context().namespace_();
    out.pod = a.context().pod();
    out.serviceName = a.context().service_name();
    for (const pb::Header &h : a.headers()) {
        out.headers.emplace_back(h.key(), h.value());
    }
}

// The first way the call's answer misses the expectation.
std::optional<Mismatch> compareCall(const RequestCase &item, const GrpcCallResult &result)
{
    const Expectation &e = item.expect;
    if (upperCase(result.status) != upperCase(e.grpcStatus)) {
        return Mismatch{"status", e.grpcStatus,
                        result.message.empty() ? result.status
                                               : result.status + " (" + result.message + ')'};
    }
    if (upperCase(result.status) != "OK") {
        return std::nullopt;
    }
    if (!result.echo) {
        return Mismatch{"response", "an EchoResponse with assertions", "none"};
    }
    const std::string method = '/' + item.request.grpcService + '/' + item.request.grpcMethod;
    if (result.fullyQualifiedMethod != method) {
        return Mismatch{"assertions.fully_qualified_method", method, result.fullyQualifiedMethod};
    }
    if (e.ns && result.ns != *e.ns) {
        return Mismatch{"namespace", *e.ns, result.ns};
    }
    if (e.backend && result.pod.rfind(*e.backend, 0) != 0) {
        return Mismatch{"backend", *e.backend + "-…", result.pod};
    }
    return std::nullopt;
}

CheckResult mismatchResult(const RequestCase &item, const Mismatch &m)
{
    return CheckResult{Verdict::Fail,
                       text(QT_TRANSLATE_NOOP("Diagnostics", "%1: %2: expected %3, got %4"),
                            {label(item), m.field, m.expected, m.got})};
}

} // namespace

std::string grpcStatusName(int code)
{
    static const std::array<const char *, 17> names = {"OK",
                                                       "CANCELLED",
                                                       "UNKNOWN",
                                                       "INVALID_ARGUMENT",
                                                       "DEADLINE_EXCEEDED",
                                                       "NOT_FOUND",
                                                       "ALREADY_EXISTS",
                                                       "PERMISSION_DENIED",
                                                       "RESOURCE_EXHAUSTED",
                                                       "FAILED_PRECONDITION",
                                                       "ABORTED",
                                                       "OUT_OF_RANGE",
                                                       "UNIMPLEMENTED",
                                                       "INTERNAL",
                                                       "UNAVAILABLE",
                                                       "DATA_LOSS",
                                                       "UNAUTHENTICATED"};
    if (code >= 0 && code < int(names.size())) {
        return names[std::size_t(code)];
    }
    return "CODE(" + std::to_string(code) + ')';
}

struct GrpcClient::Channel
{
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<grpc::GenericStub> stub;
};

GrpcClient::GrpcClient(quint16 port)
    : m_port(port)
{}

GrpcClient::~GrpcClient() = default;

GrpcCallResult GrpcClient::call(const GrpcCall &call)
{
    if (!m_channel) {
        m_channel = std::make_unique<Channel>();
        m_channel->channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_port),
                                                 grpc::InsecureChannelCredentials());
        m_channel->stub = std::make_unique<grpc::GenericStub>(m_channel->channel);
    }
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + call.timeout);
    if (!call.authority.empty()) {
        context.set_authority(call.authority);
    }
    for (const auto &[key, value] : call.metadata) {
        context.AddMetadata(Http::asciiLower(key), value);
    }
    const std::string request = pb::EchoRequest().SerializeAsString();
    grpc::Slice slice(request);
    const grpc::ByteBuffer sent(&slice, 1);
    grpc::ByteBuffer received;
    grpc::Status status;
    grpc::CompletionQueue queue;
    auto rpc = m_channel->stub->PrepareUnaryCall(&context, '/' + call.service + '/' + call.method,
                                                 sent, &queue);
    rpc->StartCall();
    rpc->Finish(&received, &status, reinterpret_cast<void *>(1));
    void *tag = nullptr;
    bool ok = false;
    queue.Next(&tag, &ok);
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) {
    }

    GrpcCallResult out;
    out.status = grpcStatusName(int(status.error_code()));
    out.message = status.error_message();
    if (status.ok()) {
        readEcho(received, out);
    } else if (status.error_code() == grpc::StatusCode::INTERNAL) {
        m_channel.reset(); // the suite's client reconnects after INTERNAL
    }
    return out;
}

CheckResult runGrpcRequest(const RequestCase &item, quint16 port)
{
    GrpcClient client(port);
    std::mt19937 random(std::random_device{}());
    const SentRequest &r = item.request;
    auto send = [&] {
        GrpcCall call;
        call.service = r.grpcService;
        call.method = r.grpcMethod;
        call.authority = r.host.value_or(std::string());
        call.metadata = r.headers;
        if (!r.randomHeader.empty() && std::uniform_int_distribution<int>(0, 1)(random) == 1) {
            call.metadata.emplace_back(
                r.randomHeader,
                std::to_string(std::uniform_int_distribution<int>(0, 9999)(random)));
        }
        return client.call(call);
    };
    if (item.expect.distribution) {
        const ExpectedDistribution &d = *item.expect.distribution;
        std::string lastProblem;
        for (int attempt = 0; attempt < d.attempts; ++attempt) {
            DistributionTally tally(d);
            for (int i = 0; i < d.requests && !tally.failed(); ++i) {
                const GrpcCallResult result = send();
                if (auto mismatch = compareCall(item, result)) {
                    return mismatchResult(item, *mismatch); // not statistical
                }
                tally.count(backendOfPod(result.pod));
            }
            lastProblem = tally.judge();
            if (lastProblem.empty()) {
                return distributionPassed(label(item), d, tally);
            }
        }
        return distributionFailed(label(item), d, lastProblem);
    }
    GrpcCallResult last;
    for (int i = 0; i < item.repeat; ++i) {
        last = send();
        if (auto mismatch = compareCall(item, last)) {
            return mismatchResult(item, *mismatch);
        }
    }
    if (item.repeat > 1) {
        return CheckResult{
            Verdict::Pass,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: all %2 responses met the expectation"),
                 {label(item), std::to_string(item.repeat)})};
    }
    return CheckResult{
        Verdict::Pass,
        text(QT_TRANSLATE_NOOP("Diagnostics", "%1: status %2 from %3"),
             {label(item), last.status, last.pod.empty() ? std::string("the gateway") : last.pod})};
}

} // namespace Torii::Scenarios
