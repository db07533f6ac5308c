#include "hierarchy_items.h"

#include <QtGui/QPainter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyleOptionGraphicsItem>

#include <cmath>

namespace Torii::Gui {

using Export::EdgeStatus;
using Export::NodeStatus;
using Export::Role;

QColor statusColor(NodeStatus status, bool dark)
{
    switch (status) {
    case NodeStatus::Ok:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case NodeStatus::Warning:
        return dark ? QColor(0xff, 0xca, 0x28) : QColor(0xb2, 0x6a, 0x00);
    case NodeStatus::Failed:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case NodeStatus::NoController:
    case NodeStatus::Missing:
        return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x75, 0x75, 0x75);
    case NodeStatus::Plain:
        break;
    }
    return dark ? QColor(0x90, 0xa4, 0xae) : QColor(0x45, 0x5a, 0x64);
}

QColor edgeColor(EdgeStatus status, Export::EdgeKind kind, bool dark)
{
    if (status == EdgeStatus::Refused) {
        return statusColor(NodeStatus::Failed, dark);
    }
    if (status == EdgeStatus::Unknown) {
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x9e, 0x9e, 0x9e);
    }
    if (kind == Export::EdgeKind::GrantFrom || kind == Export::EdgeKind::GrantTo) {
        return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
    }
    if (kind == Export::EdgeKind::PolicyTarget || kind == Export::EdgeKind::Certificate) {
        return dark ? QColor(0x80, 0xde, 0xea) : QColor(0x00, 0x83, 0x8f);
    }
    return dark ? QColor(0xb0, 0xbe, 0xc5) : QColor(0x54, 0x6e, 0x7a);
}

QColor laneColor(Role role, bool dark)
{
    QColor c;
    switch (role) {
    case Role::InfrastructureProvider:
        c = QColor(0x9c, 0x6a, 0xd0);
        break;
    case Role::ClusterOperator:
        c = QColor(0x3f, 0x8a, 0xe0);
        break;
    case Role::ApplicationDeveloper:
        c = QColor(0x43, 0xa0, 0x47);
        break;
    case Role::None:
        c = QColor(0x90, 0x90, 0x90);
        break;
    }
    c.setAlpha(dark ? 48 : 28);
    return c;
}

namespace {

const char *glyph(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Ok:
        return "✓";
    case NodeStatus::Warning:
        return "⚠";
    case NodeStatus::Failed:
        return "✕";
    case NodeStatus::NoController:
        return "○";
    case NodeStatus::Missing:
        return "?";
    case NodeStatus::Plain:
        break;
    }
    return "";
}

} // namespace

HierarchyNodeItem::HierarchyNodeItem(const Export::GraphNode &node, const Export::NodeBox &box,
                                     int index, bool dark)
    : m_node(node),
      m_rect(box.center.x - box.width / 2, box.center.y - box.height / 2, box.width, box.height),
      m_dark(dark)
{
    setData(kItemRole, QStringLiteral("node"));
    setData(kItemIndex, index);
    setZValue(2);
    setAcceptedMouseButtons(Qt::NoButton); // clicks are the view's (it tells a click from a pan)
    setCursor(Qt::PointingHandCursor);
}

QRectF HierarchyNodeItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

void HierarchyNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                              QWidget *widget)
{
    const QPalette palette = widget ? widget->palette() : QApplication::palette();
    const QColor status = statusColor(m_node.status, m_dark);
    // A large graph fitted in the view shows its boxes a few pixels high: the text would be
    // unreadable and drawing it for a thousand nodes stalled the window for a second. Below a
    // readable size a box is only its status-coloured outline.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.45) {
        painter->setPen(lod < 0.15 ? Qt::NoPen : QPen(status, 0));
        painter->setBrush(lod < 0.15 ? QBrush(status) : palette.brush(QPalette::Base));
        painter->drawRect(m_rect);
        return;
    }
    QPen pen(status, 1.6);
    if (m_node.status == NodeStatus::Missing || m_node.implicit) {
        pen.setStyle(Qt::DashLine);
    }
    if (option->state & QStyle::State_MouseOver) {
        pen.setWidthF(2.6);
    }
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(m_rect, 5, 5);

    // Three lines, as Graphviz sized the box for: "✓ Kind", name, detail.
    QFont font = painter->font();
    font.setPointSizeF(7.5);
    const QRectF inner = m_rect.adjusted(4, 2, -4, -2);
    QStringList lines;
    lines << QString::fromUtf8(glyph(m_node.status)) + QLatin1Char(' ') +
                 QString::fromStdString(m_node.kind);
    lines << (m_node.kind == "Listener" || m_node.ns.empty()
                  ? QString::fromStdString(m_node.name)
                  : QString::fromStdString(m_node.ns + "/" + m_node.name));
    if (!m_node.detail.empty()) {
        lines << QString::fromStdString(m_node.detail);
    }
    if (m_node.status == NodeStatus::Missing) {
        lines << QCoreApplication::translate("Torii::Gui::HierarchyView", "(missing)");
    } else if (m_node.implicit) {
        lines << QCoreApplication::translate("Torii::Gui::HierarchyView", "(made up by the studio)");
    }
    const QFontMetricsF metrics(font);
    const double lineHeight = metrics.height();
    double y = inner.center().y() - lineHeight * lines.size() / 2;
    for (int i = 0; i < lines.size(); ++i) {
        QFont f = font;
        f.setBold(i == 0);
        painter->setFont(f);
        painter->setPen(i == 0 ? status : palette.color(QPalette::Text));
        const QString text = QFontMetricsF(f).elidedText(lines[i], Qt::ElideMiddle, inner.width());
        painter->drawText(QRectF(inner.left(), y, inner.width(), lineHeight), Qt::AlignCenter, text);
        y += lineHeight;
    }
}

HierarchyEdgeItem::HierarchyEdgeItem(const Export::GraphEdge &edge, const Export::EdgePath &path,
                                     int index, bool dark)
{
    setData(kItemRole, QStringLiteral("edge"));
    setData(kItemIndex, index);
    setZValue(1);
    setAcceptedMouseButtons(Qt::NoButton);
    QPainterPath p;
    const auto &b = path.bezier;
    if (!b.empty()) {
        p.moveTo(b[0].x, b[0].y);
        std::size_t i = 1;
        for (; i + 2 < b.size(); i += 3) {
            p.cubicTo(b[i].x, b[i].y, b[i + 1].x, b[i + 1].y, b[i + 2].x, b[i + 2].y);
        }
        for (; i < b.size(); ++i) {
            p.lineTo(b[i].x, b[i].y);
        }
        if (path.arrowTip) {
            const QPointF tip(path.arrowTip->x, path.arrowTip->y);
            const QPointF base(b.back().x, b.back().y);
            const QPointF d = tip - base;
            const double length = std::hypot(d.x(), d.y());
            if (length > 0.01) {
                const QPointF unit = d / length;
                const QPointF normal(-unit.y(), unit.x());
                m_arrow << tip << base + normal * (length * 0.45) << base - normal * (length * 0.45);
            }
        }
    }
    setPath(p);
    QPen pen(edgeColor(edge.status, edge.kind, dark), edge.status == EdgeStatus::Refused ? 1.6 : 1.1);
    if (edge.status == EdgeStatus::Refused || edge.kind == Export::EdgeKind::GrantFrom ||
        edge.kind == Export::EdgeKind::GrantTo) {
        pen.setStyle(Qt::DashLine);
    } else if (edge.status == EdgeStatus::Unknown) {
        pen.setStyle(Qt::DotLine);
    }
    setPen(pen);
    if (!edge.reason.empty()) {
        setToolTip(QString::fromStdString(edge.reason) +
                   (edge.message.empty() ? QString()
                                         : QStringLiteral(": ") + QString::fromStdString(edge.message)));
    }
}

void HierarchyEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                              QWidget *widget)
{
    // Far out (a large graph fitted in the view) thin lines without antialiasing and without
    // arrow heads: the same picture at that size, in a fraction of the time.
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.45) {
        painter->setPen(QPen(pen().color(), 0, pen().style()));
        painter->setBrush(Qt::NoBrush);
        if (lod < 0.2) {
            // A few pixels long: the chord of the curve looks the same and costs no flattening.
            const QPainterPath &p = path();
            painter->drawLine(p.elementAt(0), p.currentPosition());
        } else {
            painter->drawPath(path());
        }
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QGraphicsPathItem::paint(painter, option, widget);
    if (!m_arrow.isEmpty()) {
        painter->setPen(QPen(pen().color(), pen().widthF()));
        painter->setBrush(pen().color());
        painter->drawPolygon(m_arrow);
    }
}

QRectF HierarchyEdgeItem::boundingRect() const
{
    return QGraphicsPathItem::boundingRect().united(m_arrow.boundingRect().adjusted(-2, -2, 2, 2));
}

} // namespace Torii::Gui
