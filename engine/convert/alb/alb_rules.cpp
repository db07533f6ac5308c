#include "alb_rules.h"

#include "alb_support.h"

#include "engine/convert/cloudformation_template.h"
#include "engine/convert/conversion.h"

#include <algorithm>
#include <optional>

namespace Torii::Convert::Alb {

using Core::Severity;
using Core::text;
using Model::Node;
using namespace Internal;

namespace {

class Reader
{
public:
    Reader(const std::string &file, Core::Diagnostics &notes)
        : m_file(file)
        , m_notes(notes)
    {}

    AlbRuleSet set;

    void note(Severity s, const char *code, const Node &at, const std::string &pointer,
              Core::Text message, Core::Text hint = {})
    {
        m_notes.push_back(
            noteAt(s, code, m_file, at, pointer, std::move(message), std::move(hint)));
    }

    AlbListener &listener(const std::string &key, const Node *node)
    {
        for (AlbListener &l : set.listeners) {
            if (l.key == key) {
                if (!l.node && node) {
                    l.node = node;
                }
                return l;
            }
        }
        AlbListener l;
        l.key = key;
        l.node = node;
        std::string name = kubernetesName(key);
        if (key.find('/') != std::string::npos || name.empty() || name.size() > 40) {
            name = "listener-" + std::to_string(set.listeners.size() + 1);
        }
        l.name = name;
        set.listeners.push_back(std::move(l));
        return set.listeners.back();
    }

    AlbTargetGroup &targetGroup(const std::string &key)
    {
        for (AlbTargetGroup &t : set.targetGroups) {
            if (t.key == key) {
                return t;
            }
        }
        AlbTargetGroup t;
        t.key = key;
        // arn:aws:elasticloadbalancing:region:account:targetgroup/<name>/<id>
        const auto tg = key.find("targetgroup/");
        std::string name = key;
        if (tg != std::string::npos) {
            name = key.substr(tg + 12);
            name = name.substr(0, name.find('/'));
        }
        t.name = kubernetesName(name);
        if (t.name.empty()) {
            t.name = "target-group-" + std::to_string(set.targetGroups.size() + 1);
        }
        set.targetGroups.push_back(std::move(t));
        return set.targetGroups.back();
    }

    // Set for CloudFormation templates: condition values may be intrinsic calls.
    std::optional<CloudFormation::IntrinsicResolver> resolver;

    // A condition value's text: an intrinsic call's value when the template determines it,
    // else its placeholder (noted); nullopt for !Ref AWS::NoValue.
    std::optional<std::string> valueText(const Node &v, const std::string &pointer)
    {
        if (!resolver || !CloudFormation::isIntrinsic(v)) {
            return textOf(v);
        }
        const CloudFormation::Resolved r = resolver->resolve(v);
        if (r.noValue) {
            return std::nullopt;
        }
        const std::string value = textOf(r.value);
        if (!r.unknowns.empty()) {
            note(Severity::Warning, "alb.cfn-unresolved", v, pointer,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 is known only when the stack is deployed: the "
                                        "output holds the placeholder \"%2\""),
                      {r.shortForm, value}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Replace the placeholder with the deployed value (aws "
                                        "cloudformation describe-stack-resources, or the "
                                        "stack's outputs) before applying.")));
        }
        return value;
    }

    void patterns(const Node &config, const std::string &pointer, std::vector<AlbPattern> &out)
    {
        for (const Node &v : config["Values"].items()) {
            if (auto value = valueText(v, pointer)) {
                out.push_back({false, std::move(*value)});
            }
        }
        for (const Node &v : config["RegexValues"].items()) {
            if (auto value = valueText(v, pointer)) {
                out.push_back({true, std::move(*value)});
            }
        }
    }

