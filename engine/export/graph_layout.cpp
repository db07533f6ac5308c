#include "graph_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <QtCore/QtGlobal>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>

namespace Torii::Export {

namespace {

std::mutex &graphvizLock()
{
    static std::mutex lock;
    return lock;
}

// Graphviz writes "Warning: …" for odd input to stderr by default; errors are read back with
// aglasterr() instead.
void quietGraphviz()
{
    agseterr(AGERR);
}

std::string escape(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

const char *glyph(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Ok:
        return "✓ ";
    case NodeStatus::Warning:
        return "⚠ ";
    case NodeStatus::Failed:
        return "✕ ";
    case NodeStatus::NoController:
        return "○ ";
    case NodeStatus::Missing:
        return "? ";
    case NodeStatus::Plain:
        break;
    }
    return "";
}

const char *statusColor(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Ok:
        return "#2e7d32";
    case NodeStatus::Warning:
        return "#b26a00";
    case NodeStatus::Failed:
        return "#c62828";
    case NodeStatus::NoController:
    case NodeStatus::Missing:
        return "#757575";
    case NodeStatus::Plain:
        break;
    }
    return "#455a64";
}

const char *laneColor(Role role)
{
    switch (role) {
    case Role::InfrastructureProvider:
        return "#f3ecfa";
    case Role::ClusterOperator:
        return "#e8f1fb";
    case Role::ApplicationDeveloper:
        return "#eaf6ec";
    case Role::None:
        break;
    }
    return "#f5f5f5";
}

std::string nodeLabel(const GraphNode &n)
{
    std::string label = std::string(glyph(n.status)) + n.kind + "\\n";
    if (n.kind == "Listener") {
        label += n.name;
    } else {
        label += n.ns.empty() ? n.name : n.ns + "/" + n.name;
    }
    if (!n.detail.empty()) {
        label += "\\n" + escape(n.detail);
    }
    if (n.status == NodeStatus::Missing) {
        label += "\\n(" + nodeStatusText(NodeStatus::Missing).localized() + ")";
    } else if (n.implicit) {
        label += "\\n(" + Core::text(QT_TRANSLATE_NOOP("Diagnostics", "made up by the studio"))
                              .localized() +
                 ")";
    }
    return label;
}

void writeNode(std::string &out, std::size_t index, const GraphNode &n, const char *indent)
{
    out += std::string(indent) + "n" + std::to_string(index) + " [label=\"" + nodeLabel(n) +
           "\", color=\"" + statusColor(n.status) + "\"";
    if (n.status == NodeStatus::Missing || n.implicit) {
        out += ", style=\"rounded,dashed,filled\"";
    }
    std::string tooltip = n.statusSummary;
    if (tooltip.empty()) {
        tooltip = nodeStatusText(n.status).localized();
    }
    if (!tooltip.empty()) {
        out += ", tooltip=\"" + escape(tooltip) + "\"";
    }
    out += "];\n";
}

} // namespace

std::string toDot(const HierarchyGraph &graph, const LayoutOptions &options)
{
    std::string out = "digraph hierarchy {\n"
                      "  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.6, "
                      "fontname=\"DejaVu Sans\", fontsize=12, labeljust=l, style=filled, "
                      "color=\"#cfd8dc\"];\n"
                      "  node [shape=box, style=\"rounded,filled\", fillcolor=white, "
                      "fontname=\"DejaVu Sans\", fontsize=10, penwidth=1.5];\n"
                      "  edge [fontname=\"DejaVu Sans\", fontsize=9, color=\"#546e7a\", "
                      "arrowsize=0.7];\n";
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        index.emplace(graph.nodes[i].id, i);
    }
    std::vector<bool> written(graph.nodes.size(), false);
    if (options.roleLanes) {
        for (Role role : kRoles) {
            std::string body;
            for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
                if (graph.nodes[i].role == role) {
                    writeNode(body, i, graph.nodes[i], "    ");
                    written[i] = true;
                }
            }
            if (body.empty()) {
                continue;
            }
            out += std::string("  subgraph \"cluster_") + roleId(role) + "\" {\n" +
                   "    id=\"lane_" + roleId(role) + "\"; label=\"" +
                   escape(roleTitle(role).localized()) + "\"; fillcolor=\"" + laneColor(role) +
                   "\";\n" + body + "  }\n";
        }
    }
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        if (!written[i]) {
            writeNode(out, i, graph.nodes[i], "  ");
        }
    }
    for (std::size_t k = 0; k < graph.edges.size(); ++k) {
        const GraphEdge &e = graph.edges[k];
        const auto from = index.find(e.from);
        const auto to = index.find(e.to);
        if (from == index.end() || to == index.end()) {
            continue;
        }
        out += "  n" + std::to_string(from->second) + " -> n" + std::to_string(to->second) +
               " [id=\"e" + std::to_string(k) + "\"";
        if (e.status == EdgeStatus::Refused) {
            out += ", color=\"#c62828\", fontcolor=\"#c62828\", style=dashed, penwidth=1.5";
        } else if (e.status == EdgeStatus::Unknown) {
            out += ", color=\"#9e9e9e\", style=dotted";
        } else if (e.kind == EdgeKind::GrantFrom || e.kind == EdgeKind::GrantTo) {
            out += ", color=\"#6a1b9a\", style=dashed";
        } else if (e.kind == EdgeKind::PolicyTarget || e.kind == EdgeKind::Certificate) {
            out += ", color=\"#00838f\"";
        }
        if (!e.label.empty()) {
            out += ", label=\"" + escape(e.label) + "\"";
        }
        if (!e.message.empty()) {
            out += ", tooltip=\"" + escape(e.reason + ": " + e.message) + "\"";
        }
        out += "];\n";
    }
    out += "}\n";
    return out;
}

