#pragma once

#include <QtCore/QStringList>

namespace Torii::Cli {

// toriictl status [-o text|yaml|json] [--accept-all-classes] FILE|DIR...
// What a Gateway controller would report for every object: a `kubectl describe`-like summary,
// or every object with its computed status (`-o yaml`: multi-document, `kubectl get -o yaml`
// shape; `-o json`: a v1 List). Exit: 0 when every Gateway API object is accepted and resolved,
// 1 when any condition says otherwise, 2 when the input cannot be read.
int runStatus(const QStringList &arguments);

} // namespace Torii::Cli
