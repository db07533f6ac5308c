#include "request_tester.h"

#include "live_run.h"
#include "app/runtime/route_text.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtGui/QFontDatabase>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkProxy>
#include <QtNetwork/QNetworkReply>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

namespace RT = Torii::RouteTable;

namespace {

QPlainTextEdit *monospaceBox(QWidget *parent, bool readOnly)
{
    auto *box = new QPlainTextEdit(parent);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    box->setReadOnly(readOnly);
    box->setLineWrapMode(QPlainTextEdit::NoWrap);
    return box;
}

} // namespace

RequestTester::RequestTester(LiveRun *live, QWidget *parent)
    : QWidget(parent), m_live(live), m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy); // the local gateway, never a system proxy
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("testerMethod"));
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                        QStringLiteral("OPTIONS")});
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("testerUrl"));
    m_url->setPlaceholderText(tr("http://host.example.com/path — the host and port as clients use them"));
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("testerSend"));
    m_send->setToolTip(tr("Send the request to the running gateway (Ctrl+Enter)"));
    m_headers = monospaceBox(this, false);
    m_headers->setObjectName(QStringLiteral("testerHeaders"));
    m_headers->setPlaceholderText(tr("One header per line: name: value"));
    m_body = monospaceBox(this, false);
    m_body->setObjectName(QStringLiteral("testerBody"));
    m_body->setPlaceholderText(tr("Request body (optional)"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("testerStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_servedBy = new QLabel(this);
    m_servedBy->setObjectName(QStringLiteral("testerServedBy"));
    m_servedBy->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_servedBy->setWordWrap(true);
    m_answer = monospaceBox(this, true);
    m_answer->setObjectName(QStringLiteral("testerAnswer"));
    m_explanation = monospaceBox(this, true);
    m_explanation->setObjectName(QStringLiteral("testerExplanation"));

    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);

    auto *request = new QWidget(this);
    auto *requestForm = new QFormLayout(request);
    requestForm->setContentsMargins(0, 0, 0, 0);
    requestForm->addRow(tr("Headers"), m_headers);
    requestForm->addRow(tr("Body"), m_body);

    auto *answer = new QWidget(this);
    auto *answerLayout = new QVBoxLayout(answer);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_status);
    answerLayout->addWidget(m_servedBy);
    auto *answerSplit = new QSplitter(Qt::Vertical, answer);
    answerSplit->addWidget(m_answer);
    answerSplit->addWidget(m_explanation);
    answerLayout->addWidget(answerSplit, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(request);
    split->addWidget(answer);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(split, 1);

    connect(m_send, &QPushButton::clicked, this, &RequestTester::send);
    connect(m_url, &QLineEdit::returnPressed, this, &RequestTester::send);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &RequestTester::send);
    connect(m_live, &LiveRun::started, this, &RequestTester::updateEnabled);
    connect(m_live, &LiveRun::stopped, this, &RequestTester::updateEnabled);
    updateEnabled();
}

void RequestTester::updateEnabled()
{
    m_send->setEnabled(m_live->isRunning());
    if (!m_live->isRunning()) {
        m_status->setText(tr("Start the gateway (Run ▶) to send requests."));
    } else if (m_lastStatus == 0) {
        m_status->setText(tr("Gateway running: send a request."));
    }
}

void RequestTester::setRequest(const QString &method, const QString &url, const QString &headers,
                               const QString &body)
{
    m_method->setCurrentText(method);
    m_url->setText(url);
    m_headers->setPlainText(headers);
    m_body->setPlainText(body);
}

QString RequestTester::servedBy() const
{
    return m_servedBy->text();
}

QString RequestTester::explanation() const
{
    return m_explanation->toPlainText();
}

void RequestTester::showError(const QString &message)
{
    m_lastStatus = -1;
    m_status->setText(message);
    m_servedBy->clear();
    m_answer->clear();
    Q_EMIT answered(-1);
}

