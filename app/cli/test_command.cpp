#include "test_command.h"

#include "command.h"
#include "diagnostic_printer.h"

#include "app/runtime/live_environment.h"
#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/junit_report.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFileInfo>

#include <cstdio>
#include <stdexcept>

namespace Torii::Cli {

namespace {

void printError(const QString &message)
{
    std::fprintf(stderr, "%s\n", message.toUtf8().constData());
}

// `-o junit FILE` takes two words, which QCommandLineParser cannot express: taken out first.
bool takeJUnitOption(QStringList &arguments, QString &junitPath)
{
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments[i] != QLatin1String("-o") && arguments[i] != QLatin1String("--output")) {
            continue;
        }
        if (i + 2 >= arguments.size() || arguments[i + 1] != QLatin1String("junit")) {
            printError(QCoreApplication::translate(
                "toriictl", "toriictl test: the output option is \"-o junit FILE\""));
            return false;
        }
        junitPath = arguments[i + 2];
        arguments.remove(i, 3);
        --i;
    }
    return true;
}

// Files as given; folders: every *.yaml / *.yml below them, sorted.
bool expandCasePaths(const QStringList &paths, QStringList &files)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            printError(
                QCoreApplication::translate("toriictl", "%1: no such file or folder").arg(path));
            return false;
        }
        if (!info.isDir()) {
            files << path;
            continue;
        }
        QStringList found;
        QDirIterator it(path, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            found << it.next();
        }
        found.sort();
        files << found;
    }
    return true;
}

QString resultLine(const Scenarios::CaseResult &result)
{
    const QString name = QString::fromStdString(result.name);
    const QString reason = QString::fromStdString(result.reason.localized());
    switch (result.verdict) {
    case Scenarios::Verdict::Pass:
        //: A test passed. Keep the word PASS as is: scripts read it.
        return QCoreApplication::translate("toriictl", "PASS %1").arg(name);
    case Scenarios::Verdict::Fail:
        //: A test failed, and why. Keep the word FAIL as is: scripts read it.
        return QCoreApplication::translate("toriictl", "FAIL %1: %2").arg(name, reason);
    case Scenarios::Verdict::Skip:
        //: A test was not run, and why. Keep the word SKIP as is: scripts read it.
        return QCoreApplication::translate("toriictl", "SKIP %1: %2").arg(name, reason);
    }
    return name;
}

void printItems(const Scenarios::CaseResult &result)
{
    for (const Scenarios::ItemResult &item : result.items) {
        //: One assertion or action of a test (--verbose): verdict, file:line, [check], message.
        const QString line =
            QCoreApplication::translate("toriictl", "  %1 %2:%3: [%4] %5")
                .arg(QString::fromLatin1(Scenarios::verdictName(item.result.verdict)),
                     QString::fromStdString(result.file), QString::number(item.mark.line),
                     QString::fromStdString(item.what),
                     QString::fromStdString(item.result.localized()));
        std::fprintf(stdout, "%s\n", line.toUtf8().constData());
    }
}

} // namespace

