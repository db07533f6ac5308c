#include "ecs_task_converter.h"

#include "ecs_cloudformation.h"
#include "ecs_containers.h"
#include "ecs_context.h"
#include "ecs_exposure.h"
#include "ecs_volumes.h"

#include "engine/yaml/yaml_loader.h"

#include <algorithm>
#include <set>

namespace Torii::Convert::Ecs {

using Core::Severity;
using Core::text;
using Model::Node;
using namespace Internal;

namespace {

struct Located
{
    const Node *task = nullptr;
    std::string pointer; // "" for the root
};

bool isTaskDefinition(const Node &n)
{
    return n.isMap() && n["containerDefinitions"].isList();
}

// Every task definition in the shapes the header lists.
std::vector<Located> locate(const Node &root)
{
    std::vector<Located> found;
    if (isTaskDefinition(root)) {
        found.push_back({&root, ""});
        return found;
    }
    if (root.isMap() && isTaskDefinition(root["taskDefinition"])) {
        found.push_back({root.find("taskDefinition"), "/taskDefinition"});
        return found;
    }
    const Node &examples = root["examples"];
    if (!examples.isMap()) {
        return found;
    }
    const Node &reg = examples["RegisterTaskDefinition"];
    for (std::size_t i = 0; i < reg.items().size(); ++i) {
        const Node &input = reg.items()[i]["input"];
        if (isTaskDefinition(input)) {
            found.push_back(
                {&input, "/examples/RegisterTaskDefinition/" + std::to_string(i) + "/input"});
        }
    }
    const Node &desc = examples["DescribeTaskDefinition"];
    for (std::size_t i = 0; i < desc.items().size(); ++i) {
        const Node &td = desc.items()[i]["output"]["taskDefinition"];
        if (isTaskDefinition(td)) {
            found.push_back({&td, "/examples/DescribeTaskDefinition/" + std::to_string(i) +
                                      "/output/taskDefinition"});
        }
    }
    return found;
}

Node objectMeta(const std::string &name, const EcsOptions &options, const std::string &app)
{
    Node m = Node::map();
    m.set("name", Node::string(name));
    if (!options.namespaceName.empty()) {
        m.set("namespace", Node::string(options.namespaceName));
    }
    Node labels = Node::map();
    labels.set("app", Node::string(app));
    m.set("labels", std::move(labels));
    return m;
}

// Task-level fields with no Kubernetes counterpart, and what to do instead.
struct TaskField
{
    const char *key;
    const char *hint;
};

const TaskField kUnmappedTaskFields[] = {
    {"executionRoleArn",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "The execution role let ECS pull images and read secrets. In Kubernetes "
                       "the nodes pull images (give the node role ECR read access) and secrets "
                       "are brought into Secrets beforehand (see the secret notes).")},
    {"proxyConfiguration",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "An App Mesh proxy becomes a service mesh's injected sidecar (Istio, "
                       "Linkerd) or is replaced by Gateway API routes between Services.")},
    {"placementConstraints",
     QT_TRANSLATE_NOOP("Diagnostics", "Express placement with the pod's nodeSelector, affinity or "
                                      "topologySpreadConstraints.")},
    {"inferenceAccelerators",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Elastic Inference does not exist in Kubernetes; request a GPU or "
                       "Inferentia device through its device plugin.")},
    {"ephemeralStorage",
     QT_TRANSLATE_NOOP("Diagnostics", "Request the space per container with resources.requests "
                                      "ephemeral-storage.")},
};

bool ignoredTaskKey(std::string_view key)
{
    // Registration bookkeeping, and what the converter reads elsewhere.
    static const char *const keys[] = {"family",
                                       "containerDefinitions",
                                       "taskRoleArn",
                                       "networkMode",
                                       "volumes",
                                       "requiresCompatibilities",
                                       "cpu",
                                       "memory",
                                       "revision",
                                       "status",
                                       "taskDefinitionArn",
                                       "requiresAttributes",
                                       "compatibilities",
                                       "registeredAt",
                                       "registeredBy",
                                       "deregisteredAt",
                                       "tags",
                                       "pidMode",
                                       "ipcMode",
                                       "runtimePlatform",
                                       "enableFaultInjection"};
    return std::any_of(std::begin(keys), std::end(keys), [&](const char *k) { return key == k; });
}

