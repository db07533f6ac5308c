#include "validator.h"

#include "cel_checks.h"
#include "lints.h"
#include "object_meta_checks.h"
#include "schema.h"
#include "structural_validator.h"

#include <algorithm>
#include <thread>

namespace Torii::Validation {

using Core::Diagnostic;
using Core::Severity;

namespace {

constexpr std::size_t kParallelThreshold = 256; // objects; below this one thread is quicker

constexpr std::string_view kCoreClusterScoped[] = {"Namespace",          "Node",
                                                   "PersistentVolume",   "ClusterRole",
                                                   "ClusterRoleBinding", "CustomResourceDefinition",
                                                   "StorageClass",       "IngressClass"};

bool isClusterScopedCoreKind(std::string_view kind)
{
    for (std::string_view k : kCoreClusterScoped) {
        if (k == kind) {
            return true;
        }
    }
    return false;
}

Diagnostic atObject(Diagnostic d, const Model::Resource &r, const Model::Node &node)
{
    d.file = r.source.file;
    const Model::Mark mark = node.mark().isValid() ? node.mark() : r.source.mark;
    d.line = static_cast<int>(mark.line);
    d.column = static_cast<int>(mark.column);
    return d;
}

void append(Core::Diagnostics &to, Core::Diagnostics from)
{
    for (Diagnostic &d : from) {
        to.push_back(std::move(d));
    }
}

Core::Diagnostics validate(const Model::Resource &r, const Model::Resource *old,
                           const ValidationOptions &options)
{
    Core::Diagnostics out;
    const SchemaBundle &bundle = SchemaBundle::instance();
    const std::string group = r.group();
    const KindSchema *kind = bundle.find(group, r.kind);
    if (!kind) {
        append(out, checkObjectMeta(r, !isClusterScopedCoreKind(r.kind)));
        if (bundle.hasGroup(group)) {
            out.push_back(atObject(
                Core::makeDiagnostic(
                    Severity::Error, "schema.kind",
                    Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "no matches for kind \"%1\" in group \"%2\""),
                               {r.kind, group}),
                    Core::text(QT_TRANSLATE_NOOP(
                        "Diagnostics", "check the spelling of kind; the Gateway API kinds are "
                                       "GatewayClass, Gateway, ListenerSet, HTTPRoute, "
                                       "GRPCRoute, TCPRoute, UDPRoute, TLSRoute, "
                                       "ReferenceGrant, BackendTLSPolicy"))),
                r, r.object["kind"]));
        }
        if (options.lints) {
            append(out, lintResource(r));
        }
        return out;
    }
    append(out, checkObjectMeta(r, kind->namespaced));
    const bool standard = options.channel == Channel::Standard;
    const std::string writtenVersion =
        r.upgradedFrom.empty() ? r.version() : r.upgradedFrom.substr(r.upgradedFrom.find('/') + 1);
    const VersionSchema *version = kind->version(writtenVersion);
    if (!version) {
        std::string known;
        for (const auto &[name, v] : kind->versions) {
            known += (known.empty() ? "" : ", ") + name;
        }
        out.push_back(atObject(
            Core::makeDiagnostic(
                Severity::Error, "schema.version",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "no matches for kind \"%1\" in version \"%2\""),
                           {r.kind, group + '/' + writtenVersion}),
                Core::text(QT_TRANSLATE_NOOP("Diagnostics", "the versions of %1 are %2"),
                           {r.kind, known})),
            r, r.object["apiVersion"]));
        return out;
    }
    if (!kind->standard && standard) {
        out.push_back(atObject(
            Core::makeDiagnostic(
                Severity::Warning, "lint.experimental-kind",
                Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is an experimental-channel kind"),
                           {r.kind}),
                Core::text(
                    QT_TRANSLATE_NOOP("Diagnostics", "the cluster needs the experimental CRDs"))),
            r, r.object["kind"]));
    }
    StructuralResult structural =
        validateStructure(r.object, *version->root, r.source.file, standard);
    append(out, std::move(structural.diagnostics));
    if (structural.blocksCel) {
        Diagnostic note;
        note.severity = Severity::Info;
        note.code = "cel.skipped";
        note.message = "some validation rules were not checked because the object was invalid; "
                       "correct the existing errors to complete validation";
        out.push_back(atObject(std::move(note), r, r.object));
    } else {
        std::optional<StructuralResult> oldStructural;
        if (old) {
            oldStructural =
                validateStructure(old->object, *version->root, old->source.file, standard);
        }
        append(out,
               runCelRules(structural.defaulted, *version->root, r.source.file, options.channel,
                           oldStructural ? &oldStructural->defaulted : nullptr));
    }
    if (options.lints) {
        append(out, lintResource(r));
    }
    return out;
}

} // namespace

Core::Diagnostics validateResource(const Model::Resource &resource,
                                   const ValidationOptions &options)
{
    return validate(resource, nullptr, options);
}

Core::Diagnostics validateUpdate(const Model::Resource &oldResource,
                                 const Model::Resource &resource, const ValidationOptions &options)
{
    return validate(resource, &oldResource, options);
}

Core::Diagnostics validateAll(const std::vector<Model::Resource> &resources,
                              const ValidationOptions &options)
{
    // Objects are independent: large sets are checked on every core, each thread a contiguous
    // slice, and the slices joined in order so the output does not depend on the thread count.
    const std::size_t threads =
        resources.size() < kParallelThreshold
            ? 1
            : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::vector<Core::Diagnostics> slices(threads);
    auto work = [&](std::size_t slice) {
        const std::size_t begin = resources.size() * slice / threads;
        const std::size_t end = resources.size() * (slice + 1) / threads;
        for (std::size_t i = begin; i < end; ++i) {
            append(slices[slice], validateResource(resources[i], options));
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t slice = 1; slice < threads; ++slice) {
        pool.emplace_back(work, slice);
    }
    work(0);
    for (std::thread &t : pool) {
        t.join();
    }
    Core::Diagnostics out;
    for (Core::Diagnostics &slice : slices) {
        append(out, std::move(slice));
    }
    if (options.lints) {
        append(out, lintCrossNamespace(resources));
    }
    return out;
}

} // namespace Torii::Validation
