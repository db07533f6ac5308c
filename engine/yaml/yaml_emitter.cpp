#include "yaml_emitter.h"

#include "scalar_resolver.h"

#include <yaml-cpp/emitter.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace Torii::Yaml {

using Model::Node;

namespace {

constexpr std::array<std::string_view, 4> kTopOrder{"apiVersion", "kind", "metadata", "spec"};
constexpr std::array<std::string_view, 4> kMetadataOrder{"name", "namespace", "labels",
                                                         "annotations"};
constexpr std::array<std::string_view, 7> kServerManagedMetadata{
    "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink",
    "deletionTimestamp"};

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

void emitNode(YAML::Emitter &out, const Node &node)
{
    switch (node.type()) {
    case Node::Type::Null:
        out << YAML::Null;
        break;
    case Node::Type::Bool:
        out << (node.asBool() ? "true" : "false");
        break;
    case Node::Type::Int:
    case Node::Type::Float:
        out << node.asString();
        break;
    case Node::Type::String: {
        const std::string &s = node.str();
        if (s.find('\n') != std::string::npos) {
            out << YAML::Literal << s;
        } else if (s.empty() || plainScalarIsNotString(s)) {
            out << YAML::DoubleQuoted << s;
        } else {
            out << s;
        }
        break;
    }
    case Node::Type::List:
        if (node.items().empty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const Node &item : node.items()) {
            emitNode(out, item);
        }
        out << YAML::EndSeq;
        break;
    case Node::Type::Map:
        if (node.entries().empty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const Node::Entry &e : node.entries()) {
            out << YAML::Key;
            if (e.key.empty() || plainScalarIsNotString(e.key)) {
                out << YAML::DoubleQuoted;
            }
            out << e.key << YAML::Value;
            emitNode(out, e.value);
        }
        out << YAML::EndMap;
        break;
    }
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
    std::string text;
    bool first = true;
    for (const Node &doc : documents) {
        if (!first) {
            text += "---\n";
        }
        first = false;
        text += emitDocument(doc, options);
    }
    return text;
}

std::string emitDocument(const Node &document, const EmitOptions &options)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    out.SetIndent(2);
    emitNode(out, canonicalObject(document, options));
    std::string text = out.c_str();
    if (text.empty() || text.back() != '\n') {
        text += '\n';
    }
    return text;
}

} // namespace Torii::Yaml
