#pragma once

// HTTPRoute RequestMirror filters as a pure policy: which mirrors fire for one request, and the
// request head each mirror receives. No sockets, no clock; the random source is injected.
// Use, once the main request's upstream head is prepared (ForwardPlan::head):
//
//   MirrorPolicy mirrors({&route.filters, &chosenBackend.filters});
//   for (const RouteTable::Backend *target : mirrors.firing(random)) {
//       Http::RequestHead copy = MirrorPolicy::mirroredHead(forward.head, {});
//       // send `copy` (and the body) to ONE endpoint of *target, fire and forget:
//       // its answer is read and dropped, its failure never affects the client's answer
//   }
//
// The spec's rules it follows:
// - Each RequestMirror filter of the rule, then of the chosen backendRef, is one mirror ("This
//   filter can be used multiple times within the same rule"); they fire independently.
// - percent / fraction: the controller folds both into RequestMirror::percent (fraction
//   numerator/denominator × 100; neither: 100). 100 always fires and 0 never, without a draw;
//   otherwise one draw r in [0, 1) per mirror fires when r × 100 < percent, so over many
//   requests the share is percent / 100 (a double is exact for every fraction the conformance
//   tests use, 25/50, and far finer than their statistical tolerance otherwise).
// - A mirror whose backendRef is invalid (not found, not permitted) "must be dropped": it never
//   fires (its invalidReason is reported by the controller's ResolvedRefs condition).
// - "Mirrored requests must be sent only to a single destination endpoint within this
//   BackendRef": the caller picks one endpoint per mirrored request.
// - The mirrored head is the main upstream head, i.e. after all of the rule's request filters
//   (header modifiers, URL rewrite) whatever their order relative to the mirror filter, as Envoy
//   mirrors. Host: kept as is by default. Envoy appends "-shadow" to the host of a mirrored
//   request; the spec and the conformance tests say nothing about it (the tests only look for
//   the path in the mirror backend's log), so Torii keeps the Host a learner wrote and offers the
//   suffix as an option (MirrorHeadOptions::shadowHostSuffix) for comparisons with Envoy.
//
// Thread: pure; a MirrorPolicy points into the RouteTable (not owned), which must outlive it.

#include "engine/http/http1_codec.h"
#include "engine/routetable/route_table.h"

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace Torii::Proxy::Internal {

struct MirrorHeadOptions
{
    // Append "-shadow" to the Host name (before any port), as Envoy does by default.
    bool shadowHostSuffix = false;
};

class MirrorPolicy
{
public:
    // Filter lists in order (the rule's, then the chosen backendRef's); null entries are skipped.
    // Not owned: they point into the RouteTable.
    explicit MirrorPolicy(
        std::initializer_list<const std::vector<RouteTable::Filter> *> filterLists);

    // Every RequestMirror of the lists with a valid backend, in order (whether it fires or not).
    const std::vector<const RouteTable::RequestMirror *> &mirrors() const { return m_mirrors; }

    // The backends to mirror this request to, in filter order. `random` returns a uniform draw
    // in [0, 1); it is called once per mirror whose percent is strictly between 0 and 100.
    std::vector<const RouteTable::Backend *> firing(const std::function<double()> &random) const;

    // Whether one mirror fires for draw `r` in [0, 1) (exposed for tests).
    static bool fires(double percent, double r);

    // The head a mirror receives: a copy of `upstreamHead` (the main request as forwarded),
    // with the Host changed as `options` says. Framing fields are kept: the body is the same.
    static Http::RequestHead mirroredHead(const Http::RequestHead &upstreamHead,
                                          const MirrorHeadOptions &options);
    // "a.example:8080" → "a.example-shadow:8080"; "[::1]:80" and "" are left unchanged (an IP
    // literal has no name to suffix).
    static std::string shadowHost(const std::string &host);

private:
    std::vector<const RouteTable::RequestMirror *> m_mirrors;
};

} // namespace Torii::Proxy::Internal
