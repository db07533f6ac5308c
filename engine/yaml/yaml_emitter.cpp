#include "yaml_emitter.h"

#include "scalar_resolver.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <yaml.h>

namespace Torii::Yaml {

using Model::Node;

namespace {

constexpr std::array<std::string_view, 4> kTopOrder{"apiVersion", "kind", "metadata", "spec"};
constexpr std::array<std::string_view, 4> kMetadataOrder{"name", "namespace", "labels",
                                                         "annotations"};
constexpr std::array<std::string_view, 7> kServerManagedMetadata{
    "uid",           "resourceVersion", "generation",       "creationTimestamp",
    "managedFields", "selfLink",        "deletionTimestamp"};

template<std::size_t N>
int rankIn(const std::array<std::string_view, N> &order, const std::string &key)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (order[i] == key) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(N);
}

Node sortedRecursively(const Node &node)
{
    if (node.isList()) {
        Node out = Node::list(node.mark());
        for (const Node &item : node.items()) {
            out.append(sortedRecursively(item));
        }
        return out;
    }
    if (!node.isMap()) {
        return node;
    }
    Node out = Node::map(node.mark());
    for (const Node::Entry &e : node.entries()) {
        out.entries().push_back(Node::Entry{e.key, e.keyMark, sortedRecursively(e.value)});
    }
    std::stable_sort(out.entries().begin(), out.entries().end(),
                     [](const Node::Entry &a, const Node::Entry &b) { return a.key < b.key; });
    return out;
}

template<std::size_t N>
void orderBy(Node &map, const std::array<std::string_view, N> &order)
{
    std::stable_sort(map.entries().begin(), map.entries().end(),
                     [&](const Node::Entry &a, const Node::Entry &b) {
                         return rankIn(order, a.key) < rankIn(order, b.key);
                     });
}

// Feeds libyaml's emitter the events of one Node tree. Block style throughout (as kubectl
// prints), flow only for empty lists and maps; strings that would read back as another type are
// double-quoted, multi-line strings use literal block style.
class EventWriter
{
public:
    explicit EventWriter(yaml_emitter_t *emitter)
        : m_emitter(emitter)
    {}

    bool ok() const { return m_ok; }

    void node(const Node &n)
    {
        switch (n.type()) {
        case Node::Type::Null:
            scalar("null", YAML_PLAIN_SCALAR_STYLE);
            break;
        case Node::Type::Bool:
        case Node::Type::Int:
        case Node::Type::Float:
            scalar(n.asString(), YAML_PLAIN_SCALAR_STYLE);
            break;
        case Node::Type::String:
            string(n.str());
            break;
        case Node::Type::List: {
            yaml_event_t e;
            yaml_sequence_start_event_initialize(&e, nullptr, nullptr, 1,
                                                 n.items().empty() ? YAML_FLOW_SEQUENCE_STYLE
                                                                   : YAML_BLOCK_SEQUENCE_STYLE);
            emit(e);
            for (const Node &item : n.items()) {
                node(item);
            }
            yaml_sequence_end_event_initialize(&e);
            emit(e);
            break;
        }
        case Node::Type::Map: {
            yaml_event_t e;
            yaml_mapping_start_event_initialize(&e, nullptr, nullptr, 1,
                                                n.entries().empty() ? YAML_FLOW_MAPPING_STYLE
                                                                    : YAML_BLOCK_MAPPING_STYLE);
            emit(e);
            for (const Node::Entry &entry : n.entries()) {
                string(entry.key);
                node(entry.value);
            }
            yaml_mapping_end_event_initialize(&e);
            emit(e);
            break;
        }
        }
    }

    void emit(yaml_event_t &event)
    {
        if (m_ok && !yaml_emitter_emit(m_emitter, &event)) {
            m_ok = false;
        }
    }

private:
    void string(const std::string &s)
    {
        if (s.find('\n') != std::string::npos) {
            scalar(s, YAML_LITERAL_SCALAR_STYLE);
        } else if (s.empty() || plainScalarIsNotString(s)) {
            scalar(s, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
        } else {
            // Plain where libyaml finds it safe; it falls back to quotes for ": ", "#", "*" …
            scalar(s, YAML_ANY_SCALAR_STYLE);
        }
    }

    void scalar(const std::string &value, yaml_scalar_style_t style)
    {
        yaml_event_t e;
        // quoted_implicit is always 1: when libyaml falls back from plain to quotes ("*.x"), a
        // quoted scalar is a string anyway; 0 made it write a non-specific tag ("! '*.x'").
        const bool plainOk = style == YAML_PLAIN_SCALAR_STYLE || style == YAML_ANY_SCALAR_STYLE;
        yaml_scalar_event_initialize(
            &e, nullptr, nullptr, reinterpret_cast<yaml_char_t *>(const_cast<char *>(value.data())),
            static_cast<int>(value.size()), plainOk ? 1 : 0, 1, style);
        emit(e);
    }

    yaml_emitter_t *m_emitter;
    bool m_ok = true;
};

int appendToString(void *data, unsigned char *buffer, std::size_t size)
{
    static_cast<std::string *>(data)->append(reinterpret_cast<const char *>(buffer), size);
    return 1;
}

std::string emitWithLibyaml(const std::vector<const Node *> &documents)
{
    std::string out;
    yaml_emitter_t emitter;
    yaml_emitter_initialize(&emitter);
    yaml_emitter_set_output(&emitter, appendToString, &out);
    yaml_emitter_set_unicode(&emitter, 1);
    yaml_emitter_set_indent(&emitter, 2);
    yaml_emitter_set_width(&emitter, -1); // never fold long lines
    EventWriter writer(&emitter);
    yaml_event_t e;
    yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING);
    writer.emit(e);
    bool first = true;
    for (const Node *doc : documents) {
        yaml_document_start_event_initialize(&e, nullptr, nullptr, nullptr, first ? 1 : 0);
        writer.emit(e);
        writer.node(*doc);
        yaml_document_end_event_initialize(&e, 1);
        writer.emit(e);
        first = false;
    }
    yaml_stream_end_event_initialize(&e);
    writer.emit(e);
    yaml_emitter_flush(&emitter);
    yaml_emitter_delete(&emitter);
    return out;
}

} // namespace

Node canonicalObject(const Node &object, const EmitOptions &options)
{
    if (!object.isMap()) {
        return object;
    }
    Node out = options.canonicalOrder ? sortedRecursively(object) : object;
    if (!options.keepStatus) {
        out.remove("status");
    }
    if (Node *metadata = out.find("metadata"); metadata && metadata->isMap()) {
        for (std::string_view key : kServerManagedMetadata) {
            metadata->remove(key);
        }
        if (options.canonicalOrder) {
            orderBy(*metadata, kMetadataOrder);
        }
    }
    if (options.canonicalOrder) {
        orderBy(out, kTopOrder);
    }
    return out;
}

std::string emitDocuments(const std::vector<Node> &documents, const EmitOptions &options)
{
    std::vector<Node> canonical;
    canonical.reserve(documents.size());
    for (const Node &doc : documents) {
        canonical.push_back(canonicalObject(doc, options));
    }
    std::vector<const Node *> pointers;
    for (const Node &doc : canonical) {
        pointers.push_back(&doc);
    }
    return emitWithLibyaml(pointers);
}

std::string emitDocument(const Node &document, const EmitOptions &options)
{
    return emitDocuments({document}, options);
}

} // namespace Torii::Yaml