    void condition(AlbRule &rule, const Node &c, const std::string &pointer)
    {
        const std::string field = textOf(c["Field"]);
        // Legacy form: Field + Values; current form: Field + <Kind>Config.
        auto configOr = [&](const char *key) -> const Node & {
            const Node *cfg = c.find(key);
            return cfg && cfg->isMap() ? *cfg : c;
        };
        if (field == "host-header") {
            patterns(configOr("HostHeaderConfig"), pointer, rule.hosts);
            rule.hostsPointer = pointer;
        } else if (field == "path-pattern") {
            patterns(configOr("PathPatternConfig"), pointer, rule.paths);
        } else if (field == "http-request-method") {
            for (const Node &v : configOr("HttpRequestMethodConfig")["Values"].items()) {
                rule.methods.push_back(textOf(v));
            }
        } else if (field == "source-ip") {
            for (const Node &v : configOr("SourceIpConfig")["Values"].items()) {
                rule.sourceIps.push_back(textOf(v));
            }
        } else if (field == "http-header") {
            const Node &cfg = c["HttpHeaderConfig"];
            AlbHeaderCondition h;
            h.name = textOf(cfg["HttpHeaderName"]);
            patterns(cfg, pointer, h.values);
            rule.headers.push_back(std::move(h));
        } else if (field == "query-string") {
            std::vector<AlbQueryPair> pairs;
            for (const Node &v : c["QueryStringConfig"]["Values"].items()) {
                pairs.push_back({textOf(v["Key"]), {false, textOf(v["Value"])}});
            }
            rule.queries.push_back(std::move(pairs));
        } else {
            note(Severity::Warning, "alb.condition", c, pointer,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Condition field %1 is not known; the condition was "
                                        "ignored"),
                      {field}));
        }
    }

    void action(AlbRule &rule, const Node &a, const std::string &pointer)
    {
        AlbAction act;
        act.type = textOf(a["Type"]);
        act.pointer = pointer;
        act.node = &a;
        const std::string single = cfnName(a["TargetGroupArn"]);
        if (!single.empty()) {
            act.targets.push_back({targetGroup(single).key, 1});
        }
        for (const Node &t : a["ForwardConfig"]["TargetGroups"].items()) {
            const std::string key = cfnName(t["TargetGroupArn"]);
            if (key.empty()) {
                continue;
            }
            const std::int64_t weight = integerOf(t["Weight"]).value_or(1);
            // ForwardConfig repeats TargetGroupArn in describe-rules output: keep one entry.
            auto same = std::find_if(
                act.targets.begin(), act.targets.end(),
                [&](const AlbWeightedTarget &w) { return w.targetGroup == targetGroup(key).key; });
            if (same != act.targets.end()) {
                same->weight = weight;
            } else {
                act.targets.push_back({targetGroup(key).key, weight});
            }
        }
        if (a.has("RedirectConfig")) {
            act.config = a.find("RedirectConfig");
        } else if (a.has("FixedResponseConfig")) {
            act.config = a.find("FixedResponseConfig");
        }
        rule.actions.push_back(std::move(act));
    }

    void rule(const Node &r, const std::string &pointer, const std::string &listenerKey,
              const std::string &id, bool cfn, bool listenerDefault = false)
    {
        AlbRule rule;
        rule.node = &r;
        rule.pointer = pointer;
        rule.listener = listener(listenerKey, nullptr).key;
        rule.fileOrder = static_cast<int>(set.rules.size());
        rule.isDefault =
            listenerDefault || r["IsDefault"].asBool() || textOf(r["Priority"]) == "default";
        if (!rule.isDefault) {
            rule.priority = integerOf(r["Priority"]);
            if (!rule.priority) {
                note(Severity::Warning, "alb.priority", r["Priority"],
                     appendPointer(pointer, "Priority"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Priority %1 is not a number (a CloudFormation "
                                            "expression?); the rule is ordered after the "
                                            "numbered ones, in file order"),
                          {CloudFormation::isIntrinsic(r["Priority"])
                               ? CloudFormation::shortForm(r["Priority"])
                               : textOf(r["Priority"])}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Write the deployed priority (aws elbv2 "
                                            "describe-rules shows it) so the order check is "
                                            "exact.")));
            }
        }
        rule.id = !id.empty()      ? id
                  : rule.isDefault ? std::string("default")
                  : rule.priority  ? "priority " + std::to_string(*rule.priority)
                                   : "rule " + std::to_string(rule.fileOrder + 1);
        const Node &conditions = r["Conditions"];
        for (std::size_t i = 0; i < conditions.items().size(); ++i) {
            condition(rule, conditions.items()[i],
                      appendPointer(appendPointer(pointer, "Conditions"), i));
        }
        const Node &actions = r[cfn && r.has("DefaultActions") ? "DefaultActions" : "Actions"];
        std::vector<std::pair<std::int64_t, std::size_t>> order;
        for (std::size_t i = 0; i < actions.items().size(); ++i) {
            order.emplace_back(
                integerOf(actions.items()[i]["Order"]).value_or(static_cast<std::int64_t>(i)), i);
        }
        std::stable_sort(order.begin(), order.end());
        for (const auto &[o, i] : order) {
            action(rule, actions.items()[i],
                   appendPointer(appendPointer(pointer, cfn && r.has("DefaultActions")
                                                            ? "DefaultActions"
                                                            : "Actions"),
                                 i));
        }
        set.rules.push_back(std::move(rule));
    }

    // describe-rules: the listener is the rule ARN without "listener-rule/" and its last part.
    static std::string listenerOfRuleArn(const std::string &arn)
    {
        const auto p = arn.find("listener-rule/");
        if (p == std::string::npos) {
            return "listener";
        }
        std::string rest = arn.substr(p + 14);
        const auto last = rest.rfind('/');
        return last == std::string::npos ? rest : rest.substr(0, last);
    }

    void describeRules(const Node &rules, const std::string &pointer)
    {
        for (std::size_t i = 0; i < rules.items().size(); ++i) {
            const Node &r = rules.items()[i];
            rule(r, appendPointer(pointer, i), listenerOfRuleArn(textOf(r["RuleArn"])), {}, false);
        }
    }

    void describeTargetGroups(const Node &groups)
    {
        for (const Node &g : groups.items()) {
            AlbTargetGroup &t = targetGroup(textOf(g["TargetGroupArn"]));
            if (auto port = integerOf(g["Port"])) {
                t.port = port;
            }
        }
    }

    void cloudFormation(const Node &resources)
    {
        // Target groups and listeners first: rules refer to them.
        for (const auto &e : resources.entries()) {
            const std::string type = textOf(e.value["Type"]);
            const Node &props = e.value["Properties"];
            if (type == "AWS::ElasticLoadBalancingV2::TargetGroup") {
                AlbTargetGroup &t = targetGroup(e.key);
                t.port = integerOf(props["Port"]);
            } else if (type == "AWS::ElasticLoadBalancingV2::Listener") {
                AlbListener &l = listener(e.key, &e.value);
                l.port = integerOf(props["Port"]);
                l.protocol = textOf(props["Protocol"]);
            }
        }
        for (const auto &e : resources.entries()) {
            const std::string type = textOf(e.value["Type"]);
            const std::string rp = appendPointer(appendPointer("/Resources", e.key), "Properties");
            const Node &props = e.value["Properties"];
            if (type == "AWS::ElasticLoadBalancingV2::ListenerRule") {
                std::string key = cfnName(props["ListenerArn"]);
                rule(props, rp, key.empty() ? std::string("listener") : key, e.key, true);
            } else if (type == "AWS::ElasticLoadBalancingV2::Listener" &&
                       props["DefaultActions"].isList()) {
                rule(props, rp, e.key, e.key + " default", true, true);
            }
        }
    }

