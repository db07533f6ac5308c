#include "junit_report.h"

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QString>
#include <QtCore/QXmlStreamWriter>

#include <filesystem>
#include <map>

namespace Torii::Scenarios {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

struct Counts
{
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    double seconds = 0.0;

    void add(const CaseResult &r)
    {
        ++tests;
        failures += r.verdict == Verdict::Fail ? 1 : 0;
        skipped += r.verdict == Verdict::Skip ? 1 : 0;
        seconds += r.seconds;
    }
    void write(QXmlStreamWriter &xml) const
    {
        xml.writeAttribute(QStringLiteral("tests"), QString::number(tests));
        xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
        xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
        xml.writeAttribute(QStringLiteral("time"), QString::number(seconds, 'f', 3));
    }
};

// "PASS file:12: [routeParents] HTTPRoute ns/name: routeParents holds (subtest)".
std::string itemLog(const CaseResult &r)
{
    std::string out;
    for (const ItemResult &item : r.items) {
        out += std::string(verdictName(item.result.verdict)) + ' ' + r.file + ':' +
               std::to_string(item.mark.line) + ": [" + item.what + "] " + item.result.english();
        if (!item.subtest.empty()) {
            out += " (" + item.subtest + ')';
        }
        out += '\n';
    }
    for (const Core::Diagnostic &d : r.diagnostics) {
        out += d.toCompilerStyle() + '\n';
    }
    return out;
}

} // namespace

std::string junitXml(const std::vector<CaseResult> &results, const std::string &name)
{
    // Suites in the order their first case ran.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const CaseResult *>> byFile;
    Counts total;
    for (const CaseResult &r : results) {
        if (byFile.find(r.file) == byFile.end()) {
            order.push_back(r.file);
        }
        byFile[r.file].push_back(&r);
        total.add(r);
    }

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), q(name));
    total.write(xml);
    for (const std::string &file : order) {
        const std::string suite = std::filesystem::path(file).stem().string();
        Counts counts;
        for (const CaseResult *r : byFile[file]) {
            counts.add(*r);
        }
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), q(suite));
        xml.writeAttribute(QStringLiteral("file"), q(file));
        counts.write(xml);
        for (const CaseResult *r : byFile[file]) {
            xml.writeStartElement(QStringLiteral("testcase"));
            xml.writeAttribute(QStringLiteral("name"), q(r->name));
            xml.writeAttribute(QStringLiteral("classname"), q(suite));
            xml.writeAttribute(QStringLiteral("time"), QString::number(r->seconds, 'f', 3));
            if (r->verdict == Verdict::Fail) {
                xml.writeStartElement(QStringLiteral("failure"));
                xml.writeAttribute(QStringLiteral("message"), q(r->reason.english()));
                xml.writeCharacters(q(r->reason.english()));
                xml.writeEndElement();
            } else if (r->verdict == Verdict::Skip) {
                xml.writeStartElement(QStringLiteral("skipped"));
                xml.writeAttribute(QStringLiteral("message"), q(r->reason.english()));
                xml.writeEndElement();
            }
            const std::string log = itemLog(*r);
            if (!log.empty()) {
                xml.writeTextElement(QStringLiteral("system-out"), q(log));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes.toStdString();
}

bool writeJUnit(const std::string &path, const std::vector<CaseResult> &results,
                const std::string &name, std::string *error)
{
    QSaveFile file(q(path));
    const std::string xml = junitXml(results, name);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(xml.data(), static_cast<qint64>(xml.size())) !=
            static_cast<qint64>(xml.size()) ||
        !file.commit()) {
        if (error != nullptr) {
            *error = file.errorString().toStdString();
        }
        return false;
    }
    return true;
}

} // namespace Torii::Scenarios
