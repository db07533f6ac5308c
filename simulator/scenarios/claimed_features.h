#pragma once

// The Gateway API features Torii claims, by the conformance suite's names (pkg/features: the
// value of every SupportX constant is "X"). A route test that requires a feature not listed here
// is skipped with the feature named, as the suite skips it for an implementation that does not
// claim it. This is the one place the list lives; claim a feature when the controller computes
// its status as the spec says and, for data-plane features, when the local gateway applies it
// (engine/proxy), as the request half of a test checks it there.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Scenarios {

// Claimed for status and requests alike.
std::span<const std::string_view> claimedFeatures();
// Claimed for status: claimedFeatures() plus the status-only ones.
bool isFeatureClaimed(std::string_view feature);
// The controller computes the feature's status, but the local gateway does not apply it yet.
bool isFeatureClaimedForStatusOnly(std::string_view feature);
// The required features whose requests the local gateway cannot serve yet, in the order given.
std::vector<std::string> unservedFeatures(const std::vector<std::string> &required);
// The required features that are not claimed, in the order given.
std::vector<std::string> unclaimedFeatures(const std::vector<std::string> &required);

} // namespace Torii::Scenarios
