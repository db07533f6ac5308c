#include "resource_index.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace Torii::Controller::Internal {

namespace {

bool readDigits(std::string_view text, std::size_t &pos, std::size_t count, int &out)
{
    if (pos + count > text.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    pos += count;
    out = value;
    return true;
}

bool expect(std::string_view text, std::size_t &pos, char c)
{
    if (pos < text.size() && std::toupper(static_cast<unsigned char>(text[pos])) == c) {
        ++pos;
        return true;
    }
    return false;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t yoe = year - era * 400;
    const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view text)
{
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, '-') ||
        !readDigits(text, pos, 2, month) || !expect(text, pos, '-') ||
        !readDigits(text, pos, 2, day) || !(expect(text, pos, 'T') || expect(text, pos, ' ')) ||
        !readDigits(text, pos, 2, hour) || !expect(text, pos, ':') ||
        !readDigits(text, pos, 2, minute) || !expect(text, pos, ':') ||
        !readDigits(text, pos, 2, second)) {
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    std::int64_t micros = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        std::int64_t scale = 100000;
        bool any = false;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
            micros += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
            any = true;
        }
        if (!any) {
            return std::nullopt;
        }
    }
    std::int64_t offsetSeconds = 0;
    if (expect(text, pos, 'Z')) {
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!readDigits(text, pos, 2, oh) || !expect(text, pos, ':') ||
            !readDigits(text, pos, 2, om)) {
            return std::nullopt;
        }
        offsetSeconds = sign * (oh * 3600 + om * 60);
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) {
        return std::nullopt;
    }
    const std::int64_t seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 +
                                 minute * 60 + second - offsetSeconds;
    return seconds * 1000000 + micros;
}

bool isClusterScoped(std::string_view group, std::string_view kind)
{
    if (group == Model::kGatewayApiGroup) {
        const Model::GatewayApiKindInfo *info = Model::findGatewayApiKind(kind);
        return info && !info->namespaced;
    }
    // The cluster-scoped core kinds a gateway design can hold.
    return group.empty() && (kind == "Namespace" || kind == "Node" || kind == "PersistentVolume");
}

ResourceIndex::ResourceIndex(const std::vector<Model::Resource> &resources,
                             const ControllerOptions &options)
    : m_resources(resources)
    , m_options(options)
{
    const std::size_t n = resources.size();
    m_typed.reserve(n);
    m_namespaces.reserve(n);
    m_superseded.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const Model::Resource &r = resources[i];
        const std::string group = r.group();
        m_typed.push_back(Model::decodeObject(group, r.kind, r.object));
        const bool clusterScoped = isClusterScoped(group, r.kind);
        m_namespaces.push_back(clusterScoped ? std::string()
                                             : (r.ns.empty() ? std::string("default") : r.ns));
        auto key = std::make_tuple(group, r.kind, m_namespaces.back(), r.name);
        auto [it, inserted] = m_byKey.emplace(std::move(key), i);
        if (!inserted) {
            m_superseded[it->second] = true;
            it->second = i;
        }
    }

    for (std::size_t i = 0; i < n; ++i) {
        if (!m_superseded[i]) {
            m_byKind[resources[i].kind].push_back(i);
        }
    }

    // Objects with a timestamp first, by time (equal times share a rank); then the others in
    // load order, each one "created" after everything before it.
    std::vector<std::pair<std::int64_t, std::size_t>> timed;
    std::vector<std::size_t> untimed;
    for (std::size_t i = 0; i < n; ++i) {
        const Model::ObjectMeta *meta = Model::objectMeta(m_typed[i]);
        std::optional<std::int64_t> time;
        if (meta && !meta->creationTimestamp.empty()) {
            time = parseRfc3339(meta->creationTimestamp);
        } else if (!meta) {
            const Model::Node *stamp = resources[i].object.at("metadata.creationTimestamp");
            if (stamp && stamp->isString()) {
                time = parseRfc3339(stamp->str());
            }
        }
        if (time) {
            timed.emplace_back(*time, i);
        } else {
            untimed.push_back(i);
        }
    }
    std::stable_sort(timed.begin(), timed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    m_creationRanks.assign(n, 0);
    std::int64_t rank = -1;
    std::int64_t lastTime = std::numeric_limits<std::int64_t>::min();
    for (std::size_t k = 0; k < timed.size(); ++k) {
        if (k == 0 || timed[k].first != lastTime) {
            ++rank;
            lastTime = timed[k].first;
        }
        m_creationRanks[timed[k].second] = rank;
    }
    for (std::size_t i : untimed) {
        m_creationRanks[i] = ++rank;
    }
}

