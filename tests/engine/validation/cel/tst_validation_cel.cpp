#include "engine/validation/cel/cel.h"

#include <yaml-cpp/yaml.h>

#include <QTest>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <vector>

using Torii::Model::Node;
using namespace Torii::Validation::Cel;

namespace {

Node strings(std::initializer_list<const char *> values)
{
    Node list = Node::list();
    for (const char *v : values) {
        list.append(Node::string(v));
    }
    return list;
}

Node parentRef(const char *name, const char *sectionName = nullptr)
{
    Node ref = Node::map();
    ref.set("group", Node::string("gateway.networking.k8s.io"));
    ref.set("kind", Node::string("Gateway"));
    ref.set("name", Node::string(name));
    if (sectionName) {
        ref.set("sectionName", Node::string(sectionName));
    }
    return ref;
}

// The trees the expressions of the data-driven tests run on, by name.
const Node &fixture(const QString &name)
{
    static const std::map<QString, Node> fixtures = [] {
        std::map<QString, Node> all;

        Node object = Node::map();
        object.set("type", Node::string("Hostname"));
        object.set("value", Node::string("example.com"));
        object.set("port", Node::integer(80));
        object.set("weight", Node::floating(1.5));
        object.set("namespace", Node::string("default"));
        object.set("names", strings({"a", "b", "c"}));
        Node labels = Node::map();
        labels.set("app", Node::string("web"));
        labels.set("tier", Node::string("front"));
        object.set("labels", labels);
        object.set("empty", Node::string(""));
        object.set("flag", Node::boolean(true));
        object.set("nothing", Node::null());
        object.set("dotted.key", Node::integer(1));
        object.set("dash-key", Node::integer(2));
        object.set("slash/key", Node::integer(3));
        object.set("under__score", Node::integer(4));
        object.set("timeout", Node::string("10s"));
        all["object"] = object;

        all["label"] = Node::string("my-name");
        all["badLabel"] = Node::string("My_Name");
        all["emptyString"] = Node::string("");
        all["tenSeconds"] = Node::string("10s");
        all["twoHours"] = Node::string("2h");

        Node refs = Node::list();
        refs.append(parentRef("gw", "http"));
        refs.append(parentRef("gw", "https"));
        all["parentRefs"] = refs;
        Node mixed = Node::list();
        mixed.append(parentRef("gw", "http"));
        mixed.append(parentRef("gw"));
        all["mixedParentRefs"] = mixed;

        Node pathMatch = Node::map();
        pathMatch.set("type", Node::string("PathPrefix"));
        pathMatch.set("value", Node::string("/api"));
        all["pathPrefix"] = pathMatch;
        Node badPath = pathMatch;
        badPath.set("value", Node::string("api//v1"));
        all["badPath"] = badPath;

        Node filters = Node::list();
        for (const char *type : {"RequestHeaderModifier", "URLRewrite", "RequestHeaderModifier"}) {
            Node filter = Node::map();
            filter.set("type", Node::string(type));
            filters.append(filter);
        }
        all["filters"] = filters;

        all["hostnames"] = strings({"foo.example.com", "*.example.com"});
        all["ipHostnames"] = strings({"foo.example.com", "10.0.0.1"});
        all["null"] = Node::null();
        return all;
    }();
    auto it = fixtures.find(name);
    if (it == fixtures.end()) {
        qFatal("unknown fixture %s", qPrintable(name));
    }
    return it->second;
}

QString kindName(Outcome::Kind kind)
{
    switch (kind) {
    case Outcome::Kind::True:
        return QStringLiteral("true");
    case Outcome::Kind::False:
        return QStringLiteral("false");
    case Outcome::Kind::Error:
        return QStringLiteral("error");
    }
    return {};
}

// Every x-kubernetes-validations rule under spec.versions[*].schema.openAPIV3Schema.
void collectRules(const YAML::Node &node, std::vector<std::string> *rules)
{
    if (node.IsMap()) {
        for (const auto &entry : node) {
            if (entry.first.as<std::string>() == "x-kubernetes-validations" &&
                entry.second.IsSequence()) {
                for (const auto &validation : entry.second) {
                    if (validation["rule"]) {
                        rules->push_back(validation["rule"].as<std::string>());
                    }
                }
            }
            collectRules(entry.second, rules);
        }
    } else if (node.IsSequence()) {
        for (const auto &item : node) {
            collectRules(item, rules);
        }
    }
}

} // namespace

