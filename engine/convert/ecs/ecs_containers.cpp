#include "ecs_containers.h"

#include <algorithm>
#include <map>

namespace Torii::Convert::Ecs::Internal {

using Core::Severity;
using Core::text;
using Model::Node;

namespace {

const char *const kNoEquivalent = "ecs.no-equivalent";
const char *const kGuess = "ecs.guess";
const char *const kSecret = "ecs.secret";

Node stringList(const Node &list)
{
    Node out = Node::list();
    for (const Node &item : list.items()) {
        out.append(Node::string(textOf(item)));
    }
    return out;
}

// ECS cpu units: 1024 = one vCPU. Kubernetes millicores: 1000 = one CPU.
std::string millicores(std::int64_t units)
{
    const std::int64_t milli = std::max<std::int64_t>(1, (units * 1000 + 512) / 1024);
    return std::to_string(milli) + "m";
}

std::string mebibytes(std::int64_t mib)
{
    return std::to_string(mib) + "Mi";
}

// A health check command as an exec probe: ["CMD-SHELL", "x"] → sh -c "x"; ["CMD", a, b] → a b.
Node probeCommand(const Node &command)
{
    Node exec = Node::list();
    const auto &items = command.items();
    if (items.empty()) {
        return exec;
    }
    const std::string first = textOf(items[0]);
    if (first == "CMD-SHELL") {
        exec.append(Node::string("/bin/sh"));
        exec.append(Node::string("-c"));
        std::string joined;
        for (std::size_t i = 1; i < items.size(); ++i) {
            joined += (i > 1 ? " " : "") + textOf(items[i]);
        }
        exec.append(Node::string(joined));
    } else {
        for (std::size_t i = first == "CMD" ? 1 : 0; i < items.size(); ++i) {
            exec.append(Node::string(textOf(items[i])));
        }
    }
    return exec;
}

// Container fields with no Kubernetes counterpart: the message and what to do instead.
struct Unmapped
{
    const char *key;
    const char *hint;
};

const Unmapped kUnmappedContainerFields[] = {
    {"logConfiguration",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Kubernetes keeps container output on the node; ship it with a log agent "
                       "DaemonSet (Fluent Bit, the CloudWatch agent) instead of a log driver.")},
    {"firelensConfiguration",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Run Fluent Bit as a DaemonSet (or a sidecar reading a shared volume); "
                       "FireLens routing has no pod-level equivalent.")},
    {"ulimits",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Pods cannot set ulimits; they come from the container runtime's defaults "
                       "on the node. Raise them in the node's runtime configuration if needed.")},
    {"links", QT_TRANSLATE_NOOP("Diagnostics",
                                "Containers of a pod share one network namespace: reach the linked "
                                "container at localhost:<port> instead of its name.")},
    {"dockerLabels",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Docker labels are not set by Kubernetes; put the values in the pod's "
                       "labels or annotations if something reads them.")},
    {"hostname",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "A pod's hostname is the pod name; set spec.hostname on the pod template "
                       "if the application needs a fixed one.")},
    {"dnsServers",
     QT_TRANSLATE_NOOP("Diagnostics", "Use the pod's dnsPolicy: None with dnsConfig.nameservers.")},
    {"dnsSearchDomains", QT_TRANSLATE_NOOP("Diagnostics", "Use the pod's dnsConfig.searches.")},
    {"dockerSecurityOptions",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Use securityContext.seLinuxOptions, seccompProfile or appArmorProfile.")},
    {"repositoryCredentials",
     QT_TRANSLATE_NOOP("Diagnostics", "Create a docker-registry Secret and list it in the pod's "
                                      "imagePullSecrets.")},
    {"environmentFiles",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Load the file's variables into a ConfigMap (kubectl create configmap "
                       "--from-env-file) and add it with envFrom.")},
    {"startTimeout",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Kubernetes has no per-dependency start timeout; a startupProbe bounds "
                       "how long a container may take to start.")},
    {"systemControls",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Set namespaced sysctls in the pod's securityContext.sysctls.")},
    {"disableNetworking",
     QT_TRANSLATE_NOOP("Diagnostics",
                       "Containers of a pod share its network; restrict traffic with a "
                       "NetworkPolicy instead.")},
};

