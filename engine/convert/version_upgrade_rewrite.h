#pragma once

#include "engine/core/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Convert {

// One apiVersion rewritten in a file's text.
struct ApiVersionEdit
{
    int line = 0;   // 1-based, where the apiVersion value is written
    int column = 0; // 1-based (characters)
    std::string kind;
    std::string name;
    std::string from; // "gateway.networking.k8s.io/v1beta1"
    std::string to;   // "gateway.networking.k8s.io/v1"
};

struct VersionUpgradeRewrite
{
    std::string text; // the new text (equal to the input when nothing changed)
    std::vector<ApiVersionEdit> edits;
    // Why the text could not be read, or an apiVersion that could not be located in the text.
    Core::Diagnostics problems;

    bool changed() const { return !edits.empty(); }
};

// Rewrites every Gateway API object written with an older version (v1beta1, v1alpha2, v1alpha3;
// Yaml::upgradeApiVersion decides which, so `toriictl validate` and `upgrade` agree) to the
// current one by editing the apiVersion value in place at the position the YAML reader recorded:
// comments, key order, quoting and formatting of everything else stay byte for byte. Objects
// inside `kind: List` are rewritten too. YAML and JSON alike.
VersionUpgradeRewrite rewriteApiVersions(std::string_view text, const std::string &fileName);

// A unified diff (3 lines of context) of two texts, as `diff -u` prints it; empty when equal.
std::string unifiedDiff(std::string_view before, std::string_view after,
                        const std::string &fromName, const std::string &toName);

} // namespace Torii::Convert