class TaskConverter
{
public:
    TaskConverter(EcsContext &ctx, const Located &where, const EcsOptions &options, std::string app)
        : m_ctx(ctx)
        , m_task(*where.task)
        , m_base(where.pointer)
        , m_options(options)
        , m_app(std::move(app))
        , m_deployment(resourceLabel("Deployment", m_app))
    {}

    void run()
    {
        std::vector<ContainerJob> jobs;
        TaskFacts facts;
        facts.deploymentLabel = m_deployment;
        facts.secretName = kubernetesName(m_app + "-secrets");
        facts.networkMode = textOf(m_task["networkMode"]);
        facts.taskPointer = m_base;
        facts.taskCpu = m_task.find("cpu");
        facts.taskMemory = m_task.find("memory");
        const Node &defs = m_task["containerDefinitions"];
        std::set<std::string> names;
        for (std::size_t i = 0; i < defs.items().size(); ++i) {
            const Node &def = defs.items()[i];
            const std::string dp = appendPointer(ptr("containerDefinitions"), i);
            std::string name = kubernetesName(textOf(def["name"]));
            if (!def.isMap() || name.empty() || names.count(name)) {
                m_ctx.note(
                    Severity::Error, "ecs.container", def, dp,
                    text(QT_TRANSLATE_NOOP("Diagnostics", "Container definition without a usable, "
                                                          "unique name")));
                continue;
            }
            if (!def["image"].isString()) {
                m_ctx.note(
                    Severity::Error, "ecs.container", def, dp,
                    text(QT_TRANSLATE_NOOP("Diagnostics", "Container %1 has no image"), {name}));
            }
            names.insert(name);
            jobs.push_back({&def, dp, name, ContainerRole::Main, {}});
            facts.mountsByContainer.emplace_back(name, def.find("mountPoints"));
            facts.mountsPointerByContainer.emplace_back(name, appendPointer(dp, "mountPoints"));
        }
        if (jobs.empty()) {
            m_ctx.note(
                Severity::Error, "ecs.container", m_task["containerDefinitions"],
                ptr("containerDefinitions"),
                text(QT_TRANSLATE_NOOP("Diagnostics", "The task definition has no container")));
            return;
        }
        facts.singleContainer = jobs.size() == 1;
        assignRoles(m_ctx, jobs);

        std::vector<ExposedPort> ports;
        Node containers = Node::list();
        Node initContainers = Node::list();
        for (const ContainerJob &job : jobs) {
            Node c = convertContainer(m_ctx, job, facts, ports);
            (job.role == ContainerRole::Main ? containers : initContainers).append(std::move(c));
        }
        if (containers.size() == 0) {
            m_ctx.note(
                Severity::Error, "ecs.container", m_task["containerDefinitions"],
                ptr("containerDefinitions"),
                text(QT_TRANSLATE_NOOP("Diagnostics", "Every container waits for another one; no "
                                                      "container is left to run")));
            return;
        }
        Node pod = Node::map();
        if (initContainers.size() > 0) {
            pod.set("initContainers", std::move(initContainers));
        }
        pod.set("containers", std::move(containers));
        serviceAccount(pod);
        network(pod);
        platform(pod);
        hostAliases(pod, jobs);
        if (auto grace = longestStopTimeout(m_ctx, jobs, m_deployment)) {
            pod.set("terminationGracePeriodSeconds", Node::integer(*grace));
        }
        Node volumes = convertVolumes(m_ctx, m_task, m_base, m_deployment);
        if (volumes.size() > 0) {
            pod.set("volumes", std::move(volumes));
        }
        taskNotes(facts);
        deployment(std::move(pod));
        exposePorts(m_ctx, ports, {m_app, m_options.namespaceName, m_options.gatewayClassName});
    }

private:
    std::string ptr(std::string_view key) const { return appendPointer(m_base, key); }

