#include "formats.h"

#include "functions.h"
#include "network.h"

#include <array>

namespace Torii::Validation::Cel::Internal {

namespace {

enum FormatId {
    Dns1123Label,
    Dns1123Subdomain,
    Dns1035Label,
    QualifiedName,
    PortName,
    Dns1123LabelPrefix,
    Dns1123SubdomainPrefix,
    Dns1035LabelPrefix,
    LabelValue,
    Uri,
    Uuid,
    Byte,
    Date,
    Datetime,
    FormatCount,
};

constexpr std::array<std::string_view, FormatCount> kFormatNames = {
    "dns1123Label",
    "dns1123Subdomain",
    "dns1035Label",
    "qualifiedName",
    "portName",
    "dns1123LabelPrefix",
    "dns1123SubdomainPrefix",
    "dns1035LabelPrefix",
    "labelValue",
    "uri",
    "uuid",
    "byte",
    "date",
    "datetime",
};

// Patterns and messages of k8s.io/apimachinery/pkg/util/validation, quoted in the messages.
constexpr std::string_view kDns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1123LabelMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character";
constexpr std::string_view kDns1123SubdomainFmt =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kDns1123SubdomainMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character";
constexpr std::string_view kDns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDns1035LabelMsg =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic character, and end with an alphanumeric character";
constexpr std::string_view kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kQualifiedNameMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";
constexpr std::string_view kLabelValueFmt = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
constexpr std::string_view kLabelValueMsg =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character";

std::string regexError(std::string_view message, std::string_view pattern,
                       std::initializer_list<std::string_view> examples)
{
    std::string out(message);
    if (examples.size() == 0) {
        return out + " (regex used for validation is '" + std::string(pattern) + "')";
    }
    out += " (e.g. ";
    bool first = true;
    for (std::string_view example : examples) {
        if (!first) {
            out += " or ";
        }
        first = false;
        out += "'" + std::string(example) + "', ";
    }
    out += "regex used for validation is '" + std::string(pattern) + "')";
    return out;
}

std::string maxLenError(int length)
{
    return "must be no more than " + std::to_string(length) + " characters";
}

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isAlnum(char c)
{
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$, or with a leading letter for DNS-1035.
bool matchesLabel(std::string_view s, bool dns1035)
{
    if (s.empty()) {
        return false;
    }
    if (dns1035 ? !(s.front() >= 'a' && s.front() <= 'z') : !isLowerAlnum(s.front())) {
        return false;
    }
    if (!isLowerAlnum(s.back())) {
        return false;
    }
    for (char c : s) {
        if (!isLowerAlnum(c) && c != '-') {
            return false;
        }
    }
    return true;
}

bool matchesSubdomain(std::string_view s)
{
    while (true) {
        const std::size_t dot = s.find('.');
        if (!matchesLabel(s.substr(0, dot), false)) {
            return false;
        }
        if (dot == std::string_view::npos) {
            return true;
        }
        s.remove_prefix(dot + 1);
    }
}

// ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$
bool matchesQualifiedName(std::string_view s)
{
    if (s.empty() || !isAlnum(s.front()) || !isAlnum(s.back())) {
        return false;
    }
    for (char c : s) {
        if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
            return false;
        }
    }
    return true;
}

std::vector<std::string> dns1123Label(std::string_view s)
{
    std::vector<std::string> errors;
    if (s.size() > 63) {
        errors.push_back(maxLenError(63));
    }
    if (!matchesLabel(s, false)) {
        errors.push_back(regexError(kDns1123LabelMsg, kDns1123LabelFmt, {"my-name", "123-abc"}));
    }
    return errors;
}

std::vector<std::string> dns1123Subdomain(std::string_view s)
{
    std::vector<std::string> errors;
    if (s.size() > 253) {
        errors.push_back(maxLenError(253));
    }
    if (!matchesSubdomain(s)) {
        errors.push_back(regexError(kDns1123SubdomainMsg, kDns1123SubdomainFmt, {"example.com"}));
    }
    return errors;
}

std::vector<std::string> dns1035Label(std::string_view s)
{
    std::vector<std::string> errors;
    if (s.size() > 63) {
        errors.push_back(maxLenError(63));
    }
    if (!matchesLabel(s, true)) {
        errors.push_back(regexError(kDns1035LabelMsg, kDns1035LabelFmt, {"my-name", "abc-123"}));
    }
    return errors;
}

std::vector<std::string> qualifiedName(std::string_view value)
{
    std::vector<std::string> errors;
    std::string_view name = value;
    const std::size_t slash = value.find('/');
    if (slash != std::string_view::npos) {
        if (value.find('/', slash + 1) != std::string_view::npos) {
            errors.push_back(
                "a qualified name " +
                regexError(kQualifiedNameMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}) +
                " with an optional DNS subdomain prefix and '/' (e.g. "
                "'example.com/MyName')");
            return errors;
        }
        const std::string_view prefix = value.substr(0, slash);
        name = value.substr(slash + 1);
        if (prefix.empty()) {
            errors.push_back("prefix part must be non-empty");
        } else {
            for (const std::string &message : dns1123Subdomain(prefix)) {
                errors.push_back("prefix part " + message);
            }
        }
    }
    if (name.empty()) {
        errors.push_back("name part must be non-empty");
    } else if (name.size() > 63) {
        errors.push_back("name part " + maxLenError(63));
    }
    if (!matchesQualifiedName(name)) {
        errors.push_back("name part " + regexError(kQualifiedNameMsg, kQualifiedNameFmt,
                                                   {"MyName", "my.name", "123-abc"}));
    }
    return errors;
}

std::vector<std::string> portName(std::string_view s)
{
    std::vector<std::string> errors;
    if (s.size() > 15) {
        errors.push_back(maxLenError(15));
    }
    bool charset = !s.empty();
    bool letter = false;
    for (char c : s) {
        charset = charset && (isLowerAlnum(c) || c == '-');
        letter = letter || (c >= 'a' && c <= 'z');
    }
    if (!charset) {
        errors.push_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    } else if (!letter) {
        errors.push_back("must contain at least one letter (a-z)");
    }
    if (s.find("--") != std::string_view::npos) {
        errors.push_back("must not contain consecutive hyphens");
    }
    if (!s.empty() && (s.front() == '-' || s.back() == '-')) {
        errors.push_back("must not begin or end with a hyphen");
    }
    return errors;
}

std::vector<std::string> labelValue(std::string_view s)
{
    std::vector<std::string> errors;
    if (s.size() > 63) {
        errors.push_back(maxLenError(63));
    }
    if (!s.empty() && !matchesQualifiedName(s)) {
        errors.push_back(
            regexError(kLabelValueMsg, kLabelValueFmt, {"MyValue", "my_value", "12345"}));
    }
    return errors;
}

// apimachinery's maskTrailingDash, quirk included: it drops two characters, not one.
std::string maskTrailingDash(std::string_view name)
{
    if (name.size() > 1 && name.back() == '-') {
        return std::string(name.substr(0, name.size() - 2)) + "a";
    }
    return std::string(name);
}

// strfmt's UUID pattern: 8-4-4-4-12 hex digits, or 32 hex digits, any case.
bool isUuid(std::string_view s)
{
    if (s.size() == 32) {
        for (char c : s) {
            if (!isHex(c)) {
                return false;
            }
        }
        return true;
    }
    if (s.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHex(s[i])) {
            return false;
        }
    }
    return true;
}

