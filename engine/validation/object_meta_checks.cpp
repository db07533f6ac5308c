#include "object_meta_checks.h"

#include <re2/re2.h>

namespace Torii::Validation {

using Core::Diagnostic;
using Core::Severity;
using Model::Node;

namespace {

const re2::RE2 &subdomainRe()
{
    static const re2::RE2 re("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    return re;
}

const re2::RE2 &labelRe()
{
    static const re2::RE2 re("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    return re;
}

const re2::RE2 &labelValueRe()
{
    static const re2::RE2 re("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
    return re;
}

class MetaChecker
{
public:
    MetaChecker(const Model::Resource &r, Core::Diagnostics &out)
        : m_r(r)
        , m_out(out)
    {}

    void error(const Node &at, std::string path, std::string message, Core::Text hint,
               Severity severity = Severity::Error)
    {
        Diagnostic d;
        d.severity = severity;
        d.code = "metadata";
        d.message = std::move(message);
        d.fieldPath = std::move(path);
        d.file = m_r.source.file;
        const Model::Mark mark = at.mark().isValid() ? at.mark() : m_r.source.mark;
        d.line = static_cast<int>(mark.line);
        d.column = static_cast<int>(mark.column);
        d.hintText = std::move(hint);
        d.hint = d.hintText.english();
        m_out.push_back(std::move(d));
    }

    void checkQualifiedKey(const Node &at, const std::string &path, const std::string &key)
    {
        std::string name = key;
        if (const auto slash = key.find('/'); slash != std::string::npos) {
            const std::string prefix = key.substr(0, slash);
            name = key.substr(slash + 1);
            if (prefix.size() > 253 || !re2::RE2::FullMatch(prefix, subdomainRe())) {
                error(at, path,
                      "Invalid value: \"" + key +
                          "\": prefix part a lowercase RFC 1123 subdomain "
                          "must consist of lower case alphanumeric characters, '-' or '.'",
                      Core::text(QT_TRANSLATE_NOOP(
                          "Diagnostics", "the part before '/' must be a DNS subdomain such as "
                                         "example.com")));
            }
        }
        if (name.empty() || name.size() > 63 || !re2::RE2::FullMatch(name, labelValueRe())) {
            error(at, path,
                  "Invalid value: \"" + key +
                      "\": name part must consist of alphanumeric "
                      "characters, '-', '_' or '.', and must start and end with an alphanumeric "
                      "character, at most 63 characters",
                  Core::text(QT_TRANSLATE_NOOP(
                      "Diagnostics", "use letters, digits, '-', '_' and '.', 63 characters at "
                                     "most")));
        }
    }

private:
    const Model::Resource &m_r;
    Core::Diagnostics &m_out;
};

} // namespace

Core::Diagnostics checkObjectMeta(const Model::Resource &r, bool namespaced)
{
    Core::Diagnostics out;
    MetaChecker c(r, out);
    const Node &object = r.object;
    if (!object["apiVersion"].isString() || object["apiVersion"].str().empty()) {
        c.error(object, "apiVersion", "apiVersion not set",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "add apiVersion, e.g. gateway.networking.k8s.io/v1")));
    }
    if (!object["kind"].isString() || object["kind"].str().empty()) {
        c.error(object, "kind", "kind not set",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics", "add kind, e.g. HTTPRoute")));
    }
    const Node &metadata = object["metadata"];
    if (!metadata.isMap()) {
        c.error(object, "metadata.name", "Required value: name or generateName is required",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics", "add metadata with a name")));
        return out;
    }
    const Node &name = metadata["name"];
    if (!name.isString() || name.str().empty()) {
        if (!metadata["generateName"].isString()) {
            c.error(metadata, "metadata.name", "Required value: name or generateName is required",
                    Core::text(QT_TRANSLATE_NOOP("Diagnostics", "add metadata.name")));
        }
    } else if (name.str().size() > 253 || !re2::RE2::FullMatch(name.str(), subdomainRe())) {
        c.error(name, "metadata.name",
                "Invalid value: \"" + name.str() +
                    "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                    "characters, '-' or '.', and must start and end with an alphanumeric "
                    "character (e.g. 'example.com', regex used for validation is "
                    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "use lower-case letters, digits, '-' and '.'")));
    }
    const Node &ns = metadata["namespace"];
    if (ns.isString() && !ns.str().empty()) {
        if (!namespaced) {
            c.error(ns, "metadata.namespace",
                    r.kind + " is cluster-scoped: metadata.namespace is ignored",
                    Core::text(QT_TRANSLATE_NOOP("Diagnostics", "remove metadata.namespace")),
                    Severity::Warning);
        } else if (ns.str().size() > 63 || !re2::RE2::FullMatch(ns.str(), labelRe())) {
            c.error(ns, "metadata.namespace",
                    "Invalid value: \"" + ns.str() +
                        "\": a lowercase RFC 1123 label must consist of lower case alphanumeric "
                        "characters or '-', and must start and end with an alphanumeric character",
                    Core::text(QT_TRANSLATE_NOOP(
                        "Diagnostics", "use lower-case letters, digits and '-', 63 characters at "
                                       "most")));
        }
    }
    if (const Node *labels = metadata.find("labels"); labels && labels->isMap()) {
        for (const Node::Entry &e : labels->entries()) {
            const std::string path = "metadata.labels." + e.key;
            c.checkQualifiedKey(e.value, path, e.key);
            const std::string value = e.value.isString() ? e.value.str() : e.value.asString();
            if (!e.value.isString() && !e.value.isNull()) {
                c.error(e.value, path,
                        "Invalid value: label values must be strings, got " + e.value.asString(),
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics", "quote the value: \"%1\""),
                                   {value}));
            } else if (value.size() > 63 || !re2::RE2::FullMatch(value, labelValueRe())) {
                c.error(e.value, path,
                        "Invalid value: \"" + value +
                            "\": a valid label must be an empty string or consist of alphanumeric "
                            "characters, '-', '_' or '.', and must start and end with an "
                            "alphanumeric character",
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "use letters, digits, '-', '_' and '.', 63 "
                                                     "characters at most")));
            }
        }
    }
    if (const Node *annotations = metadata.find("annotations");
        annotations && annotations->isMap()) {
        std::size_t total = 0;
        for (const Node::Entry &e : annotations->entries()) {
            c.checkQualifiedKey(e.value, "metadata.annotations." + e.key, e.key);
            if (!e.value.isString() && !e.value.isNull()) {
                c.error(e.value, "metadata.annotations." + e.key,
                        "Invalid value: annotation values must be strings, got " +
                            e.value.asString(),
                        Core::text(QT_TRANSLATE_NOOP("Diagnostics", "quote the value: \"%1\""),
                                   {e.value.asString()}));
            }
            total += e.key.size() + e.value.asString().size();
        }
        if (total > 256 * 1024) {
            c.error(*annotations, "metadata.annotations",
                    "Too long: must have at most 262144 bytes",
                    Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "annotations are limited to 256 KiB in all")));
        }
    }
    return out;
}

} // namespace Torii::Validation