    void serviceAccount(Node &pod)
    {
        const Node &role = m_task["taskRoleArn"];
        if (!role.isString() || role.str().empty()) {
            return;
        }
        Node meta = objectMeta(m_app, m_options, m_app);
        Node annotations = Node::map();
        annotations.set("eks.amazonaws.com/role-arn", Node::string(role.str()));
        meta.set("annotations", std::move(annotations));
        Node sa = Node::map();
        sa.set("apiVersion", Node::string("v1"));
        sa.set("kind", Node::string("ServiceAccount"));
        sa.set("metadata", std::move(meta));
        m_ctx.out().objects.push_back(std::move(sa));
        pod.set("serviceAccountName", Node::string(m_app));
        m_ctx.trace(resourceLabel("ServiceAccount", m_app),
                    "metadata.annotations.eks.amazonaws.com/role-arn", role, ptr("taskRoleArn"),
                    text(QT_TRANSLATE_NOOP("Diagnostics",
                                           "The task role is what the containers' AWS calls run "
                                           "as; on EKS a ServiceAccount annotated with the role "
                                           "(IAM Roles for Service Accounts) gives pods the "
                                           "same.")));
        m_ctx.trace(m_deployment, "spec.template.spec.serviceAccountName", role, ptr("taskRoleArn"),
                    text(QT_TRANSLATE_NOOP("Diagnostics",
                                           "The pods run as the ServiceAccount that carries the "
                                           "task role.")));
        m_ctx.note(Severity::Info, "ecs.iam", role, ptr("taskRoleArn"),
                   text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "Task role %1 became the ServiceAccount %2 with an "
                                          "IRSA annotation"),
                        {role.str(), m_app}),
                   text(QT_TRANSLATE_NOOP("Diagnostics",
                                          "Let the role trust the cluster's OIDC provider for "
                                          "system:serviceaccount:<namespace>:%1, or use an EKS "
                                          "Pod Identity association instead."),
                        {m_app}));
    }

    void network(Node &pod)
    {
        const Node &mode = m_task["networkMode"];
        const std::string m = textOf(mode);
        if (m == "host") {
            pod.set("hostNetwork", Node::boolean(true));
            m_ctx.trace(m_deployment, "spec.template.spec.hostNetwork", mode, ptr("networkMode"),
                        text(QT_TRANSLATE_NOOP("Diagnostics",
                                               "host network mode uses the instance's network: "
                                               "hostNetwork does the same for a pod.")));
            m_ctx.note(Severity::Warning, "ecs.network", mode, ptr("networkMode"),
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "host network mode became hostNetwork: true")),
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "Pods normally get their own IP (as awsvpc tasks "
                                              "do); drop hostNetwork unless the container must "
                                              "see the node's interfaces.")));
        } else if (m == "bridge" || mode.isNull()) {
            m_ctx.note(Severity::Info, "ecs.network", mode.isNull() ? m_task : mode,
                       ptr("networkMode"),
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "bridge network mode (the EC2 default): in "
                                              "Kubernetes every pod has its own IP, as with "
                                              "awsvpc, so host port mapping is not needed")),
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "Containers reached by link names reach each "
                                              "other at localhost; clients use the Service.")));
        } else if (m == "none") {
            m_ctx.note(
                Severity::Warning, "ecs.network", mode, ptr("networkMode"),
                text(QT_TRANSLATE_NOOP("Diagnostics",
                                       "network mode none has no pod equivalent: every "
                                       "pod has a network")),
                text(QT_TRANSLATE_NOOP("Diagnostics", "Deny all traffic with a NetworkPolicy that "
                                                      "selects the pod.")));
        }
        for (const char *key : {"pidMode", "ipcMode"}) {
            const Node &v = m_task[key];
            if (textOf(v) == "host") {
                pod.set(std::string(key) == "pidMode" ? "hostPID" : "hostIPC", Node::boolean(true));
                m_ctx.trace(m_deployment,
                            std::string("spec.template.spec.") +
                                (std::string(key) == "pidMode" ? "hostPID" : "hostIPC"),
                            v, ptr(key),
                            text(QT_TRANSLATE_NOOP("Diagnostics",
                                                   "Sharing the host's process or IPC namespace "
                                                   "is hostPID / hostIPC.")));
            } else if (textOf(v) == "task" && std::string(key) == "pidMode") {
                pod.set("shareProcessNamespace", Node::boolean(true));
                m_ctx.trace(
                    m_deployment, "spec.template.spec.shareProcessNamespace", v, ptr(key),
                    text(QT_TRANSLATE_NOOP("Diagnostics", "One process namespace for the task's "
                                                          "containers is shareProcessNamespace.")));
            }
        }
    }

    void platform(Node &pod)
    {
        const Node &rp = m_task["runtimePlatform"];
        if (!rp.isMap()) {
            return;
        }
        Node selector = Node::map();
        const std::string arch = textOf(rp["cpuArchitecture"]);
        if (arch == "X86_64") {
            selector.set("kubernetes.io/arch", Node::string("amd64"));
        } else if (arch == "ARM64") {
            selector.set("kubernetes.io/arch", Node::string("arm64"));
        }
        const std::string os = textOf(rp["operatingSystemFamily"]);
        if (os == "LINUX") {
            selector.set("kubernetes.io/os", Node::string("linux"));
        } else if (os.rfind("WINDOWS", 0) == 0) {
            selector.set("kubernetes.io/os", Node::string("windows"));
        }
        if (selector.size() > 0) {
            pod.set("nodeSelector", std::move(selector));
            m_ctx.trace(
                m_deployment, "spec.template.spec.nodeSelector", rp, ptr("runtimePlatform"),
                text(QT_TRANSLATE_NOOP("Diagnostics", "The runtime platform selects nodes by the "
                                                      "well-known labels kubernetes.io/arch and "
                                                      "kubernetes.io/os.")));
        }
    }

    void hostAliases(Node &pod, const std::vector<ContainerJob> &jobs)
    {
        Node aliases = Node::list();
        for (const ContainerJob &job : jobs) {
            const Node &hosts = (*job.definition)["extraHosts"];
            for (std::size_t i = 0; i < hosts.items().size(); ++i) {
                const Node &h = hosts.items()[i];
                Node a = Node::map();
                a.set("ip", Node::string(textOf(h["ipAddress"])));
                Node names = Node::list();
                names.append(Node::string(textOf(h["hostname"])));
                a.set("hostnames", std::move(names));
                m_ctx.trace(m_deployment,
                            "spec.template.spec.hostAliases[" + std::to_string(aliases.size()) +
                                "]",
                            h, appendPointer(appendPointer(job.pointer, "extraHosts"), i),
                            text(QT_TRANSLATE_NOOP("Diagnostics",
                                                   "extraHosts entries are /etc/hosts lines: "
                                                   "the pod's hostAliases (for every "
                                                   "container).")));
                aliases.append(std::move(a));
            }
        }
        if (aliases.size() > 0) {
            pod.set("hostAliases", std::move(aliases));
        }
    }

    void taskNotes(const TaskFacts &facts)
    {
        for (const TaskField &f : kUnmappedTaskFields) {
            const Node *v = m_task.find(f.key);
            if (!v || v->isNull() || ((v->isList() || v->isMap()) && v->size() == 0)) {
                continue;
            }
            m_ctx.note(
                Severity::Warning, "ecs.no-equivalent", *v, ptr(f.key),
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1 has no Kubernetes equivalent and was not "
                                                      "converted"),
                     {f.key}),
                text(f.hint));
        }
        for (const auto &e : m_task.entries()) {
            const bool listed =
                std::any_of(std::begin(kUnmappedTaskFields), std::end(kUnmappedTaskFields),
                            [&](const TaskField &f) { return e.key == f.key; });
            if (listed || ignoredTaskKey(e.key)) {
                continue;
            }
            m_ctx.note(
                Severity::Info, "ecs.not-converted", e.value, ptr(e.key),
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is not converted (Torii does not know a "
                                                      "Kubernetes counterpart)"),
                     {e.key}));
        }
        const Node &compat = m_task["requiresCompatibilities"];
        for (const Node &c : compat.items()) {
            if (textOf(c) == "FARGATE") {
                m_ctx.note(
                    Severity::Info, "ecs.launch-type", c, ptr("requiresCompatibilities"),
                    text(QT_TRANSLATE_NOOP("Diagnostics", "Fargate tasks run on nodes the cluster "
                                                          "provides; on EKS a Fargate profile that "
                                                          "selects the namespace runs the pods "
                                                          "serverless")));
            }
        }
        if (!facts.singleContainer && (facts.taskCpu || facts.taskMemory)) {
            const Node &at = facts.taskCpu ? *facts.taskCpu : *facts.taskMemory;
            m_ctx.note(Severity::Info, "ecs.task-size", at, ptr(facts.taskCpu ? "cpu" : "memory"),
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "The task size (cpu %1, memory %2) has no pod "
                                              "field: Kubernetes adds up the containers' "
                                              "requests"),
                            {facts.taskCpu ? facts.taskCpu->asString() : std::string("-"),
                             facts.taskMemory ? facts.taskMemory->asString() : std::string("-")}),
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "Give each container requests that add up to the "
                                              "task size.")));
        }
    }

    void deployment(Node pod)
    {
        Node labels = Node::map();
        labels.set("app", Node::string(m_app));
        Node matchLabels = Node::map();
        matchLabels.set("matchLabels", labels);
        Node templMeta = Node::map();
        templMeta.set("labels", labels);
        Node templ = Node::map();
        templ.set("metadata", std::move(templMeta));
        templ.set("spec", std::move(pod));
        Node spec = Node::map();
        spec.set("replicas", Node::integer(1));
        spec.set("selector", std::move(matchLabels));
        spec.set("template", std::move(templ));
        Node d = Node::map();
        d.set("apiVersion", Node::string("apps/v1"));
        d.set("kind", Node::string("Deployment"));
        d.set("metadata", objectMeta(m_app, m_options, m_app));
        d.set("spec", std::move(spec));
        const Node &family = m_task["family"];
        m_ctx.trace(m_deployment, "metadata.name", family, ptr("family"),
                    text(QT_TRANSLATE_NOOP("Diagnostics",
                                           "A task definition family describes one kind of "
                                           "task: a Deployment's pod template; the name comes "
                                           "from the family.")));
        m_ctx.trace(
            m_deployment, "spec.replicas", family, ptr("family"),
            text(QT_TRANSLATE_NOOP("Diagnostics", "The number of tasks is the ECS service's "
                                                  "desiredCount, not in the task definition: one "
                                                  "replica until you set it.")));
        // The Deployment first: it is what the rest refers to.
        auto &objects = m_ctx.out().objects;
        auto firstOfTask = std::find_if(objects.begin(), objects.end(), [&](const Node &o) {
            return textOf(o["kind"]) == "ServiceAccount" && textOf(o["metadata"]["name"]) == m_app;
        });
        objects.insert(firstOfTask == objects.end() ? objects.end() : firstOfTask + 1,
                       std::move(d));
    }

    EcsContext &m_ctx;
    const Node &m_task;
    std::string m_base;
    const EcsOptions &m_options;
    std::string m_app;
    std::string m_deployment;
};

} // namespace

