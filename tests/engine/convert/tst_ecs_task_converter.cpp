// Every mapping of the ECS task-definition converter, on task definitions written here (no
// ../shared needed): what each ECS field becomes, the notes (with line:col) for what has no
// Kubernetes equivalent, and the provenance pointers.

#include "engine/convert/ecs/ecs_task_converter.h"
#include "engine/yaml/yaml_emitter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

using namespace Torii;

// std::string comparisons that print both sides when they differ.
#define QCOMPARE_STR(a, b) QCOMPARE(QString::fromStdString(a), QString::fromStdString(b))
using Torii::Convert::Conversion;
using Torii::Model::Node;

namespace {

Conversion convert(const char *json)
{
    return Convert::Ecs::convertEcsText(json, "task.json");
}

const Node *object(const Conversion &c, const std::string &kind, const std::string &name = {})
{
    for (const Node &o : c.objects) {
        if (o["kind"].asString() == kind &&
            (name.empty() || o["metadata"]["name"].asString() == name)) {
            return &o;
        }
    }
    return nullptr;
}

const Node &pod(const Conversion &c)
{
    static const Node none;
    const Node *d = object(c, "Deployment");
    return d ? *d->at("spec.template.spec") : none;
}

const Core::Diagnostic *noteWith(const Conversion &c, const std::string &fragment)
{
    for (const auto &n : c.notes) {
        if (n.message.find(fragment) != std::string::npos) {
            return &n;
        }
    }
    return nullptr;
}

const Convert::Provenance *provenanceOf(const Conversion &c, const std::string &targetPath)
{
    for (const auto &p : c.provenance) {
        if (p.targetPath == targetPath) {
            return &p;
        }
    }
    return nullptr;
}

} // namespace

class TstEcsTaskConverter : public QObject
{
    Q_OBJECT

private slots:
    void commandsAndEnvironment();
    void secretsBecomeSecretReferencesWithHowToBringThem();
    void cpuAndMemoryUnits();
    void healthCheckBecomesProbes();
    void dependsOnOrdersContainers();
    void volumesAndMounts();
    void stopTimeoutAndTaskRole();
    void portsBecomeServicesAndRoutes();
    void hostNetworkAndSecurity();
    void noEquivalentFieldsAreNotedAtTheirPosition();
    void inputShapes();
    void emitsKubectlReadyYaml();
    void namespaceAndProvenanceNames();
};

void TstEcsTaskConverter::commandsAndEnvironment()
{
    const Conversion c = convert(R"({
  "family": "web_app",
  "containerDefinitions": [{
"name": "web",
"image": "nginx:1.25",
"entryPoint": ["/docker-entrypoint.sh"],
"command": ["nginx", "-g", "daemon off;"],
"workingDirectory": "/srv",
"environment": [{"name": "MODE", "value": "prod"}]
  }]
})");
    QVERIFY(c.usable());
    const Node *d = object(c, "Deployment", "web-app");
    QVERIFY(d);
    QCOMPARE((*d)["spec"]["replicas"].asInt(), 1);
    QCOMPARE_STR(d->at("spec.selector.matchLabels")->toJson(), std::string(R"({"app":"web-app"})"));
    const Node &container = pod(c)["containers"].items().at(0);
    QCOMPARE_STR(container["command"].toJson(), std::string(R"(["/docker-entrypoint.sh"])"));
    QCOMPARE(container["args"].toJson(), std::string(R"(["nginx","-g","daemon off;"])"));
    QCOMPARE_STR(container["workingDir"].asString(), std::string("/srv"));
    QCOMPARE_STR(container["env"].toJson(), std::string(R"([{"name":"MODE","value":"prod"}])"));
    const auto *p = provenanceOf(c, "spec.template.spec.containers[0].args");
    QVERIFY(p);
    QCOMPARE_STR(p->sourcePointer, std::string("/containerDefinitions/0/command"));
    QCOMPARE(p->sourceMark.line, 7u);
    QVERIFY(!p->explanation.isEmpty());
    QVERIFY(p->explanation.english().find("CMD") != std::string::npos);
}

