#pragma once

// A unified diff of two texts by lines (longest common subsequence, 3 lines of context), as
// `diff -u` prints it without the file header, for the export dialog's "what changes on disk"
// view. Texts above kMaxLines lines each are not diffed (the table would be too large); the
// result then says how many lines each has.
//
// Pure; any thread.

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Torii::Gui {

struct TextDiff
{
    static constexpr int kMaxLines = 3000;
    QStringList lines; // "@@ -a,b +c,d @@", " same", "-removed", "+added"
    int added = 0;
    int removed = 0;
    bool tooLarge = false;
    bool identical() const { return !tooLarge && added == 0 && removed == 0; }
};

TextDiff diffLines(const QString &before, const QString &after, int context = 3);

} // namespace Torii::Gui
