#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// Exit codes shared by every subcommand.
enum ExitCode : int {
    ExitOk = 0,       // done, nothing wrong
    ExitFindings = 1, // done, and the input has errors
    ExitUnusable = 2, // the input could not be read or parsed, or the command line is wrong
};

} // namespace Torii::Cli
