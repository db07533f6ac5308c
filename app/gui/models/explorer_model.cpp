#include "explorer_model.h"

#include "app/gui/widgets/status_icons.h"

#include <QtGui/QFont>

#include <algorithm>
#include <map>
#include <numeric>

namespace Torii::Gui {

using Model::Node;

struct ExplorerModel::Item
{
    QString text;
    QString tooltip;
    StatusSummary status;
    bool hasStatus = false;
    bool group = false;
    QString file;
    int line = 0;
    int column = 0;
    QString kind, ns, name;
    Item *parent = nullptr;
    int rowInParent = 0; // the view asks parent() of every index: no search of the siblings
    int descendants = 0; // set on the roots only, by buildSnapshot
    std::vector<std::unique_ptr<Item>> children;

    Item *add(std::unique_ptr<Item> child)
    {
        child->parent = this;
        child->rowInParent = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    int row() const { return rowInParent; }
};

struct ExplorerSnapshot
{
    std::unique_ptr<ExplorerModel::Item> hierarchy;
    std::unique_ptr<ExplorerModel::Item> byKind;
};

namespace {

using Item = ExplorerModel::Item;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string nsOf(const Model::Resource &r)
{
    return r.ns.empty() ? std::string("default") : r.ns;
}

std::unique_ptr<Item> groupItem(const QString &text)
{
    auto item = std::make_unique<Item>();
    item->text = text;
    item->group = true;
    return item;
}

std::unique_ptr<Item> resourceItem(const Model::Resource &r, const QString &text)
{
    auto item = std::make_unique<Item>();
    item->text = text;
    item->file = qs(r.source.file);
    item->line = static_cast<int>(r.source.mark.line);
    item->column = static_cast<int>(r.source.mark.column);
    item->kind = qs(r.kind);
    item->ns = qs(nsOf(r));
    item->name = qs(r.name);
    item->tooltip = qs(r.displayName());
    return item;
}

void setStatus(Item *item, const StatusSummary &summary)
{
    item->status = summary;
    item->hasStatus = true;
    if (!summary.details.isEmpty()) {
        item->tooltip += QLatin1Char('\n') + summary.details;
    }
}

bool isRoute(const Model::Resource &r)
{
    return r.group() == "gateway.networking.k8s.io" && r.kind.size() > 5
           && r.kind.compare(r.kind.size() - 5, 5, "Route") == 0;
}

QString matchSummary(const Node &match)
{
    QStringList parts;
    if (match["path"].isMap()) {
        const std::string type = match["path"]["type"].isString() ? match["path"]["type"].str() : "PathPrefix";
        parts << qs(type + " " + (match["path"]["value"].isString() ? match["path"]["value"].str() : "/"));
    }
    if (match["method"].isString()) {
        parts << qs(match["method"].str());
    }
    for (const Node &h : match["headers"].items()) {
        parts << qs("header " + h["name"].asString() + "=" + h["value"].asString());
    }
    for (const Node &q : match["queryParams"].items()) {
        parts << qs("query " + q["name"].asString() + "=" + q["value"].asString());
    }
    return parts.join(QStringLiteral(", "));
}

// Whether a listener takes routes of this kind: its allowedRoutes.kinds when written, else the
// kinds its protocol carries (the spec's defaults).
bool listenerTakes(const Node &listener, const std::string &routeKind)
{
    const Node &kinds = listener["allowedRoutes"]["kinds"];
    if (kinds.isList() && !kinds.items().empty()) {
        return std::any_of(kinds.items().begin(), kinds.items().end(),
                           [&](const Node &k) { return k["kind"].asString() == routeKind; });
    }
    const std::string protocol = listener["protocol"].asString();
    if (routeKind == "HTTPRoute" || routeKind == "GRPCRoute") {
        return protocol == "HTTP" || protocol == "HTTPS";
    }
    if (routeKind == "TLSRoute") {
        return protocol == "TLS";
    }
    if (routeKind == "TCPRoute") {
        return protocol == "TCP";
    }
    if (routeKind == "UDPRoute") {
        return protocol == "UDP";
    }
    return true;
}

// Does this parentRef of a route (in namespace routeNs) name this Gateway's listener?
bool refersTo(const Node &ref, const std::string &routeNs, const Model::Resource &gateway,
              const Node &listener)
{
    const std::string kind = ref["kind"].isString() ? ref["kind"].str() : "Gateway";
    const std::string group = ref["group"].isString() ? ref["group"].str() : "gateway.networking.k8s.io";
    if (kind != "Gateway" || group != "gateway.networking.k8s.io") {
        return false;
    }
    const std::string ns = ref["namespace"].isString() ? ref["namespace"].str() : routeNs;
    if (ref["name"].asString() != gateway.name || ns != nsOf(gateway)) {
        return false;
    }
    if (ref["sectionName"].isString() && ref["sectionName"].str() != listener["name"].asString()) {
        return false;
    }
    if (ref["port"].isInt() && ref["port"].asInt() != listener["port"].asInt()) {
        return false;
    }
    return true;
}

// The conditions of the route's status parents that name `gateway` (and `listener`, when the
// parent names a section).
StatusSummary routeStatusFor(const std::optional<Node> &status, const Model::Resource &gateway,
                             const Node &listener)
{
    StatusSummary summary;
    if (!status) {
        return summary;
    }
    for (const Node &parent : (*status)["parents"].items()) {
        const Node &ref = parent["parentRef"];
        if (ref["name"].asString() != gateway.name) {
            continue;
        }
        if (ref["sectionName"].isString() && ref["sectionName"].str() != listener["name"].asString()) {
            continue;
        }
        summary = combine(summary, summarizeConditions(parent["conditions"]));
    }
    return summary;
}

void addRules(Item *routeItem, const Model::Resource &route)
{
    int index = 0;
    for (const Node &rule : route.object["spec"]["rules"].items()) {
        auto ruleItem = std::make_unique<Item>();
        QString text = ExplorerModel::tr("rule %1").arg(index);
        if (rule["name"].isString()) {
            text += QStringLiteral(" (%1)").arg(qs(rule["name"].str()));
        }
        QStringList matches;
        for (const Node &m : rule["matches"].items()) {
            matches << matchSummary(m);
        }
        if (!matches.isEmpty()) {
            text += QStringLiteral(": ") + matches.join(QStringLiteral(" | "));
        }
        ruleItem->text = text;
        ruleItem->tooltip = text;
        ruleItem->file = qs(route.source.file);
        ruleItem->line = static_cast<int>(rule.mark().line);
        ruleItem->column = static_cast<int>(rule.mark().column);
        Item *ruleRow = routeItem->add(std::move(ruleItem));
        for (const Node &ref : rule["backendRefs"].items()) {
            auto backend = std::make_unique<Item>();
            QString b = qs(ref["kind"].isString() ? ref["kind"].str() : "Service") + QLatin1Char(' ')
                        + qs(ref["name"].asString());
            if (ref["port"].isInt()) {
                b += QStringLiteral(":%1").arg(ref["port"].asInt());
            }
            if (ref["weight"].isInt()) {
                b += ExplorerModel::tr(" (weight %1)").arg(ref["weight"].asInt());
            }
            backend->text = b;
            backend->tooltip = b;
            backend->file = ruleRow->file;
            backend->line = static_cast<int>(ref.mark().line);
            backend->column = static_cast<int>(ref.mark().column);
            backend->kind = qs(ref["kind"].isString() ? ref["kind"].str() : "Service");
            backend->ns = qs(ref["namespace"].isString() ? ref["namespace"].str() : nsOf(route));
            backend->name = qs(ref["name"].asString());
            ruleRow->add(std::move(backend));
        }
        ++index;
    }
}

using Statuses = std::vector<std::optional<Node>>;

int countRows(const Item &item)
{
    int n = static_cast<int>(item.children.size());
    for (const auto &c : item.children) {
        n += countRows(*c);
    }
    return n;
}

// The same rows in the same places, level by level (the texts name the objects and their place).
bool sameShape(const Item &a, const Item &b)
{
    if (a.children.size() != b.children.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        const Item &x = *a.children[i];
        const Item &y = *b.children[i];
        if (x.text != y.text || x.group != y.group || !sameShape(x, y)) {
            return false;
        }
    }
    return true;
}

// GatewayClass → Gateway → Listener → Route → rule → backend; what is nowhere in that tree
// under "Routes attached to no listener" and "Other objects".
void buildHierarchy(Item *root, const std::vector<Model::Resource> &resources, const Statuses &statuses)
{
    std::vector<bool> placed(resources.size(), false);
    std::map<std::string, Item *> classes; // name → row
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Model::Resource &r = resources[i];
        if (r.kind == "GatewayClass") {
            Item *item = root->add(resourceItem(r, QStringLiteral("GatewayClass %1").arg(qs(r.name))));
            if (statuses[i]) {
                setStatus(item, summarizeConditions((*statuses[i])["conditions"]));
            }
            classes.emplace(r.name, item);
            placed[i] = true;
        }
    }
    Item *orphanGateways = nullptr;
    for (std::size_t g = 0; g < resources.size(); ++g) {
        const Model::Resource &gw = resources[g];
        if (gw.kind != "Gateway" || gw.group() != "gateway.networking.k8s.io") {
            continue;
        }
        placed[g] = true;
        Item *parent = nullptr;
        const auto cls = classes.find(gw.object["spec"]["gatewayClassName"].asString());
        if (cls != classes.end()) {
            parent = cls->second;
        } else {
            if (!orphanGateways) {
                orphanGateways = root->add(groupItem(ExplorerModel::tr("Gateways whose GatewayClass is not in the workspace")));
            }
            parent = orphanGateways;
        }
        Item *gwItem = parent->add(resourceItem(gw, QStringLiteral("Gateway %1/%2").arg(qs(nsOf(gw)), qs(gw.name))));
        if (statuses[g]) {
            setStatus(gwItem, summarizeConditions((*statuses[g])["conditions"]));
        }
        for (const Node &listener : gw.object["spec"]["listeners"].items()) {
            auto lItem = std::make_unique<Item>();
            QString text = ExplorerModel::tr("Listener %1 — %2 %3")
                               .arg(qs(listener["name"].asString()), qs(listener["protocol"].asString()))
                               .arg(listener["port"].asInt());
            if (listener["hostname"].isString()) {
                text += QStringLiteral(" (%1)").arg(qs(listener["hostname"].str()));
            }
            lItem->text = text;
            lItem->tooltip = text;
            lItem->file = qs(gw.source.file);
            lItem->line = static_cast<int>(listener.mark().line);
            lItem->column = static_cast<int>(listener.mark().column);
            Item *listenerRow = gwItem->add(std::move(lItem));
            if (statuses[g]) {
                for (const Node &ls : (*statuses[g])["listeners"].items()) {
                    if (ls["name"].asString() == listener["name"].asString()) {
                        setStatus(listenerRow, summarizeConditions(ls["conditions"]));
                    }
                }
            }
            for (std::size_t r = 0; r < resources.size(); ++r) {
                const Model::Resource &route = resources[r];
                if (!isRoute(route)) {
                    continue;
                }
                if (!listenerTakes(listener, route.kind)) {
                    continue;
                }
                for (const Node &ref : route.object["spec"]["parentRefs"].items()) {
                    if (!refersTo(ref, nsOf(route), gw, listener)) {
                        continue;
                    }
                    placed[r] = true;
                    Item *routeRow = listenerRow->add(resourceItem(
                        route, QStringLiteral("%1 %2/%3").arg(qs(route.kind), qs(nsOf(route)), qs(route.name))));
                    setStatus(routeRow, routeStatusFor(statuses[r], gw, listener));
                    addRules(routeRow, route);
                    break;
                }
            }
        }
    }
    Item *unattached = nullptr;
    Item *others = nullptr;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        if (placed[i]) {
            continue;
        }
        const Model::Resource &r = resources[i];
        Item *row = nullptr;
        // Cluster-scoped objects (Namespace, GatewayClass …) have no namespace to show.
        const QString text = r.ns.empty() && (r.kind == "Namespace" || r.kind == "GatewayClass")
                                 ? QStringLiteral("%1 %2").arg(qs(r.kind), qs(r.name))
                                 : QStringLiteral("%1 %2/%3").arg(qs(r.kind), qs(nsOf(r)), qs(r.name));
        if (isRoute(r)) {
            if (!unattached) {
                unattached = root->add(groupItem(ExplorerModel::tr("Routes attached to no listener")));
            }
            row = unattached->add(resourceItem(r, text));
            addRules(row, r);
        } else {
            if (!others) {
                others = root->add(groupItem(ExplorerModel::tr("Other objects")));
            }
            row = others->add(resourceItem(r, text));
        }
        if (statuses[i]) {
            StatusSummary s;
            for (const Node &parent : (*statuses[i])["parents"].items()) {
                s = combine(s, summarizeConditions(parent["conditions"]));
            }
            s = combine(s, summarizeConditions((*statuses[i])["conditions"]));
            setStatus(row, s);
        }
    }
}

void buildByKind(Item *root, const std::vector<Model::Resource> &resources, const Statuses &statuses)
{
    std::map<std::string, std::map<std::string, std::vector<std::size_t>>> byKind;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        byKind[resources[i].kind][nsOf(resources[i])].push_back(i);
    }
    for (const auto &[kind, namespaces] : byKind) {
        Item *kindRow = root->add(groupItem(qs(kind)));
        for (const auto &[ns, indexes] : namespaces) {
            Item *nsRow = kindRow->add(groupItem(qs(ns)));
            for (std::size_t i : indexes) {
                Item *row = nsRow->add(resourceItem(resources[i], qs(resources[i].name)));
                if (statuses[i]) {
                    StatusSummary s = summarizeConditions((*statuses[i])["conditions"]);
                    for (const Node &parent : (*statuses[i])["parents"].items()) {
                        s = combine(s, summarizeConditions(parent["conditions"]));
                    }
                    setStatus(row, s);
                }
            }
        }
        kindRow->text += QStringLiteral(" (%1)").arg(
            std::accumulate(namespaces.begin(), namespaces.end(), 0,
                            [](int n, const auto &e) { return n + static_cast<int>(e.second.size()); }));
    }
}

} // namespace

