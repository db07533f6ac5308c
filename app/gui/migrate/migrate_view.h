#pragma once

// The studio's Migrate view: another tool's configuration (an ECS task definition, ALB rules, an
// Ingress, Istio objects, an OpenAPI 3 document), opened or pasted on the left, converted into
// Gateway API / Kubernetes objects shown on the right, with the converter's notes below.
// The converter is chosen by claim (Runtime::detectConverter) unless the user picks one.
// Selecting a line of the generated YAML selects the source field it came from (provenance);
// activating a note selects its source line. "Add to Workspace" hands the objects' YAML to
// whoever owns the workspace (addToWorkspaceRequested). Conversion runs on a worker
// (QtConcurrent); edits made meanwhile start another run when it ends, stale results are never
// shown over newer ones.

#include "migration.h"

#include <QtCore/QFutureWatcher>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace Torii::Gui {

class MigrationNotesModel;
class YamlEditor;

class MigrateView : public QWidget
{
    Q_OBJECT
public:
    explicit MigrateView(QWidget *parent = nullptr);
    ~MigrateView() override;

    // Replaces the source by `text`, named `name` in notes (empty: pasted text), and converts it.
    void setSourceText(const QString &text, const QString &name = {});
    // Loads a file as the source; false (and the reason in the status line) when unreadable.
    bool openFile(const QString &path);
    // Asks for a file to open.
    void chooseFile();
    // Converts the current source now (on the worker); converted() follows.
    void convertNow();

    const Migration &migration() const { return m_migration; }
    QString generatedYaml() const { return QString::fromStdString(m_migration.yaml); }
    bool isConverting() const { return m_watcher.isRunning(); }

    YamlEditor *sourceEditor() const { return m_source; }
    YamlEditor *previewEditor() const { return m_preview; }
    QTableView *notesView() const { return m_notesView; }
    MigrationNotesModel *notesModel() const { return m_notes; }
    QComboBox *converterCombo() const { return m_converter; }
    QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    // A conversion finished and is shown.
    void converted();
    // The user asked to add the generated objects (YAML documents) to the workspace.
    void addToWorkspaceRequested(const QString &yaml);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void startConversion();
    void showResult(Migration result);
    // The provenance of the preview's current line in the label, and (selectInSource) the
    // source field it came from selected.
    void showProvenanceOfPreviewLine(bool selectInSource);
    void selectSource(int line, int column);
    void activateNote(const QModelIndex &index);
    Runtime::ConvertSettings settings() const;

    YamlEditor *m_source;
    YamlEditor *m_preview;
    MigrationNotesModel *m_notes;
    QTableView *m_notesView;
    QComboBox *m_converter;
    QLabel *m_converterLabel;
    QLineEdit *m_namespace;
    QLineEdit *m_gatewayClass;
    QLineEdit *m_backend;
    QLineEdit *m_tlsSecret;
    QPushButton *m_open;
    QPushButton *m_add;
    QLabel *m_status;
    QLabel *m_provenance;
    QLabel *m_sourceTitle;
    QLabel *m_previewTitle;
    QTimer *m_debounce;
    QFutureWatcher<Migration> m_watcher;
    Migration m_migration;
    QString m_sourceName;
    bool m_rerun = false;           // the source changed while the worker ran
    bool m_updatingPreview = false; // our own setPlainText: not the user selecting a line
};

} // namespace Torii::Gui
