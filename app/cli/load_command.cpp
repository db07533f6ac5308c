#include "load_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "app/runtime/load_run.h"
#include "simulator/metrics/metrics_export.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>

namespace Torii::Cli {

namespace {

using Runtime::BackendLoad;
using Runtime::LoadReport;
using Runtime::RuleLoad;
using Runtime::TimelineEvent;

std::atomic<Runtime::LoadRun *> g_run{nullptr};

void requestStop(int)
{
    if (Runtime::LoadRun *run = g_run.load()) {
        run->stop(); // an atomic store: async-signal-safe
    }
}

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "toriictl load: %s\n", qPrintable(message));
    return ExitUnusable;
}

// "10", "10s", "500ms", "2m" → microseconds; -1 when unreadable.
std::int64_t parseDuration(const QString &text)
{
    QString t = text.trimmed();
    double scale = 1e6;
    if (t.endsWith(QLatin1String("ms"))) {
        scale = 1e3;
        t.chop(2);
    } else if (t.endsWith(QLatin1Char('s'))) {
        t.chop(1);
    } else if (t.endsWith(QLatin1Char('m'))) {
        scale = 60e6;
        t.chop(1);
    }
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (!ok || !(value > 0) || !std::isfinite(value) || value * scale > 1e13) {
        return -1;
    }
    return std::int64_t(value * scale);
}

double ms(std::int64_t micros)
{
    return double(micros) / 1000.0;
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QLatin1Char('%');
}

QString verdict(const RuleLoad &rule)
{
    const Metrics::WeightTest &t = rule.weightTest;
    if (t.impossibleCategory) {
        return QCoreApplication::translate(
            "toriictl", "weights: NOT consistent: a backend the rule gives no weight answered");
    }
    if (t.degreesOfFreedom == 0) {
        return QCoreApplication::translate("toriictl", "weights: one backend, nothing to test");
    }
    if (std::all_of(rule.backends.begin(), rule.backends.end(),
                    [](const BackendLoad &b) { return b.requests == 0; })) {
        return QCoreApplication::translate("toriictl",
                                           "weights: no backend answered, nothing to test");
    }
    //: %1 chi-square statistic, %2 degrees of freedom, %3 p-value, %4 significance level
    QString line =
        t.consistent
            ? QCoreApplication::translate(
                  "toriictl", "weights: consistent with the configuration (chi-square %1, %2 dof, "
                              "p = %3 >= alpha %4)")
            : QCoreApplication::translate(
                  "toriictl", "weights: NOT consistent with the configuration (chi-square %1, %2 "
                              "dof, p = %3 < alpha %4)");
    line = line.arg(t.statistic, 0, 'f', 2)
               .arg(t.degreesOfFreedom)
               .arg(t.pValue, 0, 'g', 3)
               .arg(t.alpha, 0, 'g', 3);
    if (t.lowExpectedCounts) {
        line += t.exact ? QCoreApplication::translate(
                              "toriictl", "; few requests, p from the exact multinomial test")
                        : QCoreApplication::translate("toriictl", "; few requests, the test is rough");
    }
    return line;
}

QString modeLine(const LoadReport &r)
{
    const QString mode =
        r.mode == Traffic::LoopMode::Open
            ? QCoreApplication::translate("toriictl",
                                          "open loop at %1 requests/s over up to %2 connections")
                  .arg(r.rate)
                  .arg(r.connections)
            : QCoreApplication::translate("toriictl", "closed loop, %1 requests in flight")
                  .arg(r.connections);
    return QCoreApplication::translate("toriictl", "%1; %2 requests in %3 s (%4/s), %5 errors\n")
        .arg(mode)
        .arg(r.requests)
        .arg(r.elapsedSeconds, 0, 'f', 2)
        .arg(r.elapsedSeconds > 0 ? double(r.requests) / r.elapsedSeconds : 0.0, 0, 'f', 1)
        .arg(r.errors);
}