ExplorerModel::ExplorerModel(QObject *parent)
    : QAbstractItemModel(parent), m_hierarchy(std::make_unique<Item>()), m_byKind(std::make_unique<Item>())
{
}

ExplorerModel::~ExplorerModel() = default;

ExplorerModel::Item *ExplorerModel::shown() const
{
    return m_mode == Mode::Hierarchy ? m_hierarchy.get() : m_byKind.get();
}

int ExplorerModel::totalRowCount() const
{
    return shown()->descendants;
}

void ExplorerModel::setMode(Mode mode)
{
    if (mode != m_mode) {
        beginResetModel();
        m_mode = mode;
        endResetModel();
    }
}

std::shared_ptr<ExplorerSnapshot> ExplorerModel::buildSnapshot(const std::vector<Model::Resource> &resources,
                                                               const Controller::ControllerResult &controller)
{
    Statuses statuses = controller.statuses;
    statuses.resize(resources.size());
    auto snapshot = std::make_shared<ExplorerSnapshot>();
    snapshot->hierarchy = std::make_unique<Item>();
    buildHierarchy(snapshot->hierarchy.get(), resources, statuses);
    snapshot->byKind = std::make_unique<Item>();
    buildByKind(snapshot->byKind.get(), resources, statuses);
    snapshot->hierarchy->descendants = countRows(*snapshot->hierarchy);
    snapshot->byKind->descendants = countRows(*snapshot->byKind);
    return snapshot;
}

