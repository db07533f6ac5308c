#pragma once

// Amazon ECS task definitions → Kubernetes: a Deployment (one pod per task), a ServiceAccount with
// the IRSA annotation for taskRoleArn, a Service per port mapping, and a Gateway with an HTTPRoute
// (TCPRoute / UDPRoute for ports that do not speak HTTP) per exposed port.
//
// Input shapes: the RegisterTaskDefinition JSON (`{"family": …, "containerDefinitions": […]}`),
// the describe-task-definition output (`{"taskDefinition": {…}}`), and the AWS SDK examples
// bundle (`{"examples": {"RegisterTaskDefinition": [{"input": …}], "DescribeTaskDefinition":
// [{"output": {"taskDefinition": …}}]}}`), which holds several, and CloudFormation templates (JSON
// or YAML) with `AWS::ECS::TaskDefinition` resources (ecs_cloudformation.h: one output each,
// provenance and notes pointing into the template). Fargate and EC2, awsvpc, bridge and host
// network modes. JSON is read as YAML, so every note carries the source's line:col.
//
// Everything ECS has and Kubernetes does not (essential, ulimits, logConfiguration, volumesFrom,
// executionRoleArn, …) becomes a note at its position with what to do instead; every generated
// field has a Provenance entry with the JSON pointer it came from. Pure: no I/O except
// convertEcsFile's read. Thread: reentrant.

#include "engine/convert/conversion.h"

#include <string>
#include <string_view>

namespace Torii::Convert::Ecs {

struct EcsOptions
{
    std::string gatewayClassName = "torii"; // the GatewayClass the generated Gateway names
    std::string namespaceName;              // metadata.namespace of every object ("" = none)
};

// Mine: a task definition in one of the shapes above. NotMine: anything else (a Kubernetes
// object, an ALB rule list, a template without a task definition such as the ALB converter's
// ListenerRule templates). Never Error for a parsed tree.
Claim claimTaskDefinitions(const Model::Node &root);

// Converts every task definition found in `root` (read from `file`).
Conversion convertTaskDefinitions(const Model::Node &root, const std::string &file,
                                  const EcsOptions &options = {});

// Reads `text` (JSON or YAML; CloudFormation's short-form tags as long forms) and converts;
// syntax errors and "not a task definition" are Error notes.
Conversion convertEcsText(std::string_view text, const std::string &file,
                          const EcsOptions &options = {});
Conversion convertEcsFile(const std::string &path, const EcsOptions &options = {});

} // namespace Torii::Convert::Ecs
