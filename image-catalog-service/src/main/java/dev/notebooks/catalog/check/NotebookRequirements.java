package dev.notebooks.catalog.check;

import java.util.List;

/**
 * Kubeflow's requirements for a notebook image (kubeflow/notebooks, "custom images"), as far as an image's config
 * shows them: it serves HTTP on port 8888 under {@code NB_PREFIX}, runs as {@code jovyan} (uid 1000) with home
 * {@code /home/jovyan}, and starts a server of its own.
 */
final class NotebookRequirements {

    static final String PORT = "port-8888";
    static final String USER = "user-jovyan";
    static final String HOME = "home-jovyan";
    static final String ENTRYPOINT = "entrypoint";
    static final String NB_PREFIX = "nb-prefix";

    /** Every requirement, in the order they are reported. */
    static final List<String> ALL = List.of(PORT, USER, HOME, ENTRYPOINT, NB_PREFIX);

    private static final String NOTEBOOK_PORT = "8888/tcp";
    private static final String NOTEBOOK_USER = "jovyan";
    private static final String NOTEBOOK_UID = "1000";
    private static final String NOTEBOOK_HOME = "/home/jovyan";

    private NotebookRequirements() {}

    static List<RequirementResult> check(ImageConfig config) {
        return List.of(port(config), user(config), home(config), entrypoint(config), nbPrefix());
    }

    /** Every requirement unknown, for an image whose config could not be read. */
    static List<RequirementResult> unknown(String reason) {
        return ALL.stream().map(name -> RequirementResult.unknown(name, reason)).toList();
    }

    private static RequirementResult port(ImageConfig config) {
        if (config.exposedPorts().contains(NOTEBOOK_PORT)) {
            return RequirementResult.pass(PORT, "exposes 8888/tcp");
        }
        String exposed = config.exposedPorts().isEmpty()
                ? "exposes no port"
                : "exposes "
                        + String.join(
                                ", ", config.exposedPorts().stream().sorted().toList());
        return RequirementResult.fail(PORT, exposed + "; the notebook server must listen on 8888/tcp");
    }

    private static RequirementResult user(ImageConfig config) {
        String user = config.user().split(":", 2)[0];
        if (user.isEmpty() || user.equals("root") || user.equals("0")) {
            String who = user.isEmpty() ? "sets no user, so it runs as root" : "runs as " + user;
            return RequirementResult.fail(USER, who + "; it must run as jovyan (uid 1000)");
        }
        if (user.equals(NOTEBOOK_USER) || user.equals(NOTEBOOK_UID)) {
            return RequirementResult.pass(USER, "runs as " + user);
        }
        if (user.chars().allMatch(Character::isDigit)) {
            return RequirementResult.fail(USER, "runs as uid " + user + "; it must run as jovyan (uid 1000)");
        }
        // a named user's uid is in the image's /etc/passwd, which the config does not show
        return RequirementResult.unknown(USER, "runs as " + user + ", whose uid the image config does not show");
    }

    private static RequirementResult home(ImageConfig config) {
        String home = config.env().get("HOME");
        if (home == null) {
            return RequirementResult.unknown(
                    HOME, "HOME is not set in the image; the runtime takes it from the user's /etc/passwd entry");
        }
        if (home.equals(NOTEBOOK_HOME)) {
            return RequirementResult.pass(HOME, "HOME=" + home);
        }
        return RequirementResult.fail(HOME, "HOME=" + home + "; it must be /home/jovyan, where the volume is mounted");
    }

    private static RequirementResult entrypoint(ImageConfig config) {
        if (!config.entrypoint().isEmpty()) {
            return RequirementResult.pass(ENTRYPOINT, "entrypoint " + config.entrypoint());
        }
        if (!config.cmd().isEmpty()) {
            return RequirementResult.pass(ENTRYPOINT, "cmd " + config.cmd());
        }
        return RequirementResult.fail(ENTRYPOINT, "has neither an entrypoint nor a cmd, so it starts no server");
    }

    private static RequirementResult nbPrefix() {
        return RequirementResult.unknown(
                NB_PREFIX, "whether the server serves under NB_PREFIX cannot be verified from the image");
    }
}
