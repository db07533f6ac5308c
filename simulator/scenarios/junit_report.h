#pragma once

// Route-test results as JUnit XML (the format CI systems read): one <testsuite> per case file,
// one <testcase> per test, with <failure> or <skipped> carrying the reason, and every evaluated
// item listed in <system-out>. Texts are English, as CI logs are searched in English.
//
// Thread: pure functions.

#include "case_runner.h"

#include <string>
#include <vector>

namespace Torii::Scenarios {

// `results` in run order; `name` names the whole run (<testsuites name=…>).
std::string junitXml(const std::vector<CaseResult> &results, const std::string &name);

// Writes junitXml() to `path`; false with `error` set when the file cannot be written.
bool writeJUnit(const std::string &path, const std::vector<CaseResult> &results,
                const std::string &name, std::string *error);

} // namespace Torii::Scenarios