bool handledContainerKey(std::string_view key)
{
    static const char *const handled[] = {"name",
                                          "image",
                                          "entryPoint",
                                          "command",
                                          "environment",
                                          "secrets",
                                          "cpu",
                                          "memory",
                                          "memoryReservation",
                                          "portMappings",
                                          "healthCheck",
                                          "mountPoints",
                                          "volumesFrom",
                                          "essential",
                                          "dependsOn",
                                          "stopTimeout",
                                          "user",
                                          "privileged",
                                          "readonlyRootFilesystem",
                                          "workingDirectory",
                                          "linuxParameters",
                                          "resourceRequirements",
                                          "interactive",
                                          "pseudoTerminal",
                                          "extraHosts"};
    return std::any_of(std::begin(handled), std::end(handled),
                       [&](const char *k) { return key == k; });
}

bool emptyValue(const Node &n)
{
    return n.isNull() || ((n.isList() || n.isMap()) && n.size() == 0);
}

void noteUnmapped(EcsContext &ctx, const Node &def, const std::string &pointer)
{
    for (const auto &entry : def.entries()) {
        if (handledContainerKey(entry.key) || emptyValue(entry.value)) {
            continue;
        }
        const std::string ptr = appendPointer(pointer, entry.key);
        const char *hint = nullptr;
        for (const Unmapped &u : kUnmappedContainerFields) {
            if (entry.key == u.key && u.hint) {
                hint = u.hint;
                break;
            }
        }
        if (hint) {
            ctx.note(
                Severity::Warning, kNoEquivalent, entry.value, ptr,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1 has no Kubernetes equivalent and was not "
                                                      "converted"),
                     {entry.key}),
                text(hint));
        } else {
            ctx.note(
                Severity::Info, "ecs.not-converted", entry.value, ptr,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is not converted (Torii does not know a "
                                                      "Kubernetes counterpart)"),
                     {entry.key}));
        }
    }
}

struct ContainerBuilder
{
    EcsContext &ctx;
    const ContainerJob &job;
    const TaskFacts &facts;
    const Node &def;
    Node out = Node::map();

    std::string target(const std::string &field) const { return job.targetPath + '.' + field; }
    std::string ptr(std::string_view key) const { return appendPointer(job.pointer, key); }

    void trace(const std::string &field, const Node &src, const std::string &pointer,
               const char *why, std::vector<std::string> args = {})
    {
        ctx.trace(facts.deploymentLabel, target(field), src, pointer, text(why, std::move(args)));
    }

