#pragma once

// Is an observed split chance? Pearson's chi-square goodness-of-fit test of observed counts
// against configured weights, with the p-value from the regularized upper incomplete gamma
// function Q(k/2, x/2) (the chi-square survival function), as R's pchisq(lower.tail = FALSE).
//
// Pure functions; any thread.

#include <cstdint>
#include <string>
#include <vector>

namespace Torii::Metrics {

// P(a, x) and Q(a, x) = 1 - P(a, x), for a > 0 and x >= 0 (NaN otherwise). Series expansion for
// x < a + 1, Lentz's continued fraction otherwise (both converge fast there), relative accuracy
// about 1e-14; lgamma keeps large a from overflowing.
double regularizedGammaP(double a, double x);
double regularizedGammaQ(double a, double x);

// P(X >= statistic) for X chi-square distributed with `degreesOfFreedom` (> 0).
double chiSquareSurvival(double statistic, double degreesOfFreedom);

struct WeightTest
{
    double statistic = 0.0;   // Pearson's X^2 = sum (observed - expected)^2 / expected
    int degreesOfFreedom = 0; // categories with a positive weight, minus one
    double pValue = 1.0;      // chance of a difference at least this large if the weights hold
    double alpha = 0.01;      // the significance level the verdict uses
    bool consistent = true;   // pValue >= alpha
    // Some expected count is below 5: the chi-square approximation is rough. The p-value then
    // comes from the exact multinomial test when the possible splits can be counted (`exact`);
    // otherwise it stays the rough one, say so.
    bool lowExpectedCounts = false;
    bool exact = false;
    // Requests reached a category whose weight is 0: inconsistent whatever the p-value.
    bool impossibleCategory = false;
    std::uint64_t total = 0;
};

// `observed[i]` requests went to category i, configured with `weights[i]` (>= 0; any scale).
// With an expected count below 5 and at most 250,000 possible splits, the p-value is exact
// (the multinomial probability of every split no more likely than the observed one).
// Sizes must match (a shorter vector counts as zeros). No requests or a single positive weight:
// nothing to test, consistent with p = 1 unless a zero-weight category was reached.
WeightTest chiSquareGoodnessOfFit(const std::vector<std::uint64_t> &observed,
                                  const std::vector<double> &weights, double alpha = 0.01);

} // namespace Torii::Metrics
