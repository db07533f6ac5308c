#pragma once

// Inline YAML → resources → controller result, for the export tests.

#include "engine/controller/controller.h"
#include "engine/yaml/resource_reader.h"

#include <QtTest/QTest>

#include <string>
#include <string_view>
#include <vector>

namespace ExportTest {

struct Loaded
{
    std::vector<Torii::Model::Resource> resources;
    Torii::Core::Diagnostics diagnostics;
    Torii::Controller::ControllerResult result;
};

inline Loaded loadYaml(std::string_view yaml)
{
    Loaded l;
    Torii::Yaml::ReadResult read = Torii::Yaml::readText(yaml, "t.yaml");
    for (const auto &d : read.diagnostics) {
        if (d.isError()) {
            qWarning("%s", d.toCompilerStyle().c_str());
        }
    }
    l.resources = std::move(read.resources);
    l.diagnostics = std::move(read.diagnostics);
    l.result = Torii::Controller::reconcile(l.resources);
    return l;
}

inline Loaded loadDemo()
{
    Loaded l;
    Torii::Yaml::ReadResult read =
        Torii::Yaml::readPaths({std::string(TORII_SOURCE_DIR) + "/resources/demo"});
    l.resources = std::move(read.resources);
    l.diagnostics = std::move(read.diagnostics);
    l.result = Torii::Controller::reconcile(l.resources);
    return l;
}

inline constexpr std::string_view kClass = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: torii
spec:
  controllerName: torii.dev/gateway-controller
---
)";

} // namespace ExportTest
