#include "ecs_cloudformation.h"

#include "engine/convert/cloudformation_template.h"

#include <cctype>

namespace Torii::Convert::Ecs::Internal {

using Core::Severity;
using Core::text;
using Model::Node;

namespace {

constexpr std::string_view kTaskDefinitionType = "AWS::ECS::TaskDefinition";

// The RegisterTaskDefinition name of a CloudFormation property. Most are the same words with a
// lower-case start (ContainerPort → containerPort, EFSVolumeConfiguration →
// efsVolumeConfiguration); these few are spelled differently.
std::string taskDefinitionName(const std::string &property)
{
    static const std::pair<const char *, const char *> renamed[] = {
        {"FilesystemId", "fileSystemId"},
        {"FSxWindowsFileServerVolumeConfiguration", "fsxWindowsFileServerVolumeConfiguration"},
        {"ProxyConfigurationProperties", "properties"},
    };
    for (const auto &[from, to] : renamed) {
        if (property == from) {
            return to;
        }
    }
    std::size_t upper = 0;
    while (upper < property.size() && std::isupper(static_cast<unsigned char>(property[upper]))) {
        ++upper;
    }
    // "EFSVolume": the run's last capital starts the next word; "IAM": all of it is one word.
    const std::size_t lowered = upper > 1 && upper < property.size() ? upper - 1 : upper;
    std::string out = property;
    for (std::size_t i = 0; i < lowered; ++i) {
        out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    }
    return out;
}

// Maps whose keys are the user's (Docker labels, log driver options …), not property names.
bool userKeyed(const std::string &property)
{
    return property == "Options" || property == "DockerLabels" || property == "DriverOpts" ||
           property == "Labels";
}

class Translation
{
public:
    Translation(EcsContext &ctx, const CloudFormation::IntrinsicResolver &resolver,
                TemplateTask &out)
        : m_ctx(ctx)
        , m_resolver(resolver)
        , m_out(out)
    {}

    // The task-definition form of `n` (at `taskPointer`, from `templatePointer`); false when the
    // value is absent (!Ref AWS::NoValue).
    bool translate(const Node &n, const std::string &taskPointer, const std::string &templatePtr,
                   bool renameKeys, Node &into)
    {
        m_out.pointers.emplace(taskPointer, templatePtr);
        if (CloudFormation::isIntrinsic(n)) {
            return intrinsic(n, templatePtr, into);
        }
        if (n.isList()) {
            into = Node::list(n.mark());
            for (std::size_t i = 0; i < n.items().size(); ++i) {
                Node item;
                if (translate(n.items()[i], appendPointer(taskPointer, into.size()),
                              appendPointer(templatePtr, i), true, item)) {
                    into.append(std::move(item));
                }
            }
            return true;
        }
        if (n.isMap()) {
            into = Node::map(n.mark());
            for (const Node::Entry &e : n.entries()) {
                const std::string key = renameKeys ? taskDefinitionName(e.key) : e.key;
                Node value;
                if (translate(e.value, appendPointer(taskPointer, key),
                              appendPointer(templatePtr, e.key), !userKeyed(e.key), value)) {
                    into.set(key, std::move(value), e.keyMark);
                }
            }
            return true;
        }
        into = n;
        return true;
    }

private:
    bool intrinsic(const Node &call, const std::string &templatePtr, Node &into)
    {
        CloudFormation::Resolved r = m_resolver.resolve(call);
        if (r.noValue) {
            return false;
        }
        into = std::move(r.value);
        if (r.unknowns.empty()) {
            for (const std::string &parameter : r.defaults) {
                m_ctx.note(Severity::Info, "ecs.cfn-default", call, templatePtr,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1 was read as the Default of parameter %2"),
                                {r.shortForm, parameter}),
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "A stack deployed with another value for the "
                                                  "parameter needs the same change here.")));
            }
            return true;
        }
        std::string unknowns;
        for (const std::string &u : r.unknowns) {
            unknowns += (unknowns.empty() ? "" : ", ") + u;
        }
        // "!GetAtt Role.Arn" is its own unknown; "!Sub …${AWS::Region}…" names what it waits for.
        const bool whole = r.unknowns.size() == 1 && r.unknowns.front() == r.shortForm;
        const Core::Text hint = text(QT_TRANSLATE_NOOP(
            "Diagnostics", "Replace the placeholder with the deployed value (aws "
                           "cloudformation describe-stack-resources, or the stack's "
                           "outputs) before applying."));
        if (whole) {
            m_ctx.note(Severity::Warning, "ecs.cfn-unresolved", call, templatePtr,
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1 is known only when the stack is deployed: the "
                                              "output holds the placeholder \"%2\""),
                            {r.shortForm, Convert::textOf(into)}),
                       hint);
        } else {
            m_ctx.note(Severity::Warning, "ecs.cfn-unresolved", call, templatePtr,
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1 depends on %2, known only when the stack is "
                                              "deployed: the output holds the placeholder "
                                              "\"%3\""),
                            {r.shortForm, unknowns, Convert::textOf(into)}),
                       hint);
        }
        return true;
    }

    EcsContext &m_ctx;
    const CloudFormation::IntrinsicResolver &m_resolver;
    TemplateTask &m_out;
};

} // namespace

std::string TemplateTask::templatePointer(const std::string &taskPointer) const
{
    std::string head = taskPointer;
    std::string tail;
    for (;;) {
        if (const auto it = pointers.find(head); it != pointers.end()) {
            return it->second + tail;
        }
        const auto slash = head.rfind('/');
        if (head.empty() || slash == std::string::npos) {
            return pointer + taskPointer;
        }
        tail = head.substr(slash) + tail;
        head.erase(slash);
    }
}

bool hasTemplateTasks(const Node &root)
{
    return !CloudFormation::resourcesOfType(root, kTaskDefinitionType).empty();
}

std::vector<TemplateTask> templateTasks(EcsContext &ctx, const Node &root)
{
    std::vector<TemplateTask> tasks;
    const CloudFormation::IntrinsicResolver resolver(root);
    for (const CloudFormation::Resource &resource :
         CloudFormation::resourcesOfType(root, kTaskDefinitionType)) {
        TemplateTask t;
        t.logicalId = resource.logicalId;
        t.pointer = appendPointer(resource.pointer, "Properties");
        const Node &properties = *resource.properties;
        Translation(ctx, resolver, t)
            .translate(properties.isMap() ? properties : Node::map(resource.node->mark()), "",
                       t.pointer, true, t.task);
        // Without a Family, CloudFormation names the family after the stack and the logical
        // id: the logical id names the objects.
        if (!t.task["family"].isString() || t.task["family"].str().empty()) {
            t.task.set("family", Node::string(resource.logicalId, resource.node->mark()));
            t.pointers["/family"] = resource.pointer;
        }
        tasks.push_back(std::move(t));
    }
    return tasks;
}

} // namespace Torii::Convert::Ecs::Internal
