#pragma once

// How the request half judges mirrors (../shared/conformance/README.md, "Mirrors"): the suite
// reads the mirror backends' logs for "Echoing back request made to <path with the request id>";
// here the mock backends' request logs are asked the same question through
// LiveEnvironment::echoedRequests(). Mirrored requests are sent after (or while) the client is
// answered, so both checks poll until the expectation holds or the suite's 10 s pass.
//
// Thread: the runner's; the backends fill their logs on their own threads.

#include "live_environment.h"
#include "request_case.h"
#include "status_assertions.h"

#include <chrono>
#include <optional>
#include <string>

namespace Torii::Scenarios {

constexpr std::chrono::milliseconds kMirrorWait{10000}; // mirror.go: within 10 s

// expect.mirroredTo after one passing send of `sentPath` (path and query as the main backend
// received it): nullopt when every listed backend echoed that target at least once within
// `wait`; else a Fail naming the backends that did not, or a Skip when the environment keeps no
// request log for one of them. `label` names the request in the messages ("GET /mirror").
std::optional<CheckResult> checkMirroredTo(const Expectation &expect, const std::string &label,
                                           const std::string &sentPath, const LiveEnvironment &live,
                                           std::chrono::milliseconds wait = kMirrorWait);

// expect.mirrorDistribution after one round whose requests all carried `roundPath`: nullopt when
// each listed backend's count lies within [min, max]; else the problem, in English, in
// `problem` ("infra-backend-v2 got 31, expected 73.167..126.833"), or `skip` set when a backend
// keeps no log. Waits (up to `wait`) while a count is still below its minimum.
struct MirrorRoundResult
{
    bool passed = false;
    std::string seen;    // "infra-backend-v2 98" for every listed backend
    std::string problem; // when not passed
    bool noLog = false;  // a listed backend keeps no request log: the case cannot be judged
};
MirrorRoundResult judgeMirrorRound(const Expectation &expect, const std::string &roundPath,
                                   const LiveEnvironment &live,
                                   std::chrono::milliseconds wait = kMirrorWait);

} // namespace Torii::Scenarios