void ExplorerModel::setResources(std::vector<Model::Resource> resources,
                                 const Controller::ControllerResult &controller)
{
    setSnapshot(buildSnapshot(resources, controller));
}

void ExplorerModel::setSnapshot(std::shared_ptr<ExplorerSnapshot> snapshot)
{
    if (!snapshot || !snapshot->hierarchy || !snapshot->byKind) {
        return;
    }
    std::unique_ptr<Item> &current = m_mode == Mode::Hierarchy ? m_hierarchy : m_byKind;
    std::unique_ptr<Item> &fresh = m_mode == Mode::Hierarchy ? snapshot->hierarchy : snapshot->byKind;
    // The mode not shown is only swapped: no view looks at it.
    if (m_mode == Mode::Hierarchy) {
        m_byKind = std::move(snapshot->byKind);
    } else {
        m_hierarchy = std::move(snapshot->hierarchy);
    }
    // Most edits (typing in a value) leave every row where it was: the tree is then updated in
    // place and only the rows whose icon, tooltip or position changed are repainted. A reset would
    // make the view lay out every row again (about 100 ms for 1,000 routes, on each keystroke's
    // re-validation) and lose expansion, selection and scroll.
    if (sameShape(*current, *fresh)) {
        adopt(*current, *fresh);
        return;
    }
    beginResetModel();
    current = std::move(fresh);
    endResetModel();
}

