#include "resource_status.h"

#include <QtCore/QCoreApplication>

namespace Torii::Gui {

namespace {

// Conditions whose False means "not accepted at all" rather than "accepted with problems".
bool isAcceptance(const std::string &type)
{
    return type == "Accepted";
}

} // namespace

StatusSummary summarizeConditions(const Model::Node &conditions)
{
    StatusSummary summary;
    if (!conditions.isList() || conditions.items().empty()) {
        return summary;
    }
    summary.state = StatusState::Ok;
    QStringList lines;
    for (const Model::Node &c : conditions.items()) {
        const std::string type = c["type"].asString();
        const std::string status = c["status"].asString();
        const std::string reason = c["reason"].asString();
        const std::string message = c["message"].asString();
        QString line = QStringLiteral("%1: %2 (%3)").arg(QString::fromStdString(type),
                                                         QString::fromStdString(status),
                                                         QString::fromStdString(reason));
        if (!message.empty()) {
            line += QStringLiteral(" — ") + QString::fromStdString(message);
        }
        lines << line;
        // Conflicted/Overlapping… are True when something is wrong; the rest False.
        const bool bad = (type == "Conflicted" || type == "OverlappingTLSConfig")
                             ? status == "True"
                             : status != "True";
        if (bad) {
            const StatusState s = isAcceptance(type) ? StatusState::Error : StatusState::Warning;
            if (static_cast<int>(s) > static_cast<int>(summary.state)) {
                summary.state = s;
            }
        }
    }
    summary.details = lines.join(QLatin1Char('\n'));
    return summary;
}

StatusSummary combine(const StatusSummary &a, const StatusSummary &b)
{
    StatusSummary out;
    out.state = static_cast<int>(a.state) >= static_cast<int>(b.state) ? a.state : b.state;
    if (a.details.isEmpty()) {
        out.details = b.details;
    } else if (b.details.isEmpty()) {
        out.details = a.details;
    } else {
        out.details = a.details + QLatin1Char('\n') + b.details;
    }
    return out;
}

} // namespace Torii::Gui
