#pragma once

#include "gateway_config.h"
#include "request_router.h"
#include "shared_state.h"
#include "upstream_pool.h"

#include <functional>
#include <memory>

namespace Torii::Proxy::Internal {

// What every connection of one worker shares. Thread: the worker's only (the SharedState it
// points to is the one cross-thread part, and is thread-safe). Ownership: the GatewayWorker owns
// it and outlives every connection.
struct WorkerContext
{
    std::shared_ptr<SharedState> shared;
    Http::Limits limits;
    std::function<double()> random;
    RequestEventCallback onEvent;
    RoundRobin roundRobin;
    UpstreamPool *pool = nullptr; // owned by the GatewayWorker (QObject child)
};

} // namespace Torii::Proxy::Internal
