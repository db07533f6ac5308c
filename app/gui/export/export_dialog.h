#pragma once

// File → Export: the workspace as kubectl-ready YAML (engine/export) — one file, one per role or
// one per kind — into a folder. Shows each file's text (read-only, highlighted) and its diff
// against the file already at the target, the export's warnings (what the cluster will reject
// or ignore, what was left out), and writes the files atomically (QSaveFile: a reader sees the
// old file or the new one, never half). Secrets holding a private key are left out unless
// "Include Secrets with private keys" is checked, which shows a warning.
//
// Thread: GUI thread; the export of a hand-written design takes milliseconds.

#include "engine/core/diagnostic.h"
#include "engine/export/manifest_export.h"
#include "engine/model/resource.h"

#include <QtWidgets/QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace Torii::Gui {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // `validation`: the workspace's diagnostics (the export matches them to objects).
    ExportDialog(std::vector<Model::Resource> resources, Core::Diagnostics validation,
                 const QString &targetDirectory, QWidget *parent = nullptr);

    void setSplit(Export::SplitMode split);
    void setIncludeSecrets(bool include);
    void setTargetDirectory(const QString &directory);
    QString targetDirectory() const;
    // Shows this file (by index into result().files) in the preview and diff.
    void showFile(int index);

    const Export::ExportResult &result() const { return m_result; }
    // Writes every file into the target folder (created if needed). False with `error`; files
    // written before a failure stay (each one whole).
    bool writeFiles(QString *error);

    QListWidget *fileList() const { return m_files; }
    QListWidget *warningList() const { return m_warnings; }
    QPlainTextEdit *preview() const { return m_preview; }
    QPlainTextEdit *diffView() const { return m_diff; }

private:
    void recompute();
    void exportClicked();

    std::vector<Model::Resource> m_resources;
    Core::Diagnostics m_validation;
    Export::ExportResult m_result;
    QComboBox *m_split;
    QLineEdit *m_target;
    QCheckBox *m_includeSecrets;
    QLabel *m_secretsWarning;
    QListWidget *m_files;
    QTabWidget *m_views;
    QPlainTextEdit *m_preview;
    QPlainTextEdit *m_diff;
    QListWidget *m_warnings;
    QLabel *m_summary;
    QPushButton *m_export;
};

} // namespace Torii::Gui
