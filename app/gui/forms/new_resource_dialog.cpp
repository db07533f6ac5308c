#include "new_resource_dialog.h"

#include "resource_templates.h"

#include <QtGui/QFontDatabase>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

NewResourceDialog::NewResourceDialog(const QStringList &files, int currentFile, QWidget *parent)
    : QDialog(parent)
    , m_templates(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_gateway(new QLineEdit(this))
    , m_file(new QComboBox(this))
    , m_description(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
{
    setWindowTitle(tr("New Resource"));
    setObjectName(QStringLiteral("newResourceDialog"));
    for (const ResourceTemplate &t : resourceTemplates()) {
        auto *item = new QListWidgetItem(t.title, m_templates);
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(t.description);
    }
    m_templates->setObjectName(QStringLiteral("templateList"));
    m_name->setObjectName(QStringLiteral("templateName"));
    m_namespace->setObjectName(QStringLiteral("templateNamespace"));
    m_gateway->setObjectName(QStringLiteral("templateGateway"));
    m_file->setObjectName(QStringLiteral("templateFile"));
    m_namespace->setPlaceholderText(QStringLiteral("default"));
    m_gateway->setPlaceholderText(QStringLiteral("example-gateway"));
    m_file->addItems(files);
    m_file->setCurrentIndex(std::max(0, currentFile));
    m_description->setWordWrap(true);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Name&space:"), m_namespace);
    form->addRow(tr("&Parent Gateway:"), m_gateway);
    form->addRow(tr("Append to &file:"), m_file);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_description);
    right->addWidget(m_preview, 1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_templates);
    top->addLayout(right, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);
    resize(820, 520);

    connect(m_templates, &QListWidget::currentRowChanged, this, &NewResourceDialog::updatePreview);
    for (QLineEdit *e : {m_name, m_namespace, m_gateway}) {
        connect(e, &QLineEdit::textChanged, this, &NewResourceDialog::updatePreview);
    }
    m_templates->setCurrentRow(0);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!files.isEmpty());
}

void NewResourceDialog::setTemplate(const QString &id)
{
    for (int i = 0; i < m_templates->count(); ++i) {
        if (m_templates->item(i)->data(Qt::UserRole).toString() == id) {
            m_templates->setCurrentRow(i);
        }
    }
}

void NewResourceDialog::setName(const QString &name)
{
    m_name->setText(name);
}
void NewResourceDialog::setNamespace(const QString &ns)
{
    m_namespace->setText(ns);
}
void NewResourceDialog::setGateway(const QString &gateway)
{
    m_gateway->setText(gateway);
}

QString NewResourceDialog::templateId() const
{
    const QListWidgetItem *item = m_templates->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

int NewResourceDialog::fileIndex() const
{
    return m_file->currentIndex();
}

QString NewResourceDialog::yaml() const
{
    return resourceTemplate(templateId())
        .instantiate(m_name->text().trimmed(), m_namespace->text().trimmed(),
                     m_gateway->text().trimmed());
}

void NewResourceDialog::updatePreview()
{
    const ResourceTemplate t = resourceTemplate(templateId());
    m_description->setText(t.description);
    m_name->setPlaceholderText(t.id);
    m_preview->setPlainText(yaml());
}

} // namespace Torii::Gui