std::int64_t ResourceIndex::generation(std::size_t i) const
{
    const Model::ObjectMeta *meta = Model::objectMeta(m_typed[i]);
    return meta ? meta->generation.value_or(1) : 1;
}

std::optional<std::size_t> ResourceIndex::find(std::string_view group, std::string_view kind,
                                               std::string_view ns, std::string_view name) const
{
    const std::string nsKey = isClusterScoped(group, kind) ? std::string() : std::string(ns);
    const auto it = m_byKey.find(
        std::make_tuple(std::string(group), std::string(kind), nsKey, std::string(name)));
    if (it == m_byKey.end()) {
        return std::nullopt;
    }
    return it->second;
}

const std::vector<std::size_t> &ResourceIndex::ofKind(std::string_view kind) const
{
    static const std::vector<std::size_t> none;
    const auto it = m_byKind.find(kind);
    return it == m_byKind.end() ? none : it->second;
}

bool ResourceIndex::olderThan(std::size_t a, std::size_t b) const
{
    if (m_creationRanks[a] != m_creationRanks[b]) {
        return m_creationRanks[a] < m_creationRanks[b];
    }
    const std::string keyA = m_namespaces[a] + '/' + m_resources[a].name;
    const std::string keyB = m_namespaces[b] + '/' + m_resources[b].name;
    if (keyA != keyB) {
        return keyA < keyB;
    }
    return a < b;
}

Model::StringMap ResourceIndex::namespaceLabels(std::string_view ns) const
{
    Model::StringMap labels;
    if (const Model::Namespace *object = findTyped<Model::Namespace>("", ns)) {
        labels = object->metadata.labels;
    }
    labels.set(std::string(kNamespaceNameLabel), std::string(ns));
    return labels;
}

bool ResourceIndex::namespaceMatches(const Model::LabelSelector &selector,
                                     std::string_view ns) const
{
    return labelsMatch(selector, namespaceLabels(ns));
}

bool labelsMatch(const Model::LabelSelector &selector, const Model::StringMap &labels)
{
    if (selector.matchLabels) {
        for (const auto &[key, value] : selector.matchLabels->entries) {
            const std::string *actual = labels.find(key);
            if (!actual || *actual != value) {
                return false;
            }
        }
    }
    if (selector.matchExpressions) {
        for (const Model::LabelSelectorRequirement &requirement : *selector.matchExpressions) {
            const std::string *actual = labels.find(requirement.key);
            const std::vector<std::string> values = itemsOf(requirement.values);
            const bool inValues =
                actual && std::find(values.begin(), values.end(), *actual) != values.end();
            if (requirement.operator_ == "In") {
                if (!inValues) {
                    return false;
                }
            } else if (requirement.operator_ == "NotIn") {
                // As in Kubernetes: an absent key satisfies NotIn.
                if (inValues) {
                    return false;
                }
            } else if (requirement.operator_ == "Exists") {
                if (!actual) {
                    return false;
                }
            } else if (requirement.operator_ == "DoesNotExist") {
                if (actual) {
                    return false;
                }
            } else {
                return false; // an unknown operator selects nothing, as the API server rejects it
            }
        }
    }
    return true;
}

Core::Diagnostic warningAt(const ResourceIndex &index, std::size_t i, std::string code,
                           Core::Text message)
{
    Core::Diagnostic diagnostic =
        Core::makeDiagnostic(Core::Severity::Warning, std::move(code), std::move(message));
    const Model::SourceRef &source = index.resource(i).source;
    diagnostic.file = source.file;
    diagnostic.line = static_cast<int>(source.mark.line);
    diagnostic.column = static_cast<int>(source.mark.column);
    return diagnostic;
}

} // namespace Torii::Controller::Internal
