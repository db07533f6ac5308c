#pragma once

// The guide's patterns as templates for File → New resource…: a Gateway, a basic HTTPRoute, a
// canary split, a header-based A/B test, TCP, UDP, TLS passthrough and a ReferenceGrant. Each is
// YAML with ${NAME}, ${NAMESPACE} and ${GATEWAY} placeholders.

#include <QtCore/QList>
#include <QtCore/QString>

namespace Torii::Gui {

struct ResourceTemplate
{
    QString id;          // "httproute-canary"
    QString title;       // translated
    QString description; // translated
    QString kind;        // the kind it creates
    QString yaml;        // with placeholders

    // The YAML with the placeholders filled in (empty values keep the template's examples).
    QString instantiate(const QString &name, const QString &ns, const QString &gateway) const;
};

QList<ResourceTemplate> resourceTemplates();
ResourceTemplate resourceTemplate(const QString &id); // empty id when unknown

} // namespace Torii::Gui
