#include "cloudformation_template.h"

#include "conversion.h"

#include <algorithm>

namespace Torii::Convert::CloudFormation {

using Model::Node;

bool isTemplate(const Node &root)
{
    const Node &resources = root["Resources"];
    if (!resources.isMap() || resources.size() == 0) {
        return false;
    }
    return std::all_of(resources.entries().begin(), resources.entries().end(),
                       [](const Node::Entry &e) { return e.value["Type"].isString(); });
}

std::vector<Resource> resourcesOfType(const Node &root, std::string_view type)
{
    std::vector<Resource> found;
    if (!isTemplate(root)) {
        return found;
    }
    for (const Node::Entry &e : root["Resources"].entries()) {
        if (e.value["Type"].str() == type) {
            found.push_back(
                {e.key, &e.value, &e.value["Properties"], appendPointer("/Resources", e.key)});
        }
    }
    return found;
}

bool isIntrinsic(const Node &n)
{
    if (!n.isMap() || n.size() != 1) {
        return false;
    }
    const std::string &key = n.entries().front().key;
    return key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0;
}

namespace {} // namespace

std::string shortForm(const Node &call)
{
    const Node::Entry &e = call.entries().front();
    std::string name = e.key.rfind("Fn::", 0) == 0 ? e.key.substr(4) : e.key;
    std::string argument;
    if (e.value.isList()) {
        for (std::size_t i = 0; i < e.value.items().size(); ++i) {
            const Node &part = e.value.items()[i];
            argument += (i == 0             ? ""
                         : name == "GetAtt" ? "."
                                            : ", ") +
                        (part.isScalar() ? Convert::textOf(part) : part.toJson());
        }
        if (name != "GetAtt") {
            argument = "[" + argument + "]";
        }
    } else {
        argument = e.value.isScalar() ? Convert::textOf(e.value) : e.value.toJson();
    }
    return "!" + name + " " + argument;
}

namespace {

void addUnique(std::vector<std::string> &v, const std::string &s)
{
    if (std::find(v.begin(), v.end(), s) == v.end()) {
        v.push_back(s);
    }
}

// A list parameter's Default ("a,b") is the list it stands for.
bool isListParameter(const Node &parameter)
{
    const std::string type = parameter["Type"].str();
    return type == "CommaDelimitedList" || type.rfind("List<", 0) == 0;
}

} // namespace

IntrinsicResolver::IntrinsicResolver(const Node &root)
    : m_parameters(root["Parameters"])
    , m_mappings(root["Mappings"])
    , m_resources(root["Resources"])
{}

Node IntrinsicResolver::reference(const std::string &name, Model::Mark mark, Resolved &into) const
{
    const Node &parameter = m_parameters[name];
    if (parameter.isMap() && parameter.has("Default")) {
        addUnique(into.defaults, name);
        const Node &def = parameter["Default"];
        if (isListParameter(parameter) && def.isString()) {
            Node list = Node::list(mark);
            std::string_view rest = def.str();
            for (;;) {
                const auto comma = rest.find(',');
                list.append(Node::string(std::string(rest.substr(0, comma)), mark));
                if (comma == std::string_view::npos) {
                    break;
                }
                rest.remove_prefix(comma + 1);
            }
            return list;
        }
        Node value = def;
        value.setMark(mark);
        return value;
    }
    // A parameter without a Default, a resource's physical id, a pseudo parameter: known only
    // when the stack is deployed.
    addUnique(into.unknowns, name);
    return Node::string("${" + name + "}", mark);
}

std::string IntrinsicResolver::substitute(const std::string &text, const Node *variables,
                                          Resolved &into) const
{
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find("${", i);
        if (open == std::string::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, open - i);
        const auto close = text.find('}', open + 2);
        if (close == std::string::npos) {
            out += text.substr(open);
            break;
        }
        const std::string name = text.substr(open + 2, close - open - 2);
        i = close + 1;
        if (!name.empty() && name[0] == '!') { // "${!Literal}" is the text "${Literal}"
            out += "${" + name.substr(1) + "}";
            continue;
        }
        if (variables && variables->has(name)) {
            out += textOf((*variables)[name], into);
        } else if (name.find('.') != std::string::npos) { // ${Resource.Attribute}
            addUnique(into.unknowns, name);
            out += "${" + name + "}";
        } else {
            out += textOf(reference(name, {}, into), into);
        }
    }
    return out;
}

