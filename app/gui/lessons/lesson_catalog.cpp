#include "lesson_catalog.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>

namespace Torii::Gui {

namespace {

QStringList files(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *n : names) {
        out << QString::fromLatin1(n);
    }
    return out;
}

// One command family of the guide's troubleshooting blocks: the command's start, what it checks
// in a cluster, and what answers the same question in Torii.
struct ShellCommand
{
    const char *prefix;
    const char *check;
    const char *equivalent;
};

const ShellCommand kShellCommands[] = {
    {"kubectl get crd",
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "Whether the Gateway API CRDs are installed in the cluster."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "Torii carries the Gateway API v1.6.1 schemas and CEL rules itself: "
                       "toriictl validate checks objects against them.")},
    {"kubectl get pods",
     QT_TRANSLATE_NOOP("LessonCatalog", "Whether the Gateway controller's pods are running."),
     QT_TRANSLATE_NOOP(
         "LessonCatalog",
         "Torii's controller runs inside the studio and toriictl: there is no pod to check.")},
    {"kubectl logs -n aws",
     QT_TRANSLATE_NOOP(
         "LessonCatalog",
         "The AWS Gateway controller's log: what it did with the Gateways and routes."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "No AWS controller runs locally; toriictl status shows the conditions a "
                       "controller would set, and toriictl convert alb reads existing ALB rules.")},
    {"kubectl logs",
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "The controller's log: why it refused or changed an object."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "toriictl serve prints what it serves and every reload; the studio's "
                       "Problems panel lists the controller's warnings.")},
    {"kubectl get gatewayclass",
     QT_TRANSLATE_NOOP("LessonCatalog", "Whether the GatewayClass is accepted by its controller."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "toriictl status FILES, or the status icons in the studio's explorer.")},
    {"kubectl describe gatewayclass",
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "The GatewayClass's conditions with their reasons and messages."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "toriictl status FILES, or the studio's details of the object.")},
    {"kubectl get httproute",
     QT_TRANSLATE_NOOP("LessonCatalog", "Which HTTPRoutes exist and their parents."),
     QT_TRANSLATE_NOOP("LessonCatalog", "toriictl routes FILES prints the compiled route table; "
                                        "the studio's explorer lists the routes.")},
    {"kubectl describe httproute",
     QT_TRANSLATE_NOOP(
         "LessonCatalog",
         "The route's conditions per parent: Accepted and ResolvedRefs with reasons."),
     QT_TRANSLATE_NOOP("LessonCatalog", "toriictl status FILES, or the findings of a lesson: the "
                                        "same conditions, computed locally.")},
    {"kubectl describe gateway",
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "The Gateway's and each listener's conditions, and its addresses."),
     QT_TRANSLATE_NOOP(
         "LessonCatalog",
         "toriictl status FILES; toriictl serve shows the local address of every listener.")},
    {"kubectl get services",
     QT_TRANSLATE_NOOP("LessonCatalog", "Whether the Services the routes name exist."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "A missing Service is ResolvedRefs=False (BackendNotFound) in toriictl "
                       "status; the live gateway stands in a mock Service for it.")},
    {"kubectl get endpoints",
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "Whether the Services have ready endpoints (pods) behind them."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "The live gateway's mock Services have one endpoint per replica; toriictl "
                       "load shows the requests each one answered.")},
    {"kubectl get referencegrant",
     QT_TRANSLATE_NOOP("LessonCatalog", "Which cross-namespace references are allowed."),
     QT_TRANSLATE_NOOP("LessonCatalog", "A reference no ReferenceGrant allows is RefNotPermitted "
                                        "in toriictl status, and a warning of toriictl validate.")},
    {"kubectl get secrets",
     QT_TRANSLATE_NOOP("LessonCatalog", "Whether the TLS Secrets the listeners name exist."),
     QT_TRANSLATE_NOOP(
         "LessonCatalog",
         "A missing or broken certificate is InvalidCertificateRef in toriictl status; toriictl "
         "serve --dev-ca serves such listeners with a development certificate.")},
    {"kubectl describe secret",
     QT_TRANSLATE_NOOP("LessonCatalog", "The Secret's type and keys (tls.crt, tls.key)."),
     QT_TRANSLATE_NOOP("LessonCatalog", "Torii's controller parses the certificate and key and "
                                        "checks that they belong together.")},
    {"kubectl get certificaterequest",
     QT_TRANSLATE_NOOP("LessonCatalog", "cert-manager's pending certificate requests."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "No cert-manager runs locally: the development CA (toriictl serve --dev-ca) "
                       "makes certificates for HTTPS listeners.")},
    {"kubectl get certificate",
     QT_TRANSLATE_NOOP("LessonCatalog", "Whether cert-manager issued the certificates."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "No cert-manager runs locally: the development CA (toriictl serve --dev-ca) "
                       "makes certificates for HTTPS listeners.")},
    {"kubectl describe certificate",
     QT_TRANSLATE_NOOP("LessonCatalog", "Why cert-manager did or did not issue a certificate."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "No cert-manager runs locally: the development CA (toriictl serve --dev-ca) "
                       "makes certificates for HTTPS listeners.")},
    {"aws elbv2 describe-load-balancers",
     QT_TRANSLATE_NOOP("LessonCatalog", "The load balancers the AWS controller created."),
     QT_TRANSLATE_NOOP(
         "LessonCatalog",
         "Locally a Gateway is served on 127.0.0.1: toriictl serve lists the addresses.")},
    {"aws elbv2 describe-target-groups",
     QT_TRANSLATE_NOOP("LessonCatalog", "The target groups behind the load balancer's rules."),
     QT_TRANSLATE_NOOP("LessonCatalog",
                       "toriictl convert alb reads describe-rules output into HTTPRoutes and "
                       "checks the rules' priority against the routes' precedence.")},
};

