#pragma once

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Yaml {

struct LoadOptions
{
    // Files larger than this are refused with a diagnostic instead of being parsed.
    std::size_t maxFileBytes = 64u * 1024u * 1024u;
    // Upper bound on the nodes one file may produce once aliases are expanded (billion laughs).
    std::size_t maxNodes = 20u * 1000u * 1000u;
    // CloudFormation templates: the short forms of intrinsic functions (`!Ref X`, `!Sub …`,
    // `!GetAtt A.B`, `!Join [...]` …) are read as their long forms ({"Ref": "X"},
    // {"Fn::GetAtt": ["A", "B"]} …). Off (Kubernetes input), a tag is dropped and its value
    // kept, as kubectl does.
    bool cloudFormationTags = false;
};

struct LoadedDocument
{
    Model::Node root;
    int index = 0;     // 0-based position of the document in its file
    Model::Mark start; // where the document begins
};

struct LoadResult
{
    std::vector<LoadedDocument> documents;
    Core::Diagnostics diagnostics;
    // The input could not be read or parsed at all (nothing in `documents` can be trusted past
    // the documents that parsed before the error).
    bool fatal = false;
};

// Parses YAML text (one or more documents) into Nodes, with the position of every value and key.
// Never throws. Scalars are resolved as kubectl does when it turns YAML into JSON (YAML 1.1 bools
// such as `yes`/`on`, ints with 0x/0o, `~` and `null`). Duplicate keys, NUL bytes, invalid UTF-8,
// too large input and alias bombs are reported with file:line:col and a hint.
LoadResult loadText(std::string_view text, const std::string &fileName,
                    const LoadOptions &options = {});
LoadResult loadFile(const std::string &path, const LoadOptions &options = {});

} // namespace Torii::Yaml
