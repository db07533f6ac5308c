#pragma once

// Export of a MetricsRecorder's time series: CSV (one row per key and bucket, at one resolution)
// and JSON (every resolution). Latencies in milliseconds with microsecond precision.
// Pure; any thread.

#include "traffic_series.h"

#include <string>

namespace Torii::Metrics {

// Header: resolution_ms,dimension,key,start_ms,requests,none,1xx,2xx,3xx,4xx,5xx,bytes,
// p50_ms,p90_ms,p99_ms,p999_ms,max_ms. `resolutionMicros` must be one of the recorder's
// resolutions (otherwise only the header is written).
std::string timeSeriesCsv(const MetricsRecorder &recorder, std::int64_t resolutionMicros);

// {"resolutions":[{"bucketMs":1000,"series":[{"dimension":"rule","key":"…","total":{…},
//  "buckets":[{"startMs":0,"requests":…,"status":{"2xx":…},"bytes":…,"p50Ms":…,…}]}]}]}
std::string timeSeriesJson(const MetricsRecorder &recorder, bool indented = false);

// A CSV field, quoted when it holds a comma, quote or line end (RFC 4180).
std::string csvField(const std::string &text);

} // namespace Torii::Metrics
