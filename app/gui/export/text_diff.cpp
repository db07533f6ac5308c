#include "text_diff.h"

#include <vector>

namespace Torii::Gui {

namespace {

QStringList splitLines(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n'))) {
        lines.removeLast();
    }
    return lines;
}

struct Edit
{
    char op; // ' ', '-', '+'
    int a;   // line in `before` (0-based) for ' ' and '-'
    int b;   // line in `after` for ' ' and '+'
};

} // namespace

TextDiff diffLines(const QString &before, const QString &after, int context)
{
    TextDiff diff;
    const QStringList a = splitLines(before);
    const QStringList b = splitLines(after);
    const int n = int(a.size());
    const int m = int(b.size());
    if (n > TextDiff::kMaxLines || m > TextDiff::kMaxLines) {
        diff.tooLarge = true;
        return diff;
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    std::vector<std::vector<int>> lcs(std::size_t(n) + 1, std::vector<int>(std::size_t(m) + 1, 0));
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j) {
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::vector<Edit> edits;
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            edits.push_back({' ', i++, j++});
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            edits.push_back({'-', i++, j}); // removals first, as diff -u prints them
            ++diff.removed;
        } else {
            edits.push_back({'+', i, j++});
            ++diff.added;
        }
    }
    // Hunks: runs of changes with up to `context` unchanged lines around them.
    const int count = int(edits.size());
    int k = 0;
    while (k < count) {
        if (edits[k].op == ' ') {
            ++k;
            continue;
        }
        int start = std::max(0, k - context);
        int end = k;
        // Extend while the next change is within 2 * context unchanged lines.
        int lastChange = k;
        for (int x = k; x < count; ++x) {
            if (edits[x].op != ' ') {
                lastChange = x;
            } else if (x - lastChange > 2 * context) {
                break;
            }
        }
        end = std::min(count, lastChange + context + 1);
        int aStart = edits[start].a;
        int bStart = edits[start].b;
        int aLen = 0;
        int bLen = 0;
        QStringList body;
        for (int x = start; x < end; ++x) {
            const Edit &e = edits[x];
            if (e.op == ' ') {
                body << QLatin1Char(' ') + a[e.a];
                ++aLen;
                ++bLen;
            } else if (e.op == '-') {
                body << QLatin1Char('-') + a[e.a];
                ++aLen;
            } else {
                body << QLatin1Char('+') + b[e.b];
                ++bLen;
            }
        }
        diff.lines << QStringLiteral("@@ -%1,%2 +%3,%4 @@")
                          .arg(aLen ? aStart + 1 : aStart)
                          .arg(aLen)
                          .arg(bLen ? bStart + 1 : bStart)
                          .arg(bLen);
        diff.lines << body;
        k = end;
    }
    return diff;
}

} // namespace Torii::Gui