HierarchyLayout layoutHierarchy(HierarchyGraph graph, const LayoutOptions &options,
                                std::string *error)
{
    HierarchyLayout layout;
    const std::string dot = toDot(graph, options);
    layout.graph = std::move(graph);
    layout.nodes.resize(layout.graph.nodes.size());
    layout.edges.resize(layout.graph.edges.size());
    for (std::size_t i = 0; i < layout.nodes.size(); ++i) {
        layout.nodes[i].node = i;
    }
    for (std::size_t k = 0; k < layout.edges.size(); ++k) {
        layout.edges[k].edge = k;
    }

    std::lock_guard<std::mutex> guard(graphvizLock());
    quietGraphviz();
    GVC_t *gvc = gvContext();
    Agraph_t *g = agmemread(dot.c_str());
    if (!g) {
        if (error) {
            *error = aglasterr() ? aglasterr() : "Graphviz could not read the graph";
        }
        gvFreeContext(gvc);
        return layout;
    }
    if (gvLayout(gvc, g, "dot") != 0) {
        if (error) {
            *error = "Graphviz dot layout failed";
        }
        agclose(g);
        gvFreeContext(gvc);
        return layout;
    }
    const boxf bb = GD_bb(g);
    layout.width = bb.UR.x - bb.LL.x;
    layout.height = bb.UR.y - bb.LL.y;
    auto flip = [&](pointf p) { return Point{p.x - bb.LL.x, bb.UR.y - p.y}; };

    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const std::string name = agnameof(n);
        const std::size_t i = std::strtoul(name.c_str() + 1, nullptr, 10);
        if (i >= layout.nodes.size()) {
            continue;
        }
        NodeBox &box = layout.nodes[i];
        box.center = flip(ND_coord(n));
        box.width = ND_width(n) * 72.0;
        box.height = ND_height(n) * 72.0;
        for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const char *id = agget(e, const_cast<char *>("id"));
            if (!id || id[0] != 'e') {
                continue;
            }
            const std::size_t k = std::strtoul(id + 1, nullptr, 10);
            if (k >= layout.edges.size() || !ED_spl(e) || ED_spl(e)->size == 0) {
                continue;
            }
            EdgePath &path = layout.edges[k];
            const bezier &bz = ED_spl(e)->list[0];
            if (bz.sflag) {
                // An arrow at the start: not used (every edge points forward), but keep the
                // line reaching the node.
                path.bezier.push_back(flip(bz.sp));
            }
            for (int p = 0; p < bz.size; ++p) {
                path.bezier.push_back(flip(bz.list[p]));
            }
            if (bz.eflag) {
                path.arrowTip = flip(bz.ep);
            }
            if (ED_label(e) && ED_label(e)->set) {
                path.labelCenter = flip(ED_label(e)->pos);
            }
        }
    }
    if (options.roleLanes) {
        for (Agraph_t *sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
            const std::string name = agnameof(sub);
            if (name.rfind("cluster_", 0) != 0) {
                continue;
            }
            const auto role = roleFromId(name.substr(8));
            if (!role) {
                continue;
            }
            const boxf cb = GD_bb(sub);
            const Point topLeft = flip(pointf{cb.LL.x, cb.UR.y});
            layout.lanes.push_back(
                {*role, topLeft.x, topLeft.y, cb.UR.x - cb.LL.x, cb.UR.y - cb.LL.y});
        }
        std::stable_sort(layout.lanes.begin(), layout.lanes.end(),
                         [](const LaneBand &a, const LaneBand &b) { return a.role < b.role; });
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    return layout;
}

std::optional<std::string> renderHierarchy(const HierarchyGraph &graph, std::string_view format,
                                           const LayoutOptions &options, std::string *error)
{
    const std::string dot = toDot(graph, options);
    std::lock_guard<std::mutex> guard(graphvizLock());
    quietGraphviz();
    GVC_t *gvc = gvContext();
    Agraph_t *g = agmemread(dot.c_str());
    if (!g) {
        if (error) {
            *error = "Graphviz could not read the graph";
        }
        gvFreeContext(gvc);
        return std::nullopt;
    }
    std::optional<std::string> out;
    if (gvLayout(gvc, g, "dot") == 0) {
        char *data = nullptr;
        unsigned int length = 0;
        const std::string fmt(format);
        if (gvRenderData(gvc, g, fmt.c_str(), &data, &length) == 0 && data) {
            out = std::string(data, length);
        } else if (error) {
            *error = "Graphviz cannot write the format \"" + fmt + "\"";
        }
        if (data) {
            gvFreeRenderData(data);
        }
        gvFreeLayout(gvc, g);
    } else if (error) {
        *error = "Graphviz dot layout failed";
    }
    agclose(g);
    gvFreeContext(gvc);
    return out;
}

} // namespace Torii::Export