std::string IntrinsicResolver::textOf(const Node &n, Resolved &into) const
{
    if (!isIntrinsic(n)) {
        return Convert::textOf(n);
    }
    // A reference inside a text reads as Fn::Sub writes one: "${AppName}-web" when unknown.
    if (const Node &name = n["Ref"]; name.isString() && name.str() != "AWS::NoValue") {
        return Convert::textOf(reference(name.str(), n.mark(), into));
    }
    const Resolved inner = resolve(n);
    for (const std::string &u : inner.unknowns) {
        addUnique(into.unknowns, u);
    }
    for (const std::string &d : inner.defaults) {
        addUnique(into.defaults, d);
    }
    return Convert::textOf(inner.value);
}

Resolved IntrinsicResolver::resolve(const Node &call) const
{
    Resolved r;
    r.shortForm = shortForm(call);
    const Model::Mark mark = call.mark();
    const Node::Entry &e = call.entries().front();
    const Node &arg = e.value;
    auto unknownCall = [&] {
        addUnique(r.unknowns, r.shortForm);
        r.value = Node::string("<" + r.shortForm + ">", mark);
        return r;
    };
    if (e.key == "Ref" && arg.isString()) {
        if (arg.str() == "AWS::NoValue") {
            r.noValue = true;
            return r;
        }
        r.value = reference(arg.str(), mark, r);
        if (!r.unknowns.empty()) {
            r.unknowns = {r.shortForm};
            r.value = Node::string("<" + r.shortForm + ">", mark);
        }
        return r;
    }
    if (e.key == "Fn::Sub" && (arg.isString() || (arg.isList() && arg.size() >= 1))) {
        const Node &text = arg.isString() ? arg : arg.items()[0];
        const Node *variables = arg.isList() && arg.size() > 1 ? &arg.items()[1] : nullptr;
        r.value = Node::string(substitute(textOf(text, r), variables, r), mark);
        return r;
    }
    if (e.key == "Fn::Join" && arg.isList() && arg.size() == 2) {
        const std::string delimiter = textOf(arg.items()[0], r);
        const Node &parts = arg.items()[1];
        std::string out;
        if (isIntrinsic(parts)) {
            out = textOf(parts, r);
        } else {
            for (std::size_t i = 0; i < parts.items().size(); ++i) {
                out += (i ? delimiter : "") + textOf(parts.items()[i], r);
            }
        }
        r.value = Node::string(out, mark);
        return r;
    }
    if (e.key == "Fn::Select" && arg.isList() && arg.size() == 2) {
        const auto index = integerOf(
            isIntrinsic(arg.items()[0]) ? Node::string(textOf(arg.items()[0], r)) : arg.items()[0]);
        Node list = arg.items()[1];
        if (isIntrinsic(list)) {
            Resolved inner = resolve(list);
            if (!inner.unknowns.empty()) {
                return unknownCall();
            }
            r.defaults = inner.defaults;
            list = inner.value;
        }
        if (!index || !list.isList() || *index < 0 ||
            static_cast<std::size_t>(*index) >= list.size()) {
            return unknownCall();
        }
        const Node &item = list.items()[static_cast<std::size_t>(*index)];
        if (isIntrinsic(item)) {
            r.value = Node::string(textOf(item, r), mark);
        } else {
            r.value = item;
            r.value.setMark(mark);
        }
        return r;
    }
    if (e.key == "Fn::FindInMap" && arg.isList() && arg.size() >= 3) {
        const Node &value = m_mappings[textOf(arg.items()[0], r)][textOf(arg.items()[1], r)]
                                      [textOf(arg.items()[2], r)];
        if (!r.unknowns.empty() || value.isNull()) {
            r.unknowns.clear();
            return unknownCall();
        }
        r.value = value;
        r.value.setMark(mark);
        return r;
    }
    // Fn::GetAtt, Fn::ImportValue, Fn::If, Fn::GetAZs, …: the deployed stack's business.
    return unknownCall();
}

} // namespace Torii::Convert::CloudFormation