QString fromSettings()
{
    return QSettings().value(LessonCatalog::settingsKey()).toString();
}

} // namespace

const std::vector<Lesson> &LessonCatalog::lessons()
{
    static const std::vector<Lesson> all = {
        {"hierarchy",
         QT_TRANSLATE_NOOP("LessonCatalog", "The resource hierarchy"),
         QT_TRANSLATE_NOOP(
             "LessonCatalog",
             "The guide draws the hierarchy GatewayClass → Gateway → routes as a code "
             "block. It is a diagram, not YAML: the finding below is what kubectl "
             "apply would say about it. The infrastructure provider owns the "
             "GatewayClass, the cluster operator the Gateway, application developers "
             "the routes; the Hierarchy view draws these lanes from real objects."),
         files({"01.yaml"}),
         {},
         {},
         LessonTraffic::None},
        {"migration-mapping",
         QT_TRANSLATE_NOOP("LessonCatalog", "Mapping an Ingress to Gateway API"),
         QT_TRANSLATE_NOOP(
             "LessonCatalog",
             "Block 02 is an Ingress, block 03 the Gateway and HTTPRoute the guide "
             "maps it to by hand. Torii converts the Ingress itself (toriictl convert "
             "ingress): compare its objects with the guide's, then look at the "
             "status of the guide's objects."),
         files({"02.yaml", "03.yaml"}), files({"06.yaml"}), files({"02.yaml"}),
         LessonTraffic::None},
        {"ecs",
         QT_TRANSLATE_NOOP("LessonCatalog", "From an ECS task definition to a Deployment"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Block 04 is an ECS task definition (JSON), block 05 the Deployment, "
                           "Service, Gateway and HTTPRoute the guide writes for it. Torii's ECS "
                           "converter reads the task definition: its objects and notes are shown "
                           "below, so you can see what the guide's hand conversion leaves out."),
         files({"04.json", "05.yaml"}),
         {},
         files({"04.json"}),
         LessonTraffic::None},
        {"gatewayclass",
         QT_TRANSLATE_NOOP("LessonCatalog", "GatewayClass: the infrastructure"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A GatewayClass names the controller that implements it. The guide's "
                           "class belongs to NGINX (controllerName k8s.nginx.org/…) and points at "
                           "an NginxGateway parameters object, a custom resource of that product. "
                           "Lessons accept every class so that the guide's objects get a status: "
                           "look at what is said about the parametersRef."),
         files({"06.yaml"}),
         {},
         {},
         LessonTraffic::None},
        {"gateway",
         QT_TRANSLATE_NOOP("LessonCatalog", "Gateway: the network entry point"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "The Gateway's listeners: HTTP on port 80, HTTPS on 443 for "
                           "*.example.com and on 8443 for api.example.com. The findings are what "
                           "a cluster would report: certificates the guide never defines, a "
                           "certificate in another namespace without a ReferenceGrant, and a fixed "
                           "address."),
         files({"07.yaml"}),
         files({"06.yaml"}),
         {},
         LessonTraffic::None},
        {"basic-httproute",
         QT_TRANSLATE_NOOP("LessonCatalog", "A basic HTTPRoute"),
         QT_TRANSLATE_NOOP(
             "LessonCatalog",
             "One hostname, three rules: HTML requests to the frontend, /api/v1 split "
             "90/10 between a stable and a canary Service, and /api with the header "
             "x-api-version: v2. The route attaches only to the https listener "
             "(sectionName), and none of its Services is defined in the guide: "
             "\"Complete the example\" adds them."),
         files({"08.yaml"}),
         files({"06.yaml", "07.yaml"}),
         {},
         LessonTraffic::Http},
        {"advanced-routing",
         QT_TRANSLATE_NOOP("LessonCatalog", "Advanced HTTPRoute routing"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Matches on query parameters, methods and headers, and filters that "
                           "rewrite the request. Look at which rule a request lands on: the most "
                           "specific match wins, whatever the order the rules are written in. "
                           "Run traffic to see one request per rule match."),
         files({"09.yaml"}),
         files({"06.yaml", "07.yaml"}),
         {},
         LessonTraffic::Http},
        {"canary",
         QT_TRANSLATE_NOOP("LessonCatalog", "A/B testing and canary releases"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Three rules on the same path: the header x-canary: \"true\" goes to "
                           "the canary, a cookie ab_test=variant_b to variant B, everything else "
                           "is split 95/5 between stable and canary. The A/B rule matches the "
                           "whole Cookie header with a regular expression, an extended feature. "
                           "Run traffic: 2,000 requests with and without the header and cookie, "
                           "and the observed split against the weights."),
         files({"10.yaml"}),
         files({"06.yaml", "07.yaml"}),
         {},
         LessonTraffic::Canary},
        {"tcproute",
         QT_TRANSLATE_NOOP("LessonCatalog", "A basic TCPRoute"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A TCP listener for PostgreSQL and a TCPRoute to its Service. The guide "
                           "writes TCPRoute as v1alpha2, which the v1.6.1 standard CRDs no longer "
                           "serve: look at the version finding."),
         files({"11.yaml"}),
         files({"06.yaml"}),
         {},
         LessonTraffic::Tcp},
        {"tcp-ha",
         QT_TRANSLATE_NOOP("LessonCatalog", "Highly available TCP routing"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Weighted TCP backends for PostgreSQL and a Redis cluster: each "
                           "connection goes to one backend, so the weights split connections, not "
                           "bytes. The routes attach to the listeners of the Gateway of the "
                           "previous section by sectionName."),
         files({"12.yaml"}),
         files({"06.yaml", "11.yaml"}),
         {},
         LessonTraffic::Tcp},
        {"udproute",
         QT_TRANSLATE_NOOP("LessonCatalog", "A basic UDPRoute"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A UDP listener for DNS and a UDPRoute to the DNS Service. UDP has no "
                           "connection: the gateway keeps a session per client address."),
         files({"13.yaml"}),
         files({"06.yaml"}),
         {},
         LessonTraffic::Udp},
        {"udp-high-load",
         QT_TRANSLATE_NOOP("LessonCatalog", "A high-load UDP service"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Routes for a game server and syslog on the Gateway of the previous "
                           "section. That Gateway has no listener named game-udp: the findings "
                           "show what happens to a route whose sectionName matches no listener."),
         files({"14.yaml"}),
         files({"06.yaml", "13.yaml"}),
         {},
         LessonTraffic::Udp},
        {"tlsroute",
         QT_TRANSLATE_NOOP("LessonCatalog", "A basic TLSRoute"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A TLS listener in Passthrough mode: the gateway reads only the SNI of "
                           "the ClientHello and forwards the encrypted bytes to the backend, which "
                           "holds the certificate."),
         files({"15.yaml"}),
         files({"06.yaml"}),
         {},
         LessonTraffic::Tls},
        {"sni",
         QT_TRANSLATE_NOOP("LessonCatalog", "SNI-based routing"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Two TLSRoutes on the TLS Gateway of the previous section, chosen by "
                           "the server name the client sends, and a second Gateway that "
                           "terminates TLS per tenant with certificates the guide never defines."),
         files({"16.yaml"}),
         files({"06.yaml", "15.yaml"}),
         {},
         LessonTraffic::Tls},
        {"aws",
         QT_TRANSLATE_NOOP("LessonCatalog", "Gateway API on AWS"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A GatewayClass of the AWS Load Balancer Controller, a Gateway with "
                           "AWS annotations and an HTTPRoute. The AWS-specific objects "
                           "(ApplicationLoadBalancer, AWSCertificate) are custom resources no "
                           "Gateway API controller reads, and annotations do nothing in another "
                           "implementation."),
         files({"17.yaml", "18.yaml", "19.yaml"}),
         {},
         {},
         LessonTraffic::Http},
        {"ingress-migration",
         QT_TRANSLATE_NOOP("LessonCatalog", "Migrating from Ingress step by step"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "An Ingress and its Gateway API twin running side by side, then the "
                           "routes that replace it. Torii converts the Ingress (toriictl convert "
                           "ingress) for comparison; the routes name a Gateway in their own "
                           "namespace, which is not where the guide's Gateway lives."),
         files({"20.yaml", "21.yaml", "22.yaml"}), files({"06.yaml", "07.yaml"}),
         files({"20.yaml"}), LessonTraffic::Http},
        {"best-practices",
         QT_TRANSLATE_NOOP("LessonCatalog", "Best practices"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A shared Gateway that admits routes from every namespace, "
                           "ReferenceGrants for references across namespaces, and monitoring "
                           "objects. Look at the route's parentRef: without a namespace it names a "
                           "Gateway in the route's own namespace. Check that every ReferenceGrant "
                           "allows what the routes actually reference."),
         files({"23.yaml", "24.yaml", "25.yaml"}),
         {},
         {},
         LessonTraffic::None},
        {"observability",
         QT_TRANSLATE_NOOP("LessonCatalog", "Metrics and tracing"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "Configuration for metrics and tracing, kept in ConfigMaps the gateway "
                           "implementation reads, and a route that adds tracing headers. Gateway "
                           "API itself has no field for either: look at what is standard and what "
                           "is the implementation's."),
         files({"26.yaml", "27.yaml"}),
         files({"06.yaml", "07.yaml"}),
         {},
         LessonTraffic::None},
        {"troubleshooting",
         QT_TRANSLATE_NOOP("LessonCatalog", "Common problems and their causes"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "The guide's kubectl and aws commands for finding what went wrong in a "
                           "cluster. Each command is listed with what it checks and how Torii "
                           "answers the same question without a cluster."),
         files({"28.sh", "29.sh", "30.sh", "31.sh"}),
         {},
         {},
         LessonTraffic::None},
        {"debugging",
         QT_TRANSLATE_NOOP("LessonCatalog", "Settings for debugging"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A debug configuration and a route for a test Gateway. The route's "
                           "parent is the test Gateway of the Ingress migration section."),
         files({"32.yaml"}),
         files({"20.yaml"}),
         {},
         LessonTraffic::None},
        {"performance",
         QT_TRANSLATE_NOOP("LessonCatalog", "Performance tuning"),
         QT_TRANSLATE_NOOP("LessonCatalog",
                           "A Gateway and a route tuned for load with annotations. Look at which "
                           "annotations any implementation reads: Gateway API's own timeouts are "
                           "fields of the route's rules (timeouts.request), not annotations."),
         files({"33.yaml"}),
         {},
         {},
         LessonTraffic::None},
    };
    return all;
}