    void identity()
    {
        out.set("name", Node::string(job.name));
        const std::string ecsName = textOf(def["name"]);
        if (ecsName != job.name) {
            ctx.note(Severity::Info, kGuess, def["name"], ptr("name"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Container name %1 is not a valid Kubernetes name; "
                                            "it is %2 in the pod"),
                          {ecsName, job.name}));
        }
        trace("name", def["name"], ptr("name"),
              QT_TRANSLATE_NOOP("Diagnostics", "The container keeps its ECS name."));
        if (def.has("image")) {
            out.set("image", Node::string(textOf(def["image"])));
            trace("image", def["image"], ptr("image"),
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "The same image; a private ECR image needs pull access from "
                                    "the cluster's nodes."));
        }
        if (def["workingDirectory"].isString()) {
            out.set("workingDir", Node::string(def["workingDirectory"].str()));
            trace("workingDir", def["workingDirectory"], ptr("workingDirectory"),
                  QT_TRANSLATE_NOOP("Diagnostics", "workingDirectory is workingDir."));
        }
        if (def["interactive"].asBool()) {
            out.set("stdin", Node::boolean(true));
        }
        if (def["pseudoTerminal"].asBool()) {
            out.set("tty", Node::boolean(true));
        }
    }

    void commands()
    {
        // Docker's ENTRYPOINT is Kubernetes' command; Docker's CMD is args.
        if (def["entryPoint"].isList()) {
            out.set("command", stringList(def["entryPoint"]));
            trace("command", def["entryPoint"], ptr("entryPoint"),
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "ECS entryPoint replaces the image's ENTRYPOINT, as "
                                    "Kubernetes command does."));
        }
        if (def["command"].isList()) {
            out.set("args", stringList(def["command"]));
            trace("args", def["command"], ptr("command"),
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "ECS command replaces the image's CMD, as Kubernetes args "
                                    "does (Kubernetes command is the ENTRYPOINT)."));
        }
    }

    void environment()
    {
        Node env = Node::list();
        const Node &vars = def["environment"];
        for (std::size_t i = 0; i < vars.items().size(); ++i) {
            const Node &v = vars.items()[i];
            Node e = Node::map();
            e.set("name", Node::string(textOf(v["name"])));
            e.set("value", Node::string(textOf(v["value"])));
            trace("env[" + std::to_string(env.size()) + "]", v,
                  appendPointer(ptr("environment"), i),
                  QT_TRANSLATE_NOOP("Diagnostics", "An environment variable, unchanged."));
            env.append(std::move(e));
        }
        const Node &secrets = def["secrets"];
        for (std::size_t i = 0; i < secrets.items().size(); ++i) {
            const Node &s = secrets.items()[i];
            const std::string name = textOf(s["name"]);
            const std::string from = textOf(s["valueFrom"]);
            const std::string sp = appendPointer(ptr("secrets"), i);
            Node ref = Node::map();
            ref.set("name", Node::string(facts.secretName));
            ref.set("key", Node::string(name));
            Node valueFrom = Node::map();
            valueFrom.set("secretKeyRef", std::move(ref));
            Node e = Node::map();
            e.set("name", Node::string(name));
            e.set("valueFrom", std::move(valueFrom));
            trace("env[" + std::to_string(env.size()) + "].valueFrom.secretKeyRef", s, sp,
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "A secret from %1 becomes key %2 of the Secret %3, read "
                                    "with secretKeyRef."),
                  {from, name, facts.secretName});
            env.append(std::move(e));
            secretNote(s, sp, name, from);
        }
        if (env.size() > 0) {
            out.set("env", std::move(env));
        }
    }

    void secretNote(const Node &s, const std::string &sp, const std::string &name,
                    const std::string &from)
    {
        // Secrets Manager: arn:aws:secretsmanager:region:account:secret:id[:json-key:stage:ver]
        const bool secretsManager = from.find(":secretsmanager:") != std::string::npos;
        std::string fetch;
        if (secretsManager) {
            std::string id = from;
            std::string jsonKey;
            const auto secretPos = from.find(":secret:");
            if (secretPos != std::string::npos) {
                // The ARN's id ends with "-XXXXXX"; keep the whole ARN up to the json key.
                std::size_t colon = from.find(':', secretPos + 8);
                if (colon != std::string::npos) {
                    id = from.substr(0, colon);
                    const std::size_t next = from.find(':', colon + 1);
                    jsonKey = from.substr(colon + 1, next == std::string::npos ? std::string::npos
                                                                               : next - colon - 1);
                }
            }
            fetch = "aws secretsmanager get-secret-value --secret-id " + id +
                    " --query SecretString --output text";
            if (!jsonKey.empty()) {
                fetch += " | jq -r ." + jsonKey;
            }
        } else {
            // SSM: arn:aws:ssm:region:account:parameter/name, or the parameter's name.
            std::string param = from;
            const auto p = from.find(":parameter");
            if (p != std::string::npos) {
                param = from.substr(p + 10);
            }
            fetch = "aws ssm get-parameter --with-decryption --name " + param +
                    " --query Parameter.Value --output text";
        }
        ctx.note(Severity::Warning, kSecret, s, sp,
                 text(secretsManager
                          ? QT_TRANSLATE_NOOP("Diagnostics",
                                              "Secret %1 comes from AWS Secrets Manager (%2); "
                                              "its value is not in the task definition")
                          : QT_TRANSLATE_NOOP("Diagnostics",
                                              "Secret %1 comes from SSM Parameter Store (%2); its "
                                              "value is not in the task definition"),
                      {name, from}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Bring the value into the Secret %1 before the pods "
                                        "start: kubectl create secret generic %1 "
                                        "--from-literal=%2=\"$(%3)\" (add one --from-literal per "
                                        "key), or sync it with the External Secrets Operator."),
                      {facts.secretName, name, fetch}));
    }

    void resources()
    {
        Node requests = Node::map();
        Node limits = Node::map();
        const Node *cpu = def.find("cpu");
        const Node *memory = def.find("memory");
        const Node *reservation = def.find("memoryReservation");
        std::string cpuPtr = ptr("cpu");
        std::string memPtr = ptr("memory");
        bool fromTask = false;
        // A lone container without its own size gets the task's (Fargate sizes the task).
        if (facts.singleContainer && (!cpu || !integerOf(*cpu)) && facts.taskCpu) {
            cpu = facts.taskCpu;
            cpuPtr = appendPointer(facts.taskPointer, "cpu");
            fromTask = true;
        }
        if (facts.singleContainer && !memory && !reservation && facts.taskMemory) {
            memory = facts.taskMemory;
            memPtr = appendPointer(facts.taskPointer, "memory");
            fromTask = true;
        }
        if (cpu) {
            if (auto units = integerOf(*cpu); units && *units > 0) {
                requests.set("cpu", Node::string(millicores(*units)));
                trace("resources.requests.cpu", *cpu, cpuPtr,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 ECS cpu units (1024 = one vCPU) are %2 of CPU. ECS "
                                        "container cpu is a relative share, as a request is; no "
                                        "limit is set."),
                      {std::to_string(*units), millicores(*units)});
            }
        }
        if (memory) {
            if (auto mib = integerOf(*memory); mib && *mib > 0) {
                limits.set("memory", Node::string(mebibytes(*mib)));
                trace("resources.limits.memory", *memory, memPtr,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "ECS memory is a hard limit in MiB: the container is "
                                        "killed above it, as with a Kubernetes memory limit."));
                if (!reservation) {
                    requests.set("memory", Node::string(mebibytes(*mib)));
                    trace("resources.requests.memory", *memory, memPtr,
                          QT_TRANSLATE_NOOP("Diagnostics",
                                            "Without memoryReservation ECS reserves the hard "
                                            "limit, so the request equals the limit."));
                }
            }
        }
        if (reservation) {
            if (auto mib = integerOf(*reservation); mib && *mib > 0) {
                requests.set("memory", Node::string(mebibytes(*mib)));
                trace("resources.requests.memory", *reservation, ptr("memoryReservation"),
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "memoryReservation is the soft limit the scheduler "
                                        "reserves: a Kubernetes memory request."));
            }
        }
        if (fromTask) {
            ctx.note(Severity::Info, kGuess, def["name"], ptr("name"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "The task's size was given to its only container: "
                                            "Kubernetes sizes containers, not pods")));
        }
        const Node &rr = def["resourceRequirements"];
        for (std::size_t i = 0; i < rr.items().size(); ++i) {
            const Node &r = rr.items()[i];
            const std::string rp = appendPointer(ptr("resourceRequirements"), i);
            if (textOf(r["type"]) == "GPU") {
                limits.set("nvidia.com/gpu", Node::string(textOf(r["value"])));
                trace("resources.limits.nvidia.com/gpu", r, rp,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "GPUs are the extended resource nvidia.com/gpu (the "
                                        "NVIDIA device plugin must run on the nodes)."));
            } else {
                ctx.note(Severity::Warning, kNoEquivalent, r, rp,
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "Resource requirement %1 has no Kubernetes "
                                                "equivalent and was not converted"),
                              {textOf(r["type"])}),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "Request the device through its device plugin's "
                                                "extended resource name.")));
            }
        }
        Node res = Node::map();
        if (requests.size() > 0) {
            res.set("requests", std::move(requests));
        }
        if (limits.size() > 0) {
            res.set("limits", std::move(limits));
        }
        if (res.size() > 0) {
            out.set("resources", std::move(res));
        }
    }

    void probes()
    {
        const Node &hc = def["healthCheck"];
        if (!hc.isMap()) {
            return;
        }
        const std::string hp = ptr("healthCheck");
        const std::int64_t interval = integerOf(hc["interval"]).value_or(30);
        const std::int64_t timeout = integerOf(hc["timeout"]).value_or(5);
        const std::int64_t retries = integerOf(hc["retries"]).value_or(3);
        const std::int64_t startPeriod = integerOf(hc["startPeriod"]).value_or(0);
        Node exec = Node::map();
        exec.set("command", probeCommand(hc["command"]));
        Node probe = Node::map();
        probe.set("exec", exec);
        probe.set("periodSeconds", Node::integer(interval));
        probe.set("timeoutSeconds", Node::integer(timeout));
        probe.set("failureThreshold", Node::integer(retries));
        out.set("livenessProbe", probe);
        trace("livenessProbe", hc, hp,
              QT_TRANSLATE_NOOP("Diagnostics",
                                "ECS replaces a task whose essential container turns unhealthy; "
                                "a liveness probe restarts the container. interval, timeout and "
                                "retries are periodSeconds, timeoutSeconds and "
                                "failureThreshold; CMD-SHELL runs through /bin/sh -c."));
        if (job.role == ContainerRole::InitSidecar || startPeriod > 0) {
            // During startPeriod ECS ignores failures; a startupProbe holds the liveness probe
            // back for as long. A sidecar others wait for needs one to say "healthy".
            Node startup = Node::map();
            startup.set("exec", exec);
            startup.set("periodSeconds", Node::integer(interval));
            startup.set("timeoutSeconds", Node::integer(timeout));
            const std::int64_t grace =
                (startPeriod + interval - 1) / std::max<std::int64_t>(1, interval);
            startup.set("failureThreshold", Node::integer(grace + retries));
            out.set("startupProbe", std::move(startup));
            trace("startupProbe", startPeriod > 0 ? hc["startPeriod"] : hc,
                  startPeriod > 0 ? appendPointer(hp, "startPeriod") : hp,
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "startPeriod is the time ECS ignores failed checks; the "
                                    "startupProbe allows startPeriod / interval + retries "
                                    "failures before the liveness probe takes over."));
        }
        ctx.note(Severity::Info, "ecs.readiness", hc, hp,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "The ECS container health check became a liveness "
                                        "probe; no readiness probe was made")),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "The load balancer's target-group health check (not in "
                                        "the task definition) decides where ALB traffic goes; "
                                        "add a readinessProbe on that path (for example an "
                                        "httpGet) so the Service only sends to ready pods.")));
    }

    void mounts()
    {
        Node mountsOut = Node::list();
        const Node &mp = def["mountPoints"];
        for (std::size_t i = 0; i < mp.items().size(); ++i) {
            const Node &m = mp.items()[i];
            Node vm = Node::map();
            vm.set("name", Node::string(kubernetesName(textOf(m["sourceVolume"]))));
            vm.set("mountPath", Node::string(textOf(m["containerPath"])));
            if (m["readOnly"].asBool()) {
                vm.set("readOnly", Node::boolean(true));
            }
            trace("volumeMounts[" + std::to_string(mountsOut.size()) + "]", m,
                  appendPointer(ptr("mountPoints"), i),
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "A mount point is a volumeMount of the pod volume with the "
                                    "same name."));
            mountsOut.append(std::move(vm));
        }
        // volumesFrom: Kubernetes cannot mount "another container's volumes", but the pod's
        // volumes are shared, so the source container's mounts are repeated here.
        const Node &vf = def["volumesFrom"];
        for (std::size_t i = 0; i < vf.items().size(); ++i) {
            const Node &v = vf.items()[i];
            const std::string vp = appendPointer(ptr("volumesFrom"), i);
            const std::string source = kubernetesName(textOf(v["sourceContainer"]));
            const Node *sourceMounts = nullptr;
            std::string sourcePointer;
            for (std::size_t k = 0; k < facts.mountsByContainer.size(); ++k) {
                if (facts.mountsByContainer[k].first == source) {
                    sourceMounts = facts.mountsByContainer[k].second;
                    sourcePointer = facts.mountsPointerByContainer[k].second;
                }
            }
            const bool readOnly = v["readOnly"].asBool();
            std::size_t copied = 0;
            if (sourceMounts) {
                for (std::size_t k = 0; k < sourceMounts->items().size(); ++k) {
                    const Node &m = sourceMounts->items()[k];
                    Node vm = Node::map();
                    vm.set("name", Node::string(kubernetesName(textOf(m["sourceVolume"]))));
                    vm.set("mountPath", Node::string(textOf(m["containerPath"])));
                    if (readOnly || m["readOnly"].asBool()) {
                        vm.set("readOnly", Node::boolean(true));
                    }
                    trace("volumeMounts[" + std::to_string(mountsOut.size()) + "]", m,
                          appendPointer(sourcePointer, k),
                          QT_TRANSLATE_NOOP("Diagnostics",
                                            "volumesFrom %1: the source container's mount is "
                                            "repeated, since pod volumes are shared."),
                          {source});
                    mountsOut.append(std::move(vm));
                    ++copied;
                }
            }
            ctx.note(Severity::Warning, kNoEquivalent, v, vp,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "volumesFrom %1 has no Kubernetes equivalent; %2 of "
                                            "its mounts were repeated in this container"),
                          {source, std::to_string(copied)}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Kubernetes shares volumes, not containers' "
                                            "filesystems: a path the image writes without a "
                                            "declared volume needs its own emptyDir volume "
                                            "mounted in both containers.")));
        }
        if (mountsOut.size() > 0) {
            out.set("volumeMounts", std::move(mountsOut));
        }
    }

    void security()
    {
        Node sc = Node::map();
        const Node &user = def["user"];
        if (!user.isNull()) {
            const std::string u = textOf(user);
            const auto colon = u.find(':');
            const std::string uid = u.substr(0, colon);
            const Node uidNode = Node::string(uid);
            if (auto n = integerOf(uidNode)) {
                sc.set("runAsUser", Node::integer(*n));
                trace("securityContext.runAsUser", user, ptr("user"),
                      QT_TRANSLATE_NOOP("Diagnostics", "A numeric user is runAsUser."));
                if (colon != std::string::npos) {
                    if (auto g = integerOf(Node::string(u.substr(colon + 1)))) {
                        sc.set("runAsGroup", Node::integer(*g));
                    }
                }
            } else {
                ctx.note(Severity::Warning, kNoEquivalent, user, ptr("user"),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "User %1 is a name; Kubernetes takes numeric ids "
                                                "only"),
                              {u}),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "Look up the id in the image (id -u %1) and set "
                                                "securityContext.runAsUser.")));
            }
        }
        if (def["privileged"].asBool()) {
            sc.set("privileged", Node::boolean(true));
            trace("securityContext.privileged", def["privileged"], ptr("privileged"),
                  QT_TRANSLATE_NOOP("Diagnostics", "privileged is securityContext.privileged."));
        }
        if (def["readonlyRootFilesystem"].asBool()) {
            sc.set("readOnlyRootFilesystem", Node::boolean(true));
            trace("securityContext.readOnlyRootFilesystem", def["readonlyRootFilesystem"],
                  ptr("readonlyRootFilesystem"),
                  QT_TRANSLATE_NOOP("Diagnostics", "readonlyRootFilesystem is "
                                                   "securityContext.readOnlyRootFilesystem."));
        }
        const Node &lp = def["linuxParameters"];
        if (lp.isMap()) {
            const Node &caps = lp["capabilities"];
            Node capsOut = Node::map();
            for (const char *k : {"add", "drop"}) {
                if (caps[k].isList() && caps[k].size() > 0) {
                    capsOut.set(k, stringList(caps[k]));
                }
            }
            if (capsOut.size() > 0) {
                sc.set("capabilities", std::move(capsOut));
                trace("securityContext.capabilities", caps,
                      appendPointer(ptr("linuxParameters"), "capabilities"),
                      QT_TRANSLATE_NOOP("Diagnostics", "Linux capabilities keep their names."));
            }
            for (const auto &e : lp.entries()) {
                if (e.key == "capabilities" || emptyValue(e.value)) {
                    continue;
                }
                ctx.note(Severity::Warning, kNoEquivalent, e.value,
                         appendPointer(ptr("linuxParameters"), e.key),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "%1 has no Kubernetes equivalent and was not "
                                                "converted"),
                              {"linuxParameters." + e.key}),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "initProcessEnabled: set "
                                                "shareProcessNamespace or use an image with an "
                                                "init; devices and tmpfs: use a device plugin "
                                                "and an emptyDir with medium Memory.")));
            }
        }
        if (sc.size() > 0) {
            out.set("securityContext", std::move(sc));
        }
    }

    void essential()
    {
        const Node &ess = def["essential"];
        if (ess.isBool() && !ess.asBool()) {
            ctx.note(Severity::Warning, kNoEquivalent, ess, ptr("essential"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "essential: false has no Kubernetes equivalent")),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Kubernetes restarts any container that stops "
                                            "(restartPolicy Always) and never stops the pod for "
                                            "one; a helper that should run once belongs in "
                                            "initContainers or a Job.")));
        }
    }
};

} // namespace

