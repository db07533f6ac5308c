#include "field_path.h"

namespace Torii::Scenarios::Internal {

using Model::Node;

bool parseFieldPath(std::string_view path, std::vector<PathSegment> &segments, std::string &error)
{
    segments.clear();
    std::size_t i = 0;
    bool expectKey = true;
    while (i < path.size()) {
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) {
                error = "unclosed [ in field path \"" + std::string(path) + "\"";
                return false;
            }
            std::string_view inside = path.substr(i + 1, close - i - 1);
            if (inside.size() >= 2 && (inside.front() == '"' || inside.front() == '\'') &&
                inside.back() == inside.front()) {
                segments.emplace_back(std::string(inside.substr(1, inside.size() - 2)));
            } else if (inside == "-") {
                segments.emplace_back(kAppendIndex);
            } else {
                if (inside.empty() ||
                    inside.find_first_not_of("0123456789") != std::string_view::npos) {
                    error = "\"[" + std::string(inside) + "]\" in field path \"" +
                            std::string(path) + "\" is neither an index, \"-\" nor a quoted key";
                    return false;
                }
                segments.emplace_back(static_cast<std::size_t>(std::stoull(std::string(inside))));
            }
            i = close + 1;
            expectKey = false;
            continue;
        }
        if (path[i] == '.') {
            if (expectKey) {
                error = "empty key in field path \"" + std::string(path) + "\"";
                return false;
            }
            expectKey = true;
            ++i;
            continue;
        }
        const std::size_t end = path.find_first_of(".[", i);
        const std::string_view key =
            path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        segments.emplace_back(std::string(key));
        i = end == std::string_view::npos ? path.size() : end;
        expectKey = false;
    }
    if (segments.empty() || expectKey) {
        error = "empty field path \"" + std::string(path) + "\"";
        return false;
    }
    return true;
}

std::string setAtPath(Node &root, std::string_view path, const Node &value)
{
    std::vector<PathSegment> segments;
    std::string error;
    if (!parseFieldPath(path, segments, error)) {
        return error;
    }
    Node *cur = &root;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const bool last = s + 1 == segments.size();
        if (const auto *key = std::get_if<std::string>(&segments[s])) {
            if (cur->isNull()) {
                *cur = Node::map();
            }
            if (!cur->isMap()) {
                return "\"" + std::string(path) + "\": \"" + *key + "\" is not inside a map";
            }
            if (last) {
                if (value.isNull()) {
                    cur->remove(*key);
                } else {
                    cur->set(*key, value);
                }
                return {};
            }
            Node *next = cur->find(*key);
            cur = next != nullptr ? next : &cur->set(*key, Node::null());
            continue;
        }
        const std::size_t index = std::get<std::size_t>(segments[s]);
        if (index == kAppendIndex) {
            if (cur->isNull()) {
                *cur = Node::list();
            }
            if (!cur->isList()) {
                return "\"" + std::string(path) + "\": [-] appends to a list, and this is not one";
            }
            cur->append(last ? value : Node::null());
            if (last) {
                return {};
            }
            cur = &cur->items().back();
            continue;
        }
        if (!cur->isList() || index >= cur->items().size()) {
            return "\"" + std::string(path) + "\": no list item [" + std::to_string(index) + "]";
        }
        if (last) {
            cur->items()[index] = value;
            return {};
        }
        cur = &cur->items()[index];
    }
    return {};
}

} // namespace Torii::Scenarios::Internal
