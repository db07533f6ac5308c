#pragma once

// The studio's settings of one workspace: `torii.yaml` at the top of the workspace folder,
// beside the design's files, kept in version control with them. It is not a Kubernetes object:
// the workspace and `toriictl` (engine/yaml's folder reading) skip it as a resource.
//
//   # torii.yaml — Torii studio settings of this workspace
//   ports:                         # listener → local port, over the default rule
//   - {gateway: gateway-system/production-gateway, port: 80, localPort: 18080}
//   backends:                      # mock Service behaviour applied when the gateway starts
//   - {service: webapp/webapp-canary, latencyMs: 40, errorRate: 0.05, errorStatus: 503, down: false}
//   mixes: [mixes/shop-mix.yaml]   # request mixes (`toriictl load --mix` format), relative paths
//   scenarios: [scenarios/canary-rollout.yaml]   # traffic scenarios (`--scenario` format)
//
// Read with engine/yaml, so every error has file:line:col and shows in the problems panel like
// any YAML; unknown keys are warnings (a newer studio may add some). Written atomically
// (QSaveFile) in the layout above, whole; comments the user wrote are not kept.
//
// Pure apart from the file access; any thread.

#include "engine/core/diagnostic.h"

#include <QtCore/QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Workspace {

inline constexpr char kStudioSettingsFileName[] = "torii.yaml";

struct PortOverride
{
    std::string gateway; // "namespace/name"
    int port = 0;        // the Gateway API listener port
    int localPort = 0;   // 1..65535 on 127.0.0.1
    friend bool operator==(const PortOverride &, const PortOverride &) = default;
};

// What the studio's behaviour controls set for one mock Service (every replica).
struct BackendSettings
{
    std::string service; // "namespace/name"
    double latencyMs = 0.0; // added to every answer (fixed)
    double errorRate = 0.0; // 0..1
    int errorStatus = 503;  // 100..599
    bool down = false;
    bool isDefault() const { return latencyMs == 0.0 && errorRate == 0.0 && errorStatus == 503 && !down; }
    friend bool operator==(const BackendSettings &, const BackendSettings &) = default;
};

struct StudioSettings
{
    std::vector<PortOverride> ports;
    std::vector<BackendSettings> backends;
    std::vector<std::string> mixes;     // relative to the workspace folder (or absolute)
    std::vector<std::string> scenarios; // idem
    bool isEmpty() const { return ports.empty() && backends.empty() && mixes.empty() && scenarios.empty(); }
    // The entry of `service`, or null.
    const BackendSettings *backend(const std::string &service) const;
    // Replaces (or adds, or with default values removes) the entry of settings.service.
    void setBackend(const BackendSettings &settings);
    friend bool operator==(const StudioSettings &, const StudioSettings &) = default;
};

struct StudioSettingsRead
{
    StudioSettings settings; // what could be read (entries with errors are left out)
    Core::Diagnostics diagnostics;
    bool ok() const { return !Core::hasErrors(diagnostics); }
};

// `fileName` names the diagnostics' file. An empty text (or only comments) is empty settings.
StudioSettingsRead parseStudioSettings(std::string_view text, const std::string &fileName);
// A missing file is empty settings without diagnostics.
StudioSettingsRead readStudioSettings(const QString &path);
// The settings of the workspace folder `root` (its torii.yaml).
QString studioSettingsPath(const QString &root);

// The YAML text written for `settings` (round-trips through parseStudioSettings).
std::string studioSettingsText(const StudioSettings &settings);
// Writes atomically (QSaveFile). False with `error` (translated) when it cannot.
bool writeStudioSettings(const QString &path, const StudioSettings &settings, QString *error);

} // namespace Torii::Workspace
