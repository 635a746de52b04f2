package dev.notebooks.platform.web.layout;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folder rules of ARCHITECTURE.md for one service, as ArchUnit rules: which of its packages may import which
 * ({@code api -> service, domain}; {@code service -> domain, store, events}; {@code controller -> service, domain,
 * store, events}; {@code events -> service, domain, store}; {@code store -> domain}; {@code domain ->} nothing of the
 * service and no framework), HTTP controllers only in {@code api}, Kafka consumers only in {@code events}. Every
 * service's layout test is {@code ServiceLayout.of("dev.notebooks.<service>").check()}.
 */
public final class ServiceLayout {

    public static final String API = "api";
    public static final String SERVICE = "service";
    public static final String DOMAIN = "domain";
    public static final String CONTROLLER = "controller";
    public static final String EVENTS = "events";
    public static final String STORE = "store";

    /** Each folder and the folders it may import besides itself. */
    static final Map<String, Set<String>> ALLOWED = allowed();

    private final String base;

    private ServiceLayout(String base) {
        this.base = base;
    }

    public static ServiceLayout of(String basePackage) {
        return new ServiceLayout(basePackage);
    }

    /** Checks the service's main classes; throws an AssertionError naming every violation. */
    public void check() {
        check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base));
    }

    public void check(JavaClasses classes) {
        List<String> failures = rules().stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .toList();
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    public List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        ALLOWED.forEach((folder, allowed) -> {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(folder) && !allowed.contains(other))
                    .map(this::packageOf)
                    .toArray(String[]::new);
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(packageOf(folder))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden)
                    .as(folder + " imports only " + (allowed.isEmpty() ? "itself" : String.join(", ", allowed)))
                    .allowEmptyShould(true));
        });
        rules.add(classes()
                .that()
                .resideInAPackage(packageOf(DOMAIN))
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage(base + "..").or(resideInAPackage(packageOf(DOMAIN))))
                .as("domain imports nothing of the service")
                .allowEmptyShould(true));
        rules.add(noClasses()
                .that()
                .resideInAPackage(packageOf(DOMAIN))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.micronaut..", "jakarta..", "javax.inject..", "dev.notebooks.platform.outbox..")
                .as("domain is pure Java: no Micronaut, jakarta or outbox")
                .allowEmptyShould(true));
        rules.add(classes()
                .that()
                .areAnnotatedWith("io.micronaut.http.annotation.Controller")
                .should()
                .resideInAPackage(packageOf(API))
                .as("HTTP controllers live in api")
                .allowEmptyShould(true));
        rules.add(classes()
                .that()
                .areAnnotatedWith("io.micronaut.configuration.kafka.annotation.KafkaListener")
                .should()
                .resideInAPackage(packageOf(EVENTS))
                .as("consumers live in events")
                .allowEmptyShould(true));
        rules.add(noClasses()
                .that(resideInAPackage(base + "..").and(not(resideInAPackage(packageOf(SERVICE)))))
                .should()
                .haveSimpleNameEndingWith("Service")
                .as("use-case classes (<Thing>Service) live in service")
                .allowEmptyShould(true));
        return rules;
    }

    private String packageOf(String folder) {
        return base + "." + folder + "..";
    }

    private static Map<String, Set<String>> allowed() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put(API, Set.of(SERVICE, DOMAIN));
        allowed.put(SERVICE, Set.of(DOMAIN, STORE, EVENTS));
        allowed.put(DOMAIN, Set.of());
        allowed.put(CONTROLLER, Set.of(SERVICE, DOMAIN, STORE, EVENTS));
        allowed.put(EVENTS, Set.of(SERVICE, DOMAIN, STORE));
        allowed.put(STORE, Set.of(DOMAIN));
        return allowed;
    }
}
