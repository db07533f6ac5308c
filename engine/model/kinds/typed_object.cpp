#include "typed_object.h"

#include <type_traits>
#include <utility>

namespace Torii::Model {

namespace {

template<class T>
TypedObject decodeAs(const Node &object)
{
    T value{};
    if (!fromNode(object, value)) {
        return std::monostate{};
    }
    return value;
}

// Dispatch by the static kGroup/kKind of every alternative, so the table cannot drift from
// the variant.
template<std::size_t I = 1>
TypedObject decodeByKind(std::string_view apiGroup, std::string_view kind, const Node &object)
{
    if constexpr (I == std::variant_size_v<TypedObject>) {
        return std::monostate{};
    } else {
        using T = std::variant_alternative_t<I, TypedObject>;
        if (T::kGroup == apiGroup && T::kKind == kind) {
            return decodeAs<T>(object);
        }
        return decodeByKind<I + 1>(apiGroup, kind, object);
    }
}

template<class T>
constexpr bool isRouteType =
    std::is_same_v<T, HTTPRoute> || std::is_same_v<T, GRPCRoute> || std::is_same_v<T, TCPRoute> ||
    std::is_same_v<T, UDPRoute> || std::is_same_v<T, TLSRoute>;

} // namespace

TypedObject decodeObject(std::string_view apiGroup, std::string_view kind, const Node &object)
{
    if (!object.isMap()) {
        return std::monostate{};
    }
    return decodeByKind(apiGroup, kind, object);
}

TypedObject decodeObject(const Node &object)
{
    const Node &apiVersion = object["apiVersion"];
    const Node &kind = object["kind"];
    if (!apiVersion.isString() || !kind.isString()) {
        return std::monostate{};
    }
    return decodeObject(splitApiVersion(apiVersion.str()).group, kind.str(), object);
}

Node encodeObject(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> Node {
            if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::monostate>) {
                return Node();
            } else {
                return toNode(value);
            }
        },
        object);
}

std::vector<std::string> leftoverPaths(const TypedObject &object)
{
    std::vector<std::string> paths;
    std::visit(
        [&paths](const auto &value) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(value)>, std::monostate>) {
                collectLeftovers(value, std::string(), paths);
            }
        },
        object);
    return paths;
}

std::string_view kindName(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> std::string_view {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return {};
            } else {
                return T::kKind;
            }
        },
        object);
}

std::string_view groupName(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> std::string_view {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return {};
            } else {
                return T::kGroup;
            }
        },
        object);
}

bool isGatewayApiObject(const TypedObject &object)
{
    return object.index() != 0 && groupName(object) == kGatewayApiGroup;
}

const ObjectMeta *objectMeta(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> const ObjectMeta * {
            if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::monostate>) {
                return nullptr;
            } else {
                return &value.metadata;
            }
        },
        object);
}

ObjectMeta *objectMeta(TypedObject &object)
{
    return const_cast<ObjectMeta *>(objectMeta(std::as_const(object)));
}

bool isRoute(const TypedObject &object)
{
    return commonRouteSpec(object) != nullptr;
}

const CommonRouteSpec *commonRouteSpec(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> const CommonRouteSpec * {
            if constexpr (isRouteType<std::decay_t<decltype(value)>>) {
                return &value.spec;
            } else {
                return nullptr;
            }
        },
        object);
}

CommonRouteSpec *commonRouteSpec(TypedObject &object)
{
    return const_cast<CommonRouteSpec *>(commonRouteSpec(std::as_const(object)));
}

std::vector<ParentReference> routeParentRefs(const TypedObject &object)
{
    const CommonRouteSpec *common = commonRouteSpec(object);
    if (!common || !common->parentRefs) {
        return {};
    }
    return *common->parentRefs;
}

std::vector<std::string> routeHostnames(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> std::vector<std::string> {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, HTTPRoute> || std::is_same_v<T, GRPCRoute> ||
                          std::is_same_v<T, TLSRoute>) {
                return value.spec.hostnames.value_or(std::vector<std::string>{});
            } else {
                return {};
            }
        },
        object);
}

const RouteStatus *routeStatus(const TypedObject &object)
{
    return std::visit(
        [](const auto &value) -> const RouteStatus * {
            if constexpr (isRouteType<std::decay_t<decltype(value)>>) {
                return value.status ? &*value.status : nullptr;
            } else {
                return nullptr;
            }
        },
        object);
}

RouteStatus *routeStatus(TypedObject &object)
{
    return const_cast<RouteStatus *>(routeStatus(std::as_const(object)));
}

} // namespace Torii::Model