class TestValidationCel : public QObject
{
    Q_OBJECT

private slots:
    void evaluation_data();
    void evaluation();
    void compileErrors_data();
    void compileErrors();
    void oldSelf();
    void transitionRule();
    void concurrentEvaluation();
    void limits();
    void robustness();
    void gatewayApiRules();
};

// Columns: the fixture `self` is bound to, the expression, and the expected outcome: "true",
// "false" or "error" (then `detail` must be part of the message).
void TestValidationCel::evaluation_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("detail");

    auto row = [](const char *fixtureName, const char *expression, const char *expected,
                  const char *detail = "") {
        QTest::addRow("%s: %s", fixtureName, expression)
            << QString::fromUtf8(fixtureName) << QString::fromUtf8(expression)
            << QString::fromUtf8(expected) << QString::fromUtf8(detail);
    };

    // ---- literals and arithmetic
    row("object", "1 + 2 == 3", "true");
    row("object", "1 + 2 * 3 == 7", "true");
    row("object", "(1 + 2) * 3 == 9", "true");
    row("object", "7 / 2 == 3 && 7 % 3 == 1 && -7 / 2 == -3", "true");
    row("object", "10 - 2 - 3 == 5", "true");
    row("object", "1 / 0 == 0", "error", "division by zero");
    row("object", "1 % 0 == 0", "error", "modulus by zero");
    row("object", "9223372036854775807 + 1 > 0", "error", "overflow");
    row("object", "-9223372036854775808 < 0", "true");
    row("object", "-(-9223372036854775807 - 1) > 0", "error", "overflow");
    row("object", "1u + 2u == 3u", "true");
    row("object", "0u - 1u == 0u", "error", "overflow");
    row("object", "0x10 == 16", "true");
    row("object", "1.5e3 == 1500.0 && .5 == 0.5", "true");
    row("object", "2.0 / 4.0 == 0.5", "true");
    row("object", "1 + 1.0 == 2.0", "error", "no such overload");
    row("object", "'abc' + 'def' == 'abcdef'", "true");
    row("object", "[1, 2] + [3] == [1, 2, 3]", "true");
    row("object", "--1 == 1 && -(1) == -1", "true");

    // ---- equality and ordering
    row("object", "1 == 1.0 && 1 == 1u && 1u == 1.0", "true");
    row("object", "1 < 1.5 && 2u > 1 && -1 < 0u", "true");
    row("object", "'a' < 'b' && 'b' >= 'b' && 'ab' > 'a'", "true");
    row("object", "false < true", "true");
    row("object", "1 == 'a'", "false");
    row("object", "null == null && self.nothing == null", "true");
    row("object", "self.names == ['a', 'b', 'c']", "true");
    row("object", "self.labels == {'tier': 'front', 'app': 'web'}", "true");
    row("object", "self.labels != {'app': 'web'}", "true");
    row("object", "[[1, 2], {'a': [3]}] == [[1, 2], {'a': [3]}]", "true");
    row("object", "1 < 'a'", "error", "no such overload");
    row("object", "self.weight > 1 && self.weight < 2", "true");
    row("object", "self.port == 80 && self.port == 80.0", "true");

    // ---- logic and error semantics
    row("object", "!true == false && !!true", "true");
    row("object", "false && self.missing == 1", "false");
    row("object", "self.missing == 1 && false", "false");
    row("object", "true || self.missing == 1", "true");
    row("object", "self.missing == 1 || true", "true");
    row("object", "self.missing == 1 || false", "error", "no such key: missing");
    row("object", "true && self.missing == 1", "error", "no such key: missing");
    row("object", "self.missing == 1", "error", "no such key: missing");
    row("object", "self.type == 'Hostname' ? true : self.missing", "true");
    row("object", "self.type != 'Hostname' ? self.missing : true", "true");
    row("object", "(true ? 1 : 2) == 1", "true");
    row("object", "true ? false : true ? true : true", "false");
    row("object", "self.type", "error", "not to a bool");
    row("object", "1 ? true : false", "error", "no such overload");
    row("object", "1 || true", "true");
    row("object", "1 || false", "error", "no such overload");

    // ---- selection, has(), index, in
    row("object", "has(self.type) && !has(self.missing)", "true");
    row("object", "has(self.nothing)", "true");
    row("object", "has(self.missing.deeper)", "error", "no such key: missing");
    row("object", "has(self.type.deeper)", "error", "field selection");
    row("object", "self.names[1] == 'b'", "true");
    row("object", "self.names[5] == 'b'", "error", "out of range");
    row("object", "self.names[-1] == 'b'", "error", "out of range");
    row("object", "self.labels['app'] == 'web'", "true");
    row("object", "self.labels['nope'] == 'x'", "error", "no such key: nope");
    row("object", "self.labels.app == 'web'", "true");
    row("object", "'b' in ['a', 'b'] && !('x' in self.names)", "true");
    row("object", "'app' in self.labels && !('x' in self.labels)", "true");
    row("object", "2 in [1, 2.0]", "true");
    row("object", "{'a': 1, 'b': 2}['b'] == 2", "true");
    row("object", "{1: 'one'}[1] == 'one'", "true");

    // ---- Kubernetes escaping of property names
    row("object", "self.__namespace__ == 'default'", "true");
    row("object", "has(self.__namespace__)", "true");
    row("object", "self.dotted__dot__key == 1", "true");
    row("object", "self.dash__dash__key == 2", "true");
    row("object", "self.slash__slash__key == 3", "true");
    row("object", "self.under__underscores__score == 4", "true");

    // ---- strings
    row("object", "'a\\tb'.size() == 3 && '\\x41' == 'A' && '\\101' == 'A'", "true");
    row("object", "\"\\u00e9\" == 'é' && '\\U0001F600'.size() == 1", "true");
    row("object", "'\\'q\\'' == \"'q'\" && '\\\\' .size() == 1", "true");
    row("object", R"(r'\d' == '\\d' && R"\n".size() == 2)", "true");
    row("object", R"('''a'b''' == "a'b" && """x"y""" == 'x"y')", "true");
    row("object", R"(r"""\.""" == '\\.' && r'''a'b''' == "a'b")", "true");
    row("object", "size('héllo') == 5 && 'héllo'.size() == 5", "true");
    row("object", "size(self.names) == 3 && self.labels.size() == 2", "true");
    row("object", "self.value.contains('ample') && !self.value.contains('z')", "true");
    row("object", "self.value.startsWith('exa') && self.value.endsWith('.com')", "true");
    row("object", "!self.value.endsWith('.cluster.local')", "true");
    row("object", "'hello'.substring(1) == 'ello' && 'hello'.substring(1, 3) == 'el'", "true");
    row("object", "'héllo'.substring(1, 2) == 'é' && 'hello'.substring(5) == ''", "true");
    row("object", "'hello'.substring(6) == ''", "error", "index out of range: 6");
    row("object", "'hello'.substring(3, 1) == ''", "error", "invalid substring range");
    row("object", "'a/b/c'.split('/') == ['a', 'b', 'c']", "true");
    row("object", "'a/b/c'.split('/', 2) == ['a', 'b/c'] && 'a/b'.split('/', 0) == []", "true");
    row("object", "'abc'.split('') == ['a', 'b', 'c'] && ''.split('/') == ['']", "true");
    row("object", "'example.com/key'.split('/')[0].size() < 253", "true");
    row("object", "'AbC'.lowerAscii() == 'abc' && 'AbC'.upperAscii() == 'ABC'", "true");
    row("object", "'  x \\n'.trim() == 'x' && '\\u00a0y'.trim() == 'y'", "true");
    row("object", "'hello'.indexOf('l') == 2 && 'hello'.indexOf('z') == -1", "true");
    row("object", "'hello'.indexOf('l', 3) == 3 && 'héllo'.indexOf('l') == 2", "true");
    row("object", "'hello'.lastIndexOf('l') == 3 && 'hello'.lastIndexOf('l', 2) == 2", "true");
    row("object", "'hello'.indexOf('l', 9) == 1", "error", "index out of range");
    row("object", "['a', 'b'].join('-') == 'a-b' && ['a', 'b'].join() == 'ab'", "true");
    row("object", "[1].join() == ''", "error", "not a string");
    row("object", "'abc'.charAt(1) == 'b' && 'abc'.charAt(3) == ''", "true");
    row("object", "'aaa'.replace('a', 'b') == 'bbb' && 'aaa'.replace('a', 'b', 2) == 'bba'",
        "true");
    row("object", "'abc'.reverse() == 'cba'", "true");
    row("object", "self.value.size() + self.empty.size() == 11", "true");
    row("object", "1.contains('a')", "error", "no such overload");

    // ---- regexes (RE2, unanchored like cel-go)
    row("object", "self.value.matches('^[a-z.]+$')", "true");
    row("object", "matches(self.value, 'ample')", "true");
    row("object", "'abc'.matches('b') && !'abc'.matches('^b')", "true");
    row("object",
        R"cel('grpc.health.v1'.matches(r"""^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$"""))cel",
        "true");
    row("object", R"cel('9bad'.matches(r"""^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$"""))cel",
        "false");
    row("object", R"('a.b'.matches('^([a-z]+)(\\.[a-z]+)*$'))", "true");
    row("object", "'a'.matches(self.type + '(')", "error", "invalid regular expression");
    row("object", "'Hostname'.matches(self.type)", "true");

    // ---- conversions
    row("object", "int('42') == 42 && int(' 42') == 0", "error", "invalid syntax");
    row("object", "int('-42') == -42 && int(2.9) == 2 && int(-2.9) == -2 && int(3u) == 3", "true");
    row("object", "string(42) == '42' && string(1.5) == '1.5' && string(true) == 'true'", "true");
    row("object", "string(1000000.0) == '1e+06' && string(123456.0) == '123456'", "true");
    row("object", "string(0.0001) == '0.0001' && string(0.00001) == '1e-05'", "true");
    row("object", "-3u == 0u", "error", "no such overload");
    row("object", "double('2.5') == 2.5 && double(2) == 2.0 && uint(7) == 7u", "true");
    row("object", "bool('true') && !bool('false')", "true");
    row("object", "type(1) == int && type('a') == string && type(self.names) == list", "true");
    row("object", "type(self.labels) == map && type(null) == null_type", "true");
    row("object", "dyn(1) == 1", "true");
    row("object", "int(1e19) == 0", "error", "range error");

    // ---- macros
    row("object", "self.names.all(n, n.size() == 1)", "true");
    row("object", "self.names.all(n, n != 'c')", "false");
    row("object", "self.names.exists(n, n == 'b')", "true");
    row("object", "self.names.exists_one(n, n == 'b') && !self.names.exists_one(n, true)", "true");
    row("object", "[1, 1].exists_one(x, x == 1)", "false");
    row("object", "[].all(x, false) && ![].exists(x, true)", "true");
    row("object", "self.names.filter(n, n != 'b') == ['a', 'c']", "true");
    row("object", "self.names.map(n, n + n) == ['aa', 'bb', 'cc']", "true");
    row("object", "[1, 2, 3].map(x, x > 1, x * 10) == [20, 30]", "true");
    row("object", "self.labels.all(k, k.size() > 2)", "true");
    row("object", "self.labels.exists(k, self.labels[k] == 'web')", "true");
    row("object", "self.labels.map(k, k) == ['app', 'tier']", "true");
    row("object", "self.names.all(a, self.names.exists_one(b, a == b))", "true");
    row("object", "self.names.all(x, self.names.all(y, x == y || x != y))", "true");
    row("object", "[0, 1].all(x, 10 / x > 5)", "error", "division by zero");
    row("object", "[0, 1].all(x, 10 / x > 50)", "false");
    row("object", "[1, 0].all(x, 10 / x > 50)", "false");
    row("object", "[0, 1].exists(x, 10 / x == 10)", "true");
    row("object", "[0].exists(x, 10 / x == 10)", "error", "division by zero");
    row("object", "[0, 1].exists_one(x, 10 / x == 10)", "error", "division by zero");
    row("object", "[0, 1].filter(x, 10 / x == 10) == [1]", "error", "division by zero");
    row("object", "self.type.all(x, true)", "error", "cannot be range");
    row("object", "[1, 2].all(x, x)", "error", "no such overload");
    row("object", "[1, 2].exists(x, x == 1) && [1, 2].filter(x, x > 5).size() == 0", "true");

    // ---- durations
    row("object", "duration('1h30m') == duration('90m')", "true");
    row("object", "duration('1.5h') == duration('5400s')", "true");
    row("object", "duration('500ms') < duration('1s') && duration('0') == duration('0s')", "true");
    row("object", "duration('-1s') < duration('0s') && duration('1us') == duration('1µs')", "true");
    row("object", "duration('1μs') == duration('1000ns')", "true");
    row("object", "duration('1h').getMinutes() == 60 && duration('90s').getSeconds() == 90",
        "true");
    row("object", "duration('1s') + duration('500ms') == duration('1.5s')", "true");
    row("object", "string(duration('1m30s')) == '90s' && string(duration('1.5s')) == '1.5s'",
        "true");
    row("object", "duration(self.timeout) > duration('1s')", "true");
    row("object", "duration('5x') == duration('0s')", "error", "unknown unit");
    row("object", "duration('1') == duration('0s')", "error", "missing unit");
    row("object", "duration('') == duration('0s')", "error", "invalid duration");
    row("object", "duration('99999999999h') > duration('0s')", "error", "invalid duration");
    row("tenSeconds", "!(duration(self) < duration('1s') || duration(self) > duration('1h'))",
        "true");
    row("twoHours", "!(duration(self) < duration('1s') || duration(self) > duration('1h'))",
        "false");
    row("tenSeconds", "!(duration(self) == duration('0s') || duration(self) > duration('1h'))",
        "true");

    // ---- IP / CIDR / URL
    row("object", "isIP('192.168.0.1') && isIP('::1') && isIP('2001:db8::1')", "true");
    row("object", "isIP('1:2:3:4:5:6:7:8') && isIP('::') && isIP('0.0.0.0')", "true");
    row("object", "isIP('::1.2.3.4') && isIP('64:ff9b::10.0.0.1')", "true");
    row("object", "isIP('192.168.00.1')", "false");
    row("object", "isIP('256.1.1.1') || isIP('1.2.3') || isIP('1.2.3.4.5')", "false");
    row("object", "isIP('fe80::1%eth0') || isIP('::ffff:1.2.3.4')", "false");
    row("object", "isIP('1::2::3') || isIP('12345::') || isIP('example.com') || isIP('')", "false");
    row("object", "isIP(' 1.2.3.4') || isIP('1.2.3.4/32')", "false");
    row("object", "ip('10.0.0.1').family() == 4 && ip('::1').family() == 6", "true");
    row("object", "ip('::1').isLoopback() && ip('127.0.0.2').isLoopback()", "true");
    row("object", "ip('0.0.0.0').isUnspecified() && ip('169.254.1.1').isLinkLocalUnicast()",
        "true");
    row("object", "ip('10.0.0.1').isGlobalUnicast() && !ip('224.0.0.1').isGlobalUnicast()", "true");
    row("object", "string(ip('2001:0db8:0:0:0:0:0:1')) == '2001:db8::1'", "true");
    row("object", "string(ip('1:0:0:2:0:0:0:3')) == '1:0:0:2::3'", "true");
    row("object", "ip('10.0.0.1') == ip('10.0.0.1') && ip('10.0.0.1') != ip('10.0.0.2')", "true");
    row("object", "ip('1.2.3') == ip('1.2.3.4')", "error", "parse error");
    row("object", "isCIDR('10.0.0.0/8') && isCIDR('2001:db8::/32')", "true");
    row("object", "isCIDR('10.0.0.0/33') || isCIDR('10.0.0.0/08') || isCIDR('10.0.0.0')", "false");
    row("object", "cidr('10.0.0.0/8').containsIP('10.1.2.3')", "true");
    row("object", "cidr('10.0.0.0/8').containsIP(ip('11.0.0.1'))", "false");
    row("object", "cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')", "true");
    row("object", "string(cidr('10.1.2.3/16').masked()) == '10.1.0.0/16'", "true");
    row("object", "cidr('10.1.2.3/16').prefixLength() == 16", "true");
    row("object", "cidr('10.1.2.3/16').ip() == ip('10.1.2.3')", "true");
    row("object", "isURL('https://example.com/path?q=1') && isURL('/relative')", "true");
    row("object", "isURL('not a url') || isURL('relative') || isURL('')", "false");
    row("object", "isURL('http://[::1]:8080/') && !isURL('http://a b/')", "true");

    // ---- Kubernetes format library
    row("label", "size(self) == 0 || format.dns1123Label().validate(self) == null", "true");
    row("emptyString", "size(self) == 0 || format.dns1123Label().validate(self) == null", "true");
    row("badLabel", "size(self) == 0 || format.dns1123Label().validate(self) == null", "false");
    row("badLabel", "format.dns1123Label().validate(self)[0].contains('RFC 1123 label')", "true");
    row("object", "format.dns1123Label().validate('a.b') != null", "true");
    row("object", "format.dns1123Subdomain().validate('a.b') == null", "true");
    row("object", "format.dns1035Label().validate('1abc') != null", "true");
    row("object", "format.labelValue().validate('') == null", "true");
    row("object", "format.qualifiedName().validate('example.com/MyName') == null", "true");
    row("object", "format.qualifiedName().validate('a/b/c').size() == 1", "true");
    row("object", "format.uuid().validate('123e4567-e89b-12d3-a456-426614174000') == null", "true");
    row("object",
        "format.dns1123Label().validate('"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "aaaaaaaaaaaaaaaaaaaaaaaa').size() == 1",
        "true");

    // ---- whole Gateway API rules on realistic values
    row("parentRefs",
        "self.all(p1, self.all(p2, p1.group == p2.group && p1.kind == p2.kind && p1.name == "
        "p2.name ? ((!has(p1.sectionName) || p1.sectionName == '') == (!has(p2.sectionName) || "
        "p2.sectionName == '')) : true))",
        "true");
    row("mixedParentRefs",
        "self.all(p1, self.all(p2, p1.group == p2.group && p1.kind == p2.kind && p1.name == "
        "p2.name ? ((!has(p1.sectionName) || p1.sectionName == '') == (!has(p2.sectionName) || "
        "p2.sectionName == '')) : true))",
        "false");
    row("pathPrefix", "(self.type in ['Exact','PathPrefix']) ? self.value.startsWith('/') : true",
        "true");
    row("badPath", "(self.type in ['Exact','PathPrefix']) ? !self.value.contains('//') : true",
        "false");
    row("pathPrefix",
        R"cel((self.type in ['Exact','PathPrefix']) ? self.value.matches()cel"
        R"cel(r"""^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$""") : true)cel",
        "true");
    row("filters", "self.filter(f, f.type == 'RequestHeaderModifier').size() <= 1", "false");
    row("filters", "self.filter(f, f.type == 'URLRewrite').size() <= 1", "true");
    row("filters",
        "!(self.exists(f, f.type == 'RequestRedirect') && self.exists(f, f.type == 'URLRewrite'))",
        "true");
    row("hostnames", "self.all(h, !isIP(h))", "true");
    row("ipHostnames", "self.all(h, !isIP(h))", "false");
    row("hostnames",
        R"(self.all(h, h.contains('*') ? (h.startsWith('*.') && h.substring(2).matches()"
        R"('^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$')) : true))",
        "true");
    row("null", "self == null", "true");
    row("null", "self.x == 1", "error", "field selection");
}

void TestValidationCel::evaluation()
{
    QFETCH(QString, fixture);
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    QFETCH(QString, detail);

    std::string error;
    const auto program = Program::compile(expression.toStdString(), &error);
    QVERIFY2(program, error.c_str());
    const Outcome outcome = evaluate(*program, ::fixture(fixture));
    QVERIFY2(kindName(outcome.kind) == expected,
             qPrintable(QStringLiteral("got %1 (%2)")
                            .arg(kindName(outcome.kind), QString::fromStdString(outcome.error))));
    if (!detail.isEmpty()) {
        QVERIFY2(QString::fromStdString(outcome.error).contains(detail), outcome.error.c_str());
    }
}

void TestValidationCel::compileErrors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("detail");

    auto row = [](const char *name, const QString &expression, const char *detail) {
        QTest::newRow(name) << expression << QString::fromUtf8(detail);
    };
    row("empty", "", "Syntax error");
    row("dangling operator", "1 +", "Syntax error");
    row("dangling dot", "self.", "IDENTIFIER");
    row("unbalanced", "(1 + 2", "')'");
    row("trailing", "1 2", "Syntax error");
    row("single equals", "self.a = 1", "token recognition error");
    row("undeclared", "foo == 1", "undeclared reference to 'foo'");
    row("unknown function", "unknownFn(1)", "undeclared reference to 'unknownFn'");
    row("unknown method", "self.frobnicate()", "undeclared reference to 'frobnicate'");
    row("wrong arity", "self.size(1)", "no matching overload");
    row("reserved field", "self.namespace == 'x'", "reserved identifier: namespace");
    row("reserved ident", "return", "reserved identifier");
    row("macro without variable", "self.all(1, true)", "invalid macro call");
    row("macro too many args", "self.all(x, true, false)", "too many arguments");
    row("has non-select", "has(self)", "invalid argument to has()");
    row("unterminated string", "'abc", "unterminated string");
    row("newline in string", "'a\nb' == 'x'", "newline");
    row("bad escape", "'\\q'", "invalid escape");
    row("bad regex", "'a'.matches('(')", "invalid regular expression");
    row("int overflow", "9223372036854775808 > 0", "out of range");
    row("unknown format", "format.nope().validate('x') == null", "format.nope");
    row("bytes", "b'abc' == b'abc'", "bytes");
    row("too deep parens", QString(250, '(') + "1" + QString(250, ')'), "nested too deeply");
    row("too deep lists", QString(250, '[') + QString(250, ']'), "nested too deeply");
    QString chain = "1";
    for (int i = 0; i < 300; ++i) {
        chain += " + 1";
    }
    row("too long chain", chain, "nested too deeply");
    QString ternary = "true";
    for (int i = 0; i < 300; ++i) {
        ternary = "false ? 1 : " + ternary;
    }
    row("too deep ternary", ternary, "nested too deeply");
}

void TestValidationCel::compileErrors()
{
    QFETCH(QString, expression);
    QFETCH(QString, detail);
    std::string error;
    const auto program = Program::compile(expression.toStdString(), &error);
    QVERIFY2(!program, "compiled, but should not");
    QVERIFY2(QString::fromStdString(error).contains(detail), error.c_str());
    // A position prefix "line:column:" helps the user find the mistake.
    QVERIFY2(QString::fromStdString(error).contains(':'), error.c_str());
}

void TestValidationCel::oldSelf()
{
    std::string error;
    const auto program = Program::compile("self == oldSelf", &error);
    QVERIFY2(program, error.c_str());
    QVERIFY(program->isTransitionRule());
    const Node a = Node::string("a");
    const Node b = Node::string("b");
    QCOMPARE(evaluate(*program, a, &a).kind, Outcome::Kind::True);
    QCOMPARE(evaluate(*program, a, &b).kind, Outcome::Kind::False);
    const Outcome missing = evaluate(*program, a);
    QCOMPARE(missing.kind, Outcome::Kind::Error);
    QVERIFY2(QString::fromStdString(missing.error).contains("oldSelf"), missing.error.c_str());
}

void TestValidationCel::transitionRule()
{
    const auto program = Program::compile("self.all(x, x.size() > 0)", nullptr);
    QVERIFY(program);
    QVERIFY(!program->isTransitionRule());
    QCOMPARE(program->expression(), std::string("self.all(x, x.size() > 0)"));
}

void TestValidationCel::concurrentEvaluation()
{
    const auto program = Program::compile(
        "self.names.all(n, n.matches('^[a-c]$')) && self.names.map(n, n + '!').size() == 3 "
        "&& self.value.split('.').join('.') == self.value",
        nullptr);
    QVERIFY(program);
    const Node &object = fixture("object");
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                if (!evaluate(*program, object).passed()) {
                    ++failures;
                }
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    QCOMPARE(failures.load(), 0);
}

// Runaway rules end in an error instead of running for minutes or exhausting memory.
void TestValidationCel::limits()
{
    std::string list = "[";
    for (int i = 0; i < 300; ++i) {
        list += (i ? ", " : "") + std::to_string(i);
    }
    list += "]";
    const std::string nested =
        list + ".all(a, " + list + ".all(b, " + list + ".all(c, a + b + c >= 0))) || true";
    auto program = Program::compile(nested, nullptr);
    QVERIFY(program);
    Outcome outcome = evaluate(*program, fixture("object"));
    QCOMPARE(outcome.kind, Outcome::Kind::Error);
    QVERIFY2(QString::fromStdString(outcome.error).contains("cost limit"), outcome.error.c_str());

    std::string growing = "'a'";
    for (int i = 0; i < 7; ++i) {
        growing += ".replace('a', 'aaaaaaaaaaaaaaaa')";
    }
    program = Program::compile(growing + ".size() > 0", nullptr);
    QVERIFY(program);
    outcome = evaluate(*program, fixture("object"));
    QCOMPARE(outcome.kind, Outcome::Kind::Error);
    QVERIFY2(QString::fromStdString(outcome.error).contains("too large"), outcome.error.c_str());
}

// Mangled and truncated expressions must compile or fail cleanly, and evaluate without crashing.
void TestValidationCel::robustness()
{
    const std::vector<std::string> seeds = {
        "self.all(p1, self.exists_one(p2, p1.name == p2.name && has(p1.sectionName)))",
        R"cel(self.value.matches(r"""^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$""") ? 1 : 2)cel",
        "duration(self.timeout) > duration('1h') || 'x'.substring(1, 0) == ''",
        "[1, 2, {'a': [3u, 4.5, null]}].map(x, x).filter(y, y != 1)[0] in {'k': true}",
        "format.dns1123Label().validate(self.value) == null && isIP(self.value) ? -1 : !true",
        "'\\x41\\u00e9\\101' + r'''raw''' + \"\"\"tri\"ple\"\"\"",
    };
    const std::string alphabet = "()[]{}.,:?!&|=<>+-*/%'\"\\ ruabxself0123456789_\n";
    std::mt19937 random(12345);
    const Node &object = fixture("object");
    int compiled = 0;
    for (const std::string &seed : seeds) {
        for (std::size_t cut = 0; cut <= seed.size(); ++cut) {
            const std::string prefix = seed.substr(0, cut);
            if (auto program = Program::compile(prefix, nullptr)) {
                ++compiled;
                evaluate(*program, object);
                evaluate(*program, fixture("null"));
            }
        }
        for (int round = 0; round < 300; ++round) {
            std::string mutated = seed;
            const int edits = 1 + static_cast<int>(random() % 4);
            for (int e = 0; e < edits && !mutated.empty(); ++e) {
                const std::size_t at = random() % mutated.size();
                switch (random() % 3) {
                case 0:
                    mutated.erase(at, 1);
                    break;
                case 1:
                    mutated.insert(at, 1, alphabet[random() % alphabet.size()]);
                    break;
                default:
                    mutated[at] = static_cast<char>(random() % 256);
                    break;
                }
            }
            if (auto program = Program::compile(mutated, nullptr)) {
                ++compiled;
                evaluate(*program, object);
                evaluate(*program, object, &object);
            }
        }
    }
    QVERIFY(compiled > 0);
}

void TestValidationCel::gatewayApiRules()
{
    const QString crdDir = QString(TORII_SHARED_DIR) + "/crds";
    if (!QFileInfo(crdDir).isDir()) {
        if (qEnvironmentVariable("CI") == QLatin1String("true")) {
            QFAIL(qPrintable("the Gateway API CRDs are missing: " + crdDir));
        }
        QSKIP(qPrintable("the Gateway API CRDs are not available at " + crdDir +
                         " (shared reference material not checked out)"));
    }
    QDirIterator files(crdDir, {QStringLiteral("*.yaml")}, QDir::Files,
                       QDirIterator::Subdirectories);
    int total = 0;
    int fileCount = 0;
    std::set<std::string> distinct;
    while (files.hasNext()) {
        const QString path = files.next();
        std::vector<YAML::Node> documents;
        try {
            documents = YAML::LoadAllFromFile(path.toStdString());
        } catch (const YAML::Exception &e) {
            QFAIL(qPrintable(path + ": " + QString::fromStdString(e.what())));
        }
        std::vector<std::string> rules;
        for (const YAML::Node &document : documents) {
            if (!document.IsMap() || !document["spec"] || !document["spec"]["versions"]) {
                continue;
            }
            for (const YAML::Node &version : document["spec"]["versions"]) {
                const YAML::Node schema = version["schema"];
                if (schema && schema["openAPIV3Schema"]) {
                    collectRules(schema["openAPIV3Schema"], &rules);
                }
            }
        }
        if (!rules.empty()) {
            ++fileCount;
        }
        for (const std::string &rule : rules) {
            std::string error;
            const auto program = Program::compile(rule, &error);
            QVERIFY2(program, qPrintable(path + ": " + QString::fromStdString(rule) + "\n  " +
                                         QString::fromStdString(error)));
            // Evaluating on unrelated trees must fail cleanly, never crash.
            evaluate(*program, fixture("object"));
            evaluate(*program, fixture("null"));
            ++total;
            distinct.insert(rule);
        }
    }
    qInfo("compiled %d CRD validation rules (%d distinct) from %d files", total,
          static_cast<int>(distinct.size()), fileCount);
    QVERIFY(total > 0);
}

QTEST_GUILESS_MAIN(TestValidationCel)
#include "tst_validation_cel.moc"
