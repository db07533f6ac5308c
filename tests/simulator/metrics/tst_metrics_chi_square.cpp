#include "simulator/metrics/chi_square.h"

#include <QtTest/QtTest>

#include <cmath>

using namespace Torii::Metrics;

namespace {

bool close(double got, double want, double relative)
{
    return std::fabs(got - want) <= relative * std::fabs(want) + 1e-300;
}

// Q(n, x) for integer n: e^-x * sum_{k<n} x^k / k!  (closed form, independent of the code).
double integerQ(int n, double x)
{
    double term = 1.0, sum = 1.0;
    for (int k = 1; k < n; ++k) {
        term *= x / k;
        sum += term;
    }
    return std::exp(-x) * sum;
}

} // namespace

class TstMetricsChiSquare : public QObject
{
    Q_OBJECT

private slots:
    void gammaQAgainstClosedForms_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("q");
        for (double x : {0.01, 0.5, 1.0, 2.0, 7.5, 30.0, 200.0}) {
            QTest::addRow("a=1 x=%g", x) << 1.0 << x << std::exp(-x);
            QTest::addRow("a=0.5 x=%g", x) << 0.5 << x << std::erfc(std::sqrt(x));
            QTest::addRow("a=3 x=%g", x) << 3.0 << x << integerQ(3, x);
            QTest::addRow("a=10 x=%g", x) << 10.0 << x << integerQ(10, x);
            QTest::addRow("a=50 x=%g", x) << 50.0 << x << integerQ(50, x);
        }
    }
    void gammaQAgainstClosedForms()
    {
        QFETCH(double, a);
        QFETCH(double, x);
        QFETCH(double, q);
        const double got = regularizedGammaQ(a, x);
        QVERIFY2(close(got, q, 1e-10), qPrintable(QStringLiteral("Q(%1,%2) = %3, want %4")
                                                      .arg(a)
                                                      .arg(x)
                                                      .arg(got, 0, 'g', 17)
                                                      .arg(q, 0, 'g', 17)));
        QVERIFY(close(regularizedGammaP(a, x) + got, 1.0, 1e-12));
    }

    void chiSquareCriticalValues_data()
    {
        // Upper-tail critical values of the chi-square distribution (standard tables, to the
        // digits R's qchisq gives).
        QTest::addColumn<double>("statistic");
        QTest::addColumn<double>("dof");
        QTest::addColumn<double>("p");
        QTest::newRow("1 dof, 5%") << 3.841458820694124 << 1.0 << 0.05;
        QTest::newRow("1 dof, 1%") << 6.634896601021214 << 1.0 << 0.01;
        QTest::newRow("2 dof, 5%") << 5.991464547107979 << 2.0 << 0.05;
        QTest::newRow("3 dof, 5%") << 7.814727903251178 << 3.0 << 0.05;
        QTest::newRow("10 dof, 5%") << 18.30703805327515 << 10.0 << 0.05;
        QTest::newRow("4 dof, 0.1%") << 18.46682695290317 << 4.0 << 0.001;
    }
    void chiSquareCriticalValues()
    {
        QFETCH(double, statistic);
        QFETCH(double, dof);
        QFETCH(double, p);
        QVERIFY(close(chiSquareSurvival(statistic, dof), p, 1e-8));
    }

    void invalidArguments()
    {
        QVERIFY(std::isnan(regularizedGammaQ(0.0, 1.0)));
        QVERIFY(std::isnan(regularizedGammaQ(1.0, -1.0)));
        QCOMPARE(regularizedGammaQ(2.0, 0.0), 1.0);
        QCOMPARE(chiSquareSurvival(0.0, 3.0), 1.0);
        QVERIFY(std::isnan(chiSquareSurvival(1.0, 0.0)));
    }

    void canarySplitsPassAndFail()
    {
        // 9,500 / 500 against 95/5: exactly as configured.
        WeightTest exact = chiSquareGoodnessOfFit({9500, 500}, {95, 5});
        QCOMPARE(exact.statistic, 0.0);
        QCOMPARE(exact.pValue, 1.0);
        QVERIFY(exact.consistent);
        // 9,000 / 1,000 against 95/5: X^2 = 500^2/9500 + 500^2/500 = 526.3.
        WeightTest off = chiSquareGoodnessOfFit({9000, 1000}, {95, 5});
        QVERIFY(close(off.statistic, 250000.0 / 9500.0 + 500.0, 1e-12));
        QCOMPARE(off.degreesOfFreedom, 1);
        QVERIFY(off.pValue < 1e-100);
        QVERIFY(!off.consistent);
        // A small chance difference: 9,480 / 520, X^2 = 0.8421, p = 0.3588.
        WeightTest chance = chiSquareGoodnessOfFit({9480, 520}, {0.95, 0.05});
        QVERIFY(close(chance.statistic, 400.0 / 9500.0 + 400.0 / 500.0, 1e-12));
        QVERIFY(close(chance.pValue, std::erfc(std::sqrt(chance.statistic / 2.0)), 1e-10));
        QVERIFY(chance.consistent);
    }

    void zeroWeightsAndDegenerateCases()
    {
        WeightTest impossible = chiSquareGoodnessOfFit({100, 1}, {1, 0});
        QVERIFY(impossible.impossibleCategory);
        QVERIFY(!impossible.consistent);
        WeightTest single = chiSquareGoodnessOfFit({100}, {1});
        QCOMPARE(single.degreesOfFreedom, 0);
        QVERIFY(single.consistent);
        WeightTest empty = chiSquareGoodnessOfFit({0, 0}, {1, 1});
        QVERIFY(empty.consistent);
        WeightTest few = chiSquareGoodnessOfFit({3, 1}, {1, 1});
        QVERIFY(few.lowExpectedCounts);
    }

    void fewRequestsUseTheExactTest()
    {
        // One request that lands on a 5% canary: X^2 = 19 would call 95/5 wrong (p ~ 1.3e-5);
        // the exact answer is P(canary) = 0.05.
        WeightTest one = chiSquareGoodnessOfFit({0, 1}, {95, 5});
        QVERIFY(one.lowExpectedCounts);
        QVERIFY(one.exact);
        QVERIFY(close(one.statistic, 19.0, 1e-12));
        QVERIFY(close(one.pValue, 0.05, 1e-12));
        QVERIFY(one.consistent);
        // 3 / 1 of 4 at 1:1: splits 0..4 have 1, 4, 6, 4, 1 sixteenths; those no likelier than
        // 3/1 sum to 10/16.
        WeightTest few = chiSquareGoodnessOfFit({3, 1}, {1, 1});
        QVERIFY(few.exact);
        QVERIFY(close(few.pValue, 10.0 / 16.0, 1e-12));
        // Three equal weights, all 3 requests on one: the three all-on-one splits, 3/27.
        WeightTest lopsided = chiSquareGoodnessOfFit({0, 0, 3}, {1, 1, 1});
        QVERIFY(close(lopsided.pValue, 3.0 / 27.0, 1e-12));
        // 20 requests all on a 5% canary: P = 0.05^20, far below any alpha.
        WeightTest off = chiSquareGoodnessOfFit({0, 20}, {95, 5});
        QVERIFY(off.exact);
        QVERIFY(close(off.pValue, std::pow(0.05, 20), 1e-9));
        QVERIFY(!off.consistent);
        // A zero weight ignored by the walk: 1:0:1 is the 1:1 case.
        WeightTest zero = chiSquareGoodnessOfFit({3, 0, 1}, {1, 0, 1});
        QVERIFY(close(zero.pValue, 10.0 / 16.0, 1e-12));
        // Enough requests: the chi-square answer, not the exact one.
        QVERIFY(!chiSquareGoodnessOfFit({9480, 520}, {0.95, 0.05}).exact);
        // Too many splits to walk (1% weight among 8 backends, 400 requests): rough, not exact.
        WeightTest many = chiSquareGoodnessOfFit({100, 100, 50, 50, 50, 30, 16, 4},
                                                 {25, 25, 12, 12, 12, 8, 5, 1});
        QVERIFY(many.lowExpectedCounts);
        QVERIFY(!many.exact);
    }
};

QTEST_GUILESS_MAIN(TstMetricsChiSquare)
#include "tst_metrics_chi_square.moc"
