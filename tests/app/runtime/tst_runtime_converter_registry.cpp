// The converter registry (app/runtime/converter_registry.h) with CloudFormation templates: a
// template's short-form tags are read as long forms (so `!GetAtt TaskRole.Arn` is a call, not the
// text "TaskRole.Arn"), a template of task definitions is the ECS converter's when none is named,
// a template of ALB listener rules stays the ALB converter's, and Kubernetes input keeps kubectl's
// reading of a tag (dropped).

#include "app/runtime/converter_registry.h"
#include "engine/convert/ecs/ecs_task_converter.h"

#include <QtCore/QFile>
#include <QtTest/QTest>

#include <string>

using namespace Torii;

class TstRuntimeConverterRegistry : public QObject
{
    Q_OBJECT

private slots:
    void ecsTemplateIsDetectedAndReadWithTags();
    void albTemplateStaysAlb();
    void kubernetesInputKeepsKubectlReading();
};

namespace {

std::string dataFile(const char *name)
{
    return std::string(TORII_TEST_DATA_DIR "/convert/cloudformation/") + name;
}

std::string readAll(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

} // namespace

void TstRuntimeConverterRegistry::ecsTemplateIsDetectedAndReadWithTags()
{
    const std::string path = dataFile("ecs-web-stack.yaml");
    for (const Runtime::ReadInputs &read :
         {Runtime::readInputFiles({path}), Runtime::readInputText(readAll(path), path)}) {
        QVERIFY(!read.unreadable);
        QCOMPARE(read.inputs.size(), std::size_t(1));
        const Model::Node &role =
            read.inputs[0].document["Resources"]["WebTask"]["Properties"]["TaskRoleArn"];
        QCOMPARE(role.toJson(), std::string(R"({"Fn::GetAtt":["TaskRole","Arn"]})"));
        const Runtime::ConverterEntry *entry = Runtime::detectConverter(read.inputs);
        QVERIFY(entry);
        QCOMPARE(std::string(entry->name), std::string("ecs"));
        // The same objects as the converter reading the file itself.
        const Convert::Conversion viaRegistry = entry->convert(read.inputs, {});
        const Convert::Conversion direct = Convert::Ecs::convertEcsFile(path);
        QCOMPARE(viaRegistry.objects.size(), direct.objects.size());
        for (std::size_t i = 0; i < direct.objects.size(); ++i) {
            QVERIFY(viaRegistry.objects[i] == direct.objects[i]);
        }
    }
}

void TstRuntimeConverterRegistry::albTemplateStaysAlb()
{
    const std::string yaml = R"(Resources:
  Api:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 8080, Protocol: HTTP}
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 10
      Conditions: [{Field: path-pattern, Values: [/api/*]}]
      Actions: [{Type: forward, TargetGroupArn: !Ref Api}]
)";
    const Runtime::ReadInputs read = Runtime::readInputText(yaml, "alb.yaml");
    QCOMPARE(read.inputs.at(0).document["Resources"]["Rule"]["Properties"]["ListenerArn"].toJson(),
             std::string(R"({"Ref":"Listener"})"));
    const Runtime::ConverterEntry *entry = Runtime::detectConverter(read.inputs);
    QVERIFY(entry);
    QCOMPARE(std::string(entry->name), std::string("alb"));
    QVERIFY(!Runtime::claimsAny(*Runtime::findConverter("ecs"), read.inputs));
    const Convert::Conversion c = entry->convert(read.inputs, {});
    QVERIFY(c.usable());
    QVERIFY(!c.objects.empty());
}

void TstRuntimeConverterRegistry::kubernetesInputKeepsKubectlReading()
{
    const Runtime::ReadInputs read = Runtime::readInputText(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: !Ref b}\n", "cm.yaml");
    QCOMPARE(read.inputs.at(0).document["data"]["a"].toJson(), std::string(R"("b")"));
}

QTEST_GUILESS_MAIN(TstRuntimeConverterRegistry)
#include "tst_runtime_converter_registry.moc"
