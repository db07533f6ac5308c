#include "status_run.h"

#include "engine/yaml/resource_reader.h"

namespace Torii::Runtime {

StatusRun computeStatus(const std::vector<std::string> &paths,
                        const Controller::ControllerOptions &options,
                        const std::function<void(std::vector<Model::Resource> &)> &prepare)
{
    StatusRun run;
    Yaml::ReadResult read = Yaml::readPaths(paths);
    run.unreadable = read.fatal;
    run.diagnostics = std::move(read.diagnostics);
    run.resources = std::move(read.resources);
    if (prepare) {
        prepare(run.resources);
    }
    run.controller = Controller::reconcile(run.resources, options);
    for (const Core::Diagnostic &d : run.controller.diagnostics) {
        run.diagnostics.push_back(d);
    }
    return run;
}

Model::Node objectWithStatus(const StatusRun &run, std::size_t index)
{
    Model::Node object = run.resources.at(index).object;
    object.remove("status");
    if (index < run.controller.statuses.size() && run.controller.statuses[index]) {
        object.set("status", *run.controller.statuses[index]);
    }
    return object;
}

} // namespace Torii::Runtime
