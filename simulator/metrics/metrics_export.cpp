#include "metrics_export.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <cstdio>

namespace Torii::Metrics {

namespace {

std::string millis(std::int64_t micros)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", double(micros) / 1000.0);
    return buffer;
}

QJsonObject bucketJson(const BucketStats &b)
{
    QJsonObject o;
    o.insert(QStringLiteral("startMs"), double(b.startMicros) / 1000.0);
    o.insert(QStringLiteral("requests"), double(b.requests));
    QJsonObject status;
    for (std::size_t i = 0; i < b.statusClasses.size(); ++i) {
        if (b.statusClasses[i]) {
            status.insert(QLatin1String(kStatusClassNames[i]), double(b.statusClasses[i]));
        }
    }
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("bytes"), double(b.bytes));
    o.insert(QStringLiteral("p50Ms"), double(b.latency.percentile(50)) / 1000.0);
    o.insert(QStringLiteral("p90Ms"), double(b.latency.percentile(90)) / 1000.0);
    o.insert(QStringLiteral("p99Ms"), double(b.latency.percentile(99)) / 1000.0);
    o.insert(QStringLiteral("p999Ms"), double(b.latency.percentile(99.9)) / 1000.0);
    o.insert(QStringLiteral("maxMs"), double(b.latency.max()) / 1000.0);
    return o;
}

} // namespace

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + '"';
}

std::string timeSeriesCsv(const MetricsRecorder &recorder, std::int64_t resolutionMicros)
{
    std::string out = "resolution_ms,dimension,key,start_ms,requests,none,1xx,2xx,3xx,4xx,5xx,"
                      "bytes,p50_ms,p90_ms,p99_ms,p999_ms,max_ms\n";
    std::size_t which = recorder.resolutions().size();
    for (std::size_t i = 0; i < recorder.resolutions().size(); ++i) {
        if (recorder.resolutions()[i] == resolutionMicros) {
            which = i;
        }
    }
    if (which == recorder.resolutions().size()) {
        return out;
    }
    for (Dimension d : kDimensions) {
        for (const auto &[key, metrics] : recorder.byKey(d)) {
            for (const BucketStats &b : metrics.series[which].buckets()) {
                out += millis(resolutionMicros) + ',' + toString(d) + ',' + csvField(key) + ',' +
                       millis(b.startMicros) + ',' + std::to_string(b.requests);
                for (std::uint64_t n : b.statusClasses) {
                    out += ',' + std::to_string(n);
                }
                out += ',' + std::to_string(b.bytes) + ',' + millis(b.latency.percentile(50)) +
                       ',' + millis(b.latency.percentile(90)) + ',' +
                       millis(b.latency.percentile(99)) + ',' + millis(b.latency.percentile(99.9)) +
                       ',' + millis(b.latency.max()) + '\n';
            }
        }
    }
    return out;
}

std::string timeSeriesJson(const MetricsRecorder &recorder, bool indented)
{
    QJsonArray resolutions;
    for (std::size_t r = 0; r < recorder.resolutions().size(); ++r) {
        QJsonArray series;
        for (Dimension d : kDimensions) {
            for (const auto &[key, metrics] : recorder.byKey(d)) {
                QJsonObject s;
                s.insert(QStringLiteral("dimension"), QLatin1String(toString(d)));
                s.insert(QStringLiteral("key"), QString::fromStdString(key));
                s.insert(QStringLiteral("total"), bucketJson(metrics.total));
                QJsonArray buckets;
                for (const BucketStats &b : metrics.series[r].buckets()) {
                    buckets.append(bucketJson(b));
                }
                s.insert(QStringLiteral("buckets"), buckets);
                series.append(s);
            }
        }
        QJsonObject o;
        o.insert(QStringLiteral("bucketMs"), double(recorder.resolutions()[r]) / 1000.0);
        o.insert(QStringLiteral("series"), series);
        resolutions.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("resolutions"), resolutions);
    return QJsonDocument(root)
        .toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact)
        .toStdString();
}

} // namespace Torii::Metrics
