#pragma once

// kubectl-ready YAML of a workspace: the objects as `kubectl apply -f` wants them (canonical
// emit of engine/yaml, status stripped, server-managed metadata dropped), in apply order, as one
// file, one file per role or one file per kind.
//
// What is left out, always: objects the studio made up (isStudioMadeUp: serve's implicit
// Services, development certificates). Unless asked (includeSecrets): Secrets that hold a private
// key (type kubernetes.io/tls, a tls.key entry, or a value with a PEM private key) — a workspace
// is often shared, a key in it rarely should be. Each exclusion is reported.
//
// What is warned about: objects the cluster will reject (validation errors the caller found,
// matched to the object by file and line; experimental-channel kinds on a standard-channel
// install) and fields it will ignore (experimental-channel fields on a standard install are
// pruned by the API server). This library does not validate (it may not depend on
// engine/validation): the caller passes the diagnostics of its validation run.

#include "engine/core/diagnostic.h"
#include "engine/export/roles.h"
#include "engine/model/resource.h"

#include <cstddef>
#include <string>
#include <vector>

namespace Torii::Export {

enum class SplitMode { None, Role, Kind };
enum class Channel { Standard, Experimental };

struct ExportOptions
{
    SplitMode split = SplitMode::None;
    bool includeSecrets = false;
    Channel channel = Channel::Standard;
};

struct ExportFile
{
    // "manifests.yaml"; per role "01-infrastructure-provider.yaml" …; per kind "00-namespace.yaml",
    // "10-gatewayclass.yaml" … (the number keeps `kubectl apply -f DIR`'s alphabetical order
    // equal to the apply order).
    std::string name;
    std::string text;                  // YAML documents separated by "---"
    std::vector<std::size_t> objects; // indices into the input, in the file's order
};

struct ExportResult
{
    std::vector<ExportFile> files;    // in apply order; no empty files
    Core::Diagnostics warnings;       // exclusions, rejections, ignored fields
    std::vector<std::size_t> exported; // input indices, in apply order (all files)
    std::vector<std::size_t> excluded; // input indices left out
};

// Apply order of a kind: Namespaces, GatewayClasses, Secrets and ConfigMaps, Gateways,
// ListenerSets, ReferenceGrants, routes, policies, Services, workloads, then the rest.
int applyRank(std::string_view kind);

// True when a Secret holds a private key (see above).
bool holdsPrivateKey(const Model::Resource &resource);

// `validation`: diagnostics of validating `resources` (may be empty). Deterministic: the same
// input gives the same files byte for byte. Never throws.
ExportResult exportManifests(const std::vector<Model::Resource> &resources,
                             const Core::Diagnostics &validation,
                             const ExportOptions &options = {});

} // namespace Torii::Export
