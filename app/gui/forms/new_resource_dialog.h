#pragma once

// File → New resource…: pick one of the guide's patterns, name it, choose its namespace and the
// workspace file it is appended to, with a preview of the YAML.

#include <QtWidgets/QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Torii::Gui {

class NewResourceDialog : public QDialog
{
    Q_OBJECT
public:
    // `files` are the workspace's files (relative paths shown), `currentFile` preselected.
    NewResourceDialog(const QStringList &files, int currentFile, QWidget *parent = nullptr);

    void setTemplate(const QString &id);
    void setName(const QString &name);
    void setNamespace(const QString &ns);
    void setGateway(const QString &gateway);
    QString templateId() const;
    int fileIndex() const;
    QString yaml() const; // the filled-in template

private:
    void updatePreview();

    QListWidget *m_templates;
    QLineEdit *m_name;
    QLineEdit *m_namespace;
    QLineEdit *m_gateway;
    QComboBox *m_file;
    QLabel *m_description;
    QPlainTextEdit *m_preview;
};

} // namespace Torii::Gui
