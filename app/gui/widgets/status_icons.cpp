#include "status_icons.h"

#include <QtGui/QIconEngine>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

#include <map>

namespace Torii::Gui {

namespace {

enum class Shape { Check, Triangle, Cross, Hollow, Info };

// Paints at the requested size, so the icons stay sharp on high-DPI screens.
class ShapeIconEngine : public QIconEngine
{
public:
    explicit ShapeIconEngine(Shape shape) : m_shape(shape) {}
    QIconEngine *clone() const override { return new ShapeIconEngine(m_shape); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal s = qMin(rect.width(), rect.height());
        const QRectF r(rect.x() + (rect.width() - s) / 2 + 1, rect.y() + (rect.height() - s) / 2 + 1,
                       s - 2, s - 2);
        QPen white(Qt::white, qMax<qreal>(1.5, s / 8), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        switch (m_shape) {
        case Shape::Check:
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0x2e, 0x9e, 0x4f));
            painter->drawEllipse(r);
            painter->setPen(white);
            painter->drawPolyline(QPolygonF({QPointF(r.left() + r.width() * 0.27, r.top() + r.height() * 0.52),
                                             QPointF(r.left() + r.width() * 0.44, r.top() + r.height() * 0.70),
                                             QPointF(r.left() + r.width() * 0.74, r.top() + r.height() * 0.32)}));
            break;
        case Shape::Triangle: {
            QPainterPath path;
            path.moveTo(r.center().x(), r.top());
            path.lineTo(r.right(), r.bottom());
            path.lineTo(r.left(), r.bottom());
            path.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xe0, 0x9a, 0x12));
            painter->drawPath(path);
            painter->setPen(white);
            painter->drawLine(QPointF(r.center().x(), r.top() + r.height() * 0.35),
                              QPointF(r.center().x(), r.top() + r.height() * 0.66));
            painter->drawPoint(QPointF(r.center().x(), r.top() + r.height() * 0.83));
            break;
        }
        case Shape::Cross:
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xd0, 0x32, 0x2f));
            painter->drawEllipse(r);
            painter->setPen(white);
            painter->drawLine(QPointF(r.left() + r.width() * 0.32, r.top() + r.height() * 0.32),
                              QPointF(r.right() - r.width() * 0.32, r.bottom() - r.height() * 0.32));
            painter->drawLine(QPointF(r.right() - r.width() * 0.32, r.top() + r.height() * 0.32),
                              QPointF(r.left() + r.width() * 0.32, r.bottom() - r.height() * 0.32));
            break;
        case Shape::Hollow:
            painter->setPen(QPen(QColor(0x8a, 0x8a, 0x8a), qMax<qreal>(1.2, s / 10)));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r.adjusted(s / 8, s / 8, -s / 8, -s / 8));
            break;
        case Shape::Info:
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0x2f, 0x6f, 0xd0));
            painter->drawEllipse(r);
            painter->setPen(white);
            painter->drawLine(QPointF(r.center().x(), r.top() + r.height() * 0.45),
                              QPointF(r.center().x(), r.top() + r.height() * 0.75));
            painter->drawPoint(QPointF(r.center().x(), r.top() + r.height() * 0.27));
            break;
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

private:
    Shape m_shape;
};

QIcon iconFor(Shape shape)
{
    static std::map<Shape, QIcon> cache;
    auto it = cache.find(shape);
    if (it == cache.end()) {
        it = cache.emplace(shape, QIcon(new ShapeIconEngine(shape))).first;
    }
    return it->second;
}

} // namespace

QIcon statusIcon(StatusState state)
{
    switch (state) {
    case StatusState::Ok:
        return iconFor(Shape::Check);
    case StatusState::Warning:
        return iconFor(Shape::Triangle);
    case StatusState::Error:
        return iconFor(Shape::Cross);
    case StatusState::None:
        break;
    }
    return iconFor(Shape::Hollow);
}

QIcon severityIcon(Core::Severity severity)
{
    switch (severity) {
    case Core::Severity::Error:
        return iconFor(Shape::Cross);
    case Core::Severity::Warning:
        return iconFor(Shape::Triangle);
    case Core::Severity::Info:
        break;
    }
    return iconFor(Shape::Info);
}

} // namespace Torii::Gui
