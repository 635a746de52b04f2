package dev.notebooks.deploy;

import java.util.List;

/** The five services the chart deploys, with their HTTP ports and database names (values.yaml's defaults). */
enum Services {
    PROFILE("profile-service", 8081, "profile"),
    NOTEBOOK("notebook-service", 8082, "notebook"),
    VOLUME("volume-service", 8083, "volume"),
    IMAGE_CATALOG("image-catalog-service", 8084, "catalog"),
    AUTH("auth-service", 8085, "auth");

    final String serviceName;
    final int port;
    final String database;

    Services(String serviceName, int port, String database) {
        this.serviceName = serviceName;
        this.port = port;
        this.database = database;
    }

    /** The name of its objects in a release named {@link Chart#RELEASE}. */
    String objectName() {
        return Chart.RELEASE + "-" + serviceName;
    }

    static List<String> objectNames() {
        return List.of(values()).stream().map(Services::objectName).toList();
    }
}
