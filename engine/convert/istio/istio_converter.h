#pragma once

#include "engine/convert/conversion.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::Convert {

// Istio networking.istio.io Gateway and VirtualService (v1alpha3, v1beta1, v1) → Gateway API
// Gateway, HTTPRoute, TLSRoute and TCPRoute, following the ingress2gateway istio provider
// (fixtures in ../shared/fixtures/ingress2gateway/istio) except where its output would be refused
// by the v1.6.1 CRDs or route differently from Istio; those places are listed in
// tst_istio_conversion.cpp and each produces a note here:
//  - a destination without weight gets no weight (upstream writes 0: no traffic at all);
//  - a rule with a redirect has no backendRefs (the CRD refuses both; Istio forbids both too);
//  - TCPRoutes have no hostnames (the field does not exist);
//  - `tls.credentialName` becomes the listener's certificateRef (Terminate requires one);
//  - a VirtualService bound to a Gateway in another namespace opens that Gateway's listeners to
//    its namespace with allowedRoutes (Istio's default); a ReferenceGrant would not allow it;
//  - listener names are made unique (the CRD's list key), mirror percentages and redirect/rewrite
//    `authority` are kept (requestMirror.percent, hostname).
// Every Istio field with no Gateway API equivalent is reported with its file:line:col.
class IstioConverter
{
public:
    struct Document
    {
        std::string file;
        Model::Node root;
    };

    // `gatewayClassName` for the generated Gateways; `defaultNamespace` for input objects that
    // name no namespace (empty: the generated objects name none either).
    explicit IstioConverter(std::string gatewayClassName = "istio",
                            std::string defaultNamespace = {});

    // Whether `document` is an Istio Gateway or VirtualService; Error for a networking.istio.io
    // object of another kind (DestinationRule, ServiceEntry …) that has no conversion.
    static Claim claim(const Model::Node &document);

    // Converts every Istio Gateway and VirtualService among `documents` (other documents are
    // reported as skipped). Gateways are converted first so VirtualServices can name them.
    Conversion convert(const std::vector<Document> &documents) const;

    // Reads YAML or JSON files (several documents each) and converts them; unreadable files are
    // Error notes.
    Conversion convertFiles(const std::vector<std::string> &paths) const;

private:
    std::string m_gatewayClassName;
    std::string m_defaultNamespace;
};

} // namespace Torii::Convert
