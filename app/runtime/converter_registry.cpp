#include "converter_registry.h"

#include "engine/convert/alb/alb_rule_converter.h"
#include "engine/convert/cloudformation_template.h"
#include "engine/convert/ecs/ecs_task_converter.h"
#include "engine/convert/ingress/ingress_converter.h"
#include "engine/convert/istio/istio_converter.h"
#include "engine/convert/openapi3/openapi3_converter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QCoreApplication>

#include <algorithm>

namespace Torii::Runtime {

namespace {

// ---- Adapters from the front end's inputs to each converter's own API.

void append(Convert::Conversion &all, Convert::Conversion &&c)
{
    all.objects.insert(all.objects.end(), std::make_move_iterator(c.objects.begin()),
                       std::make_move_iterator(c.objects.end()));
    all.notes.insert(all.notes.end(), std::make_move_iterator(c.notes.begin()),
                     std::make_move_iterator(c.notes.end()));
    all.provenance.insert(all.provenance.end(), std::make_move_iterator(c.provenance.begin()),
                          std::make_move_iterator(c.provenance.end()));
}

Convert::Conversion convertIngress(const std::vector<ConvertInput> &inputs,
                                   const ConvertSettings &settings)
{
    std::vector<Convert::IngressInput> ingressInputs;
    ingressInputs.reserve(inputs.size());
    for (const ConvertInput &input : inputs) {
        ingressInputs.push_back({input.file, input.document});
    }
    Convert::IngressOptions options;
    options.gatewayClass = settings.gatewayClass;
    if (!settings.defaultNamespace.empty()) {
        options.defaultNamespace = settings.defaultNamespace;
    }
    return Convert::convertIngresses(ingressInputs, options);
}

Convert::Conversion convertIstio(const std::vector<ConvertInput> &inputs,
                                 const ConvertSettings &settings)
{
    std::vector<Convert::IstioConverter::Document> documents;
    for (const ConvertInput &input : inputs) {
        documents.push_back({input.file, input.document});
    }
    return Convert::IstioConverter(settings.gatewayClass, settings.defaultNamespace)
        .convert(documents);
}

// openapi3 is given API documents: anything else is an error ("not an OpenAPI 3.x document" at
// its file:1:1), not context to skip.
Convert::Claim claimOpenApi3(const Model::Node &document)
{
    return Convert::OpenApi3Converter::claim(document) == Convert::Claim::Mine
               ? Convert::Claim::Mine
               : Convert::Claim::Error;
}

Convert::Conversion convertOpenApi3(const std::vector<ConvertInput> &inputs,
                                    const ConvertSettings &settings)
{
    Convert::OpenApi3Converter::Options options;
    options.gatewayClassName = settings.gatewayClass;
    options.tlsSecret = settings.tlsSecret;
    options.backend = settings.backend;
    options.namespaceName = settings.defaultNamespace;
    Convert::Conversion all;
    for (const ConvertInput &input : inputs) {
        append(all, Convert::OpenApi3Converter().convert(input.document, input.file, options));
    }
    return all;
}

// One Conversion made of each claimed input's (ECS and ALB convert document by document; the
// front end has already refused an input none of whose documents is claimed).
template<typename ConvertOne>
Convert::Conversion convertEach(const std::vector<ConvertInput> &inputs,
                                Convert::Claim (*claim)(const Model::Node &), ConvertOne convertOne)
{
    Convert::Conversion all;
    for (const ConvertInput &input : inputs) {
        if (claim(input.document) == Convert::Claim::NotMine) {
            continue;
        }
        append(all, convertOne(input));
    }
    return all;
}

Convert::Conversion convertEcs(const std::vector<ConvertInput> &inputs,
                               const ConvertSettings &settings)
{
    Convert::Ecs::EcsOptions options;
    if (!settings.gatewayClass.empty()) {
        options.gatewayClassName = settings.gatewayClass;
    }
    options.namespaceName = settings.defaultNamespace;
    return convertEach(inputs, &Convert::Ecs::claimTaskDefinitions, [&](const ConvertInput &input) {
        return Convert::Ecs::convertTaskDefinitions(input.document, input.file, options);
    });
}

Convert::Conversion convertAlb(const std::vector<ConvertInput> &inputs,
                               const ConvertSettings &settings)
{
    Convert::Alb::AlbOptions options;
    if (!settings.gatewayClass.empty()) {
        options.gatewayClassName = settings.gatewayClass;
    }
    options.namespaceName = settings.defaultNamespace;
    return convertEach(inputs, &Convert::Alb::claimAlbRules, [&](const ConvertInput &input) {
        return Convert::Alb::convertAlbRules(input.document, input.file, options);
    });
}

// A CloudFormation template is read again with its short-form tags as long forms (`!Ref X` is
// {"Ref": "X"}, not the text "X"); other input keeps kubectl's reading (tags dropped).
template<typename Load>
Yaml::LoadResult loadDocuments(Load load)
{
    Yaml::LoadResult loaded = load(Yaml::LoadOptions{});
    const bool cloudFormation = std::any_of(
        loaded.documents.begin(), loaded.documents.end(),
        [](const Yaml::LoadedDocument &d) { return Convert::CloudFormation::isTemplate(d.root); });
    if (!cloudFormation) {
        return loaded;
    }
    Yaml::LoadOptions tags;
    tags.cloudFormationTags = true;
    return load(tags);
}

void addDocuments(ReadInputs &read, Yaml::LoadResult &&loaded, const std::string &file)
{
    read.notes.insert(read.notes.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    read.unreadable = read.unreadable || loaded.fatal;
    for (Yaml::LoadedDocument &doc : loaded.documents) {
        // `kind: List` (kubectl get -o yaml/json of several objects): its items.
        const std::string kind = doc.root.isMap() ? doc.root["kind"].asString() : std::string();
        const Model::Node *items = doc.root.isMap() ? doc.root.find("items") : nullptr;
        if (kind.size() >= 4 && kind.compare(kind.size() - 4, 4, "List") == 0 && items &&
            items->isList()) {
            for (const Model::Node &item : items->items()) {
                read.inputs.push_back({file, item});
            }
        } else if (!doc.root.isNull()) {
            read.inputs.push_back({file, std::move(doc.root)});
        }
    }
}

} // namespace

// The registration point: one entry per converter (name, help summary, claim, convert). The
// summaries keep the "toriictl" context: the CLI's help shows them, and translations exist there.
const std::vector<ConverterEntry> &converters()
{
    static const std::vector<ConverterEntry> table = {
        {"ingress",
         QT_TRANSLATE_NOOP("toriictl", "networking.k8s.io/v1 Ingress (ingress-nginx and nginx.org "
                                       "annotations) → Gateway, HTTPRoute, GRPCRoute, TLSRoute, "
                                       "BackendTLSPolicy"),
         &Convert::claimIngress, &convertIngress},
        {"istio",
         QT_TRANSLATE_NOOP("toriictl", "Istio Gateway and VirtualService (networking.istio.io) → "
                                       "Gateway, HTTPRoute, TLSRoute, TCPRoute"),
         &Convert::IstioConverter::claim, &convertIstio},
        {"openapi3",
         QT_TRANSLATE_NOOP("toriictl",
                           "OpenAPI 3.x (YAML or JSON) → Gateway, HTTPRoutes (one Exact "
                           "match per operation); needs --gateway-class and --backend"),
         &claimOpenApi3, &convertOpenApi3, &Convert::OpenApi3Converter::claim},
        {"ecs",
         QT_TRANSLATE_NOOP("toriictl",
                           "Amazon ECS task definitions (JSON, describe-task-definition "
                           "output, or CloudFormation AWS::ECS::TaskDefinition) → Deployment, "
                           "ServiceAccount, Services, Gateway, HTTPRoute/TCPRoute/UDPRoute"),
         &Convert::Ecs::claimTaskDefinitions, &convertEcs},
        {"alb",
         QT_TRANSLATE_NOOP("toriictl", "ALB listener rules (aws elbv2 describe-rules JSON, "
                                       "CloudFormation) → Gateway, HTTPRoutes; reports where "
                                       "priority order and Gateway API precedence disagree"),
         &Convert::Alb::claimAlbRules, &convertAlb},
    };
    return table;
}

const ConverterEntry *findConverter(std::string_view name)
{
    for (const ConverterEntry &entry : converters()) {
        if (name == entry.name) {
            return &entry;
        }
    }
    return nullptr;
}

std::string converterSummary(const ConverterEntry &entry)
{
    return QCoreApplication::translate("toriictl", entry.summary).toStdString();
}

const ConverterEntry *detectConverter(const std::vector<ConvertInput> &inputs)
{
    for (const Convert::Claim wanted : {Convert::Claim::Mine, Convert::Claim::Error}) {
        for (const ConverterEntry &entry : converters()) {
            const auto detect = entry.detect ? entry.detect : entry.claim;
            if (std::any_of(inputs.begin(), inputs.end(), [&](const ConvertInput &in) {
                    return detect(in.document) == wanted;
                })) {
                return &entry;
            }
        }
    }
    return nullptr;
}

bool claimsAny(const ConverterEntry &entry, const std::vector<ConvertInput> &inputs)
{
    return std::any_of(inputs.begin(), inputs.end(), [&](const ConvertInput &in) {
        return entry.claim(in.document) != Convert::Claim::NotMine;
    });
}

ReadInputs readInputText(std::string_view text, const std::string &displayName)
{
    ReadInputs read;
    addDocuments(read, loadDocuments([&](const Yaml::LoadOptions &options) {
                     return Yaml::loadText(text, displayName, options);
                 }),
                 displayName);
    return read;
}

ReadInputs readInputFiles(const std::vector<std::string> &files)
{
    ReadInputs read;
    for (const std::string &file : files) {
        addDocuments(read, loadDocuments([&](const Yaml::LoadOptions &options) {
                         return Yaml::loadFile(file, options);
                     }),
                     file);
    }
    return read;
}

} // namespace Torii::Runtime
