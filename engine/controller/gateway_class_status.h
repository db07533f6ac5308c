#pragma once

// GatewayClass acceptance: which classes are Torii's (controllerName, or every class when
// acceptAllClasses), whether they are Accepted (parametersRef must resolve), and their status.

#include "engine/controller/resource_index.h"

#include <map>
#include <string>
#include <string_view>

namespace Torii::Controller::Internal {

struct ClassVerdict
{
    bool ours = false;     // Torii reconciles Gateways of this class
    bool accepted = false; // ... and has accepted the class
    bool implicit = false; // not in the set: served through an implicit class (acceptAllClasses)
    std::string name;
    std::string message; // why the class is not accepted
};

class GatewayClassTable
{
public:
    // Judges every GatewayClass, writes their statuses into `result` and warnings into
    // result.diagnostics.
    GatewayClassTable(const ResourceIndex &index, ControllerResult &result);

    // The verdict for a Gateway's spec.gatewayClassName. A class absent from the set is Torii's
    // only under acceptAllClasses (implicit; a warning is added once per Gateway), otherwise
    // nobody's.
    ClassVerdict forGateway(std::size_t gatewayIndex, std::string_view className,
                            Core::Diagnostics &diagnostics) const;

private:
    const ResourceIndex &m_index;
    std::map<std::string, ClassVerdict, std::less<>> m_classes;
};

} // namespace Torii::Controller::Internal
