#pragma once

// What the request half of the runner needs from a live gateway: serve a set of loaded objects on
// 127.0.0.1 and say where each Gateway listener can be reached. Defined here and implemented in
// app/runtime (over engine/proxy and simulator/backends), because simulator/scenarios may not
// depend on app/runtime (ARCHITECTURE.md, "Folders").
//
// Contract: start() replaces whatever was served before (it stops it first); it reconciles the
// objects itself with `options`, so the tables it serves are the ones the status half checked.
// localPort() is valid until the next start() or stop(). HTTP, HTTPS (with a usable
// certificate), TCP, UDP and TLS listeners are served; any other listener has no local port.
// Thread: used by the thread that runs the runner; the served gateways answer on their own threads.

#include "engine/controller/controller.h"
#include "engine/model/resource.h"

#include <QtCore/QtGlobal>

#include <optional>
#include <string>
#include <vector>

namespace Torii::Scenarios {

class LiveEnvironment
{
public:
    virtual ~LiveEnvironment() = default;

    // False with an English `error` when nothing could be served (a port taken, no Gateway).
    virtual bool start(const std::vector<Model::Resource> &resources,
                       const Controller::ControllerOptions &options, std::string *error) = 0;
    // The local port of listener `listenerPort` of Gateway "namespace/name"; nullopt when that
    // listener is not served (not accepted, no usable certificate, no such Gateway).
    virtual std::optional<quint16> localPort(const std::string &gatewayNsName,
                                             int listenerPort) const = 0;
    virtual void stop() = 0;

    // How many requests with exactly this request target (path and query, as the backend
    // received it) the mock Service "namespace/name" has echoed since start(), over all its
    // replicas: the conformance echo server's "Echoing back request made to <target>" log lines,
    // which the suite reads to see where mirrored requests went. nullopt when that Service is not
    // a mock backend of this environment (or the environment keeps no request log). Thread-safe
    // against the backends answering meanwhile.
    virtual std::optional<int> echoedRequests(const std::string &serviceNsName,
                                              const std::string &target) const
    {
        return std::nullopt;
    }
};

} // namespace Torii::Scenarios