private:
    std::string m_file;
    Core::Diagnostics &m_notes;
};

} // namespace

std::vector<std::size_t> albOrder(const AlbRuleSet &set, const std::string &listener)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < set.rules.size(); ++i) {
        if (set.rules[i].listener == listener) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const AlbRule &ra = set.rules[a];
        const AlbRule &rb = set.rules[b];
        auto rank = [](const AlbRule &r) { return r.isDefault ? 2 : r.priority ? 0 : 1; };
        if (rank(ra) != rank(rb)) {
            return rank(ra) < rank(rb);
        }
        if (ra.priority && rb.priority && *ra.priority != *rb.priority) {
            return *ra.priority < *rb.priority;
        }
        return ra.fileOrder < rb.fileOrder;
    });
    return order;
}

AlbRuleSet readAlbRules(const Model::Node &root, const std::string &file, Core::Diagnostics &notes)
{
    Reader reader(file, notes);
    if (root["Rules"].isList()) {
        reader.describeRules(root["Rules"], "/Rules");
    } else if (root["examples"].isMap()) {
        const Node &ex = root["examples"];
        const Node &groups = ex["DescribeTargetGroups"];
        for (const Node &g : groups.items()) {
            reader.describeTargetGroups(g["output"]["TargetGroups"]);
        }
        const Node &describe = ex["DescribeRules"];
        for (std::size_t i = 0; i < describe.items().size(); ++i) {
            reader.describeRules(describe.items()[i]["output"]["Rules"],
                                 "/examples/DescribeRules/" + std::to_string(i) + "/output/Rules");
        }
    } else if (root["Resources"].isMap()) {
        reader.resolver.emplace(root);
        reader.cloudFormation(root["Resources"]);
    }
    return std::move(reader.set);
}

} // namespace Torii::Convert::Alb