int LessonCatalog::indexOf(const QString &id)
{
    const auto &all = lessons();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (id == QLatin1String(all[i].id)) {
            return int(i);
        }
    }
    return -1;
}

QString LessonCatalog::title(const Lesson &lesson)
{
    return QCoreApplication::translate("LessonCatalog", lesson.title);
}

QString LessonCatalog::text(const Lesson &lesson)
{
    return QCoreApplication::translate("LessonCatalog", lesson.text);
}

bool LessonCatalog::isGuideFolder(const QString &folder)
{
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
        return false;
    }
    const QDir dir(folder);
    for (const Lesson &lesson : lessons()) {
        for (const QString &block : lesson.blocks) {
            if (dir.exists(block)) {
                return true;
            }
        }
    }
    return false;
}

QString LessonCatalog::guideFolderProblem(const QString &folder)
{
    const QFileInfo info(folder);
    const QString shown = QDir::toNativeSeparators(folder);
    if (folder.trimmed().isEmpty()) {
        return tr("No folder given.");
    }
    if (!info.exists()) {
        return tr("%1 does not exist.").arg(shown);
    }
    if (!info.isDir()) {
        return tr("%1 is a file, not a folder.").arg(shown);
    }
    const QDir dir(folder);
    QStringList missing;
    int present = 0;
    for (const Lesson &lesson : lessons()) {
        for (const QString &block : lesson.blocks) {
            if (dir.exists(block)) {
                ++present;
            } else {
                missing << block;
            }
        }
    }
    if (present == 0) {
        return tr("%1 holds none of the guide's code blocks (01.yaml … 33.yaml): choose the "
                  "folder the guide's blocks were extracted to (../shared/fixtures/seed beside the "
                  "Torii sources).")
            .arg(shown);
    }
    if (!missing.isEmpty()) {
        return tr("%1 lacks %n of the guide's code blocks: %2.", nullptr, int(missing.size()))
            .arg(shown, missing.join(QStringLiteral(", ")));
    }
    return {};
}

