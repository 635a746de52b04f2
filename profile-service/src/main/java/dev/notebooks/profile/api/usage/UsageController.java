package dev.notebooks.profile.api.usage;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.service.usage.UsagePricing;
import dev.notebooks.profile.service.usage.UsageService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Metered usage: a profile's (owner, contributors, admins) and every profile's (admins, paged by profile name), as
 * JSON or, with {@code Accept: text/csv}, the same rows as CSV. The caller's right is checked before the parameters.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class UsageController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final UsageService usage;
    private final UsagePricing pricing;

    UsageController(UsageService usage, UsagePricing pricing) {
        this.usage = usage;
        this.pricing = pricing;
    }

    @Get("/api/profiles/{name}/usage")
    @Produces({MediaType.APPLICATION_JSON, UsageCsv.MEDIA_TYPE})
    HttpResponse<?> profile(
            HttpRequest<?> request,
            @Parameter(hidden = true) Caller caller,
            @PathVariable String name,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String granularity) {
        usage.authorize(caller, name);
        Instant now = Instant.now();
        UsageWindow window = UsageWindow.of(from, to, granularity, now);
        UsageViews.UsageReportView report =
                UsageViews.of(usage.report(name, window.from(), window.to(), window.granularity(), now), pricing);
        return csvWanted(request) ? csv(List.of(report)) : HttpResponse.ok(report);
    }

    @Get("/api/usage")
    @Produces({MediaType.APPLICATION_JSON, UsageCsv.MEDIA_TYPE})
    HttpResponse<?> all(
            HttpRequest<?> request,
            @Parameter(hidden = true) Caller caller,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String granularity,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) {
        usage.authorizeAll(caller);
        Instant now = Instant.now();
        UsageWindow window = UsageWindow.of(from, to, granularity, now);
        int size = limit(limit);
        List<String> names = usage.profiles(cursor, size + 1);
        List<UsageViews.UsageReportView> reports = new ArrayList<>();
        for (String name : names.subList(0, Math.min(size, names.size()))) {
            reports.add(
                    UsageViews.of(usage.report(name, window.from(), window.to(), window.granularity(), now), pricing));
        }
        if (csvWanted(request)) {
            return csv(reports);
        }
        String next = names.size() > size ? reports.get(reports.size() - 1).profile() : null;
        return HttpResponse.ok(new UsageViews.UsagePageView(reports, next));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblems.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static boolean csvWanted(HttpRequest<?> request) {
        List<MediaType> accepted = request.getHeaders().accept();
        boolean csv = accepted.stream().anyMatch(type -> UsageCsv.MEDIA_TYPE.equals(type.getName()));
        boolean json = accepted.stream().anyMatch(type -> MediaType.APPLICATION_JSON.equals(type.getName()));
        return csv && !json;
    }

    private static HttpResponse<String> csv(List<UsageViews.UsageReportView> reports) {
        return HttpResponse.ok(UsageCsv.of(reports)).contentType(UsageCsv.MEDIA_TYPE + "; charset=utf-8");
    }
}