int runTest(const QStringList &argumentsIn)
{
    QStringList arguments = argumentsIn;
    QString junitPath;
    if (!takeJUnitOption(arguments, junitPath)) {
        return ExitUnusable;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl",
        "Run route tests (the Gateway API conformance case format): load each test's "
        "manifests, compute the status a Gateway controller would report and check it, then "
        "send the test's requests through the live local gateway and check the answers."));
    parser.addHelpOption();
    const QCommandLineOption cases(
        QStringLiteral("cases"),
        QCoreApplication::translate("toriictl",
                                    "A case file, or a folder of them (may be repeated; more "
                                    "may follow as arguments)."),
        QStringLiteral("FILE|DIR"));
    const QCommandLineOption statusOnly(
        QStringLiteral("status-only"),
        QCoreApplication::translate(
            "toriictl",
            "Check the status assertions only; send no requests."));
    const QCommandLineOption conformance(
        QStringLiteral("conformance"),
        QCoreApplication::translate(
            "toriictl",
            "Set up as the conformance suite does: the GatewayClass under test, its rewrites, and "
            "the generated certificates."));
    const QCommandLineOption manifestsRoot(
        QStringLiteral("manifests-root"),
        QCoreApplication::translate(
            "toriictl",
            "Folder the cases' manifest paths are relative to (default: the case file's "
            "../manifests)."),
        QStringLiteral("DIR"));
    const QCommandLineOption acceptAll(
        QStringLiteral("accept-all-classes"),
        QCoreApplication::translate("toriictl",
                                    "Accept every GatewayClass, whatever its controllerName."));
    const QCommandLineOption verbose(
        QStringLiteral("verbose"),
        QCoreApplication::translate("toriictl",
                                    "Also print every assertion and action of each test."));
    const QCommandLineOption junitHelp(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QCoreApplication::translate("toriictl",
                                    "Also write the results as JUnit XML: -o junit FILE."),
        QStringLiteral("junit FILE"));
    parser.addOptions(
        {cases, statusOnly, conformance, manifestsRoot, acceptAll, verbose, junitHelp});
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QCoreApplication::translate("toriictl", "More case files or folders."),
        QStringLiteral("[FILE|DIR...]"));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "toriictl test: %s\n", qPrintable(parser.errorText()));
        return ExitUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    const QStringList paths = parser.values(cases) + parser.positionalArguments();
    if (paths.isEmpty()) {
        printError(QCoreApplication::translate(
            "toriictl", "toriictl test: name the case files with --cases FILE|DIR"));
        return ExitUnusable;
    }
    if (parser.isSet(manifestsRoot) && !QFileInfo(parser.value(manifestsRoot)).isDir()) {
        printError(QCoreApplication::translate("toriictl", "%1: no such folder")
                       .arg(parser.value(manifestsRoot)));
        return ExitUnusable;
    }
    QStringList files;
    if (!expandCasePaths(paths, files)) {
        return ExitUnusable;
    }
    if (files.isEmpty()) {
        printError(QCoreApplication::translate("toriictl",
                                               "toriictl test: no case files (*.yaml, *.yml) in %1")
                       .arg(paths.join(", ")));
        return ExitUnusable;
    }

    std::vector<Scenarios::RouteTestFile> parsed;
    bool unusable = false;
    for (const QString &file : files) {
        Scenarios::RouteTestFile one = Scenarios::parseRouteTestFile(file.toStdString());
        const QByteArray text = diagnosticsAsText(one.diagnostics, true);
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stderr);
        unusable = unusable || one.hasErrors();
        parsed.push_back(std::move(one));
    }
    if (unusable) {
        printError(QCoreApplication::translate(
            "toriictl", "toriictl test: fix the case files above; no test was run"));
        return ExitUnusable;
    }

    Scenarios::RunnerOptions options;
    options.conformance = parser.isSet(conformance);
    options.acceptAllClasses = parser.isSet(acceptAll);
    options.manifestsRoot = parser.value(manifestsRoot).toStdString();
    // Without --status-only each case's requests go through the live local gateway, served on
    // ports the OS chooses so runs never collide with `toriictl serve` or each other.
    Runtime::LiveEnvironment live;
    if (!parser.isSet(statusOnly)) {
        options.live = &live;
    }
    Scenarios::CaseRunner runner(options);
    std::vector<Scenarios::CaseResult> results;
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    bool inputError = false;
    for (const Scenarios::RouteTestFile &file : parsed) {
        for (const Scenarios::RouteTest &test : file.tests) {
            try {
                results.push_back(runner.run(test));
            } catch (const std::runtime_error &e) {
                // Only the certificate generation throws: nothing can run without it.
                printError(QCoreApplication::translate("toriictl",
                                                       "toriictl test: cannot set up the run: %1")
                               .arg(QString::fromStdString(e.what())));
                return ExitUnusable;
            }
            const Scenarios::CaseResult &result = results.back();
            std::fprintf(stdout, "%s\n", resultLine(result).toUtf8().constData());
            if (parser.isSet(verbose)) {
                printItems(result);
            }
            std::fflush(stdout);
            passed += result.verdict == Scenarios::Verdict::Pass ? 1 : 0;
            failed += result.verdict == Scenarios::Verdict::Fail ? 1 : 0;
            skipped += result.verdict == Scenarios::Verdict::Skip ? 1 : 0;
            inputError = inputError || result.inputError;
        }
    }
    //: The last line of `toriictl test`; scripts read it.
    const QString summary =
        QCoreApplication::translate("toriictl", "%1 passed, %2 failed, %3 skipped")
            .arg(passed)
            .arg(failed)
            .arg(skipped);
    std::fprintf(stdout, "%s\n", summary.toUtf8().constData());

    if (!junitPath.isEmpty()) {
        std::string error;
        if (!Scenarios::writeJUnit(junitPath.toStdString(), results, "toriictl test", &error)) {
            printError(
                QCoreApplication::translate("toriictl", "%1: cannot write the JUnit report: %2")
                    .arg(junitPath, QString::fromStdString(error)));
            return ExitUnusable;
        }
    }
    if (inputError) {
        return ExitUnusable;
    }
    return failed > 0 ? ExitFindings : ExitOk;
}

} // namespace Torii::Cli
