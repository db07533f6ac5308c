#include "route_text.h"

#include <QtCore/QCoreApplication>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

// The translation context of this file's texts.
struct RouteExplanation
{
    Q_DECLARE_TR_FUNCTIONS(RouteExplanation)
};

QString stringMatch(const char *what, const std::string &name, RT::StringMatchType type,
                    const std::string &value)
{
    return QStringLiteral("%1 %2%3%4")
        .arg(QLatin1String(what), QString::fromStdString(name),
             type == RT::StringMatchType::Exact ? QStringLiteral("=") : QStringLiteral("~"),
             QString::fromStdString(value));
}

} // namespace

QString routeSourceText(const RT::RouteSource &s)
{
    QString text = QStringLiteral("%1 %2/%3 ").arg(QString::fromStdString(s.kind),
                                                   QString::fromStdString(s.ns),
                                                   QString::fromStdString(s.name))
                   + RouteExplanation::tr("rule %1").arg(s.ruleIndex);
    if (!s.ruleName.empty()) {
        text += QStringLiteral(" (%1)").arg(QString::fromStdString(s.ruleName));
    }
    if (s.matchIndex >= 0) {
        text += QLatin1Char(' ') + RouteExplanation::tr("match %1").arg(s.matchIndex);
    }
    return text;
}

QString routeMatchText(const RT::RequestMatch &m)
{
    QStringList parts;
    if (m.grpcMethod) {
        parts << QStringLiteral("gRPC %1 %2/%3")
                     .arg(m.grpcMethod->type == RT::StringMatchType::Exact ? QStringLiteral("Exact")
                                                                           : QStringLiteral("RegularExpression"),
                          QString::fromStdString(m.grpcMethod->service.empty() ? "*" : m.grpcMethod->service),
                          QString::fromStdString(m.grpcMethod->method.empty() ? "*" : m.grpcMethod->method));
    }
    if (m.path) {
        parts << QStringLiteral("%1 %2").arg(QLatin1String(RT::toString(m.path->type)),
                                             QString::fromStdString(m.path->value));
    }
    if (m.method) {
        parts << QStringLiteral("method %1").arg(QString::fromStdString(*m.method));
    }
    for (const auto &h : m.headers) {
        parts << stringMatch("header", h.name, h.type, h.value);
    }
    for (const auto &q : m.queryParams) {
        parts << stringMatch("query", q.name, q.type, q.value);
    }
    return parts.isEmpty() ? QStringLiteral("PathPrefix /") : parts.join(QStringLiteral(", "));
}

QString routeBackendsText(const std::vector<RT::Backend> &backends)
{
    int total = 0;
    for (const auto &b : backends) {
        total += b.weight;
    }
    QStringList parts;
    for (const auto &b : backends) {
        QString text = QStringLiteral("%1/%2:%3").arg(QString::fromStdString(b.ns),
                                                      QString::fromStdString(b.service))
                           .arg(b.port);
        if (backends.size() > 1) {
            text += QStringLiteral(" (%1%)").arg(total > 0 ? 100.0 * b.weight / total : 0.0, 0, 'g', 3);
        }
        if (!b.isValid()) {
            text += QStringLiteral(" [500: %1]").arg(QString::fromStdString(b.invalidReason));
        }
        parts << text;
    }
    return parts.isEmpty() ? RouteExplanation::tr("no backend") : parts.join(QStringLiteral(", "));
}

QStringList explanationLines(const RT::Explanation &explanation)
{
    QStringList lines;
    lines << QString::fromStdString(explanation.hostReason);
    for (const auto &step : explanation.steps) {
        lines << QStringLiteral("%1 %2 [%3]: %4")
                     .arg(step.matched ? QStringLiteral("→") : QStringLiteral("✕"),
                          routeSourceText(step.route->source), routeMatchText(step.route->match),
                          QString::fromStdString(step.reason));
    }
    if (explanation.result.route) {
        lines << RouteExplanation::tr("lands on %1 (host %2) → %3")
                     .arg(routeSourceText(explanation.result.route->source),
                          QString::fromStdString(explanation.result.hostnameKey),
                          routeBackendsText(explanation.result.route->backends));
    } else {
        lines << RouteExplanation::tr("no route matches: the gateway answers 404");
    }
    return lines;
}

} // namespace Torii::Runtime
