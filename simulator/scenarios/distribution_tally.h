#pragma once

// One attempt at an expected weighted distribution (expect.distribution, the conformance
// suite's weight.go rules), whatever carried the requests (HTTP, TCP, TLS, UDP): answers are
// counted per backend, an answer no share expects ends the attempt, and the counts are then
// judged against the shares within the tolerance. The runners for each protocol only send.

#include "request_case.h"
#include "status_assertions.h"

#include <map>
#include <string>

namespace Torii::Scenarios {

class DistributionTally
{
public:
    explicit DistributionTally(const ExpectedDistribution &expected) : m_expected(expected) {}

    // Counts an answer from `backend` ("" when the answer named none).
    void count(const std::string &backend);
    // An answer no share expects was counted: the attempt has failed.
    bool failed() const { return !m_problem.empty(); }
    // After the attempt's requests: "" when every share is met within the tolerance, else what
    // was off (the unexpected answer, or the first share outside the tolerance).
    std::string judge() const;
    // "backend-a 70, backend-b 30": what the attempt saw.
    std::string seen() const;

private:
    const ExpectedDistribution &m_expected;
    std::map<std::string, int> m_counts;
    std::string m_problem;
};

// "0.7" for a share or a tolerance.
std::string formatShare(double share);
// "backend-a 0.7, backend-b 0.3": the expected shares.
std::string formatShares(const ExpectedDistribution &expected);

// The verdicts of a distribution expectation, `label` naming the request ("GET /", "tcp 5432").
CheckResult distributionPassed(const std::string &label, const ExpectedDistribution &expected,
                               const DistributionTally &tally);
CheckResult distributionFailed(const std::string &label, const ExpectedDistribution &expected,
                               const std::string &lastProblem);

} // namespace Torii::Scenarios
