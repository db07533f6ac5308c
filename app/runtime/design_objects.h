#pragma once

// Lookups into a loaded design that the local stand-ins of backends share (stream_backends,
// http_backends, backend_tls_backends): an object by kind, namespace and name, and a Secret's
// value as a pod would see it mounted.
// Thread: pure; any thread.

#include "engine/model/resource.h"

#include <string>
#include <vector>

namespace Torii::Runtime {

// The object of `kind` named `name` in `ns` (an object without a namespace counts as
// "default"); null when there is none.
const Model::Resource *findObject(const std::vector<Model::Resource> &resources,
                                  const std::string &kind, const std::string &ns,
                                  const std::string &name);

// The value of `key` in a Secret's stringData, else its data (base64-decoded); "" when absent.
std::string secretValue(const Model::Resource &secret, const std::string &key);

} // namespace Torii::Runtime