void printTable(const LoadReport &r)
{
    print(modeLine(r));
    const Metrics::LatencyHistogram &l = r.overall.latency;
    print(QCoreApplication::translate(
              "toriictl", "latency: p50 %1 ms, p90 %2 ms, p99 %3 ms, p99.9 %4 ms, max %5 ms\n")
              .arg(ms(l.percentile(50)), 0, 'f', 2)
              .arg(ms(l.percentile(90)), 0, 'f', 2)
              .arg(ms(l.percentile(99)), 0, 'f', 2)
              .arg(ms(l.percentile(99.9)), 0, 'f', 2)
              .arg(ms(l.max()), 0, 'f', 2));
    for (const auto &[why, count] : r.failures) {
        print(QCoreApplication::translate("toriictl", "no answer (%1): %2\n")
                  .arg(QString::fromStdString(why))
                  .arg(count));
    }
    if (r.https && !r.tlsVerified) {
        print(QCoreApplication::translate(
            "toriictl", "HTTPS: server certificates were not verified (--insecure)\n"));
    }
    print(r.backendSource == Runtime::BackendSource::GatewayEvents
              ? QCoreApplication::translate("toriictl",
                                            "backends: as the in-process gateway chose them; "
                                            "their latency as the gateway measured it\n")
              : QCoreApplication::translate("toriictl",
                                            "backends: as the echo answers named themselves; an "
                                            "answer without one counts for the rule only\n"));
    if (r.streamSamples > 0) {
        //: %1 the number of TCP/TLS connections and UDP flows opened for the L4 rules
        print(QCoreApplication::translate(
                  "toriictl", "L4 rules (TCP, UDP, TLS): %1 samples after the HTTP requests, one "
                              "connection or UDP flow each; backends as the echo answered, "
                              "latency from connect to answer, an answered sample counts as 2xx\n")
                  .arg(r.streamSamples));
    }
    if (r.streamLines) {
        print(QCoreApplication::translate(
            "toriictl", "tcp, udp and tls lines: one connection or UDP flow each; backends as the "
                        "echo answered, latency from when it was due to the answer, an answered "
                        "sample counts as 2xx\n"));
    }
    if (r.grpcLines) {
        print(QCoreApplication::translate(
            "toriictl", "grpc lines: a gRPC status counts in the HTTP status class it maps to "
                        "(NOT_FOUND 4xx, UNAVAILABLE 5xx, ...)\n"));
    }
    if (r.droppedEvents) {
        print(QCoreApplication::translate(
                  "toriictl", "%1 gateway events were lost: the backend counts are short\n")
                  .arg(r.droppedEvents));
    }
    const QString header = QStringLiteral("\n%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
                               .arg(QCoreApplication::translate("toriictl", "RULE / BACKEND"), -44)
                               .arg(QCoreApplication::translate("toriictl", "REQUESTS"), 9)
                               .arg(QCoreApplication::translate("toriictl", "SHARE"), 7)
                               .arg(QCoreApplication::translate("toriictl", "CONFIG"), 7)
                               .arg(QStringLiteral("4xx"), 6)
                               .arg(QStringLiteral("5xx"), 6)
                               .arg(QCoreApplication::translate("toriictl", "FAILED"), 6)
                               .arg(QCoreApplication::translate("toriictl", "P50 ms"), 8)
                               .arg(QCoreApplication::translate("toriictl", "P90 ms"), 8)
                               .arg(QCoreApplication::translate("toriictl", "P99 ms"), 8)
                               .arg(QCoreApplication::translate("toriictl", "MAX ms"), 8);
    print(header);
    const auto row = [](const QString &name, std::uint64_t requests, const QString &share,
                        const QString &configured, const std::array<std::uint64_t, 6> &c,
                        const Metrics::LatencyHistogram &h) {
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
            .arg(name, -44)
            .arg(requests, 9)
            .arg(share, 7)
            .arg(configured, 7)
            .arg(c[4], 6)
            .arg(c[5], 6)
            .arg(c[0], 6)
            .arg(ms(h.percentile(50)), 8, 'f', 2)
            .arg(ms(h.percentile(90)), 8, 'f', 2)
            .arg(ms(h.percentile(99)), 8, 'f', 2)
            .arg(ms(h.max()), 8, 'f', 2);
    };
    for (const RuleLoad &rule : r.rules) {
        print(row(QString::fromStdString(rule.key), rule.requests, QString(), QString(),
                  rule.byClass, rule.latency));
        for (const BackendLoad &b : rule.backends) {
            print(row(QStringLiteral("  ") + QString::fromStdString(b.ns + '/' + b.service),
                      b.requests, percent(b.share), percent(b.configuredShare), b.byClass,
                      b.latency));
        }
        if (rule.unattributed) {
            print(
                QCoreApplication::translate("toriictl", "  (answered by the gateway itself: %1)\n")
                    .arg(rule.unattributed));
        }
        if (!rule.backends.empty()) {
            print(QStringLiteral("  ") + verdict(rule) + QLatin1Char('\n'));
        }
    }
    for (const TimelineEvent &e : r.timeline) {
        if (e.kind == TimelineEvent::Kind::Rollback) {
            //: %1 seconds into the run, %2 what was changed, %3 the crossed threshold
            print(QCoreApplication::translate("toriictl", "rolled back at %1 s: %2 (%3)\n")
                      .arg(e.atSeconds, 0, 'f', 1)
                      .arg(QString::fromStdString(e.what), QString::fromStdString(e.reason)));
        }
    }
    if (r.scenario) {
        print(QCoreApplication::translate(
            "toriictl", "the weights changed during the scenario: the shares and the weight test "
                        "compare with the weights at the start\n"));
    }
    for (const std::string &name : r.unservedHttps) {
        print(QCoreApplication::translate(
                  "toriictl", "not sent: %1 (its HTTPS listener is not served here: no usable "
                              "certificate without --dev-ca, or --target; name it in --mix)\n")
                  .arg(QString::fromStdString(name)));
    }
    for (const std::string &skipped : r.skippedRules) {
        print(QCoreApplication::translate(
                  "toriictl",
                  "not sent: %1 (a regular-expression match; name a request for it with --mix)\n")
                  .arg(QString::fromStdString(skipped)));
    }
    for (const std::string &rule : r.unsampledStreams) {
        print(QCoreApplication::translate(
                  "toriictl", "not sampled: %1 (L4 rules are sampled on the listeners served "
                              "in-process when their backends are echo servers: with the default "
                              "mix, or with a tcp, udp or tls line of --mix; not with --target)\n")
                  .arg(QString::fromStdString(rule)));
    }
}

QJsonObject latencyJson(const Metrics::LatencyHistogram &h)
{
    QJsonObject o;
    o.insert(QStringLiteral("p50Ms"), ms(h.percentile(50)));
    o.insert(QStringLiteral("p90Ms"), ms(h.percentile(90)));
    o.insert(QStringLiteral("p99Ms"), ms(h.percentile(99)));
    o.insert(QStringLiteral("p999Ms"), ms(h.percentile(99.9)));
    o.insert(QStringLiteral("maxMs"), ms(h.max()));
    return o;
}

QJsonObject classesJson(const std::array<std::uint64_t, 6> &c)
{
    QJsonObject o;
    for (std::size_t i = 0; i < c.size(); ++i) {
        o.insert(QLatin1String(Metrics::kStatusClassNames[i]), double(c[i]));
    }
    return o;
}

QByteArray reportJson(const LoadReport &r)
{
    QJsonObject root;
    root.insert(QStringLiteral("mode"), r.mode == Traffic::LoopMode::Open
                                            ? QStringLiteral("open")
                                            : QStringLiteral("closed"));
    if (r.mode == Traffic::LoopMode::Open) {
        root.insert(QStringLiteral("rate"), r.rate);
    }
    root.insert(QStringLiteral("connections"), r.connections);
    root.insert(QStringLiteral("elapsedSeconds"), r.elapsedSeconds);
    root.insert(QStringLiteral("requests"), double(r.requests));
    root.insert(QStringLiteral("errors"), double(r.errors));
    root.insert(QStringLiteral("alpha"), r.alpha);
    root.insert(QStringLiteral("backendSource"),
                QString::fromLatin1(Runtime::toString(r.backendSource)));
    if (r.droppedEvents) {
        root.insert(QStringLiteral("droppedEvents"), double(r.droppedEvents));
    }
    if (r.https) {
        QJsonObject tls;
        tls.insert(QStringLiteral("verified"), r.tlsVerified);
        root.insert(QStringLiteral("tls"), tls);
    }
    root.insert(QStringLiteral("latency"), latencyJson(r.overall.latency));
    QJsonObject failures;
    for (const auto &[why, count] : r.failures) {
        failures.insert(QString::fromStdString(why), double(count));
    }
    root.insert(QStringLiteral("failures"), failures);
    QJsonArray rules;
    for (const RuleLoad &rule : r.rules) {
        QJsonObject o;
        o.insert(QStringLiteral("rule"), QString::fromStdString(rule.key));
        o.insert(QStringLiteral("kind"), QString::fromStdString(rule.kind));
        o.insert(QStringLiteral("namespace"), QString::fromStdString(rule.ns));
        o.insert(QStringLiteral("name"), QString::fromStdString(rule.name));
        o.insert(QStringLiteral("ruleIndex"), rule.ruleIndex);
        o.insert(QStringLiteral("requests"), double(rule.requests));
        o.insert(QStringLiteral("answeredByGateway"), double(rule.unattributed));
        o.insert(QStringLiteral("errorsByClass"), classesJson(rule.byClass));
        o.insert(QStringLiteral("latency"), latencyJson(rule.latency));
        QJsonArray backends;
        for (const BackendLoad &b : rule.backends) {
            QJsonObject bo = latencyJson(b.latency);
            bo.insert(QStringLiteral("service"), QString::fromStdString(b.service));
            bo.insert(QStringLiteral("namespace"), QString::fromStdString(b.ns));
            bo.insert(QStringLiteral("requests"), double(b.requests));
            bo.insert(QStringLiteral("share"), b.share);
            bo.insert(QStringLiteral("configuredShare"), b.configuredShare);
            bo.insert(QStringLiteral("errors"), double(b.errors));
            bo.insert(QStringLiteral("errorsByClass"), classesJson(b.byClass));
            backends.append(bo);
        }
        o.insert(QStringLiteral("backends"), backends);
        QJsonObject test;
        test.insert(QStringLiteral("statistic"), rule.weightTest.statistic);
        test.insert(QStringLiteral("degreesOfFreedom"), rule.weightTest.degreesOfFreedom);
        test.insert(QStringLiteral("pValue"), rule.weightTest.pValue);
        test.insert(QStringLiteral("alpha"), rule.weightTest.alpha);
        test.insert(QStringLiteral("consistent"), rule.weightTest.consistent);
        test.insert(QStringLiteral("lowExpectedCounts"), rule.weightTest.lowExpectedCounts);
        test.insert(QStringLiteral("exact"), rule.weightTest.exact);
        o.insert(QStringLiteral("weightTest"), test);
        rules.append(o);
    }
    root.insert(QStringLiteral("rules"), rules);
    QJsonArray skipped;
    for (const std::string &s : r.skippedRules) {
        skipped.append(QString::fromStdString(s));
    }
    root.insert(QStringLiteral("notSent"), skipped);
    if (!r.unservedHttps.empty()) {
        QJsonArray https;
        for (const std::string &s : r.unservedHttps) {
            https.append(QString::fromStdString(s));
        }
        root.insert(QStringLiteral("httpsNotSent"), https);
    }
    if (r.streamSamples > 0 || !r.unsampledStreams.empty()) {
        root.insert(QStringLiteral("l4Samples"), double(r.streamSamples));
        QJsonArray unsampled;
        for (const std::string &s : r.unsampledStreams) {
            unsampled.append(QString::fromStdString(s));
        }
        root.insert(QStringLiteral("l4NotSampled"), unsampled);
    }
    if (r.scenario) {
        QJsonArray timeline;
        for (const TimelineEvent &e : r.timeline) {
            QJsonObject o;
            o.insert(QStringLiteral("kind"), QString::fromLatin1(Runtime::toString(e.kind)));
            o.insert(QStringLiteral("atSeconds"), e.atSeconds);
            o.insert(QStringLiteral("dueSeconds"), e.dueSeconds);
            o.insert(QStringLiteral("what"), QString::fromStdString(e.what));
            if (!e.reason.empty()) {
                o.insert(QStringLiteral("reason"), QString::fromStdString(e.reason));
            }
            timeline.append(o);
        }
        root.insert(QStringLiteral("timeline"), timeline);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray reportCsv(const LoadReport &r)
{
    std::string out = "rule,namespace,service,requests,share,configured_share,errors,none,4xx,5xx,"
                      "p50_ms,p90_ms,p99_ms,max_ms,p_value,consistent\n";
    char buffer[256];
    for (const RuleLoad &rule : r.rules) {
        for (const BackendLoad &b : rule.backends) {
            std::snprintf(buffer, sizeof buffer,
                          ",%llu,%.6f,%.6f,%llu,%llu,%llu,%llu,%.3f,%.3f,%.3f,%.3f,%.6g,%s\n",
                          (unsigned long long)b.requests, b.share, b.configuredShare,
                          (unsigned long long)b.errors, (unsigned long long)b.byClass[0],
                          (unsigned long long)b.byClass[4], (unsigned long long)b.byClass[5],
                          ms(b.latency.percentile(50)), ms(b.latency.percentile(90)),
                          ms(b.latency.percentile(99)), ms(b.latency.max()), rule.weightTest.pValue,
                          rule.weightTest.consistent ? "true" : "false");
            out += Metrics::csvField(rule.key) + ',' + Metrics::csvField(b.ns) + ',' +
                   Metrics::csvField(b.service) + buffer;
        }
    }
    return QByteArray::fromStdString(out);
}

} // namespace

int runLoad(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl",
        "Send traffic through the design served in-process (or a running toriictl serve) and "
        "report, per rule and backend, the split against the weights and the latency."));
    parser.addHelpOption();
    const QCommandLineOption mix(
        QStringLiteral("mix"),
        QCoreApplication::translate("toriictl",
                                    "The request mix (YAML); default: one request per route "
                                    "hostname and rule match."),
        QStringLiteral("file"));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QCoreApplication::translate("toriictl",
                                    "A traffic scenario (YAML): weight and backend behaviour "
                                    "changes at given times, and an optional rollback rule."),
        QStringLiteral("file"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QCoreApplication::translate("toriictl",
                                    "Open loop: send this many requests per second, latency "
                                    "counted from when each was due."),
        QStringLiteral("r"));
    const QCommandLineOption concurrency(
        QStringLiteral("concurrency"),
        QCoreApplication::translate("toriictl", "Closed loop: keep this many requests in flight."),
        QStringLiteral("c"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QCoreApplication::translate("toriictl", "How long to send: 10, 10s, 500ms, 2m."),
        QStringLiteral("d"));
    const QCommandLineOption requests(
        QStringLiteral("requests"),
        QCoreApplication::translate("toriictl", "How many requests to send."), QStringLiteral("n"));
    const QCommandLineOption connections(
        QStringLiteral("connections"),
        QCoreApplication::translate("toriictl", "Open loop: connections at most (default 16)."),
        QStringLiteral("n"));
    const QCommandLineOption noKeepAlive(
        QStringLiteral("no-keep-alive"),
        QCoreApplication::translate("toriictl", "Open a new connection for every request."));
    const QCommandLineOption target(
        QStringLiteral("target"),
        QCoreApplication::translate("toriictl",
                                    "Send to a running toriictl serve listener instead of "
                                    "serving the design in-process."),
        QStringLiteral("host:port"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QCoreApplication::translate("toriictl", "Seed of the request choice (default 1)."),
        QStringLiteral("n"));
    const QCommandLineOption gatewaySeed(
        QStringLiteral("gateway-seed"),
        QCoreApplication::translate("toriictl", "Seed of the in-process gateway's weighted backend "
                                                "choice, for a reproducible split."),
        QStringLiteral("n"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("toriictl",
                                    "Give up on a request after this long (default 10s)."),
        QStringLiteral("d"));
    const QCommandLineOption series(
        QStringLiteral("series"),
        QCoreApplication::translate("toriictl",
                                    "Also write the 1 s and 250 ms time series to this file "
                                    "(.csv or .json)."),
        QStringLiteral("file"));
    const QCommandLineOption output(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("toriictl", "Output format: table, json or csv."),
        QStringLiteral("format"), QStringLiteral("table"));
    const QCommandLineOption alpha(
        QStringLiteral("alpha"),
        QCoreApplication::translate("toriictl",
                                    "Significance level of the chi-square weight test, between "
                                    "0 and 1 (default 0.01)."),
        QStringLiteral("a"));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"),
        QCoreApplication::translate("toriictl",
                                    "HTTPS: do not verify the server certificates (neither the "
                                    "chain nor the name)."));
    const QCommandLineOption caFile(
        QStringLiteral("ca"),
        QCoreApplication::translate(
            "toriictl", "HTTPS: trust the certificates of this PEM file instead of the design's "
                        "listener certificates and the workspace's development CA."),
        QStringLiteral("file"));
    const QCommandLineOption devCa(
        QStringLiteral("dev-ca"),
        QCoreApplication::translate(
            "toriictl", "Serve HTTPS listeners without a usable certificate with a leaf of the "
                        "workspace's development CA (made once in .torii/dev-ca/), and trust it."));
    const QCommandLineOption streamSamples(
        QStringLiteral("stream-samples"),
        QCoreApplication::translate(
            "toriictl", "Default mix: connections or UDP flows sampled per TCP, UDP and TLS rule "
                        "after the HTTP requests (default 200; 0: none)."),
        QStringLiteral("n"));
    const QCommandLineOption backend = backendOption();
    const QCommandLineOption acceptAll(
        QStringLiteral("accept-all-classes"),
        QCoreApplication::translate("toriictl", "Accept every GatewayClass, whatever its "
                                                "controllerName."));
    const QCommandLineOption noImplicit(
        QStringLiteral("no-implicit-services"),
        QCoreApplication::translate("toriictl", "Do not make up Services the routes name but the "
                                                "workspace lacks."));
    parser.addOptions({mix,         scenario,    rate,       concurrency,  duration,    requests,
                       connections, noKeepAlive, target,     seed,         gatewaySeed, timeout,
                       series,      output,      alpha,      insecure,     caFile,      devCa,
                       backend,     acceptAll,   noImplicit, streamSamples});
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (!parser.parse(arguments)) {
        return fail(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(parser.helpText());
        return ExitOk;
    }
    std::vector<std::string> paths;
    for (const QString &p : parser.positionalArguments()) {
        if (!QFileInfo::exists(p)) {
            return fail(
                QCoreApplication::translate("toriictl", "%1: no such file or folder").arg(p));
        }
        paths.push_back(p.toStdString());
    }
    if (paths.empty()) {
        return fail(QCoreApplication::translate("toriictl", "name at least one file or folder"));
    }
    const QString format = parser.value(output);
    if (format != QLatin1String("table") && format != QLatin1String("json") &&
        format != QLatin1String("csv")) {
        return fail(
            QCoreApplication::translate("toriictl", "-o wants table, json or csv, not \"%1\"")
                .arg(format));
    }

    Runtime::LoadOptions options;
    options.controller.acceptAllClasses = parser.isSet(acceptAll);
    options.implicitServices = !parser.isSet(noImplicit);
    options.mixFile = parser.value(mix).toStdString();
    if (parser.isSet(mix) && !QFileInfo::exists(parser.value(mix))) {
        return fail(QCoreApplication::translate("toriictl", "%1: no such file or folder")
                        .arg(parser.value(mix)));
    }
    options.scenarioFile = parser.value(scenario).toStdString();
    if (parser.isSet(scenario) && !QFileInfo(parser.value(scenario)).isFile()) {
        return fail(QCoreApplication::translate("toriictl", "%1: no such file")
                        .arg(parser.value(scenario)));
    }
    Traffic::GeneratorOptions &g = options.generator;
    if (parser.isSet(rate) == parser.isSet(concurrency)) {
        return fail(QCoreApplication::translate(
            "toriictl", "give either --rate (open loop) or --concurrency (closed loop)"));
    }
    bool ok = true;
    if (parser.isSet(rate)) {
        g.mode = Traffic::LoopMode::Open;
        g.rate = parser.value(rate).toDouble(&ok);
        if (!ok || !(g.rate > 0) || g.rate > 1e7) {
            return fail(QCoreApplication::translate(
                            "toriictl", "--rate wants requests per second above 0, not \"%1\"")
                            .arg(parser.value(rate)));
        }
        g.connections = 16;
        if (parser.isSet(connections)) {
            g.connections = parser.value(connections).toInt(&ok);
            if (!ok || g.connections < 1 || g.connections > 10000) {
                return fail(
                    QCoreApplication::translate(
                        "toriictl", "--connections wants a number from 1 to 10000, not \"%1\"")
                        .arg(parser.value(connections)));
            }
        }
    } else {
        g.mode = Traffic::LoopMode::Closed;
        g.connections = parser.value(concurrency).toInt(&ok);
        if (!ok || g.connections < 1 || g.connections > 10000) {
            return fail(QCoreApplication::translate(
                            "toriictl", "--concurrency wants a number from 1 to 10000, not \"%1\"")
                            .arg(parser.value(concurrency)));
        }
    }
    if (!parser.isSet(duration) && !parser.isSet(requests)) {
        return fail(QCoreApplication::translate("toriictl", "give --duration, --requests or both"));
    }
    if (parser.isSet(duration)) {
        const std::int64_t us = parseDuration(parser.value(duration));
        if (us < 0) {
            return fail(
                QCoreApplication::translate(
                    "toriictl", "--duration wants a time such as 10, 10s or 500ms, not \"%1\"")
                    .arg(parser.value(duration)));
        }
        g.duration = std::chrono::microseconds(us);
    }
    if (parser.isSet(requests)) {
        g.requestLimit = parser.value(requests).toULongLong(&ok);
        if (!ok || g.requestLimit == 0) {
            return fail(QCoreApplication::translate("toriictl",
                                                    "--requests wants a number above 0, not \"%1\"")
                            .arg(parser.value(requests)));
        }
    }
    if (parser.isSet(timeout)) {
        const std::int64_t us = parseDuration(parser.value(timeout));
        if (us < 1000) {
            return fail(QCoreApplication::translate(
                            "toriictl", "--timeout wants a time such as 10s or 500ms, not \"%1\"")
                            .arg(parser.value(timeout)));
        }
        g.timeout = std::chrono::milliseconds(us / 1000);
        g.drainTimeout = g.timeout;
    }
    g.keepAlive = !parser.isSet(noKeepAlive);
    if (parser.isSet(seed)) {
        g.seed = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            return fail(
                QCoreApplication::translate("toriictl", "--seed wants a whole number, not \"%1\"")
                    .arg(parser.value(seed)));
        }
    }
    if (parser.isSet(gatewaySeed)) {
        options.gatewaySeed = parser.value(gatewaySeed).toULongLong(&ok);
        if (!ok || options.gatewaySeed == 0) {
            return fail(QCoreApplication::translate(
                            "toriictl", "--gateway-seed wants a whole number above 0, not \"%1\"")
                            .arg(parser.value(gatewaySeed)));
        }
    }
    if (parser.isSet(target)) {
        const QString t = parser.value(target);
        const int colon = t.lastIndexOf(QLatin1Char(':'));
        QString host = t.left(colon);
        const int port = t.mid(colon + 1).toInt(&ok);
        if (host == QLatin1String("localhost")) {
            host = QStringLiteral("127.0.0.1");
        }
        // Load goes to this machine only: a load generator aimed elsewhere is a different tool.
        if (colon <= 0 || !ok || port < 1 || port > 65535 ||
            !(host.startsWith(QLatin1String("127.")) || host == QLatin1String("[::1]"))) {
            return fail(QCoreApplication::translate(
                            "toriictl",
                            "--target wants 127.0.0.1:PORT (a toriictl serve on this machine), "
                            "not \"%1\"")
                            .arg(t));
        }
        if (host == QLatin1String("[::1]")) {
            host = QStringLiteral("::1");
        }
        options.target = std::make_pair(host.toStdString(), quint16(port));
    }
    if (parser.isSet(alpha)) {
        options.alpha = parser.value(alpha).toDouble(&ok);
        if (!ok || !(options.alpha > 0.0 && options.alpha < 1.0)) {
            return fail(QCoreApplication::translate(
                            "toriictl",
                            "--alpha wants a significance level between 0 and 1, such as 0.01 or "
                            "0.05, not \"%1\"")
                            .arg(parser.value(alpha)));
        }
    }
    options.insecure = parser.isSet(insecure);
    if (parser.isSet(caFile)) {
        if (options.insecure) {
            return fail(QCoreApplication::translate(
                "toriictl", "--ca and --insecure contradict each other: give one"));
        }
        QFile file(parser.value(caFile));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(QCoreApplication::translate("toriictl", "cannot read %1: %2")
                            .arg(parser.value(caFile), file.errorString()));
        }
        const QByteArray pem = file.readAll();
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return fail(QCoreApplication::translate("toriictl", "%1 holds no PEM certificate")
                            .arg(parser.value(caFile)));
        }
        options.trustedCertificates.push_back(pem.toStdString());
    }
    options.developmentCa = parser.isSet(devCa);
    if (options.developmentCa && options.target) {
        return fail(QCoreApplication::translate(
            "toriictl", "--dev-ca serves the design in-process; it cannot go with --target"));
    }
    for (const QString &binding : parser.values(backend)) {
        const auto bound = backendBinding(binding);
        if (!bound) {
            return fail(QCoreApplication::translate(
                            "toriictl", "--backend wants NAMESPACE/NAME=127.0.0.1:PORT, not \"%1\"")
                            .arg(binding));
        }
        if (options.target) {
            return fail(QCoreApplication::translate(
                "toriictl", "--backend binds a Service of the in-process gateway; it cannot go "
                            "with --target"));
        }
        options.realBackends[bound->first] = bound->second;
    }
    if (parser.isSet(streamSamples)) {
        const int samples = parser.value(streamSamples).toInt(&ok);
        if (!ok || samples < 0 || samples > 100000) {
            return fail(QCoreApplication::translate(
                            "toriictl", "--stream-samples wants a number from 0 to 100000, not "
                                        "\"%1\"")
                            .arg(parser.value(streamSamples)));
        }
        if (options.target || parser.isSet(mix)) {
            return fail(QCoreApplication::translate(
                "toriictl", "--stream-samples sizes the default mix's L4 samples in-process; it "
                            "cannot go with --target or --mix (a mix weights its tcp, udp and tls "
                            "lines)"));
        }
        options.streamSamples = samples;
    }
    const QString seriesFile = parser.value(series);
    if (!seriesFile.isEmpty() && !seriesFile.endsWith(QLatin1String(".csv")) &&
        !seriesFile.endsWith(QLatin1String(".json"))) {
        return fail(
            QCoreApplication::translate(
                "toriictl", "--series wants a file name ending in .csv or .json, not \"%1\"")
                .arg(seriesFile));
    }

    Runtime::LoadRun run;
    QString error;
    const bool prepared = run.prepare(paths, options, &error);
    // Hints when the run cannot start: what to change in the design or the mix.
    const QByteArray diagnostics = diagnosticsAsText(run.diagnostics(), !prepared);
    std::fwrite(diagnostics.constData(), 1, std::size_t(diagnostics.size()), stderr);
    if (!prepared) {
        return fail(error);
    }
    for (const std::string &service : run.implicitServices()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                                    "toriictl", "implicit Service %1: a mock backend stands in")
                                    .arg(QString::fromStdString(service))));
    }

    run.setTimelineCallback([](const TimelineEvent &e) {
        QString line;
        switch (e.kind) {
        case TimelineEvent::Kind::Step:
            //: %1 seconds into the run, %2 the step (e.g. "weights webapp/route rule 0: a=95 b=5")
            line = QCoreApplication::translate("toriictl", "scenario %1 s: %2")
                       .arg(e.atSeconds, 0, 'f', 1)
                       .arg(QString::fromStdString(e.what));
            break;
        case TimelineEvent::Kind::Rollback:
            line = QCoreApplication::translate("toriictl", "rollback %1 s: %2 (%3)")
                       .arg(e.atSeconds, 0, 'f', 1)
                       .arg(QString::fromStdString(e.what), QString::fromStdString(e.reason));
            break;
        case TimelineEvent::Kind::Failed:
            line = QCoreApplication::translate("toriictl", "scenario %1 s: %2 not applied: %3")
                       .arg(e.atSeconds, 0, 'f', 1)
                       .arg(QString::fromStdString(e.what), QString::fromStdString(e.reason));
            break;
        }
        std::fprintf(stderr, "%s\n", qPrintable(line));
    });
    g_run = &run;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    const bool ran = run.run(
        [](const Traffic::Progress &p) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "toriictl",
                                        "load: %1 s, %2 sent, %3 answered, %4 failed, %5 waiting")
                                        .arg(double(p.elapsedMicros) / 1e6, 0, 'f', 0)
                                        .arg(p.issued)
                                        .arg(p.completed - p.errors)
                                        .arg(p.errors)
                                        .arg(p.waiting)));
        },
        &error);
    g_run = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!ran) {
        return fail(error);
    }
    const LoadReport &report = run.report();
    if (!seriesFile.isEmpty()) {
        QFile file(seriesFile);
        const std::string text = seriesFile.endsWith(QLatin1String(".csv"))
                                     ? Metrics::timeSeriesCsv(report.series, 1000000)
                                     : Metrics::timeSeriesJson(report.series, true);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(text.data(), qint64(text.size())) != qint64(text.size())) {
            return fail(QCoreApplication::translate("toriictl", "cannot write %1: %2")
                            .arg(seriesFile, file.errorString()));
        }
    }
    if (format == QLatin1String("json")) {
        const QByteArray json = reportJson(report);
        std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
    } else if (format == QLatin1String("csv")) {
        const QByteArray csv = reportCsv(report);
        std::fwrite(csv.constData(), 1, std::size_t(csv.size()), stdout);
    } else {
        printTable(report);
    }
    std::fflush(stdout);
    // With a scenario the weights moved during the run, so the split test against the starting
    // weights is no finding; a step that could not be applied is.
    for (const TimelineEvent &e : report.timeline) {
        if (e.kind == TimelineEvent::Kind::Failed) {
            return ExitFindings;
        }
    }
    for (const RuleLoad &rule : report.rules) {
        if (!rule.weightTest.consistent && !report.scenario) {
            return ExitFindings;
        }
    }
    return ExitOk;
}

} // namespace Torii::Cli