void assignRoles(EcsContext &ctx, std::vector<ContainerJob> &jobs)
{
    std::map<std::string, ContainerRole> roles;
    for (const ContainerJob &job : jobs) {
        const Node &deps = (*job.definition)["dependsOn"];
        for (std::size_t i = 0; i < deps.items().size(); ++i) {
            const Node &d = deps.items()[i];
            const std::string target = kubernetesName(textOf(d["containerName"]));
            const std::string condition = textOf(d["condition"]);
            const std::string dp = appendPointer(appendPointer(job.pointer, "dependsOn"), i);
            if (condition == "SUCCESS" || condition == "COMPLETE") {
                roles[target] = ContainerRole::InitJob;
                if (condition == "COMPLETE") {
                    ctx.note(Severity::Info, kGuess, d["condition"], appendPointer(dp, "condition"),
                             text(QT_TRANSLATE_NOOP("Diagnostics",
                                                    "COMPLETE also accepts a failed exit; an "
                                                    "init container must succeed for the pod "
                                                    "to start")));
                }
            } else if (condition == "HEALTHY") {
                if (roles[target] != ContainerRole::InitJob) {
                    roles[target] = ContainerRole::InitSidecar;
                }
            } else {
                ctx.note(Severity::Info, kGuess, d, dp,
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "dependsOn %1 %2: Kubernetes starts a pod's "
                                                "containers in the listed order without waiting "
                                                "for each other"),
                              {target, condition}),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "The container was listed after %1; if it must "
                                                "wait, make %1 a sidecar (an init container "
                                                "with restartPolicy Always and a startupProbe)."),
                              {target}));
            }
        }
    }
    std::size_t init = 0;
    std::size_t main = 0;
    for (ContainerJob &job : jobs) {
        auto it = roles.find(job.name);
        job.role = it == roles.end() ? ContainerRole::Main : it->second;
        job.targetPath = job.role == ContainerRole::Main
                             ? "spec.template.spec.containers[" + std::to_string(main++) + "]"
                             : "spec.template.spec.initContainers[" + std::to_string(init++) + "]";
    }
}

