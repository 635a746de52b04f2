package dev.notebooks.profile.api.usage;

import java.util.List;

/** The usage rows as CSV (RFC 4180, CRLF), one line per row with its profile, for a spreadsheet or an invoice run. */
final class UsageCsv {

    static final String MEDIA_TYPE = "text/csv";

    static final List<String> HEADER = List.of(
            "profile",
            "period",
            "kind",
            "name",
            "gpuVendor",
            "storageClass",
            "cpuCoreSeconds",
            "cpuCoreHours",
            "memoryGiBSeconds",
            "memoryGiBHours",
            "gpuSeconds",
            "gpuHours",
            "storageGiBSeconds",
            "storageGiBHours",
            "cost",
            "currency");

    private UsageCsv() {}

    static String of(List<UsageViews.UsageReportView> reports) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (UsageViews.UsageReportView report : reports) {
            for (UsageViews.RowView row : report.rows()) {
                line(
                        csv,
                        List.of(
                                report.profile(),
                                row.period().toString(),
                                row.kind(),
                                row.name(),
                                nullable(row.gpuVendor()),
                                nullable(row.storageClass()),
                                row.cpuCoreSeconds(),
                                row.cpuCoreHours(),
                                row.memoryGiBSeconds(),
                                row.memoryGiBHours(),
                                row.gpuSeconds(),
                                row.gpuHours(),
                                row.storageGiBSeconds(),
                                row.storageGiBHours(),
                                nullable(row.cost()),
                                row.cost() == null ? "" : nullable(report.currency())));
            }
        }
        return csv.toString();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted when it holds a separator, a quote or a line break; a leading formula character is neutralised. */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value
                : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
