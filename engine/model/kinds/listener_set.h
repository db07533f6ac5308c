#pragma once

#include "engine/model/kinds/api_groups.h"
#include "engine/model/kinds/listener.h"
#include "engine/model/kinds/object_meta.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Model {

struct ListenerSetSpec
{
    ParentGatewayReference parentRef;
    std::vector<ListenerEntry> listeners;
    Node unknown;

    friend bool operator==(const ListenerSetSpec &, const ListenerSetSpec &) = default;
};

struct ListenerSetStatus
{
    std::optional<std::vector<Condition>> conditions;
    std::optional<std::vector<ListenerEntryStatus>> listeners;
    Node unknown;

    friend bool operator==(const ListenerSetStatus &, const ListenerSetStatus &) = default;
};

struct ListenerSet
{
    static constexpr std::string_view kGroup = kGatewayApiGroup;
    static constexpr std::string_view kKind = "ListenerSet";
    static constexpr std::string_view kVersion = "v1";

    std::string apiVersion = "gateway.networking.k8s.io/v1";
    std::string kind = "ListenerSet";
    ObjectMeta metadata;
    ListenerSetSpec spec;
    std::optional<ListenerSetStatus> status;
    Node unknown;

    friend bool operator==(const ListenerSet &, const ListenerSet &) = default;
};

TORII_MODEL_DECLARE_CODEC(ListenerSetSpec);
TORII_MODEL_DECLARE_CODEC(ListenerSetStatus);
TORII_MODEL_DECLARE_CODEC(ListenerSet);

} // namespace Torii::Model
