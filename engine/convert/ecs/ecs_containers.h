#pragma once

// One ECS container definition → one Kubernetes container (image, entryPoint/command →
// command/args, environment, secrets as Secret references, cpu/memory → requests/limits, GPUs,
// healthCheck → livenessProbe (+ startupProbe for startPeriod), mountPoints and volumesFrom →
// volumeMounts, user/privileged/readonlyRootFilesystem/linuxParameters → securityContext), and
// the notes for container fields with no Kubernetes equivalent. Module-private.

#include "ecs_context.h"

#include <string>
#include <vector>

namespace Torii::Convert::Ecs::Internal {

// A port the task exposes (portMappings), for the Services and the Gateway.
struct ExposedPort
{
    std::string container; // Kubernetes container name
    std::string portName;  // the container port's name ("" when none fits)
    std::int64_t containerPort = 0;
    std::int64_t servicePort = 0; // hostPort when the task fixes one, else containerPort
    std::string protocol;         // TCP or UDP
    std::string appProtocol;      // ECS appProtocol (http, http2, grpc) or ""
    std::string pointer;          // JSON pointer of the port mapping
    const Model::Node *source = nullptr;
};

// Where and how one container definition lands in the pod.
enum class ContainerRole {
    Main,        // spec.containers
    InitJob,     // spec.initContainers: another container waits for it to finish (SUCCESS/COMPLETE)
    InitSidecar, // spec.initContainers with restartPolicy Always: another waits until HEALTHY
};

struct ContainerJob
{
    const Model::Node *definition = nullptr;
    std::string pointer; // "/containerDefinitions/2"
    std::string name;    // Kubernetes name
    ContainerRole role = ContainerRole::Main;
    std::string targetPath; // "spec.template.spec.containers[0]"
};

struct TaskFacts
{
    std::string deploymentLabel; // "Deployment <name>"
    std::string secretName;      // the Secret that holds the task's secrets
    std::string networkMode;     // awsvpc, bridge, host, none
    bool singleContainer = false;
    const Model::Node *taskCpu = nullptr;    // task-level cpu, may be null
    const Model::Node *taskMemory = nullptr; // task-level memory, may be null
    std::string taskPointer;                 // "" or "/taskDefinition"
    // Every container definition (Kubernetes name → its mountPoints node) for volumesFrom.
    std::vector<std::pair<std::string, const Model::Node *>> mountsByContainer;
    std::vector<std::pair<std::string, std::string>> mountsPointerByContainer;
};

// Which containers other containers wait for, and how: SUCCESS/COMPLETE → InitJob, HEALTHY →
// InitSidecar; START stays Main with a note. Fills role and targetPath of every job.
void assignRoles(EcsContext &ctx, std::vector<ContainerJob> &jobs);

Model::Node convertContainer(EcsContext &ctx, const ContainerJob &job, const TaskFacts &facts,
                             std::vector<ExposedPort> &ports);

// The largest stopTimeout of the task's containers (pod-level terminationGracePeriodSeconds).
std::optional<std::int64_t> longestStopTimeout(EcsContext &ctx,
                                               const std::vector<ContainerJob> &jobs,
                                               const std::string &deploymentLabel);

} // namespace Torii::Convert::Ecs::Internal