void RequestTester::send()
{
    if (!m_live->isRunning()) {
        showError(tr("The gateway is not running: start it first."));
        return;
    }
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("http")) {
        showError(tr("\"%1\" is not an http:// URL such as http://shop.example.com/cart").arg(m_url->text()));
        return;
    }
    const int port = url.port(80);
    const Runtime::ServedListener *listener = nullptr;
    for (const Runtime::ServedListener &l : m_live->session()->listeners()) {
        if (l.port == port && l.localPort != 0 && l.protocol == RT::ListenerProtocol::HTTP) {
            listener = &l;
            break;
        }
    }
    if (!listener) {
        showError(tr("No running HTTP listener serves port %1 (the tester speaks plain HTTP).").arg(port));
        return;
    }
    RT::Request explained;
    explained.method = m_method->currentText().toStdString();
    explained.host = url.host().toStdString();
    explained.path = url.path(QUrl::FullyEncoded).isEmpty() ? std::string("/")
                                                            : url.path(QUrl::FullyEncoded).toStdString();
    if (url.hasQuery()) {
        explained.path += '?' + url.query(QUrl::FullyEncoded).toStdString();
    }
    QUrl target;
    target.setScheme(QStringLiteral("http"));
    target.setHost(QStringLiteral("127.0.0.1"));
    target.setPort(listener->localPort);
    target.setPath(url.path(QUrl::FullyEncoded).isEmpty() ? QStringLiteral("/") : url.path(QUrl::FullyEncoded),
                   QUrl::StrictMode);
    target.setQuery(url.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request(target);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(15000);
    request.setRawHeader("Host", url.host().toUtf8());
    for (const QString &line : m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            showError(tr("Header \"%1\" is not 'name: value'.").arg(line));
            return;
        }
        const QString name = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        request.setRawHeader(name.toUtf8(), value.toUtf8());
        explained.headers.push_back({name.toLower().toStdString(), value.toStdString()});
    }
    QString explanationLines;
    QString route;
    QStringList backends; // "namespace/service" of the chosen row
    const auto &tables = m_live->session()->status().controller.routeTables;
    const auto table = tables.find(listener->gateway);
    if (table != tables.end()) {
        const RT::Explanation e = table->second->explain(port, explained);
        explanationLines = tr("Gateway %1, port %2:").arg(QString::fromStdString(listener->gateway)).arg(port)
                           + QLatin1Char('\n') + Runtime::explanationLines(e).join(QLatin1Char('\n'));
        if (e.result.route) {
            route = Runtime::routeSourceText(e.result.route->source);
            for (const RT::Backend &b : e.result.route->backends) {
                backends << QString::fromStdString(b.ns + '/' + b.service);
            }
        }
    }
    m_status->setText(tr("Sending…"));
    m_send->setEnabled(false);
    const QByteArray body = m_body->toPlainText().toUtf8();
    QNetworkReply *reply = m_network->sendCustomRequest(request, m_method->currentText().toUtf8(),
                                                         body.isEmpty() ? QByteArray() : body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, explanationLines, route, backends] {
        reply->deleteLater();
        m_send->setEnabled(m_live->isRunning());
        showAnswer(reply, explanationLines, route, backends);
    });
}

void RequestTester::showAnswer(QNetworkReply *reply, const QString &explanationLines, const QString &route,
                               const QStringList &backends)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        showError(tr("No answer: %1").arg(reply->errorString()));
        m_explanation->setPlainText(explanationLines);
        return;
    }
    m_lastStatus = status;
    m_status->setText(tr("HTTP %1 %2").arg(status).arg(
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
    QString text;
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        text += QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value) + QLatin1Char('\n');
    }
    const QByteArray body = reply->readAll();
    text += QLatin1Char('\n') + QString::fromUtf8(body);
    m_answer->setPlainText(text);
    // The echo backends say which replica answered; its name starts with its Service's (the
    // mock replicas are named as a Deployment's pods are), which picks the weighted backend.
    const QJsonObject echo = QJsonDocument::fromJson(body).object();
    QString backend;
    const QString pod = echo.value(QStringLiteral("pod")).toString();
    const QString ns = echo.value(QStringLiteral("namespace")).toString();
    if (!pod.isEmpty()) {
        QString service = echo.value(QStringLiteral("service")).toString();
        if (service.isEmpty()) {
            for (const QString &b : backends) {
                const QString name = b.section(QLatin1Char('/'), 1);
                if (b.section(QLatin1Char('/'), 0, 0) == ns && pod.startsWith(name + QLatin1Char('-'))
                    && name.size() > service.size()) {
                    service = name;
                }
            }
        }
        backend = service.isEmpty() ? tr("replica %1").arg(pod)
                                    : tr("%1/%2 (replica %3)").arg(ns, service, pod);
    }
    if (route.isEmpty()) {
        m_servedBy->setText(tr("Answered by the gateway itself: no route matches."));
    } else if (backend.isEmpty()) {
        m_servedBy->setText(tr("Route: %1 — answered by the gateway").arg(route));
    } else {
        m_servedBy->setText(tr("Route: %1 → backend %2").arg(route, backend));
    }
    m_explanation->setPlainText(explanationLines);
    Q_EMIT answered(status);
}

} // namespace Torii::Gui
