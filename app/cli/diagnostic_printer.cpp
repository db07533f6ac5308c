#include "diagnostic_printer.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace Torii::Cli {

namespace {

QString severityText(Core::Severity s)
{
    switch (s) {
    case Core::Severity::Error:
        return QCoreApplication::translate("toriictl", "error");
    case Core::Severity::Warning:
        return QCoreApplication::translate("toriictl", "warning");
    case Core::Severity::Info:
        return QCoreApplication::translate("toriictl", "note");
    }
    return {};
}

} // namespace

QByteArray diagnosticsAsText(const Core::Diagnostics &diagnostics, bool withHints)
{
    QByteArray out;
    for (const Core::Diagnostic &d : diagnostics) {
        QString line = d.file.empty() ? QStringLiteral("<input>") : QString::fromStdString(d.file);
        if (d.line > 0) {
            line += QLatin1Char(':') + QString::number(d.line);
            if (d.column > 0) {
                line += QLatin1Char(':') + QString::number(d.column);
            }
        }
        line += QStringLiteral(": ") + severityText(d.severity) + QStringLiteral(": ");
        if (!d.fieldPath.empty()) {
            line += QString::fromStdString(d.fieldPath) + QStringLiteral(": ");
        }
        line += QString::fromStdString(d.localizedMessage());
        if (!d.code.empty()) {
            line += QStringLiteral(" [") + QString::fromStdString(d.code) + QLatin1Char(']');
        }
        out += line.toUtf8() + '\n';
        const std::string hint = d.localizedHint();
        if (withHints && !hint.empty()) {
            out += "    " +
                   QCoreApplication::translate("toriictl", "hint: %1")
                       .arg(QString::fromStdString(hint))
                       .toUtf8() +
                   '\n';
        }
    }
    return out;
}

QByteArray diagnosticsAsJson(const Core::Diagnostics &diagnostics, int objects, int files)
{
    QJsonArray list;
    for (const Core::Diagnostic &d : diagnostics) {
        QJsonObject o;
        o[QStringLiteral("severity")] = QString::fromLatin1(Core::severityName(d.severity));
        o[QStringLiteral("code")] = QString::fromStdString(d.code);
        o[QStringLiteral("message")] = QString::fromStdString(d.localizedMessage());
        o[QStringLiteral("hint")] = QString::fromStdString(d.localizedHint());
        o[QStringLiteral("path")] = QString::fromStdString(d.fieldPath);
        o[QStringLiteral("file")] = QString::fromStdString(d.file);
        o[QStringLiteral("line")] = d.line;
        o[QStringLiteral("column")] = d.column;
        o[QStringLiteral("rule")] = QString::fromStdString(d.rule);
        list.append(o);
    }
    QJsonObject summary;
    summary[QStringLiteral("objects")] = objects;
    summary[QStringLiteral("files")] = files;
    summary[QStringLiteral("errors")] = Core::countOf(diagnostics, Core::Severity::Error);
    summary[QStringLiteral("warnings")] = Core::countOf(diagnostics, Core::Severity::Warning);
    QJsonObject root;
    root[QStringLiteral("diagnostics")] = list;
    root[QStringLiteral("summary")] = summary;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Torii::Cli
