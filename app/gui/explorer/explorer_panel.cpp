#include "explorer_panel.h"

#include "app/gui/models/explorer_model.h"

#include <QtCore/QSortFilterProxyModel>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

ExplorerPanel::ExplorerPanel(ExplorerModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_mode(new QComboBox(this)), m_view(new QTreeView(this))
{
    m_filter->setObjectName(QStringLiteral("explorerFilter"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_mode->setObjectName(QStringLiteral("explorerMode"));
    m_mode->addItem(tr("Hierarchy"));
    m_mode->addItem(tr("By kind and namespace"));
    m_view->setObjectName(QStringLiteral("explorerTree"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setExpandsOnDoubleClick(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The width fits the rows on screen, not every row: measuring the text of a thousand routes
    // on each layout stalled the window for tens of milliseconds after every re-validation.
    m_view->header()->setResizeContentsPrecision(0);
    m_view->header()->setStretchLastSection(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_mode);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_view->expandAll();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setMode(index == 0 ? ExplorerModel::Mode::Hierarchy : ExplorerModel::Mode::ByKind);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ExplorerPanel::afterReset);
    connect(m_view, &QTreeView::activated, this, &ExplorerPanel::activate);
}

void ExplorerPanel::activateCurrent()
{
    if (m_view->currentIndex().isValid()) {
        activate(m_view->currentIndex());
    }
}

void ExplorerPanel::activate(const QModelIndex &index)
{
    {
        const QString file = index.data(ExplorerModel::FileRole).toString();
        const int line = index.data(ExplorerModel::LineRole).toInt();
        if (!file.isEmpty() && line > 0) {
            Q_EMIT locationActivated(file, line, index.data(ExplorerModel::ColumnRole).toInt());
        } else {
            m_view->setExpanded(index, !m_view->isExpanded(index));
        }
    }
}

void ExplorerPanel::afterReset()
{
    // Show the hierarchy down to the routes; rules and backends stay folded. A large design
    // (a thousand routes) stays folded one level higher: laying out every route's row after each
    // reset stalled the window, and a thousand rows are no overview anyway.
    constexpr int kLargeTree = 2000;
    const bool large = m_model->totalRowCount() > kLargeTree;
    if (!m_filter->text().isEmpty()) {
        m_view->expandAll();
    } else {
        m_view->expandToDepth((m_model->mode() == ExplorerModel::Mode::Hierarchy ? 2 : 1) - (large ? 1 : 0));
    }
}

bool ExplorerPanel::selectResource(const QString &kind, const QString &ns, const QString &name)
{
    const QModelIndex source = m_model->findResource(kind, ns, name);
    if (!source.isValid()) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        return false;
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

} // namespace Torii::Gui