QString LessonCatalog::guideFolder(QString *how)
{
    const auto found = [how](const QString &folder, const QString &where) {
        if (how) {
            *how = where;
        }
        return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    };
    const QString chosen = fromSettings();
    if (isGuideFolder(chosen)) {
        return found(chosen, tr("the folder chosen in the settings"));
    }
    const QString env = qEnvironmentVariable("TORII_GUIDE_DIR");
    if (isGuideFolder(env)) {
        return found(env, tr("$TORII_GUIDE_DIR"));
    }
#ifdef TORII_SOURCE_DIR
    const QString beside = QStringLiteral(TORII_SOURCE_DIR "/../shared/fixtures/seed");
    if (isGuideFolder(beside)) {
        return found(beside, tr("the shared folder beside the source tree"));
    }
#endif
    // Above the executable: build/app/gui/torii or an installed tree next to ../shared.
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 5; ++up) {
        const QString candidate = dir.filePath(QStringLiteral("../shared/fixtures/seed"));
        if (isGuideFolder(candidate)) {
            return found(candidate, tr("the shared folder above the program"));
        }
        if (!dir.cdUp()) {
            break;
        }
    }
    if (how) {
        how->clear();
    }
    return {};
}

QMap<QString, QString> LessonCatalog::headings(const QString &folder)
{
    // INDEX.md rows: "| 08.yaml | yaml | 基本的なHTTPRoute |".
    QMap<QString, QString> out;
    QFile index(QDir(folder).filePath(QStringLiteral("INDEX.md")));
    if (folder.isEmpty() || !index.open(QIODevice::ReadOnly)) {
        return out;
    }
    const QStringList lines = QString::fromUtf8(index.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList cells = line.split(QLatin1Char('|'));
        if (cells.size() < 5) {
            continue;
        }
        const QString file = cells[1].trimmed();
        const QString heading = cells[3].trimmed();
        if (!file.isEmpty() && file.contains(QLatin1Char('.')) &&
            !file.startsWith(QLatin1Char('-')) && file != QLatin1String("file")) {
            out.insert(file, heading);
        }
    }
    return out;
}

namespace {
const ShellCommand *shellCommandOf(const QString &command)
{
    const QString simplified = command.simplified();
    for (const ShellCommand &c : kShellCommands) {
        if (simplified.startsWith(QLatin1String(c.prefix))) {
            return &c;
        }
    }
    return nullptr;
}
} // namespace

QString LessonCatalog::shellCheck(const QString &command)
{
    const ShellCommand *c = shellCommandOf(command);
    return c ? QCoreApplication::translate("LessonCatalog", c->check) : QString();
}

QString LessonCatalog::shellEquivalent(const QString &command)
{
    const ShellCommand *c = shellCommandOf(command);
    return c ? QCoreApplication::translate("LessonCatalog", c->equivalent) : QString();
}

} // namespace Torii::Gui
