// ECS task definitions written as CloudFormation AWS::ECS::TaskDefinition resources
// (engine/convert/ecs/ecs_cloudformation.h): the YAML template with short-form tags and the same
// template in JSON give the same objects, and those are the objects of the same tasks written as
// RegisterTaskDefinition JSON; intrinsics the template cannot settle are noted at their position
// with the placeholder left in the output; provenance and notes point into the template; a
// template of ALB listener rules is not the ECS converter's; the task definition of a real
// template (AWS Copilot's, in ../shared/fixtures/ecs/alb) converts into objects that validate. The
// output of the YAML template is pinned by a golden file (TORII_UPDATE_GOLDEN=1 rewrites it).

#include "common/shared_corpus.h"

#include "engine/convert/alb/alb_rule_converter.h"
#include "engine/convert/ecs/ecs_task_converter.h"
#include "engine/validation/validator.h"
#include "engine/yaml/yaml_emitter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QFile>
#include <QtTest/QTest>

#include <algorithm>

using namespace Torii;
using Convert::Conversion;

class TstEcsCloudFormation : public QObject
{
    Q_OBJECT

private slots:
    void shortTagsReadAsLongForms();
    void yamlAndJsonTemplatesGiveTheSameObjects();
    void sameObjectsAsTheTaskDefinitionJson();
    void unresolvedIntrinsicsLeaveNotedPlaceholders();
    void provenancePointsIntoTheTemplate();
    void claims();
    void golden();
    void copilotTemplateConverts();
};

