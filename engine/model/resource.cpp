#include "resource.h"

namespace Torii::Model {

std::string Resource::group() const
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? std::string() : apiVersion.substr(0, slash);
}

std::string Resource::version() const
{
    const auto slash = apiVersion.find('/');
    return slash == std::string::npos ? apiVersion : apiVersion.substr(slash + 1);
}

std::string Resource::displayName() const
{
    std::string out = kind + ' ';
    if (!ns.empty()) {
        out += ns + '/';
    }
    out += name.empty() ? std::string("<unnamed>") : name;
    return out;
}

Resource makeResource(Node object, SourceRef source)
{
    Resource r;
    const Node &apiVersion = object["apiVersion"];
    const Node &kind = object["kind"];
    const Node &metadata = object["metadata"];
    r.apiVersion = apiVersion.isString() ? apiVersion.str() : std::string();
    r.kind = kind.isString() ? kind.str() : std::string();
    if (metadata.isMap()) {
        const Node &name = metadata["name"];
        const Node &ns = metadata["namespace"];
        r.name = name.isString() ? name.str() : std::string();
        r.ns = ns.isString() ? ns.str() : std::string();
    }
    r.source = std::move(source);
    if (!r.source.mark.isValid()) {
        r.source.mark = object.mark();
    }
    r.object = std::move(object);
    return r;
}

} // namespace Torii::Model