Claim claimTaskDefinitions(const Model::Node &root)
{
    return locate(root).empty() && !hasTemplateTasks(root) ? Claim::NotMine : Claim::Mine;
}

Conversion convertTaskDefinitions(const Model::Node &root, const std::string &file,
                                  const EcsOptions &options)
{
    Conversion out;
    EcsContext ctx(out, file);
    std::vector<Located> tasks = locate(root);
    // CloudFormation: each AWS::ECS::TaskDefinition's Properties as a task definition, its
    // pointers mapped back into the template.
    const std::vector<TemplateTask> templated = templateTasks(ctx, root);
    for (const TemplateTask &t : templated) {
        tasks.push_back({&t.task, ""});
    }
    if (tasks.empty()) {
        ctx.note(Severity::Error, "ecs.not-task-definition", root, "",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Not an ECS task definition: no containerDefinitions "
                                        "list")),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Give the RegisterTaskDefinition JSON or the output of "
                                        "aws ecs describe-task-definition.")));
        return out;
    }
    std::set<std::string> used;
    for (const Located &where : tasks) {
        std::string app = kubernetesName(textOf((*where.task)["family"]), 40);
        if (app.empty()) {
            app = "task";
            ctx.note(Severity::Warning, "ecs.family", *where.task, where.pointer,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "The task definition has no usable family; the "
                                            "objects are named %1"),
                          {app}));
        }
        const std::string base = app;
        for (int k = 2; used.count(app); ++k) {
            app = base + '-' + std::to_string(k);
        }
        used.insert(app);
        const auto fromTemplate =
            std::find_if(templated.begin(), templated.end(),
                         [&](const TemplateTask &t) { return &t.task == where.task; });
        if (fromTemplate != templated.end()) {
            ctx.setSourcePointers([t = &*fromTemplate](const std::string &pointer) {
                return t->templatePointer(pointer);
            });
        }
        TaskConverter(ctx, where, options, app).run();
        ctx.setSourcePointers(nullptr);
    }
    // Provenance as Model::Resource::displayName() names objects ("Kind namespace/name"), grouped
    // in the objects' order so a reader (toriictl convert --explain) sees one block per object.
    std::vector<std::string> order;
    for (const Node &o : out.objects) {
        order.push_back(resourceLabel(textOf(o["kind"]), textOf(o["metadata"]["name"])));
    }
    auto rank = [&](const Provenance &p) {
        return std::find(order.begin(), order.end(), p.targetResource) - order.begin();
    };
    std::stable_sort(out.provenance.begin(), out.provenance.end(),
                     [&](const Provenance &a, const Provenance &b) { return rank(a) < rank(b); });
    if (!options.namespaceName.empty()) {
        for (Provenance &p : out.provenance) {
            const auto space = p.targetResource.find(' ');
            p.targetResource.insert(space + 1, options.namespaceName + "/");
        }
    }
    return out;
}

