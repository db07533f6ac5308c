#pragma once

// Reading CloudFormation templates (JSON, or YAML loaded with Yaml::LoadOptions::cloudFormationTags
// so that `!Ref X` arrives as {"Ref": "X"}): the resources of one type, and the values of the
// intrinsic functions the template itself determines — a parameter's Default, and Fn::Sub,
// Fn::Join, Fn::Select, Fn::FindInMap over such values. Everything else (a resource's physical id
// or attribute, AWS::Region and the other pseudo parameters, imports, conditions) is known only
// once the stack is deployed: it stays unresolved, and the caller leaves a placeholder the user
// must fill. Pure; thread: reentrant.

#include "engine/model/node.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Convert::CloudFormation {

// A map with a `Resources` map whose entries have a `Type` ("AWS::…").
bool isTemplate(const Model::Node &root);

struct Resource
{
    std::string logicalId;
    const Model::Node *node = nullptr;       // the resource ({Type, Properties, …})
    const Model::Node *properties = nullptr; // its Properties (a shared Null node when absent)
    std::string pointer;                     // "/Resources/<logicalId>"
};

// The resources of `type` ("AWS::ECS::TaskDefinition"), in template order.
std::vector<Resource> resourcesOfType(const Model::Node &root, std::string_view type);

// {"Ref": …}, {"Condition": …} or a one-key {"Fn::…": …} map.
bool isIntrinsic(const Model::Node &n);
// An intrinsic call as its YAML short form reads ("!GetAtt Role.Arn", "!Ref Priority").
std::string shortForm(const Model::Node &call);

struct Resolved
{
    // The value when `unknowns` is empty; else the placeholder: the Fn::Sub / Fn::Join text with
    // the unknown parts written as `${Name}`, or "<!GetAtt Role.Arn>" for a whole call.
    Model::Node value;
    bool noValue = false;              // !Ref AWS::NoValue: as if the property were absent
    std::vector<std::string> unknowns; // what only the deployed stack knows: "AWS::Region" …
    std::vector<std::string> defaults; // parameters read as their Default
    std::string shortForm;             // the call in short form: "!Ref ImageTag"
};

class IntrinsicResolver
{
public:
    explicit IntrinsicResolver(const Model::Node &root);

    // `call` must satisfy isIntrinsic(); values keep `call`'s position.
    Resolved resolve(const Model::Node &call) const;

private:
    // A scalar's text, resolving nested calls; unknown parts become `${Name}` / "<!…>".
    std::string textOf(const Model::Node &n, Resolved &into) const;
    Model::Node reference(const std::string &name, Model::Mark mark, Resolved &into) const;
    std::string substitute(const std::string &text, const Model::Node *variables,
                           Resolved &into) const;

    const Model::Node &m_parameters;
    const Model::Node &m_mappings;
    const Model::Node &m_resources;
};

} // namespace Torii::Convert::CloudFormation
