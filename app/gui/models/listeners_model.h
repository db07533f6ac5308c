#pragma once

// The Run panel's table of served listeners: Gateway, listener port and protocol, the local
// address serving it, and a curl line to try it.

#include "app/runtime/serve_session.h"

#include <QtCore/QAbstractTableModel>

namespace Torii::Gui {

class ListenersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { GatewayColumn, ListenerColumn, AddressColumn, CurlColumn, ColumnCount };

    explicit ListenersModel(QObject *parent = nullptr);

    void setListeners(std::vector<Runtime::ServedListener> listeners);
    const std::vector<Runtime::ServedListener> &listeners() const { return m_listeners; }
    // The line to try the listener with: "curl -H 'Host: x' http://127.0.0.1:port/" for HTTP,
    // curl with --resolve for HTTPS, nc for TCP and UDP, openssl s_client with the SNI for TLS
    // (empty when the listener is not served).
    static QString curlLine(const Runtime::ServedListener &listener);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<Runtime::ServedListener> m_listeners;
};

} // namespace Torii::Gui
