#include "design_objects.h"

#include <QtCore/QByteArray>

namespace Torii::Runtime {

const Model::Resource *findObject(const std::vector<Model::Resource> &resources,
                                  const std::string &kind, const std::string &ns,
                                  const std::string &name)
{
    for (const Model::Resource &r : resources) {
        if (r.kind == kind && r.name == name && (r.ns.empty() ? "default" : r.ns) == ns) {
            return &r;
        }
    }
    return nullptr;
}

std::string secretValue(const Model::Resource &secret, const std::string &key)
{
    if (const Model::Node *value = secret.object["stringData"].find(key)) {
        return value->asString();
    }
    if (const Model::Node *value = secret.object["data"].find(key)) {
        return QByteArray::fromBase64(QByteArray::fromStdString(value->asString())).toStdString();
    }
    return {};
}

} // namespace Torii::Runtime
