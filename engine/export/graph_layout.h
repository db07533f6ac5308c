#pragma once

// The hierarchy graph laid out by Graphviz (dot, rankdir LR): one cluster per role lane, node
// boxes, edge splines and label positions in a value type the GUI draws without Graphviz, plus
// the DOT text and SVG/PNG rendered by Graphviz itself (`toriictl graph`).
//
// Coordinates are Graphviz points (1/72 inch) with the origin at the top left and y growing
// downwards, as Qt draws. Graphviz is not thread-safe: every call here takes one process-wide
// lock, so these functions may be called from any thread but run one at a time.

#include "engine/export/hierarchy_graph.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Torii::Export {

struct LayoutOptions
{
    bool roleLanes = true; // one cluster (a labelled band) per role
};

struct Point
{
    double x = 0;
    double y = 0;
};

struct NodeBox
{
    std::size_t node = 0; // index into HierarchyLayout::graph.nodes
    Point center;
    double width = 0;
    double height = 0;
};

struct EdgePath
{
    std::size_t edge = 0; // index into HierarchyLayout::graph.edges
    // A piecewise cubic Bézier: the start point, then three points (control, control, end) per
    // segment, as Graphviz gives it.
    std::vector<Point> bezier;
    std::optional<Point> arrowTip; // where the arrow head points, after the last bezier point
    std::optional<Point> labelCenter;
};

struct LaneBand
{
    Role role = Role::None;
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

struct HierarchyLayout
{
    HierarchyGraph graph;
    std::vector<NodeBox> nodes; // parallel to graph.nodes
    std::vector<EdgePath> edges; // parallel to graph.edges
    std::vector<LaneBand> lanes; // one per role that has nodes, in kRoles order (roleLanes)
    double width = 0;
    double height = 0;
};

// The graph as DOT text: node ids n0…, labels "Kind\nnamespace/name\ndetail", status glyphs
// (✓ ⚠ ✕ ○ ?), refused edges dashed red and labelled with the reason, the condition message
// as the tooltip. Deterministic for the same graph.
std::string toDot(const HierarchyGraph &graph, const LayoutOptions &options = {});

// Lays the graph out with Graphviz's dot. On failure (Graphviz refused the text) returns a
// layout without positions and sets `error`.
HierarchyLayout layoutHierarchy(HierarchyGraph graph, const LayoutOptions &options = {},
                                std::string *error = nullptr);

// Renders with Graphviz: `format` "svg", "png" (or any output format the installed plugins
// provide, e.g. "pdf"). nullopt and `error` set when the format is not available.
std::optional<std::string> renderHierarchy(const HierarchyGraph &graph, std::string_view format,
                                           const LayoutOptions &options = {},
                                           std::string *error = nullptr);

} // namespace Torii::Export