void ExplorerModel::adopt(Item &current, Item &fresh)
{
    // One dataChanged per run of changed siblings: a line inserted near the top moves every row
    // below it, and thousands of one-row signals cost the views (and the filter proxy) far more
    // than a few ranges.
    int first = -1;
    int last = -1;
    auto flush = [&] {
        if (first >= 0) {
            Q_EMIT dataChanged(createIndex(first, 0, current.children[static_cast<std::size_t>(first)].get()),
                               createIndex(last, 0, current.children[static_cast<std::size_t>(last)].get()));
            first = last = -1;
        }
    };
    for (std::size_t i = 0; i < current.children.size(); ++i) {
        Item &row = *current.children[i];
        Item &next = *fresh.children[i];
        const bool changed = row.tooltip != next.tooltip || row.hasStatus != next.hasStatus
                             || row.status.state != next.status.state
                             || row.status.details != next.status.details || row.file != next.file
                             || row.line != next.line || row.column != next.column
                             || row.kind != next.kind || row.ns != next.ns || row.name != next.name;
        if (changed) {
            row.tooltip = std::move(next.tooltip);
            row.status = std::move(next.status);
            row.hasStatus = next.hasStatus;
            row.file = std::move(next.file);
            row.line = next.line;
            row.column = next.column;
            row.kind = std::move(next.kind);
            row.ns = std::move(next.ns);
            row.name = std::move(next.name);
            if (first < 0) {
                first = static_cast<int>(i);
            }
            last = static_cast<int>(i);
        } else {
            flush();
        }
        adopt(row, next);
    }
    flush();
}

