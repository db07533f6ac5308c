#include "load_calls.h"

#include "simulator/scenarios/grpc_exchange.h"
#include "simulator/scenarios/h2c_exchange.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <vector>

namespace Torii::Runtime {

namespace {

// GrpcClients of one port: a client serves one call at a time (grpc_exchange.h), so each call
// borrows an idle one (or makes one) and gives it back; as many channels as calls ran at once.
class GrpcClientPool
{
public:
    explicit GrpcClientPool(quint16 port)
        : m_port(port)
    {}

    std::unique_ptr<Scenarios::GrpcClient> take()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                auto client = std::move(m_idle.back());
                m_idle.pop_back();
                return client;
            }
        }
        return std::make_unique<Scenarios::GrpcClient>(m_port);
    }

    void giveBack(std::unique_ptr<Scenarios::GrpcClient> client)
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(client));
    }

private:
    quint16 m_port;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Scenarios::GrpcClient>> m_idle;
};

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

} // namespace

int httpStatusOfGrpc(const std::string &statusName)
{
    static const std::map<std::string, int> statuses = {
        {"OK", 200},
        {"CANCELLED", 499},
        {"UNKNOWN", 500},
        {"INVALID_ARGUMENT", 400},
        {"DEADLINE_EXCEEDED", 504},
        {"NOT_FOUND", 404},
        {"ALREADY_EXISTS", 409},
        {"PERMISSION_DENIED", 403},
        {"RESOURCE_EXHAUSTED", 429},
        {"FAILED_PRECONDITION", 400},
        {"ABORTED", 409},
        {"OUT_OF_RANGE", 400},
        {"UNIMPLEMENTED", 501},
        {"INTERNAL", 500},
        {"UNAVAILABLE", 503},
        {"DATA_LOSS", 500},
        {"UNAUTHENTICATED", 401},
    };
    const auto it = statuses.find(statusName);
    return it == statuses.end() ? 500 : it->second;
}

Traffic::BlockingCall http2Call(quint16 port, const Traffic::RequestTemplate &t,
                                std::shared_ptr<const Tls::ClientContext> tls)
{
    Http::RequestHead head;
    head.method = t.method;
    head.target = t.path;
    const std::string host = t.host.empty() ? std::string("any.torii.invalid") : t.host;
    head.headers.add("Host", host);
    for (const auto &[name, value] : t.headers) {
        head.headers.add(name, value);
    }
    if (!t.cookies.empty()) {
        std::string cookie;
        for (const auto &[name, value] : t.cookies) {
            cookie += (cookie.empty() ? "" : "; ") + name + '=' + value;
        }
        head.headers.add("Cookie", cookie);
    }
    if (!head.headers.contains("User-Agent")) {
        head.headers.add("User-Agent", "torii-load");
    }
    return [port, head = std::move(head), body = t.body, tls = std::move(tls),
            host](std::chrono::milliseconds timeout) {
        const Scenarios::HttpExchangeResult answer =
            tls ? Scenarios::h2Exchange(port, head, body, timeout, *tls, host)
                : Scenarios::h2cExchange(port, head, body, timeout);
        Traffic::CallResult result;
        if (!answer.ok) {
            result.error = answer.error;
            return result;
        }
        result.status = answer.head.status;
        result.bytes = answer.body.size();
        result.echoNamespace = Traffic::echoField(answer.body, "namespace");
        result.echoPod = Traffic::echoField(answer.body, "pod");
        return result;
    };
}

Traffic::BlockingCall grpcCall(quint16 port, const Traffic::RequestTemplate &t)
{
    Scenarios::GrpcCall call;
    call.service = t.grpcService;
    call.method = t.grpcMethod;
    call.authority = t.host;
    call.metadata = t.headers;
    auto pool = std::make_shared<GrpcClientPool>(port);
    return [pool, call](std::chrono::milliseconds timeout) mutable {
        call.timeout = timeout;
        std::unique_ptr<Scenarios::GrpcClient> client = pool->take();
        const Scenarios::GrpcCallResult answer = client->call(call);
        pool->giveBack(std::move(client));
        Traffic::CallResult result;
        // grpc++ says UNAVAILABLE both for a gateway's own answer (no endpoint) and for a
        // channel that never connected; only the latter is a call without answer.
        if (answer.status == "UNAVAILABLE" &&
            lowerCase(answer.message).find("failed to connect") != std::string::npos) {
            result.error = "gRPC: " + answer.message;
            return result;
        }
        result.status = httpStatusOfGrpc(answer.status);
        result.echoNamespace = answer.ns;
        result.echoPod = answer.pod;
        return result;
    };
}

Traffic::BlockingCall streamCall(Traffic::StreamTarget target)
{
    return [target = std::move(target)](std::chrono::milliseconds timeout) {
        constexpr int kAnswered = 200; // as the default mix's L4 samples (load_run.h)
        const Traffic::StreamSample sample = Traffic::StreamSampler::sampleOnce(target, timeout);
        Traffic::CallResult result;
        if (sample.error.empty()) {
            result.status = kAnswered;
            result.backend = sample.backend;
        } else {
            result.error = sample.error;
        }
        return result;
    };
}

} // namespace Torii::Runtime
