#include "lesson_findings_model.h"

#include "lesson_catalog.h"

#include "app/gui/widgets/status_icons.h"

#include <QtGui/QPalette>
#include <QtWidgets/QApplication>

namespace Torii::Gui {

LessonFindingsModel::LessonFindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LessonFindingsModel::setFindings(std::vector<LessonFinding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

QString LessonFindingsModel::reasonExplanation(const QString &reason)
{
    if (reason == QLatin1String("BackendNotFound")) {
        return tr("A backendRef names a Service the guide never defines: in a cluster the "
                  "requests for it would get 500. \"Complete the example\" adds a mock Service.");
    }
    if (reason == QLatin1String("RefNotPermitted")) {
        return tr("The reference crosses namespaces and no ReferenceGrant in the target namespace "
                  "allows it: add one there, or move the object.");
    }
    if (reason == QLatin1String("InvalidCertificateRef")) {
        return tr("The listener's certificate Secret is not defined in the guide, or holds no "
                  "valid certificate and key: HTTPS on this listener cannot work until it exists.");
    }
    if (reason == QLatin1String("AddressNotUsable") ||
        reason == QLatin1String("AddressNotAssigned")) {
        return tr("The Gateway asks for a fixed address. A cluster assigns it only when its load "
                  "balancer owns that address; Torii serves every Gateway on 127.0.0.1.");
    }
    if (reason == QLatin1String("UnsupportedAddress")) {
        return tr(
            "The Gateway asks for an address of a type this implementation does not support.");
    }
    if (reason == QLatin1String("ListenersNotResolved") ||
        reason == QLatin1String("ListenersNotValid")) {
        return tr("Some listeners have problems of their own: see the findings of each listener.");
    }
    if (reason == QLatin1String("Invalid")) {
        return tr("The object cannot be programmed as written; its other conditions say why.");
    }
    if (reason == QLatin1String("NoMatchingParent")) {
        return tr("The parentRef's sectionName or port matches no listener of that Gateway: the "
                  "route is attached nowhere.");
    }
    if (reason == QLatin1String("NotAllowedByListeners")) {
        return tr("The listener's allowedRoutes does not admit routes of this kind or from this "
                  "namespace: widen allowedRoutes, or move the route.");
    }
    if (reason == QLatin1String("NoMatchingListenerHostname")) {
        return tr(
            "None of the route's hostnames falls under the listener's hostname, so no request "
            "can reach it through that listener.");
    }
    if (reason == QLatin1String("InvalidKind") || reason == QLatin1String("InvalidRouteKinds")) {
        return tr("A reference or allowedRoutes.kinds names a kind this listener or implementation "
                  "cannot use.");
    }
    if (reason == QLatin1String("UnsupportedProtocol")) {
        return tr("The listener's protocol is not one this implementation supports.");
    }
    if (reason == QLatin1String("InvalidParameters")) {
        return tr("The GatewayClass's parametersRef names an object that is missing or invalid.");
    }
    if (reason == QLatin1String("HostnameConflict") ||
        reason == QLatin1String("ProtocolConflict")) {
        return tr("Two listeners share a port with conflicting hostnames or protocols: one of them "
                  "is not served.");
    }
    if (reason == QLatin1String("UnsupportedValue")) {
        return tr("A field has a value this implementation does not support.");
    }
    if (reason == QLatin1String("Pending")) {
        return tr("The controller has not finished with this object.");
    }
    if (reason == QLatin1String("PortUnavailable")) {
        return tr("The listener's port cannot be used.");
    }
    return {};
}

QString LessonFindingsModel::messageOf(const LessonFinding &f)
{
    using Kind = LessonFinding::Kind;
    switch (f.kind) {
    case Kind::Condition: {
        //: Lessons: a status condition, "Accepted: False (BackendNotFound) — message".
        QString text =
            tr("%1: %2 (%3) — %4")
                .arg(QString::fromStdString(f.type), QString::fromStdString(f.status),
                     QString::fromStdString(f.reason), QString::fromStdString(f.message));
        if (const QString where = whereOf(f); !where.isEmpty()) {
            text = where + QStringLiteral(" · ") + text;
        }
        return text;
    }
    case Kind::Completion: {
        //: Lessons: a route's condition before and after "Complete the example",
        //: "Accepted: False (NotAllowedByListeners) → True".
        QString text =
            tr("%1: %2 (%3) → %4")
                .arg(QString::fromStdString(f.type), QString::fromStdString(f.status),
                     QString::fromStdString(f.reason), QString::fromStdString(f.afterStatus));
        if (!f.afterReason.empty() && f.afterStatus != "True") {
            text += QStringLiteral(" (%1)").arg(QString::fromStdString(f.afterReason));
        }
        if (const QString where = whereOf(f); !where.isEmpty()) {
            text = where + QStringLiteral(" · ") + text;
        }
        return text;
    }
    case Kind::Diagnostic:
    case Kind::Conversion:
        return QString::fromStdString(f.diagnostic.localizedMessage());
    case Kind::ApiVersion:
        return tr("Written as %1").arg(QString::fromStdString(f.message));
    case Kind::Unowned:
        return tr("No Gateway API controller reads %1").arg(QString::fromStdString(f.message));
    case Kind::MissingNamespace:
        return tr("Namespace %1 is used but never created").arg(QString::fromStdString(f.message));
    case Kind::Shell:
        return QString::fromStdString(f.message);
    }
    return {};
}

QString LessonFindingsModel::whereOf(const LessonFinding &f)
{
    const QString name = QString::fromStdString(f.whereName);
    const QString section = QString::fromStdString(f.whereSection);
    switch (f.whereKind) {
    case LessonFinding::Where::Object:
        return {};
    case LessonFinding::Where::Listener:
        //: Lessons: where a condition is, "listener https".
        return tr("listener %1").arg(name);
    case LessonFinding::Where::Parent:
        //: Lessons: where a route's condition is: its parent Gateway (and listener).
        return section.isEmpty() ? tr("parent %1").arg(name)
                                 : tr("parent %1, listener %2").arg(name, section);
    case LessonFinding::Where::Ancestor:
        //: Lessons: where a policy's condition is: an ancestor (a Gateway) of its target.
        return section.isEmpty() ? tr("ancestor %1").arg(name)
                                 : tr("ancestor %1, listener %2").arg(name, section);
    }
    return {};
}

QString LessonFindingsModel::fixOf(const LessonFinding &f)
{
    const auto arg = [&f](std::size_t i) {
        return i < f.fixArgs.size() ? QString::fromStdString(f.fixArgs[i]) : QString();
    };
    switch (f.fix) {
    case LessonFinding::Fix::NamespaceLabels:
        return tr("The listener admits namespaces by label, and the guide never creates namespace "
                  "%1, so nothing gives it the label: \"Complete the example\" creates it with "
                  "the label %2.")
            .arg(arg(0), arg(1));
    case LessonFinding::Fix::ListenerNamespaces:
        return tr("Listener %2 of Gateway %1 admits routes from its own namespace only (from: "
                  "Same, the default), and this route lives in another one. \"Complete the "
                  "example\" serves a completed copy of the Gateway whose listener admits the "
                  "namespaces %3 (a selector on kubernetes.io/metadata.name); the guide's file is "
                  "not changed.")
            .arg(arg(0), arg(1), arg(2));
    case LessonFinding::Fix::ListenerAdded:
        return tr("Gateway %1 has no listener named %2, so the route is attached nowhere. "
                  "\"Complete the example\" serves a completed copy of the Gateway with a %3 "
                  "listener %2 on port %4 that admits namespace %5; the guide's file is not "
                  "changed.")
            .arg(arg(0), arg(1), arg(2), arg(3), arg(4));
    }
    return {};
}

QString LessonFindingsModel::explanationOf(const LessonFinding &f)
{
    using Kind = LessonFinding::Kind;
    switch (f.kind) {
    case Kind::Completion:
        return fixOf(f);
    case Kind::Condition: {
        const QString known = reasonExplanation(QString::fromStdString(f.reason));
        return known.isEmpty()
                   ? tr("The controller reports %1 as %2 with reason %3.")
                         .arg(QString::fromStdString(f.type), QString::fromStdString(f.status),
                              QString::fromStdString(f.reason))
                   : known;
    }
    case Kind::Diagnostic:
    case Kind::Conversion: {
        const QString hint = QString::fromStdString(f.diagnostic.localizedHint());
        if (!hint.isEmpty()) {
            return hint;
        }
        if (f.kind == Kind::Conversion) {
            return tr("A note of the converter that read this block.");
        }
        if (f.diagnostic.code.rfind("yaml.", 0) == 0 || f.diagnostic.code.rfind("read.", 0) == 0) {
            return tr("The block cannot be read as Kubernetes YAML: kubectl apply would refuse the "
                      "file.");
        }
        return f.diagnostic.isError()
                   ? tr("The API server would refuse this object (Gateway API v1.6.1 schema or "
                        "CEL rule).")
                   : tr("The object is accepted, but this is probably not what the guide meant.");
    }
    case Kind::ApiVersion:
        if (f.severity == Core::Severity::Info) {
            return tr("The guide writes an older apiVersion. v1.6.1 still serves it, but toriictl "
                      "upgrade rewrites it to the current version in place.");
        }
        return tr("The guide writes an apiVersion the v1.6.1 standard CRDs no longer serve: "
                  "kubectl apply fails. toriictl upgrade rewrites it to the current version in "
                  "place.");
    case Kind::Unowned:
        return tr("A custom resource of another product: a cluster without its CRD refuses it, "
                  "and no Gateway API implementation reads it.");
    case Kind::MissingNamespace:
        return tr("The guide never creates this namespace: kubectl apply fails for the objects in "
                  "it until it exists. \"Complete the example\" adds it.");
    case Kind::Shell: {
        const QString command = QString::fromStdString(f.message);
        const QString check = LessonCatalog::shellCheck(command);
        if (check.isEmpty()) {
            return QString::fromStdString(f.reason);
        }
        //: Lessons: what a shell command checks, then how Torii answers the same question.
        return tr("%1 Torii: %2").arg(check, LessonCatalog::shellEquivalent(command));
    }
    }
    return {};
}

QString LessonFindingsModel::borrowedNote(const LessonFinding &f)
{
    const QString file = QString::fromStdString(f.borrowedFrom);
    for (const Lesson &lesson : LessonCatalog::lessons()) {
        if (lesson.blocks.contains(file)) {
            //: Lessons: a finding of a block another lesson owns, shown where it is borrowed.
            return tr("from %1 (lesson \"%2\")").arg(file, LessonCatalog::title(lesson));
        }
    }
    return tr("from %1").arg(file);
}

int LessonFindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int LessonFindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LessonFindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const LessonFinding &f = m_findings[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ObjectColumn: {
            QString object = QString::fromStdString(f.object);
            if (!f.file.empty() && f.line > 0 && f.object != f.file) {
                object +=
                    QStringLiteral(" (%1:%2)").arg(QString::fromStdString(f.file)).arg(f.line);
            } else if (!f.file.empty() && f.line > 0) {
                object += QStringLiteral(":%1").arg(f.line);
            }
            if (!f.borrowedFrom.empty()) {
                object += QLatin1Char('\n') + borrowedNote(f);
            }
            return object;
        }
        case MessageColumn:
            return messageOf(f);
        case ExplanationColumn:
            return explanationOf(f);
        }
        break;
    case Qt::ToolTipRole:
        if (!f.borrowedFrom.empty()) {
            return QStringLiteral("%1\n\n%2\n\n%3")
                .arg(borrowedNote(f), messageOf(f), explanationOf(f));
        }
        return QStringLiteral("%1\n\n%2").arg(messageOf(f), explanationOf(f));
    case Qt::ForegroundRole:
        if (!f.borrowedFrom.empty() && index.column() == ObjectColumn) {
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        break;
    case BorrowedRole:
        return QString::fromStdString(f.borrowedFrom);
    case Qt::DecorationRole:
        if (index.column() == ObjectColumn) {
            return severityIcon(f.severity);
        }
        break;
    case ReasonRole:
        return QString::fromStdString(f.kind == LessonFinding::Kind::Condition ? f.reason
                                                                               : f.diagnostic.code);
    case LineRole:
        return f.line;
    case FileRole:
        return QString::fromStdString(f.file);
    }
    return {};
}

QVariant LessonFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ObjectColumn:
        return tr("Object");
    case MessageColumn:
        return tr("Finding");
    case ExplanationColumn:
        return tr("What it means");
    }
    return {};
}

} // namespace Torii::Gui