void TstEcsTaskConverter::secretsBecomeSecretReferencesWithHowToBringThem()
{
    const Conversion c = convert(R"({
  "family": "api",
  "containerDefinitions": [{
"name": "api", "image": "api:1",
"secrets": [
  {"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:111122223333:parameter/prod/db"},
  {"name": "TOKEN", "valueFrom": "arn:aws:secretsmanager:us-east-1:111122223333:secret:tok-AbCdEf:token::"}
]
  }]
})");
    QVERIFY(c.usable());
    const Node &env = pod(c)["containers"].items().at(0)["env"];
    QCOMPARE(env.size(), std::size_t(2));
    QCOMPARE_STR(
        env.items()[0].toJson(),
        std::string(
            R"({"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"api-secrets","key":"DB_PASSWORD"}}})"));
    const auto *ssm = noteWith(c, "SSM Parameter Store");
    QVERIFY(ssm);
    QCOMPARE(ssm->severity, Core::Severity::Warning);
    QCOMPARE(ssm->line, 6);
    QVERIFY(ssm->hint.find("aws ssm get-parameter --with-decryption --name /prod/db") !=
            std::string::npos);
    QVERIFY(ssm->hint.find("kubectl create secret generic api-secrets") != std::string::npos);
    const auto *sm = noteWith(c, "Secrets Manager");
    QVERIFY(sm);
    QVERIFY(sm->hint.find("--secret-id arn:aws:secretsmanager:us-east-1:111122223333:secret:"
                          "tok-AbCdEf --query SecretString") != std::string::npos);
    QVERIFY(sm->hint.find("jq -r .token") != std::string::npos);
}

void TstEcsTaskConverter::cpuAndMemoryUnits()
{
    const Conversion c = convert(R"({
  "family": "sized",
  "containerDefinitions": [
{"name": "a", "image": "a", "cpu": 256, "memory": 512, "memoryReservation": 128},
{"name": "b", "image": "b", "cpu": 0, "memory": 300},
{"name": "c", "image": "c", "resourceRequirements": [{"type": "GPU", "value": "2"}]}
  ]
})");
    const auto &cs = pod(c)["containers"].items();
    QCOMPARE_STR(
        cs.at(0)["resources"].toJson(),
        std::string(R"({"requests":{"cpu":"250m","memory":"128Mi"},"limits":{"memory":"512Mi"}})"));
    QCOMPARE_STR(cs.at(1)["resources"].toJson(),
                 std::string(R"({"requests":{"memory":"300Mi"},"limits":{"memory":"300Mi"}})"));
    QCOMPARE_STR(cs.at(2)["resources"].toJson(),
                 std::string(R"({"limits":{"nvidia.com/gpu":"2"}})"));

    // Fargate: a lone container without its own size gets the task's.
    const Conversion f = convert(R"({"family": "f", "requiresCompatibilities": ["FARGATE"],
  "cpu": "1024", "memory": "2048",
  "containerDefinitions": [{"name": "app", "image": "app"}]})");
    QCOMPARE_STR(
        pod(f)["containers"].items().at(0)["resources"].toJson(),
        std::string(
            R"({"requests":{"cpu":"1000m","memory":"2048Mi"},"limits":{"memory":"2048Mi"}})"));
    QVERIFY(noteWith(f, "Fargate"));
}

void TstEcsTaskConverter::healthCheckBecomesProbes()
{
    const Conversion c = convert(R"({"family": "h", "containerDefinitions": [{
  "name": "app", "image": "app",
  "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
              "interval": 10, "timeout": 3, "retries": 2, "startPeriod": 45}}]})");
    const Node &app = pod(c)["containers"].items().at(0);
    QCOMPARE_STR(
        app["livenessProbe"].toJson(),
        std::string(
            R"({"exec":{"command":["/bin/sh","-c","curl -f http://localhost/ || exit 1"]},"periodSeconds":10,"timeoutSeconds":3,"failureThreshold":2})"));
    // 45 s at 10 s intervals: 5 ignored failures, then the 2 retries.
    QCOMPARE(app["startupProbe"]["failureThreshold"].asInt(), 7);
    QVERIFY(noteWith(c, "no readiness probe"));

    const Conversion plain = convert(R"({"family": "h", "containerDefinitions": [{
  "name": "app", "image": "app", "healthCheck": {"command": ["CMD", "/bin/check", "-q"]}}]})");
    const Node &p = pod(plain)["containers"].items().at(0);
    QCOMPARE_STR(
        p["livenessProbe"].toJson(),
        std::string(
            R"({"exec":{"command":["/bin/check","-q"]},"periodSeconds":30,"timeoutSeconds":5,"failureThreshold":3})"));
    QVERIFY(!p.has("startupProbe"));
}

