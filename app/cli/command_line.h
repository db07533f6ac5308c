#pragma once

// The command-line steps every design-reading subcommand (graph, status, routes) starts with, so
// they report a wrong command line and missing files with the same words and exit codes.

#include <QtCore/QCommandLineParser>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Cli {

// Parses `arguments`: a wrong command line prints "toriictl <command>: <error>" to stderr and
// gives ExitUnusable; --help prints the help to stdout and gives ExitOk. nullopt: carry on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const char *command);

// The design files and folders named on the command line: each must exist and at least one is
// needed (`noneNamed` is the command's message for that). On a problem the message goes to stderr
// and nullopt comes back; the command then exits with ExitUnusable.
std::optional<std::vector<std::string>> existingPaths(const QStringList &names, const QString &noneNamed);

// A --backend binding of serve and load, "NAMESPACE/NAME=127.0.0.1:PORT" (or localhost:PORT):
// ("NAMESPACE/NAME", "127.0.0.1:PORT"). nullopt when malformed or not on this machine (real
// backends stay on this machine unless a later option allows more, ARCHITECTURE.md).
std::optional<std::pair<std::string, std::string>> backendBinding(const QString &binding);
// The --backend option itself (its name, help and value name), the same in serve and load.
QCommandLineOption backendOption();

} // namespace Torii::Cli
