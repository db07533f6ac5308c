#pragma once

// The request tester: method, URL (as a client outside the cluster would write it: the Gateway's
// host name and listener port), headers and body → sent to the local listener serving that port
// with the URL's host as Host; shows the answer, the route, rule and backend that served it, and
// the route table's explanation (as `toriictl routes --explain`). Asynchronous (QNetworkAccess
// Manager): the GUI never waits on the gateway.

#include <QtCore/QStringList>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;

namespace Torii::Gui {

class LiveRun;

class RequestTester : public QWidget
{
    Q_OBJECT
public:
    explicit RequestTester(LiveRun *live, QWidget *parent = nullptr);

    void setRequest(const QString &method, const QString &url, const QString &headers = {},
                    const QString &body = {});
    void send();

    // The last answer, for tests: its status (0 before any) and the "served by" line.
    int lastStatus() const { return m_lastStatus; }
    QString servedBy() const;
    QString explanation() const;

Q_SIGNALS:
    void answered(int status);

private:
    void showAnswer(QNetworkReply *reply, const QString &explanation, const QString &route,
                    const QStringList &backends);
    void showError(const QString &message);
    void updateEnabled();

    LiveRun *m_live;
    QNetworkAccessManager *m_network;
    QComboBox *m_method;
    QLineEdit *m_url;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QPushButton *m_send;
    QLabel *m_status;
    QLabel *m_servedBy;
    QPlainTextEdit *m_answer;
    QPlainTextEdit *m_explanation;
    int m_lastStatus = 0;
};

} // namespace Torii::Gui
