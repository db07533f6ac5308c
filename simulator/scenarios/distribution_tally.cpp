#include "distribution_tally.h"

#include <QtCore/QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace Torii::Scenarios {

using Core::text;

void DistributionTally::count(const std::string &backend)
{
    const auto listed = std::find_if(m_expected.backends.begin(), m_expected.backends.end(),
                                     [&](const auto &entry) { return entry.first == backend; });
    if ((listed == m_expected.backends.end() || listed->second <= 0.0) && m_problem.empty()) {
        m_problem = "an answer from " + (backend.empty() ? std::string("no backend") : backend);
    }
    ++m_counts[backend];
}

std::string DistributionTally::judge() const
{
    if (!m_problem.empty()) {
        return m_problem;
    }
    for (const auto &[name, share] : m_expected.backends) {
        const auto found = m_counts.find(name);
        const int count = found == m_counts.end() ? 0 : found->second;
        const double observed = double(count) / double(m_expected.requests);
        // The small epsilon keeps 0.35 vs 0.30 + 0.05 from failing on rounding alone.
        if (std::abs(observed - share) > m_expected.tolerance + 1e-9) {
            char buffer[96];
            std::snprintf(buffer, sizeof buffer, "%s %d of %d (%.3f)", name.c_str(), count,
                          m_expected.requests, observed);
            return buffer;
        }
    }
    return {};
}

std::string DistributionTally::seen() const
{
    std::string seen;
    for (const auto &[name, count] : m_counts) {
        seen += (seen.empty() ? "" : ", ") + name + ' ' + std::to_string(count);
    }
    return seen;
}

std::string formatShare(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", share);
    return buffer;
}

std::string formatShares(const ExpectedDistribution &expected)
{
    std::string out;
    for (const auto &[name, share] : expected.backends) {
        out += (out.empty() ? "" : ", ") + name + ' ' + formatShare(share);
    }
    return out;
}

CheckResult distributionPassed(const std::string &label, const ExpectedDistribution &expected,
                               const DistributionTally &tally)
{
    return CheckResult{Verdict::Pass,
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1: distribution %2 of %3 answers is "
                                              "within %4 of %5"),
                            {label, tally.seen(), std::to_string(expected.requests),
                             formatShare(expected.tolerance), formatShares(expected)})};
}

CheckResult distributionFailed(const std::string &label, const ExpectedDistribution &expected,
                               const std::string &lastProblem)
{
    return CheckResult{Verdict::Fail,
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1: distribution: no attempt of %2 met the shares "
                                              "%3 within %4; the last one saw %5"),
                            {label, std::to_string(expected.attempts), formatShares(expected),
                             formatShare(expected.tolerance), lastProblem})};
}

} // namespace Torii::Scenarios
