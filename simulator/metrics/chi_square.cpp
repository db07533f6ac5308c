#include "chi_square.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Torii::Metrics {

namespace {

constexpr double kEpsilon = 1e-15;
constexpr int kMaxIterations = 100000;
// Beyond this many possible splits the exact test costs more than it is worth; the chi-square
// answer stays, marked rough.
constexpr double kMaxExactOutcomes = 250000.0;

// P(a, x) by its series: e^-x x^a / Gamma(a+1) * sum x^n / ((a+1)...(a+n)). For x < a + 1.
double gammaSeries(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n < kMaxIterations; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon) {
            break;
        }
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// Q(a, x) by its continued fraction (modified Lentz). For x >= a + 1.
double gammaContinuedFraction(double a, double x)
{
    constexpr double tiny = std::numeric_limits<double>::min() / kEpsilon;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < tiny) {
            d = tiny;
        }
        c = b + an / c;
        if (std::fabs(c) < tiny) {
            c = tiny;
        }
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon) {
            break;
        }
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}


// Number of ways to split n requests over k categories: C(n + k - 1, k - 1), as a double so a
// huge count saturates instead of overflowing.
double outcomeCount(std::uint64_t n, std::size_t k)
{
    double count = 1.0;
    for (std::size_t i = 1; i < k; ++i) {
        count = count * static_cast<double>(n + i) / static_cast<double>(i);
        if (count > kMaxExactOutcomes) {
            return count;
        }
    }
    return count;
}

// Walks every split of `left` requests over categories [index, k) and adds the probability of
// each split no more likely than the observed one (R's and scipy's two-sided convention, with a
// relative tolerance so ties in floating point count as ties).
struct ExactMultinomial
{
    std::vector<double> logP;
    double logNFactorial = 0.0;
    double observedLogProbability = 0.0;
    double pValue = 0.0;

    void walk(std::size_t index, std::uint64_t left, double logProbability)
    {
        if (index + 1 == logP.size()) {
            const double x = static_cast<double>(left);
            const double total = logProbability + x * logP[index] - std::lgamma(x + 1.0);
            if (total <= observedLogProbability + 1e-7) {
                pValue += std::exp(logNFactorial + total);
            }
            return;
        }
        for (std::uint64_t xi = 0; xi <= left; ++xi) {
            const double x = static_cast<double>(xi);
            walk(index + 1, left - xi, logProbability + x * logP[index] - std::lgamma(x + 1.0));
        }
    }
};

// The exact p-value of the observed split under the multinomial distribution the weights give,
// for when some expected count is below 5 and the chi-square approximation misleads (one request
// that lands on a 5% canary is no evidence against 95/5, yet X^2 = 19). NaN when too many splits.
double exactMultinomialPValue(const std::vector<std::uint64_t> &observed,
                              const std::vector<double> &probabilities, std::uint64_t total)
{
    if (outcomeCount(total, probabilities.size()) > kMaxExactOutcomes) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    ExactMultinomial exact;
    exact.logNFactorial = std::lgamma(static_cast<double>(total) + 1.0);
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const double logP = std::log(probabilities[i]);
        const double x = static_cast<double>(observed[i]);
        exact.logP.push_back(logP);
        exact.observedLogProbability += x * logP - std::lgamma(x + 1.0);
    }
    exact.walk(0, total, 0.0);
    return std::min(1.0, exact.pValue);
}

} // namespace

double regularizedGammaP(double a, double x)
{
    if (!(a > 0.0) || !(x >= 0.0) || std::isnan(x)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (x == 0.0) {
        return 0.0;
    }
    if (std::isinf(x)) {
        return 1.0;
    }
    return x < a + 1.0 ? gammaSeries(a, x) : 1.0 - gammaContinuedFraction(a, x);
}

double regularizedGammaQ(double a, double x)
{
    if (!(a > 0.0) || !(x >= 0.0) || std::isnan(x)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (x == 0.0) {
        return 1.0;
    }
    if (std::isinf(x)) {
        return 0.0;
    }
    // Each branch computes the side that does not lose precision to 1 - small.
    return x < a + 1.0 ? 1.0 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

double chiSquareSurvival(double statistic, double degreesOfFreedom)
{
    if (!(degreesOfFreedom > 0.0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (statistic <= 0.0) {
        return 1.0;
    }
    return regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2.0);
}

WeightTest chiSquareGoodnessOfFit(const std::vector<std::uint64_t> &observed,
                                  const std::vector<double> &weights, double alpha)
{
    WeightTest test;
    test.alpha = alpha;
    const std::size_t n = std::max(observed.size(), weights.size());
    double weightSum = 0.0;
    int positive = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double w = i < weights.size() ? std::max(0.0, weights[i]) : 0.0;
        const std::uint64_t o = i < observed.size() ? observed[i] : 0;
        test.total += o;
        weightSum += w;
        if (w > 0.0) {
            ++positive;
        } else if (o > 0) {
            test.impossibleCategory = true;
        }
    }
    test.degreesOfFreedom = std::max(0, positive - 1);
    if (test.total == 0 || positive == 0) {
        test.consistent = !test.impossibleCategory;
        test.pValue = test.consistent ? 1.0 : 0.0;
        return test;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double w = i < weights.size() ? std::max(0.0, weights[i]) : 0.0;
        if (w <= 0.0) {
            continue;
        }
        const double expected = static_cast<double>(test.total) * w / weightSum;
        const double o = i < observed.size() ? static_cast<double>(observed[i]) : 0.0;
        test.statistic += (o - expected) * (o - expected) / expected;
        test.lowExpectedCounts = test.lowExpectedCounts || expected < 5.0;
    }
    test.pValue =
        test.degreesOfFreedom > 0 ? chiSquareSurvival(test.statistic, test.degreesOfFreedom) : 1.0;
    if (test.lowExpectedCounts && test.degreesOfFreedom > 0 && !test.impossibleCategory) {
        std::vector<std::uint64_t> counts;
        std::vector<double> probabilities;
        for (std::size_t i = 0; i < n; ++i) {
            const double w = i < weights.size() ? std::max(0.0, weights[i]) : 0.0;
            if (w > 0.0) {
                counts.push_back(i < observed.size() ? observed[i] : 0);
                probabilities.push_back(w / weightSum);
            }
        }
        const double exact = exactMultinomialPValue(counts, probabilities, test.total);
        if (!std::isnan(exact)) {
            test.pValue = exact;
            test.exact = true;
        }
    }
    if (test.impossibleCategory) {
        test.pValue = 0.0;
    }
    test.consistent = !test.impossibleCategory && test.pValue >= alpha;
    return test;
}

} // namespace Torii::Metrics
