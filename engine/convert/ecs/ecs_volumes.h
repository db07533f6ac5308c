#pragma once

// Task volumes → pod volumes: host.sourcePath → hostPath, a volume with no host (or an empty one)
// → emptyDir (Docker's scratch volume), dockerVolumeConfiguration → emptyDir or a
// PersistentVolumeClaim by scope, efsVolumeConfiguration → a PersistentVolumeClaim with a note
// on the EFS CSI driver. Module-private.

#include "ecs_context.h"

namespace Torii::Convert::Ecs::Internal {

// The pod's `volumes` list (may be empty). `taskPointer` is "" or "/taskDefinition".
Model::Node convertVolumes(EcsContext &ctx, const Model::Node &task, const std::string &taskPointer,
                           const std::string &deploymentLabel);

} // namespace Torii::Convert::Ecs::Internal
