#pragma once

// ECS task definitions written as CloudFormation `AWS::ECS::TaskDefinition` resources: their
// Properties (PascalCase: ContainerDefinitions, PortMappings, ContainerPort …) become the
// RegisterTaskDefinition JSON the converter reads (camelCase), once, so one converter serves
// both. Intrinsic functions the template determines (a parameter's Default, Fn::Sub/Fn::Join
// over such values …) are resolved; the others leave a placeholder value and a note at the
// call's position saying which field needs what. Values keep their template positions, and every
// JSON pointer the converter reports is turned back into the template's ("/Resources/Web/
// Properties/ContainerDefinitions/0/PortMappings/1"). Module-private.

#include "ecs_context.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace Torii::Convert::Ecs::Internal {

struct TemplateTask
{
    std::string logicalId;
    Model::Node task;    // the Properties as a task definition, with the template's positions
    std::string pointer; // "/Resources/<logicalId>/Properties"
    // The template pointer of each value of `task`, by its task pointer ("" is the task).
    std::unordered_map<std::string, std::string> pointers;

    // The template pointer for a task pointer (a field the template does not have maps to its
    // nearest parent that it has, plus the rest of the path).
    std::string templatePointer(const std::string &taskPointer) const;
};

// Every AWS::ECS::TaskDefinition of the template `root`, in template order; unresolved
// intrinsics are noted through `ctx`.
std::vector<TemplateTask> templateTasks(EcsContext &ctx, const Model::Node &root);

// Whether `root` is a template with at least one AWS::ECS::TaskDefinition.
bool hasTemplateTasks(const Model::Node &root);

} // namespace Torii::Convert::Ecs::Internal
