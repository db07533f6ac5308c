#include "echo_answer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace Torii::Backends {

namespace {

bool isTokenChar(char16_t c)
{
    // RFC 9110 tchar.
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')) {
        return true;
    }
    return QStringView(u"!#$%&'*+-.^_`|~").contains(QChar(c));
}

QString fromWire(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString trimmedSpaces(QStringView text)
{
    return text.trimmed().toString();
}

} // namespace

QString canonicalHeaderName(const QString &name)
{
    for (QChar c : name) {
        if (!isTokenChar(c.unicode())) {
            return name;
        }
    }
    QString out = name;
    bool upper = true;
    for (QChar &c : out) {
        if (upper && c >= u'a' && c <= u'z') {
            c = QChar(c.unicode() - (u'a' - u'A'));
        } else if (!upper && c >= u'A' && c <= u'Z') {
            c = QChar(c.unicode() + (u'a' - u'A'));
        }
        upper = c == u'-';
    }
    return out;
}

QString protoText(const Http::RequestHead &head)
{
    return QStringLiteral("HTTP/%1.%2").arg(head.versionMajor).arg(head.versionMinor);
}

QByteArray echoJson(const Http::RequestHead &head, const EchoIdentity &identity)
{
    QJsonObject headers;
    for (const Http::HeaderField &field : head.headers.fields) {
        if (Http::equalsIgnoreCase(field.name, "Host")) {
            continue; // Go moves it to Request.Host
        }
        if (head.chunked && (Http::equalsIgnoreCase(field.name, "Transfer-Encoding") ||
                             Http::equalsIgnoreCase(field.name, "Content-Length"))) {
            continue; // Go keeps the framing in Request.TransferEncoding, not in Header
        }
        const QString name = canonicalHeaderName(fromWire(field.name));
        QJsonArray values = headers.value(name).toArray();
        values.append(fromWire(field.value));
        headers.insert(name, values);
    }
    const Http::HeaderField *host = head.headers.find("Host");

    QJsonObject echo;
    echo.insert(QStringLiteral("path"), fromWire(head.target));
    echo.insert(QStringLiteral("host"), host ? fromWire(host->value) : QString());
    echo.insert(QStringLiteral("method"), fromWire(head.method));
    echo.insert(QStringLiteral("proto"), protoText(head));
    echo.insert(QStringLiteral("headers"), headers);
    echo.insert(QStringLiteral("httpPort"), identity.httpPort);
    echo.insert(QStringLiteral("namespace"), identity.namespaceName);
    echo.insert(QStringLiteral("ingress"), identity.ingress);
    echo.insert(QStringLiteral("service"), identity.service);
    echo.insert(QStringLiteral("pod"), identity.pod);
    if (identity.tls) {
        QJsonObject tls{{QStringLiteral("version"), identity.tls->version},
                        {QStringLiteral("serverName"), identity.tls->serverName},
                        {QStringLiteral("cipherSuite"), identity.tls->cipherSuite}};
        if (!identity.tls->negotiatedProtocol.isEmpty()) {
            tls.insert(QStringLiteral("negotiatedProtocol"), identity.tls->negotiatedProtocol);
        }
        echo.insert(QStringLiteral("tls"), tls);
    }
    return QJsonDocument(echo).toJson(QJsonDocument::Indented);
}

Http::Headers echoSetHeaders(const Http::Headers &requestHeaders)
{
    Http::Headers out;
    for (const std::string &value : requestHeaders.values("X-Echo-Set-Header")) {
        const QString text = fromWire(value);
        for (QStringView item : QStringView(text).split(u',')) {
            const qsizetype colon = item.indexOf(u':');
            if (colon < 0) {
                continue;
            }
            const std::string name = trimmedSpaces(item.left(colon)).toStdString();
            const std::string itemValue = trimmedSpaces(item.mid(colon + 1)).toStdString();
            if (name.empty()) {
                continue;
            }
            auto existing =
                std::find_if(out.fields.begin(), out.fields.end(),
                             [&](const Http::HeaderField &f) { return f.name == name; });
            if (existing != out.fields.end()) {
                existing->value += ',' + itemValue;
            } else {
                out.add(name, itemValue);
            }
        }
    }
    return out;
}

} // namespace Torii::Backends