void TstEcsTaskConverter::dependsOnOrdersContainers()
{
    const Conversion c = convert(R"({"family": "deps", "containerDefinitions": [
  {"name": "migrate", "image": "m"},
  {"name": "envoy", "image": "e", "healthCheck": {"command": ["CMD", "true"]}},
  {"name": "app", "image": "a", "dependsOn": [
 {"containerName": "migrate", "condition": "SUCCESS"},
 {"containerName": "envoy", "condition": "HEALTHY"}]},
  {"name": "late", "image": "l", "dependsOn": [{"containerName": "app", "condition": "START"}]}
]})");
    QVERIFY(c.usable());
    const Node &init = pod(c)["initContainers"];
    QCOMPARE(init.size(), std::size_t(2));
    QCOMPARE_STR(init.items()[0]["name"].asString(), std::string("migrate"));
    QVERIFY(!init.items()[0].has("restartPolicy"));
    QCOMPARE_STR(init.items()[1]["name"].asString(), std::string("envoy"));
    QCOMPARE_STR(init.items()[1]["restartPolicy"].asString(), std::string("Always"));
    QVERIFY(init.items()[1].has("startupProbe"));
    const Node &main = pod(c)["containers"];
    QCOMPARE(main.size(), std::size_t(2));
    QCOMPARE_STR(main.items()[0]["name"].asString(), std::string("app"));
    const auto *start = noteWith(c, "dependsOn app START");
    QVERIFY(start);
    QCOMPARE(start->line, 7);
}

void TstEcsTaskConverter::volumesAndMounts()
{
    const Conversion c = convert(R"({"family": "vol",
  "volumes": [
{"name": "host_etc", "host": {"sourcePath": "/etc"}},
{"name": "scratch"},
{"name": "shared", "host": {}},
{"name": "efs", "efsVolumeConfiguration": {"fileSystemId": "fs-1234", "rootDirectory": "/data"}}
  ],
  "containerDefinitions": [
{"name": "web", "image": "w", "mountPoints": [
   {"sourceVolume": "scratch", "containerPath": "/tmp/x"},
   {"sourceVolume": "efs", "containerPath": "/data", "readOnly": true}]},
{"name": "logs", "image": "l", "volumesFrom": [{"sourceContainer": "web", "readOnly": true}]}
  ]})");
    const Node &vols = pod(c)["volumes"];
    QCOMPARE_STR(
        vols.toJson(),
        std::string(
            R"([{"name":"host-etc","hostPath":{"path":"/etc"}},{"name":"scratch","emptyDir":{}},{"name":"shared","emptyDir":{}},{"name":"efs","persistentVolumeClaim":{"claimName":"efs"}}])"));
    const auto &cs = pod(c)["containers"].items();
    QCOMPARE_STR(
        cs.at(0)["volumeMounts"].toJson(),
        std::string(
            R"([{"name":"scratch","mountPath":"/tmp/x"},{"name":"efs","mountPath":"/data","readOnly":true}])"));
    // volumesFrom repeats the source's mounts, read-only as asked.
    QCOMPARE_STR(
        cs.at(1)["volumeMounts"].toJson(),
        std::string(
            R"([{"name":"scratch","mountPath":"/tmp/x","readOnly":true},{"name":"efs","mountPath":"/data","readOnly":true}])"));
    const auto *vf = noteWith(c, "volumesFrom web");
    QVERIFY(vf);
    QCOMPARE(vf->line, 12);
    const auto *efs = noteWith(c, "EFS file system fs-1234");
    QVERIFY(efs);
    QVERIFY(efs->hint.find("efs.csi.aws.com") != std::string::npos);
    QVERIFY(noteWith(c, "hostPath /etc"));
}

void TstEcsTaskConverter::stopTimeoutAndTaskRole()
{
    const Conversion c = convert(R"({"family": "stop",
  "taskRoleArn": "arn:aws:iam::111122223333:role/app",
  "executionRoleArn": "arn:aws:iam::111122223333:role/exec",
  "containerDefinitions": [
{"name": "a", "image": "a", "stopTimeout": 2},
{"name": "b", "image": "b", "stopTimeout": 20}
  ]})");
    QCOMPARE(pod(c)["terminationGracePeriodSeconds"].asInt(), 20);
    const Node *sa = object(c, "ServiceAccount", "stop");
    QVERIFY(sa);
    QCOMPARE_STR(
        sa->at("metadata.annotations")->toJson(),
        std::string(R"({"eks.amazonaws.com/role-arn":"arn:aws:iam::111122223333:role/app"})"));
    QCOMPARE_STR(pod(c)["serviceAccountName"].asString(), std::string("stop"));
    const auto *exec = noteWith(c, "executionRoleArn has no Kubernetes equivalent");
    QVERIFY(exec);
    QCOMPARE(exec->line, 3);
    QCOMPARE_STR(exec->fieldPath, std::string("/executionRoleArn"));
    QVERIFY(noteWith(c, "different stopTimeout"));
}