Conversion convertEcsText(std::string_view text_, const std::string &file,
                          const EcsOptions &options)
{
    Yaml::LoadOptions cloudFormation;
    cloudFormation.cloudFormationTags = true; // `!Ref X` in a template is {"Ref": "X"}
    Yaml::LoadResult loaded = Yaml::loadText(text_, file, cloudFormation);
    Conversion out;
    if (loaded.fatal || Core::hasErrors(loaded.diagnostics) || loaded.documents.empty()) {
        out.notes = std::move(loaded.diagnostics);
        if (!Core::hasErrors(out.notes)) {
            Core::Diagnostic d =
                Core::makeDiagnostic(Severity::Error, "ecs.not-task-definition",
                                     text(QT_TRANSLATE_NOOP("Diagnostics", "The file is empty")));
            d.file = file;
            out.notes.push_back(std::move(d));
        }
        return out;
    }
    for (const auto &doc : loaded.documents) {
        Conversion one = convertTaskDefinitions(doc.root, file, options);
        for (auto &o : one.objects) {
            out.objects.push_back(std::move(o));
        }
        for (auto &n : one.notes) {
            out.notes.push_back(std::move(n));
        }
        for (auto &p : one.provenance) {
            out.provenance.push_back(std::move(p));
        }
    }
    for (auto &d : loaded.diagnostics) {
        out.notes.push_back(std::move(d));
    }
    return out;
}

Conversion convertEcsFile(const std::string &path, const EcsOptions &options)
{
    Yaml::LoadOptions cloudFormation;
    cloudFormation.cloudFormationTags = true;
    Yaml::LoadResult loaded = Yaml::loadFile(path, cloudFormation);
    if (loaded.fatal || Core::hasErrors(loaded.diagnostics)) {
        Conversion out;
        out.notes = std::move(loaded.diagnostics);
        return out;
    }
    Conversion out;
    for (const auto &doc : loaded.documents) {
        Conversion one = convertTaskDefinitions(doc.root, path, options);
        out.objects.insert(out.objects.end(), std::make_move_iterator(one.objects.begin()),
                           std::make_move_iterator(one.objects.end()));
        out.notes.insert(out.notes.end(), std::make_move_iterator(one.notes.begin()),
                         std::make_move_iterator(one.notes.end()));
        out.provenance.insert(out.provenance.end(), std::make_move_iterator(one.provenance.begin()),
                              std::make_move_iterator(one.provenance.end()));
    }
    out.notes.insert(out.notes.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    return out;
}

} // namespace Torii::Convert::Ecs
