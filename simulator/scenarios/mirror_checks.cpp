#include "mirror_checks.h"

#include <QtCore/QThread>

#include <cstdio>
#include <map>

namespace Torii::Scenarios {

using Core::text;

namespace {

constexpr std::chrono::milliseconds kPoll{20};

std::string nsName(const std::string &ns, const std::string &name)
{
    return (ns.empty() ? std::string("default") : ns) + '/' + name;
}

// The namespace a mirrorDistribution backend is counted in: its mirroredTo entry's.
std::string namespaceOf(const Expectation &expect, const std::string &backend)
{
    for (const ExpectedMirror &m : expect.mirroredTo) {
        if (m.backend == backend) {
            return m.ns;
        }
    }
    return expect.mirroredTo.empty() ? std::string() : expect.mirroredTo.front().ns;
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

} // namespace

std::optional<CheckResult> checkMirroredTo(const Expectation &expect, const std::string &label,
                                           const std::string &sentPath, const LiveEnvironment &live,
                                           std::chrono::milliseconds wait)
{
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
        std::string missing;
        for (const ExpectedMirror &mirror : expect.mirroredTo) {
            const std::string service = nsName(mirror.ns, mirror.backend);
            const std::optional<int> count = live.echoedRequests(service, sentPath);
            if (!count) {
                return CheckResult{
                    Verdict::Skip,
                    text(QT_TRANSLATE_NOOP("Diagnostics", "%1: mirror backend %2 keeps no "
                                                          "request log (it is not a mock "
                                                          "backend of this run)"),
                         {label, service})};
            }
            if (*count == 0) {
                missing += (missing.empty() ? "" : ", ") + service;
            }
        }
        if (missing.empty()) {
            return std::nullopt;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return CheckResult{
                Verdict::Fail,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: mirroredTo: %2 did not receive %3 "
                                                      "within %4 ms"),
                     {label, missing, sentPath, std::to_string(wait.count())})};
        }
        QThread::msleep(static_cast<unsigned long>(kPoll.count()));
    }
}

MirrorRoundResult judgeMirrorRound(const Expectation &expect, const std::string &roundPath,
                                   const LiveEnvironment &live, std::chrono::milliseconds wait)
{
    MirrorRoundResult result;
    if (!expect.mirrorDistribution) {
        result.passed = true;
        return result;
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (true) {
        result.seen.clear();
        result.problem.clear();
        bool belowMin = false;
        for (const auto &range : expect.mirrorDistribution->counts) {
            const std::string service = nsName(namespaceOf(expect, range.backend), range.backend);
            const std::optional<int> count = live.echoedRequests(service, roundPath);
            if (!count) {
                result.noLog = true;
                result.problem = service + " keeps no request log";
                return result;
            }
            result.seen +=
                (result.seen.empty() ? "" : ", ") + range.backend + ' ' + std::to_string(*count);
            if (*count > range.max) {
                // Counts only grow: waiting cannot mend this.
                result.problem = range.backend + " got " + std::to_string(*count) + ", expected " +
                                 number(range.min) + ".." + number(range.max);
                return result;
            }
            if (*count < range.min) {
                belowMin = true;
                if (result.problem.empty()) {
                    result.problem = range.backend + " got " + std::to_string(*count) +
                                     ", expected " + number(range.min) + ".." + number(range.max);
                }
            }
        }
        if (!belowMin) {
            result.passed = true;
            result.problem.clear();
            return result;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return result;
        }
        QThread::msleep(static_cast<unsigned long>(kPoll.count()));
    }
}

} // namespace Torii::Scenarios
