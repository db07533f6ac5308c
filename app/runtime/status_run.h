#pragma once

#include "engine/controller/controller.h"
#include "engine/core/diagnostic.h"
#include "engine/model/resource.h"

#include <functional>
#include <string>
#include <vector>

namespace Torii::Runtime {

// Loading files and computing what a Gateway controller would report, as `toriictl status`,
// `toriictl routes` and the GUI's status icons do.
struct StatusRun
{
    std::vector<Model::Resource> resources;
    Controller::ControllerResult controller; // statuses parallel to `resources`
    Core::Diagnostics diagnostics;           // reading problems and the controller's warnings
    bool unreadable = false;
};

// `prepare`, when given, may add objects to the loaded ones before they are reconciled (serve's
// implicit Services).
StatusRun computeStatus(const std::vector<std::string> &paths,
                        const Controller::ControllerOptions &options = {},
                        const std::function<void(std::vector<Model::Resource> &)> &prepare = {});

// The object with its computed `status` (replacing any status written in the file), as
// `kubectl get -o yaml` would show it after the controller ran.
Model::Node objectWithStatus(const StatusRun &run, std::size_t index);

} // namespace Torii::Runtime