Model::Node convertContainer(EcsContext &ctx, const ContainerJob &job, const TaskFacts &facts,
                             std::vector<ExposedPort> &ports)
{
    const Node &def = *job.definition;
    ContainerBuilder b{ctx, job, facts, def};
    b.identity();
    b.commands();
    b.environment();
    b.resources();

    // Ports: containerPort (and protocol) on the container; the Service gets the rest.
    Node portsOut = Node::list();
    const Node &pm = def["portMappings"];
    for (std::size_t i = 0; i < pm.items().size(); ++i) {
        const Node &m = pm.items()[i];
        const std::string mp = appendPointer(b.ptr("portMappings"), i);
        const auto containerPort = integerOf(m["containerPort"]);
        if (!containerPort || *containerPort <= 0 || *containerPort > 65535) {
            ctx.note(Severity::Warning, "ecs.port", m, mp,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Port mapping without a usable containerPort was "
                                            "skipped (a containerPortRange has no Service "
                                            "equivalent)")));
            continue;
        }
        std::string protocol = textOf(m["protocol"]) == "udp" ? "UDP" : "TCP";
        const bool duplicate =
            std::any_of(portsOut.items().begin(), portsOut.items().end(), [&](const Node &p) {
                return p["containerPort"].asInt() == *containerPort &&
                       textOf(p["protocol"]) == protocol;
            });
        if (duplicate) {
            ctx.note(Severity::Info, kGuess, m, mp,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Port %1/%2 is mapped twice; it was converted once"),
                          {std::to_string(*containerPort), protocol}));
            continue;
        }
        std::int64_t servicePort = *containerPort;
        if (auto hostPort = integerOf(m["hostPort"]); hostPort && *hostPort > 0) {
            servicePort = *hostPort;
            if (*hostPort != *containerPort) {
                ctx.note(Severity::Info, kGuess, m["hostPort"], appendPointer(mp, "hostPort"),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "hostPort %1 differs from containerPort %2: the "
                                                "Service listens on %1 and forwards to %2"),
                              {std::to_string(*hostPort), std::to_string(*containerPort)}),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "In awsvpc mode ECS rejects this mapping; "
                                                "clients of the Service use port %1."),
                              {std::to_string(*hostPort)}));
            }
        }
        Node p = Node::map();
        p.set("containerPort", Node::integer(*containerPort));
        p.set("protocol", Node::string(protocol));
        std::string portName = kubernetesName(textOf(m["name"]), 15);
        if (!portName.empty()) {
            p.set("name", Node::string(portName));
        }
        b.trace("ports[" + std::to_string(portsOut.size()) + "]", m, mp,
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "A port mapping's containerPort is the container's port; "
                                  "the Service does what the host port and the load balancer "
                                  "did."));
        portsOut.append(std::move(p));
        ExposedPort e;
        e.container = job.name;
        e.portName = portName;
        e.containerPort = *containerPort;
        e.servicePort = servicePort;
        e.protocol = protocol;
        e.appProtocol = textOf(m["appProtocol"]);
        e.pointer = mp;
        e.source = &m;
        ports.push_back(std::move(e));
    }
    if (portsOut.size() > 0) {
        b.out.set("ports", std::move(portsOut));
    }
    b.probes();
    b.mounts();
    b.security();
    b.essential();
    if (job.role == ContainerRole::InitSidecar) {
        b.out.set("restartPolicy", Node::string("Always"));
        b.trace("restartPolicy", def["name"], b.ptr("name"),
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "Another container waits until this one is HEALTHY: it is a "
                                  "sidecar (an init container with restartPolicy Always), which "
                                  "Kubernetes starts first and waits for until its startupProbe "
                                  "succeeds."));
        if (!def["healthCheck"].isMap()) {
            ctx.note(Severity::Warning, kGuess, def["name"], b.ptr("name"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Container %1 is waited for until HEALTHY but has no "
                                            "healthCheck; Kubernetes only waits for it to "
                                            "start"),
                          {job.name}));
        }
    } else if (job.role == ContainerRole::InitJob) {
        b.trace("name", def["name"], b.ptr("name"),
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "Another container waits until this one exits (dependsOn "
                                  "SUCCESS or COMPLETE): it is an init container, which runs to "
                                  "completion before the others start."));
    }
    noteUnmapped(ctx, def, job.pointer);
    return std::move(b.out);
}

