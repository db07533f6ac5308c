#pragma once

#include "node.h"

#include <string>

namespace Torii::Model {

// Where an object came from: file, document index in that file, and the object's first line.
struct SourceRef
{
    std::string file;
    int document = -1; // 0-based document in the file
    int listItem = -1; // index inside a `kind: List`, or -1
    Mark mark;
};

// One Kubernetes object as written: its identity and its whole document tree.
// Value type. The tree is the truth; typed views (kinds/) are decoded from it on demand.
struct Resource
{
    std::string apiVersion; // e.g. gateway.networking.k8s.io/v1 (after any upgrade)
    // The apiVersion as written when the reader upgraded it (v1beta1 → v1 …), else empty.
    // Validation checks the object against the schema of the version the user wrote.
    std::string upgradedFrom;
    std::string kind;
    std::string name;
    std::string ns; // metadata.namespace, empty when not written
    Node object;
    SourceRef source;

    std::string group() const;   // "" for the core group
    std::string version() const; // "v1"
    // "HTTPRoute default/foo" — for messages.
    std::string displayName() const;
};

// Reads apiVersion, kind, metadata.name and metadata.namespace from `object` into a Resource.
Resource makeResource(Node object, SourceRef source);

} // namespace Torii::Model