QModelIndex ExplorerModel::findResource(const QString &kind, const QString &ns, const QString &name) const
{
    std::vector<const Item *> queue{shown()};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const Item *item = queue[i];
        if (item != shown() && !item->group && item->kind == kind && item->name == name
            && (ns.isEmpty() || item->ns == ns) && item->line > 0) {
            return createIndex(item->row(), 0, const_cast<Item *>(item));
        }
        for (const auto &c : item->children) {
            queue.push_back(c.get());
        }
    }
    return {};
}

QModelIndex ExplorerModel::index(int row, int column, const QModelIndex &parent) const
{
    const Item *p = parent.isValid() ? static_cast<Item *>(parent.internalPointer()) : shown();
    if (column != 0 || row < 0 || row >= static_cast<int>(p->children.size())) {
        return {};
    }
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex ExplorerModel::parent(const QModelIndex &child) const
{
    if (!child.isValid()) {
        return {};
    }
    const Item *item = static_cast<Item *>(child.internalPointer());
    if (!item->parent || item->parent == shown()) {
        return {};
    }
    return createIndex(item->parent->row(), 0, item->parent);
}

int ExplorerModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0) {
        return 0;
    }
    const Item *p = parent.isValid() ? static_cast<Item *>(parent.internalPointer()) : shown();
    return static_cast<int>(p->children.size());
}

int ExplorerModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ExplorerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Item *item = static_cast<Item *>(index.internalPointer());
    switch (role) {
    case Qt::DisplayRole:
        return item->text;
    case Qt::ToolTipRole:
        return item->tooltip.isEmpty() ? QVariant() : QVariant(item->tooltip);
    case Qt::DecorationRole:
        return item->hasStatus ? QVariant(statusIcon(item->status.state)) : QVariant();
    case Qt::FontRole:
        if (item->group) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case FileRole:
        return item->file;
    case LineRole:
        return item->line;
    case ColumnRole:
        return item->column;
    case KindRole:
        return item->kind;
    case NamespaceRole:
        return item->ns;
    case NameRole:
        return item->name;
    case StateRole:
        return static_cast<int>(item->status.state);
    default:
        return {};
    }
}

} // namespace Torii::Gui
