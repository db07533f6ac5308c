#include "gateway_class_status.h"

#include "conditions.h"

#include <QtCore/QtGlobal>

namespace Torii::Controller::Internal {

namespace {

std::string describe(const Model::ParametersReference &ref)
{
    std::string out = ref.kind + (ref.group.empty() ? "" : "." + ref.group) + " ";
    if (ref.namespace_) {
        out += *ref.namespace_ + "/";
    }
    return out + ref.name;
}

} // namespace

GatewayClassTable::GatewayClassTable(const ResourceIndex &index, ControllerResult &result)
    : m_index(index)
{
    const ControllerOptions &options = index.options();
    for (std::size_t i : index.ofKind("GatewayClass")) {
        const auto *gatewayClass = std::get_if<Model::GatewayClass>(&index.typed(i));
        if (!gatewayClass) {
            continue;
        }
        ClassVerdict verdict;
        verdict.name = gatewayClass->metadata.name;
        const bool own = gatewayClass->spec.controllerName == options.controllerName;
        verdict.ours = own || options.acceptAllClasses;
        if (!verdict.ours) {
            // Another controller's class: that controller writes its status, not Torii.
            m_classes.emplace(verdict.name, verdict);
            continue;
        }
        Verdict accepted = Verdict::yes(
            Reason::Accepted, own ? "Torii accepts this GatewayClass."
                                  : "Torii accepts this GatewayClass because every class is "
                                    "accepted (controllerName is " +
                                        gatewayClass->spec.controllerName + ").");
        if (const auto &ref = gatewayClass->spec.parametersRef) {
            const bool found =
                index.find(ref->group, ref->kind, ref->namespace_.value_or(""), ref->name)
                    .has_value();
            if (!found && own) {
                // "InvalidParameters: ... the parametersRef field refers to a nonexistent or
                // unsupported resource or kind".
                accepted = Verdict::no(Reason::InvalidParameters,
                                       "parametersRef " + describe(*ref) + " does not exist.");
            } else if (!found) {
                result.diagnostics.push_back(warningAt(
                    index, i, "controller.class-parameters",
                    Core::text(QT_TRANSLATE_NOOP(
                                   "Diagnostics",
                                   "GatewayClass %1: parametersRef %2 is not among the loaded "
                                   "objects. Torii accepts the class because every class is "
                                   "accepted; its own controller would report Accepted=False "
                                   "with reason InvalidParameters."),
                               {verdict.name, describe(*ref)})));
            }
        }
        verdict.accepted = accepted.ok;
        verdict.message = accepted.message;

        const ConditionContext context{generationOf(gatewayClass->metadata),
                                       options.transitionTime};
        Model::GatewayClassStatus status;
        status.conditions = std::vector<Model::Condition>{
            makeCondition(ConditionType::Accepted, accepted, context),
            // "This condition MUST be set by a controller when it marks a GatewayClass
            // Accepted."
            makeCondition(ConditionType::SupportedVersion, true, Reason::SupportedVersion,
                          "Torii supports Gateway API " +
                              std::string(Model::kGatewayApiBundleVersion) + ".",
                          context)};
        result.statuses[i] = Model::toNode(status);
        m_classes.emplace(verdict.name, verdict);
    }
}

ClassVerdict GatewayClassTable::forGateway(std::size_t gatewayIndex, std::string_view className,
                                           Core::Diagnostics &diagnostics) const
{
    const auto it = m_classes.find(className);
    if (it != m_classes.end()) {
        return it->second;
    }
    const std::string gateway =
        m_index.namespaceOf(gatewayIndex) + "/" + m_index.resource(gatewayIndex).name;
    ClassVerdict verdict;
    verdict.name = std::string(className);
    if (!m_index.options().acceptAllClasses) {
        diagnostics.push_back(warningAt(
            m_index, gatewayIndex, "controller.class-missing",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "Gateway %1 names GatewayClass %2, which is not among "
                                         "the loaded objects: no controller reconciles it."),
                       {gateway, verdict.name})));
        return verdict;
    }
    verdict.ours = true;
    verdict.accepted = true;
    verdict.implicit = true;
    diagnostics.push_back(warningAt(
        m_index, gatewayIndex, "controller.implicit-class",
        Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                     "Gateway %1 names GatewayClass %2, which is not among the "
                                     "loaded objects; Torii serves it through an implicit class "
                                     "because every class is accepted."),
                   {gateway, verdict.name})));
    return verdict;
}

} // namespace Torii::Controller::Internal