void TstEcsTaskConverter::portsBecomeServicesAndRoutes()
{
    const Conversion c = convert(R"({"family": "net", "networkMode": "bridge",
  "containerDefinitions": [
{"name": "web", "image": "w", "portMappings": [
   {"containerPort": 8080, "hostPort": 80},
   {"containerPort": 8080, "hostPort": 80},
   {"containerPort": 9000, "appProtocol": "grpc"}]},
{"name": "dns", "image": "d", "portMappings": [{"containerPort": 53, "protocol": "udp"}]},
{"name": "db", "image": "p", "portMappings": [{"containerPort": 5432}]}
  ]})");
    QVERIFY(c.usable());
    const Node *svc = object(c, "Service", "net-80");
    QVERIFY(svc);
    QCOMPARE_STR(svc->at("spec.ports")->toJson(),
                 std::string(R"([{"name":"tcp","port":80,"targetPort":8080,"protocol":"TCP"}])"));
    QCOMPARE_STR(svc->at("spec.selector")->toJson(), std::string(R"({"app":"net"})"));
    QVERIFY(noteWith(c, "mapped twice"));
    QVERIFY(noteWith(c, "hostPort 80 differs from containerPort 8080"));
    QVERIFY(object(c, "Service", "net-53"));
    QCOMPARE_STR(
        object(c, "Service", "net-53")->at("spec.ports")->items().at(0)["protocol"].asString(),
        std::string("UDP"));
    const Node *gw = object(c, "Gateway", "net");
    QVERIFY(gw);
    QCOMPARE_STR(
        gw->at("spec.listeners")->toJson(),
        std::string(
            R"([{"name":"http-80","port":80,"protocol":"HTTP"},{"name":"http-9000","port":9000,"protocol":"HTTP"},{"name":"udp-53","port":53,"protocol":"UDP"},{"name":"tcp-5432","port":5432,"protocol":"TCP"}])"));
    const Node *http = object(c, "HTTPRoute", "net-80");
    QVERIFY(http);
    QCOMPARE_STR(
        http->at("spec")->toJson(),
        std::string(
            R"({"parentRefs":[{"name":"net","sectionName":"http-80"}],"rules":[{"backendRefs":[{"name":"net-80","port":80}]}]})"));
    QVERIFY(object(c, "GRPCRoute", "net-9000"));
    QVERIFY(object(c, "UDPRoute", "net-53"));
    QCOMPARE_STR((*object(c, "TCPRoute", "net-5432"))["apiVersion"].asString(),
                 std::string("gateway.networking.k8s.io/v1alpha2"));
    QVERIFY(noteWith(c, "bridge network mode"));
}

void TstEcsTaskConverter::hostNetworkAndSecurity()
{
    const Conversion c = convert(R"({"family": "h", "networkMode": "host", "pidMode": "task",
  "containerDefinitions": [{"name": "c", "image": "c", "user": "1337:1000", "privileged": true,
"readonlyRootFilesystem": true,
"linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}, "initProcessEnabled": true},
"extraHosts": [{"hostname": "db.local", "ipAddress": "10.0.0.5"}]}]})");
    QCOMPARE(pod(c)["hostNetwork"].asBool(), true);
    QCOMPARE(pod(c)["shareProcessNamespace"].asBool(), true);
    QCOMPARE_STR(pod(c)["hostAliases"].toJson(),
                 std::string(R"([{"ip":"10.0.0.5","hostnames":["db.local"]}])"));
    QCOMPARE_STR(
        pod(c)["containers"].items().at(0)["securityContext"].toJson(),
        std::string(
            R"({"runAsUser":1337,"runAsGroup":1000,"privileged":true,"readOnlyRootFilesystem":true,"capabilities":{"add":["NET_ADMIN"]}})"));
    QVERIFY(noteWith(c, "linuxParameters.initProcessEnabled"));
    const Conversion named = convert(R"({"family": "n", "containerDefinitions": [
  {"name": "c", "image": "c", "user": "nginx"}]})");
    QVERIFY(noteWith(named, "User nginx is a name"));
}

