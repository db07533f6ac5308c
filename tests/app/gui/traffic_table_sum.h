#pragma once

// What the Traffic panel's table says about one backend, summed over its rows (a backend can
// serve several rules): the number a user reads, as the GUI tests check it.

#include "app/gui/traffic/traffic_model.h"

#include <cstdint>

namespace Torii::TestSupport {

inline std::uint64_t tableSum(const Gui::TrafficModel *model, const QString &backend,
                              int column)
{
    using Gui::TrafficModel;
    std::uint64_t n = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, TrafficModel::BackendColumn).data().toString() == backend) {
            n += std::uint64_t(model->index(r, column).data(TrafficModel::NumberRole).toDouble());
        }
    }
    return n;
}

} // namespace Torii::TestSupport
