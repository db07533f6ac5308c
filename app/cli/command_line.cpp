#include "command_line.h"

#include "command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>

#include <cstdio>

namespace Torii::Cli {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const char *command)
{
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "toriictl %s: %s\n", command, qPrintable(parser.errorText()));
        return ExitUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return ExitOk;
    }
    return std::nullopt;
}

std::optional<std::vector<std::string>> existingPaths(const QStringList &names, const QString &noneNamed)
{
    std::vector<std::string> paths;
    for (const QString &p : names) {
        if (!QFileInfo::exists(p)) {
            std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("toriictl", "%1: no such file or folder").arg(p)));
            return std::nullopt;
        }
        paths.push_back(p.toStdString());
    }
    if (paths.empty()) {
        std::fprintf(stderr, "%s\n", qPrintable(noneNamed));
        return std::nullopt;
    }
    return paths;
}

std::optional<std::pair<std::string, std::string>> backendBinding(const QString &binding)
{
    const int eq = binding.indexOf(QLatin1Char('='));
    const QString target = binding.mid(eq + 1);
    if (eq <= 0 || !binding.left(eq).contains(QLatin1Char('/')) ||
        !(target.startsWith(QLatin1String("127.")) ||
          target.startsWith(QLatin1String("localhost:")))) {
        return std::nullopt;
    }
    return std::make_pair(binding.left(eq).toStdString(),
                          target.startsWith(QLatin1String("localhost:"))
                              ? "127.0.0.1:" + target.mid(10).toStdString()
                              : target.toStdString());
}

QCommandLineOption backendOption()
{
    return QCommandLineOption(
        QStringLiteral("backend"),
        QCoreApplication::translate(
            "toriictl", "Send a Service's traffic to a real local app instead of a mock: "
                        "NAMESPACE/NAME=127.0.0.1:PORT."),
        QStringLiteral("binding"));
}

} // namespace Torii::Cli