namespace {

const QString kDir = QStringLiteral(TORII_TEST_DATA_DIR "/convert/cloudformation/");

std::string path(const char *name)
{
    return (kDir + QLatin1String(name)).toStdString();
}

std::string fileText(const char *name)
{
    QFile f(kDir + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

// The 1-based line of the first line of `name` containing `fragment` (0: none).
std::uint32_t lineOf(const char *name, const std::string &fragment)
{
    const std::string text = fileText(name);
    const auto at = text.find(fragment);
    return at == std::string::npos
               ? 0
               : static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
}

void compareObjects(const std::vector<Model::Node> &actual,
                    const std::vector<Model::Node> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        QVERIFY2(actual[i] == expected[i],
                 qPrintable(QStringLiteral("object %1 differs:\n%2\n---\n%3")
                                .arg(i)
                                .arg(QString::fromStdString(actual[i].toJson()),
                                     QString::fromStdString(expected[i].toJson()))));
    }
}

std::vector<const Core::Diagnostic *> notesWithCode(const Conversion &c, const std::string &code)
{
    std::vector<const Core::Diagnostic *> out;
    for (const auto &n : c.notes) {
        if (n.code == code) {
            out.push_back(&n);
        }
    }
    return out;
}

} // namespace

void TstEcsCloudFormation::shortTagsReadAsLongForms()
{
    const std::string yaml = "a: !Ref Port\nb: !GetAtt Role.Arn\nc: !Join [\"-\", [x, !Ref Y]]\n"
                             "d: !Sub [\"${A}\", {A: !Ref B}]\n";
    // Off (Kubernetes input): the tag is dropped, as kubectl does.
    const auto plain = Yaml::loadText(yaml, "t.yaml");
    QCOMPARE(plain.documents.at(0).root["a"].str(), std::string("Port"));
    Yaml::LoadOptions options;
    options.cloudFormationTags = true;
    const auto loaded = Yaml::loadText(yaml, "t.yaml", options);
    QVERIFY(loaded.diagnostics.empty());
    const Model::Node &root = loaded.documents.at(0).root;
    QCOMPARE(root["a"].toJson(), std::string(R"({"Ref":"Port"})"));
    QCOMPARE(root["b"].toJson(), std::string(R"({"Fn::GetAtt":["Role","Arn"]})"));
    QCOMPARE(root["c"].toJson(), std::string(R"({"Fn::Join":["-",["x",{"Ref":"Y"}]]})"));
    QCOMPARE(root["d"].toJson(), std::string(R"({"Fn::Sub":["${A}",{"A":{"Ref":"B"}}]})"));
    QCOMPARE(root["a"].mark().line, 1u);
}

void TstEcsCloudFormation::yamlAndJsonTemplatesGiveTheSameObjects()
{
    const Conversion yaml = Convert::Ecs::convertEcsFile(path("ecs-web-stack.yaml"));
    const Conversion json = Convert::Ecs::convertEcsFile(path("ecs-web-stack.json"));
    QVERIFY(yaml.usable());
    QVERIFY(json.usable());
    // Two task definitions: a Deployment each (web also has its ServiceAccount, Service,
    // Gateway and HTTPRoute; the worker a Service and a UDPRoute).
    const auto deployments =
        std::count_if(yaml.objects.begin(), yaml.objects.end(),
                      [](const auto &o) { return o["kind"].str() == "Deployment"; });
    QCOMPARE(deployments, 2);
    compareObjects(yaml.objects, json.objects);
    QCOMPARE(yaml.notes.size(), json.notes.size());
    for (std::size_t i = 0; i < yaml.notes.size(); ++i) {
        QCOMPARE(yaml.notes[i].code, json.notes[i].code);
        QCOMPARE(yaml.notes[i].fieldPath, json.notes[i].fieldPath);
    }
}

void TstEcsCloudFormation::sameObjectsAsTheTaskDefinitionJson()
{
    const Conversion stack = Convert::Ecs::convertEcsFile(path("ecs-web-stack.yaml"));
    Conversion tasks = Convert::Ecs::convertEcsFile(path("ecs-web-task.json"));
    const Conversion worker = Convert::Ecs::convertEcsFile(path("ecs-worker-task.json"));
    QVERIFY(tasks.usable());
    QVERIFY(worker.usable());
    tasks.objects.insert(tasks.objects.end(), worker.objects.begin(), worker.objects.end());
    compareObjects(stack.objects, tasks.objects);
    // The images came from the parameter's Default, the worker's command from a list parameter.
    const auto web = std::find_if(stack.objects.begin(), stack.objects.end(), [](const auto &o) {
        return o["kind"].str() == "Deployment" && o["metadata"]["name"].str() == "web";
    });
    QVERIFY(web != stack.objects.end());
    QCOMPARE((*web)["spec"]["template"]["spec"]["containers"].items().at(0)["image"].str(),
             std::string("public.ecr.aws/nginx/nginx:1.4.2"));
    QVERIFY(!notesWithCode(stack, "ecs.cfn-default").empty());
}

void TstEcsCloudFormation::unresolvedIntrinsicsLeaveNotedPlaceholders()
{
    const char *name = "ecs-web-stack.yaml";
    const Conversion c = Convert::Ecs::convertEcsFile(path(name));
    const auto unresolved = notesWithCode(c, "ecs.cfn-unresolved");
    // !GetAtt TaskRole.Arn, the !Sub of ExecutionRoleArn, !Ref AWS::Region, !Ref LogGroup.
    QCOMPARE(unresolved.size(), std::size_t(4));
    const Core::Diagnostic *role = unresolved[0];
    QCOMPARE(role->severity, Core::Severity::Warning);
    QCOMPARE(role->file, path(name));
    QCOMPARE(role->fieldPath, std::string("/Resources/WebTask/Properties/TaskRoleArn"));
    QCOMPARE(role->line, static_cast<int>(lineOf(name, "TaskRoleArn: !GetAtt")));
    QVERIFY2(role->message.find("!GetAtt TaskRole.Arn") != std::string::npos,
             role->message.c_str());
    QVERIFY2(role->message.find("<!GetAtt TaskRole.Arn>") != std::string::npos,
             role->message.c_str());
    // A !Sub keeps what it could fill and names what it waits for.
    QCOMPARE(unresolved[1]->fieldPath,
             std::string("/Resources/WebTask/Properties/ExecutionRoleArn"));
    QVERIFY2(unresolved[1]->message.find("AWS::Partition, AWS::AccountId") != std::string::npos,
             unresolved[1]->message.c_str());
    QVERIFY2(unresolved[1]->message.find(
                 "\"arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ecsTaskExecutionRole\"") !=
                 std::string::npos,
             unresolved[1]->message.c_str());
    QCOMPARE(
        unresolved[2]->fieldPath,
        std::string("/Resources/WebTask/Properties/ContainerDefinitions/0/Environment/0/Value"));
    QCOMPARE(unresolved[2]->line, static_cast<int>(lineOf(name, "Value: !Ref AWS::Region")));
    // The placeholder is in the output, where the value belongs.
    const auto sa = std::find_if(c.objects.begin(), c.objects.end(),
                                 [](const auto &o) { return o["kind"].str() == "ServiceAccount"; });
    QVERIFY(sa != c.objects.end());
    QCOMPARE((*sa)["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].str(),
             std::string("<!GetAtt TaskRole.Arn>"));
}

void TstEcsCloudFormation::provenancePointsIntoTheTemplate()
{
    const char *name = "ecs-web-stack.yaml";
    const Conversion c = Convert::Ecs::convertEcsFile(path(name));
    QVERIFY(!c.provenance.empty());
    for (const auto &p : c.provenance) {
        QVERIFY2(p.sourcePointer.rfind("/Resources/WebTask", 0) == 0 ||
                     p.sourcePointer.rfind("/Resources/WorkerTask", 0) == 0,
                 p.sourcePointer.c_str());
        QVERIFY2(p.sourcePointer.find("containerDefinitions") == std::string::npos,
                 p.sourcePointer.c_str());
    }
    const std::string port = "/Resources/WebTask/Properties/ContainerDefinitions/0/PortMappings/0";
    const auto fromPort =
        std::find_if(c.provenance.begin(), c.provenance.end(), [&](const auto &p) {
            return p.sourcePointer.rfind(port, 0) == 0 &&
                   p.targetResource.rfind("Service ", 0) == 0;
        });
    QVERIFY(fromPort != c.provenance.end());
    QCOMPARE(fromPort->sourceFile, path(name));
    QVERIFY(fromPort->sourceMark.line >= lineOf(name, "- ContainerPort: !Ref ContainerPort"));
    QVERIFY(fromPort->sourceMark.line <= lineOf(name, "Protocol: tcp"));
    // No Family: the objects are named after the logical id, which the provenance points at.
    const auto worker = std::find_if(c.provenance.begin(), c.provenance.end(), [](const auto &p) {
        return p.targetResource == "Deployment workertask" && p.targetPath == "metadata.name";
    });
    QVERIFY(worker != c.provenance.end());
    QCOMPARE(worker->sourcePointer, std::string("/Resources/WorkerTask"));
}

void TstEcsCloudFormation::claims()
{
    Yaml::LoadOptions options;
    options.cloudFormationTags = true;
    const auto ecs = Yaml::loadFile(path("ecs-web-stack.yaml"), options);
    QCOMPARE(Convert::Ecs::claimTaskDefinitions(ecs.documents.at(0).root), Convert::Claim::Mine);
    QCOMPARE(Convert::Alb::claimAlbRules(ecs.documents.at(0).root), Convert::Claim::NotMine);
    const std::string albTemplate = R"(Resources:
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 10
      Conditions: [{Field: path-pattern, Values: [/api/*]}]
      Actions: [{Type: forward, TargetGroupArn: !Ref Api}]
)";
    const auto alb = Yaml::loadText(albTemplate, "alb.yaml", options);
    QCOMPARE(Convert::Ecs::claimTaskDefinitions(alb.documents.at(0).root), Convert::Claim::NotMine);
    QCOMPARE(Convert::Alb::claimAlbRules(alb.documents.at(0).root), Convert::Claim::Mine);
    // A template without any task definition, through the converter: an error, not objects.
    const Conversion c = Convert::Ecs::convertEcsText(albTemplate, "alb.yaml");
    QVERIFY(!c.usable());
    QVERIFY(c.objects.empty());
}

void TstEcsCloudFormation::golden()
{
    const Conversion c = Convert::Ecs::convertEcsFile(path("ecs-web-stack.yaml"));
    std::string actual = "# ecs-web-stack.yaml converted by tst_ecs_cloudformation "
                         "(TORII_UPDATE_GOLDEN=1 regenerates).\n";
    actual += Yaml::emitDocuments(c.objects);
    actual += "# notes:\n";
    for (const auto &n : c.notes) {
        std::string note = n.toCompilerStyle();
        const std::string dir = kDir.toStdString();
        if (note.rfind(dir, 0) == 0) {
            note.erase(0, dir.size());
        }
        actual += "# " + note + "\n";
    }
    const QString goldenPath = kDir + QLatin1String("ecs-web-stack.converted.yaml");
    if (qEnvironmentVariable("TORII_UPDATE_GOLDEN") == QLatin1String("1")) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.data(), static_cast<qint64>(actual.size()));
        return;
    }
    QFile golden(goldenPath);
    QVERIFY2(
        golden.open(QIODevice::ReadOnly),
        qPrintable(
            QStringLiteral("missing golden %1 (run with TORII_UPDATE_GOLDEN=1)").arg(goldenPath)));
    QCOMPARE(QString::fromStdString(actual), QString::fromUtf8(golden.readAll()));
}

void TstEcsCloudFormation::copilotTemplateConverts()
{
    TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ecs/alb/copilot-cli"));
    const std::string file =
        Test::sharedPath(QStringLiteral("fixtures/ecs/alb/copilot-cli/svc-prod.stack.yml"))
            .toStdString();
    const Conversion c = Convert::Ecs::convertEcsFile(file);
    QVERIFY(c.usable());
    // One task definition (three containers): one Deployment; its parameters have no Default,
    // so the family is the placeholder "${AppName}-${EnvName}-${WorkloadName}".
    const auto deployments = std::count_if(c.objects.begin(), c.objects.end(), [](const auto &o) {
        return o["kind"].str() == "Deployment";
    });
    QCOMPARE(deployments, 1);
    const auto family = std::find_if(c.notes.begin(), c.notes.end(), [](const auto &n) {
        return n.fieldPath == "/Resources/TaskDefinition/Properties/Family";
    });
    QVERIFY(family != c.notes.end());
    QCOMPARE(family->code, std::string("ecs.cfn-unresolved"));
    QVERIFY2(family->message.find("${AppName}-${EnvName}-${WorkloadName}") != std::string::npos,
             family->message.c_str());
    std::vector<Model::Resource> resources;
    for (const auto &o : c.objects) {
        Model::SourceRef ref;
        ref.file = file;
        resources.push_back(Model::makeResource(o, ref));
    }
    int errors = 0;
    for (const auto &d : Validation::validateAll(resources)) {
        if (d.isError()) {
            ++errors;
            qWarning("%s", d.toCompilerStyle().c_str());
        }
    }
    QCOMPARE(errors, 0);
}

QTEST_GUILESS_MAIN(TstEcsCloudFormation)
#include "tst_ecs_cloudformation.moc"
