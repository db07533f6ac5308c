#include "listeners_model.h"

#include <QtGui/QColor>
#include <QtGui/QPalette>
#include <QtGui/QGuiApplication>

namespace Torii::Gui {

ListenersModel::ListenersModel(QObject *parent) : QAbstractTableModel(parent) {}

void ListenersModel::setListeners(std::vector<Runtime::ServedListener> listeners)
{
    beginResetModel();
    m_listeners = std::move(listeners);
    endResetModel();
}

QString ListenersModel::curlLine(const Runtime::ServedListener &l)
{
    if (l.localPort == 0) {
        return {};
    }
    const QString host = QString::fromStdString(l.exampleHost);
    // Listeners that carry no HTTP get the client that speaks what they do.
    switch (l.protocol) {
    case RouteTable::ListenerProtocol::TCP:
        return QStringLiteral("nc 127.0.0.1 %1").arg(l.localPort);
    case RouteTable::ListenerProtocol::UDP:
        return QStringLiteral("nc -u 127.0.0.1 %1").arg(l.localPort);
    case RouteTable::ListenerProtocol::TLS:
        return QStringLiteral("openssl s_client -connect 127.0.0.1:%1 -servername %2")
            .arg(l.localPort)
            .arg(host.isEmpty() ? QStringLiteral("localhost") : host);
    case RouteTable::ListenerProtocol::HTTP:
    case RouteTable::ListenerProtocol::HTTPS:
        break;
    }
    if (l.protocol == RouteTable::ListenerProtocol::HTTPS) {
        // TLS needs the name in the SNI too: resolve it to the local port instead of a Host header
        // (-k: the studio's development certificates are not in the system's trust store).
        const QString name = host.isEmpty() ? QStringLiteral("localhost") : host;
        return QStringLiteral("curl -ik --resolve '%1:%2:127.0.0.1' https://%1:%2/").arg(name).arg(l.localPort);
    }
    QString line = QStringLiteral("curl -i ");
    if (!host.isEmpty()) {
        line += QStringLiteral("-H 'Host: %1' ").arg(host);
    }
    return line + QStringLiteral("http://127.0.0.1:%1/").arg(l.localPort);
}

int ListenersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_listeners.size());
}

int ListenersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ListenersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Runtime::ServedListener &l = m_listeners[static_cast<std::size_t>(index.row())];
    if (role == Qt::ForegroundRole && l.localPort == 0) {
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case GatewayColumn:
        return QString::fromStdString(l.gateway);
    case ListenerColumn:
        return QStringLiteral("%1 %2").arg(QLatin1String(RouteTable::toString(l.protocol))).arg(l.port);
    case AddressColumn:
        return l.localPort ? QStringLiteral("127.0.0.1:%1").arg(l.localPort)
                           : tr("not served yet: the local gateway does not serve this protocol");
    case CurlColumn:
        return curlLine(l);
    }
    return {};
}

QVariant ListenersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case GatewayColumn:
        return tr("Gateway");
    case ListenerColumn:
        return tr("Listener");
    case AddressColumn:
        return tr("Local address");
    case CurlColumn:
        return tr("Try it");
    }
    return {};
}

} // namespace Torii::Gui
