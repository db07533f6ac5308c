#include "hints.h"

#include <array>
#include <utility>

namespace Torii::Validation {

Core::Text hintForSchemaKeyword(std::string_view keyword)
{
    using Core::text;
    if (keyword == "required") {
        return text(QT_TRANSLATE_NOOP("Diagnostics", "add this field; the API server requires it"));
    }
    if (keyword == "enum") {
        return text(QT_TRANSLATE_NOOP("Diagnostics",
                                      "use one of the supported values (they are case-sensitive)"));
    }
    if (keyword == "pattern") {
        return text(QT_TRANSLATE_NOOP("Diagnostics",
                                      "change the value so that it matches the pattern shown"));
    }
    if (keyword == "type") {
        return text(QT_TRANSLATE_NOOP(
            "Diagnostics", "write a value of the type shown; quotes make a number a string"));
    }
    if (keyword == "maxLength" || keyword == "minLength") {
        return text(QT_TRANSLATE_NOOP("Diagnostics",
                                      "shorten or lengthen the value to the allowed length"));
    }
    if (keyword == "maxItems" || keyword == "maxProperties") {
        return text(
            QT_TRANSLATE_NOOP("Diagnostics", "remove entries, or split the object into several"));
    }
    if (keyword == "minItems") {
        return text(QT_TRANSLATE_NOOP("Diagnostics", "add at least the number of entries shown"));
    }
    if (keyword == "minimum" || keyword == "maximum") {
        return text(QT_TRANSLATE_NOOP("Diagnostics", "use a number within the range shown"));
    }
    if (keyword == "format") {
        return text(QT_TRANSLATE_NOOP("Diagnostics", "write a value in the format shown"));
    }
    if (keyword.rfind("x-kubernetes-list-type", 0) == 0) {
        return text(QT_TRANSLATE_NOOP("Diagnostics",
                                      "each entry of this list must be unique; merge or rename the "
                                      "duplicates"));
    }
    if (keyword == "oneOf" || keyword == "not") {
        return text(QT_TRANSLATE_NOOP("Diagnostics",
                                      "an address of type IPAddress needs an IPv4 or IPv6 value"));
    }
    return {};
}

Core::Text hintForCelMessage(std::string_view message)
{
    using Core::text;
    struct Entry
    {
        std::string_view fragment;
        const char *hint;
    };
    // Fragments of the CRDs' CEL messages → advice. The first matching fragment wins.
    static constexpr std::array<Entry, 24> kHints{{
        {"must be specified for",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "add the field that matches the filter's type, or change type")},
        {"must be nil if the filter.type is not",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "remove this field, or set type to the filter it configures")},
        {"filter cannot be repeated",
         QT_TRANSLATE_NOOP("Diagnostics", "merge the repeated filters into one")},
        {"Must have port for Service reference",
         QT_TRANSLATE_NOOP("Diagnostics", "add `port:` with the Service port to send to")},
        {"sectionName must be specified",
         QT_TRANSLATE_NOOP(
             "Diagnostics",
             "name the listener with sectionName in every parentRef to the same parent")},
        {"sectionName must be unique",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "each parentRef to the same parent needs a different sectionName")},
        {"sectionName or port must be",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "give each parentRef to the same parent its own sectionName or port")},
        {"hostname must not be specified for protocols",
         QT_TRANSLATE_NOOP("Diagnostics", "TCP and UDP listeners match no hostname: remove it")},
        {"tls must not be specified",
         QT_TRANSLATE_NOOP("Diagnostics", "remove tls, or use protocol HTTPS or TLS")},
        {"tls mode must be",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "HTTPS terminates TLS; use protocol TLS for Passthrough")},
        {"certificateRefs or options must be specified",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "add certificateRefs naming a Secret of type kubernetes.io/tls")},
        {"Listener name must be unique",
         QT_TRANSLATE_NOOP("Diagnostics", "rename one of the listeners")},
        {"Combination of port, protocol and hostname",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "change the port or the hostname of one of the listeners")},
        {"exactly one PathPrefix match must be specified",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "ReplacePrefixMatch needs exactly one PathPrefix match in the rule")},
        {"value must be an absolute path",
         QT_TRANSLATE_NOOP("Diagnostics", "start the path with '/'")},
        {"must not contain",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "remove the dot segments or repeated slashes from the path")},
        {"must only contain valid characters",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "percent-encode or remove the characters the pattern does not allow")},
        {"Only one of percent or fraction",
         QT_TRANSLATE_NOOP("Diagnostics", "keep percent or fraction, not both")},
        {"numerator must be less than or equal to denominator",
         QT_TRANSLATE_NOOP("Diagnostics", "make the numerator at most the denominator")},
        {"timeout cannot be longer than request timeout",
         QT_TRANSLATE_NOOP("Diagnostics", "make backendRequest at most request")},
        {"Hostnames cannot contain an IP",
         QT_TRANSLATE_NOOP("Diagnostics", "routes match host names; remove the IP address")},
        {"RFC-1123",
         QT_TRANSLATE_NOOP(
             "Diagnostics",
             "use lower-case letters, digits, '-' and '.', with '*.' only as the first label")},
        {"CACertificateRefs or WellKnownCACertificates",
         QT_TRANSLATE_NOOP(
             "Diagnostics",
             "set caCertificateRefs or wellKnownCACertificates: System, exactly one of them")},
        {"SubjectAltName element",
         QT_TRANSLATE_NOOP("Diagnostics",
                           "set hostname for type Hostname and uri for type URI, nothing else")},
    }};
    for (const Entry &e : kHints) {
        if (message.find(e.fragment) != std::string_view::npos) {
            return text(e.hint);
        }
    }
    return text(QT_TRANSLATE_NOOP("Diagnostics", "change the object so that the rule holds"));
}

} // namespace Torii::Validation