std::optional<std::int64_t> longestStopTimeout(EcsContext &ctx,
                                               const std::vector<ContainerJob> &jobs,
                                               const std::string &deploymentLabel)
{
    std::optional<std::int64_t> longest;
    const ContainerJob *from = nullptr;
    int count = 0;
    for (const ContainerJob &job : jobs) {
        if (auto t = integerOf((*job.definition)["stopTimeout"])) {
            ++count;
            if (!longest || *t > *longest) {
                longest = t;
                from = &job;
            }
        }
    }
    if (from) {
        const std::string sp = appendPointer(from->pointer, "stopTimeout");
        ctx.trace(deploymentLabel, "spec.template.spec.terminationGracePeriodSeconds",
                  (*from->definition)["stopTimeout"], sp,
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "stopTimeout is the time between SIGTERM and SIGKILL; "
                                         "Kubernetes sets it per pod "
                                         "(terminationGracePeriodSeconds), so the longest one "
                                         "is used.")));
        if (count > 1) {
            ctx.note(Severity::Info, kGuess, (*from->definition)["stopTimeout"], sp,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Containers have different stopTimeout values; the "
                                            "pod's grace period is the longest, %1 s"),
                          {std::to_string(*longest)}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "To stop a container sooner, give it a preStop "
                                            "hook or handle SIGTERM in it.")));
        }
    }
    return longest;
}

} // namespace Torii::Convert::Ecs::Internal
