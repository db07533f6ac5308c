#pragma once

// What the conformance suite does before any test (../shared/conformance/SETUP.md), done for a
// simulated run: the GatewayClass under test, the rewrites applied to every manifest object as it
// is loaded, and the Secrets and ConfigMaps the suite creates from code (certificates made fresh
// with OpenSSL for each ConformanceSetup; kept in memory only).
//
// Thread: immutable after construction.

#include "engine/model/node.h"
#include "engine/model/resource.h"

#include <string>
#include <vector>

namespace Torii::Scenarios {

struct ConformanceSetupOptions
{
    // The GatewayClass under test, which the runner creates; every Gateway is moved to it.
    std::string gatewayClassName = "torii-conformance";
    // Set on that class and on every GatewayClass a test manifest holds.
    std::string controllerName;
    // What PLACEHOLDER_USABLE_ADDRS / PLACEHOLDER_UNUSABLE_ADDRS become: Torii serves on the
    // loopback address; 192.0.2.1 (TEST-NET-1, RFC 5737) is on no local interface.
    std::vector<Model::Node> usableAddresses;   // default: [{type: IPAddress, value: 127.0.0.1}]
    std::vector<Model::Node> unusableAddresses; // default: [{type: IPAddress, value: 192.0.2.1}]
};

class ConformanceSetup
{
public:
    // Generates the certificates (about fifteen RSA-2048 keys: a second or two). Throws
    // std::runtime_error when OpenSSL fails.
    explicit ConformanceSetup(ConformanceSetupOptions options);

    const ConformanceSetupOptions &options() const { return m_options; }

    // The GatewayClass under test, then the Secrets and ConfigMaps of SETUP.md's table, to be
    // applied after the base manifests.
    const std::vector<Model::Resource> &createdObjects() const { return m_created; }

    // SETUP.md's load-time rewrites: a Gateway's spec.gatewayClassName and its address
    // placeholders, a GatewayClass's spec.controllerName. Other objects are left alone.
    void rewrite(Model::Resource &resource) const;

private:
    ConformanceSetupOptions m_options;
    std::vector<Model::Resource> m_created;
};

} // namespace Torii::Scenarios