void TstEcsTaskConverter::noEquivalentFieldsAreNotedAtTheirPosition()
{
    const Conversion c = convert(R"({"family": "notes", "containerDefinitions": [{
  "name": "log_router", "image": "fluent-bit",
  "essential": false,
  "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 2048}],
  "logConfiguration": {"logDriver": "awslogs"},
  "links": ["db"],
  "mysteryField": 1
}]})");
    QVERIFY(c.usable());
    QCOMPARE_STR(pod(c)["containers"].items().at(0)["name"].asString(), std::string("log-router"));
    const auto *ess = noteWith(c, "essential: false");
    QVERIFY(ess);
    QCOMPARE(ess->line, 3);
    QCOMPARE(ess->column, 16);
    QCOMPARE_STR(ess->file, std::string("task.json"));
    const auto *ul = noteWith(c, "ulimits has no Kubernetes equivalent");
    QVERIFY(ul);
    QCOMPARE(ul->line, 4);
    QVERIFY(!ul->hint.empty());
    QVERIFY(noteWith(c, "logConfiguration has no Kubernetes equivalent"));
    QVERIFY(noteWith(c, "links has no Kubernetes equivalent"));
    const auto *unknown = noteWith(c, "mysteryField is not converted");
    QVERIFY(unknown);
    QCOMPARE(unknown->severity, Core::Severity::Info);
    QVERIFY(noteWith(c, "Container name log_router is not a valid Kubernetes name"));
}

void TstEcsTaskConverter::inputShapes()
{
    const char *wrapped = R"({"taskDefinition": {"family": "w",
  "containerDefinitions": [{"name": "c", "image": "c"}]}})";
    Yaml::LoadResult l = Yaml::loadText(wrapped, "w.json");
    QCOMPARE(Convert::Ecs::claimTaskDefinitions(l.documents.at(0).root), Convert::Claim::Mine);
    const Conversion c = convert(wrapped);
    QVERIFY(c.usable());
    QVERIFY(object(c, "Deployment", "w"));
    QCOMPARE_STR(provenanceOf(c, "spec.template.spec.containers[0].image")->sourcePointer,
                 std::string("/taskDefinition/containerDefinitions/0/image"));

    const char *k8s = "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n";
    Yaml::LoadResult kl = Yaml::loadText(k8s, "svc.yaml");
    QCOMPARE(Convert::Ecs::claimTaskDefinitions(kl.documents.at(0).root), Convert::Claim::NotMine);
    const Conversion notMine = Convert::Ecs::convertEcsText(k8s, "svc.yaml");
    QVERIFY(!notMine.usable());
    QVERIFY(notMine.objects.empty());

    const Conversion broken = convert(R"({"family": "x", "containerDefinitions": [)");
    QVERIFY(!broken.usable());
    QVERIFY(broken.objects.empty());

    const Conversion noImage =
        convert(R"({"family": "x", "containerDefinitions": [{"name": "a"}]})");
    QVERIFY(!noImage.usable());
}

void TstEcsTaskConverter::emitsKubectlReadyYaml()
{
    const Conversion c = convert(R"({"family": "e", "containerDefinitions": [
  {"name": "c", "image": "c", "portMappings": [{"containerPort": 8080}]}]})");
    const std::string yaml = Yaml::emitDocuments(c.objects);
    QVERIFY(yaml.find("kind: Deployment") != std::string::npos);
    QVERIFY(yaml.find("kind: HTTPRoute") != std::string::npos);
    QVERIFY(yaml.find("gatewayClassName: torii") != std::string::npos);
}

void TstEcsTaskConverter::namespaceAndProvenanceNames()
{
    Convert::Ecs::EcsOptions options;
    options.namespaceName = "shop";
    options.gatewayClassName = "eg";
    const Conversion c = Convert::Ecs::convertEcsText(
        R"({"family": "n", "taskRoleArn": "arn:aws:iam::1:role/r", "containerDefinitions": [
  {"name": "c", "image": "c", "portMappings": [{"containerPort": 80}]}]})",
        "task.json", options);
    for (const Node &o : c.objects) {
        QCOMPARE_STR(o["metadata"]["namespace"].str(), std::string("shop"));
    }
    QCOMPARE_STR(object(c, "Gateway")->at("spec.gatewayClassName")->str(), std::string("eg"));
    // One block per object, in the objects' order, named as Resource::displayName() does.
    std::vector<std::string> blocks;
    for (const auto &p : c.provenance) {
        if (blocks.empty() || blocks.back() != p.targetResource) {
            blocks.push_back(p.targetResource);
        }
    }
    QCOMPARE(blocks.size(), c.objects.size());
    QCOMPARE_STR(blocks.front(), std::string("ServiceAccount shop/n"));
    QCOMPARE_STR(blocks.at(1), std::string("Deployment shop/n"));
}

QTEST_GUILESS_MAIN(TstEcsTaskConverter)
#include "tst_ecs_task_converter.moc"