// Go's base64.StdEncoding.DecodeString, which skips CR and LF.
bool isBase64(std::string_view s)
{
    std::string clean;
    for (char c : s) {
        if (c != '\r' && c != '\n') {
            clean += c;
        }
    }
    if (clean.size() % 4 != 0) {
        return false;
    }
    std::size_t padding = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        if (c == '=') {
            ++padding;
            continue;
        }
        if (padding > 0) {
            return false;
        }
        if (!isAlnum(c) && c != '+' && c != '/') {
            return false;
        }
    }
    return padding <= 2;
}

bool digits(std::string_view s, std::size_t at, std::size_t count, int *value)
{
    if (at + count > s.size()) {
        return false;
    }
    int v = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return true;
}

bool isFullDate(std::string_view s)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, &year) ||
        !digits(s, 5, 2, &month) || !digits(s, 8, 2, &day)) {
        return false;
    }
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
        return false;
    }
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

// RFC 3339 date-time: 2006-01-02T15:04:05[.frac](Z|±07:00).
bool isDateTime(std::string_view s)
{
    if (s.size() < 20 || !isFullDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) {
        return false;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!digits(s, 11, 2, &hour) || s[13] != ':' || !digits(s, 14, 2, &minute) || s[16] != ':' ||
        !digits(s, 17, 2, &second) || hour > 23 || minute > 59 || second > 60) {
        return false;
    }
    std::size_t p = 19;
    if (p < s.size() && s[p] == '.') {
        ++p;
        const std::size_t start = p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
            ++p;
        }
        if (p == start) {
            return false;
        }
    }
    if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
        return p + 1 == s.size();
    }
    int offsetHour = 0;
    int offsetMinute = 0;
    return p + 6 == s.size() && (s[p] == '+' || s[p] == '-') && digits(s, p + 1, 2, &offsetHour) &&
           s[p + 3] == ':' && digits(s, p + 4, 2, &offsetMinute) && offsetHour < 24 &&
           offsetMinute < 60;
}

} // namespace

int lookupFormat(std::string_view name)
{
    for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
        if (kFormatNames[i] == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::vector<std::string> validateFormat(int formatId, std::string_view value)
{
    switch (formatId) {
    case Dns1123Label:
        return dns1123Label(value);
    case Dns1123Subdomain:
        return dns1123Subdomain(value);
    case Dns1035Label:
        return dns1035Label(value);
    case QualifiedName:
        return qualifiedName(value);
    case PortName:
        return portName(value);
    case Dns1123LabelPrefix:
        return dns1123Label(maskTrailingDash(value));
    case Dns1123SubdomainPrefix:
        return dns1123Subdomain(maskTrailingDash(value));
    case Dns1035LabelPrefix:
        return dns1035Label(maskTrailingDash(value));
    case LabelValue:
        return labelValue(value);
    case Uri:
        if (!isRequestUri(value)) {
            return {"parse \"" + std::string(value) + "\": invalid URI for request"};
        }
        return {};
    case Uuid:
        if (!isUuid(value)) {
            return {"does not match the UUID format"};
        }
        return {};
    case Byte:
        if (!isBase64(value)) {
            return {"invalid base64"};
        }
        return {};
    case Date:
        if (!isFullDate(value)) {
            return {"invalid date"};
        }
        return {};
    case Datetime:
        if (!isDateTime(value)) {
            return {"invalid datetime"};
        }
        return {};
    default:
        return {"unknown format"};
    }
}

} // namespace Torii::Validation::Cel::Internal
